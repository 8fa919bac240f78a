"""The handbook pages generated from data: agreement, procedure, Botschafter and one-page sheets."""

from __future__ import annotations

import functools
import re

import pytest

from generator.model.directory import build_directory
from generator.pages.render import render_pages
from generator.pipeline import build_site
from generator.records.validate import load_records

from .support import DATA, FIXED_SETTINGS, replace_in, sample_directory, sample_pages


def _pages(data_dir=DATA, profile: str = "public") -> dict[str, str]:
    if data_dir == DATA:
        return _sample_pages(profile)
    return render_pages(build_directory(load_records(data_dir), profile))


@functools.cache
def _sample_pages(profile: str) -> dict[str, str]:
    return sample_pages(profile)


def test_every_network_has_an_agreement_page_and_a_one_page_sheet():
    pages = _pages()
    for network in sample_directory().networks:
        assert f"vereinbarung/netzwerke/{network.id}.md" in pages
        assert f"merkblaetter/{network.id}.md" in pages


def test_signed_network_shows_its_version_and_date():
    page = _pages()["vereinbarung/netzwerke/beispiel-dresden.md"]
    assert "Fassung vom 11&#46; November 2021 · unterzeichnet am 20&#46; April 2026" in page
    assert page.count('class="om-signature"') == 2


def test_unsigned_network_gets_the_version_to_sign(data_dir):
    page = _pages()["vereinbarung/netzwerke/harz.md"]
    assert "Fassung vom 11&#46; November 2021</p>" in page and "unterzeichnet am" not in page
    assert "Für „Offensive Harzwirtschaft“" in page and "Netzwerk Offensive" not in page


def test_draft_version_is_marked_as_draft_on_its_page():
    page = _pages()["vereinbarung/fassungen/2021-06-21.md"]
    assert '!!! warning "Entwurf"' in page
    assert "**Entwurf:** Wortlaut der Fassung vom 21. Juni 2021 im Entwurf: Die Quellen nennen" in page


def test_overview_lists_who_signed(data_dir):
    page = _pages()["vereinbarung/index.md"]
    assert "| am 20&#46; April 2026 (Fassung vom 11&#46; November 2021); zuvor [Fassung 2021-11-11]" in page
    assert page.count("| noch nicht |") == 5


def test_timeline_shows_date_deadline_and_state():
    page = _pages()["vereinbarung/index.md"]
    assert '<time datetime="2021-08-31">bis 31&#46; August 2021</time>' in page
    assert '<time datetime="2021-11-11">11&#46; November 2021</time>' in page
    # The sources plan the steps after the version of 21 June 2021; whether they took place, none says.
    assert page.count('<span class="om-timeline__state">erledigt</span>') == 1
    assert page.count('<span class="om-timeline__state">geplant</span>') == 4


def test_timeline_marks_assumed_dates():
    page = _pages()["vereinbarung/index.md"]
    steps = re.findall(r"<li class=\"om-timeline__step .*</li>", page)
    assumed = [re.search(r"<time [^>]*>(.*?)</time>", step)[1] for step in steps if "Datum angenommen" in step]
    assert assumed == ["bis 1&#46; Oktober 2021", "bis 21&#46; Oktober 2021"]
    assert '<span class="om-timeline__assumed">Datum angenommen</span>' in steps[2]


def test_sample_timeline_gives_only_the_dates_of_the_sources_as_fact():
    """The sources name the version of 21 June 2021, feedback until the end of August and the Strategiekreis."""
    timeline = sample_directory().agreement.timeline
    stated = {step.date.isoformat() for step in timeline if not step.assumed}
    assert stated == {"2021-06-21", "2021-08-31", "2021-11-11"}


def test_open_step_of_the_timeline(data_dir):
    replace_in(
        data_dir / "agreement.yaml",
        "    date: 2021-11-11\n    state: geplant",
        "    date: 2021-11-11\n    state: offen",
    )
    page = _pages(data_dir)["vereinbarung/index.md"]
    assert 'om-timeline__step--offen"><span class="om-timeline__date"><time datetime="2021-11-11">' in page


def test_changes_page_shows_added_removed_and_changed_clauses():
    page = _pages()["vereinbarung/aenderungen.md"]
    assert "### Neu: § 7 Botschafterinnen und Botschafter" in page
    assert "### Entfallen: § 8 Rückmeldung zu dieser Fassung" in page
    assert "### Geändert: § 8 Der „Wir“-Gedanke\n\n- Bisher § 7\n- Der Wortlaut ist unverändert." in page
    # Only the added words are marked, not the full stop that moved; a screen reader hears each change named.
    added = '<ins><span class="om-sr-only">[neu: </span>und benennt eine Kontaktstelle, die für das Netzwerk spricht'
    assert f"Musternetzwerk der OM {added}" in page
    assert '<del><span class="om-sr-only">[gestrichen: </span>Diese Fassung wird den Partnern' in page
    assert page.count('<span class="om-sr-only">]</span></ins>') == page.count("<ins><span") == 3


def test_changes_page_with_a_single_version(data_dir):
    text = (data_dir / "agreement.yaml").read_text(encoding="utf-8")
    second = text[text.index("  - id: 2021-11-11") : text.index("timeline:")]
    replace_in(data_dir / "agreement.yaml", second, "")
    replace_in(
        data_dir / "networks.yaml",
        "    agreement:\n      - version: 2021-11-11\n        signed_on: 2022-03-15\n"
        "      - version: 2021-11-11\n        signed_on: 2026-04-20\n",
        "",
    )
    pages = _pages(data_dir)
    assert "Bisher gibt es nur eine Fassung" in pages["vereinbarung/aenderungen.md"]
    assert '!!! warning "Entwurf"' in pages["vereinbarung/netzwerke/harz.md"]


def test_procedure_page_numbers_the_steps_in_order_with_their_roles():
    page = _pages()["verfahren/index.md"]
    steps = re.findall(r"^(\d)\. \*\*(.+?)\*\* \((.+?)\):", page, flags=re.MULTILINE)
    assert [number for number, _, _ in steps] == [str(n) for n in range(1, 8)]
    assert steps[2][1:] == (
        "Bitte an die Koordinierungsstelle",
        "Regionales Netzwerk → OM-Koordinierungsstelle",
    )
    # Logging is the office's practice, not part of the decision: said once, outside the numbered steps.
    assert page.count("im Anfragen-Protokoll fest") == 1
    assert "fest: Bitte an die Koordinierungsstelle, Nachfrage beim nationalen Partner," in page


def test_diagram_is_generated_from_the_same_steps():
    page = _pages()["verfahren/index.md"]
    diagram = page[page.index('<figure class="om-diagram"') : page.index("</figure>")]
    assert ">Bitte an die Koordinierungsstelle</text>" in diagram
    assert ">Weitergabe der Kontaktdaten</text>" in diagram
    assert ">→ OM-Koordinierungsstelle</text>" in diagram


def test_botschafter_without_consent_are_counted_not_named():
    public, intern = _pages()["botschafter/index.md"], _pages(profile="intern")["botschafter/index.md"]
    assert "Paul Probelauf" not in public and "p.probelauf@example.org" not in public
    assert "- 1 weitere Person ist benannt, ohne öffentliche Kontaktdaten." in public
    assert "Friederike Mustergültig, Betriebsberaterin (Zentralverband des Deutschen Handwerks)" in public
    assert "Paul Probelauf, Präventionsberater (Deutsche Gesetzliche Unfallversicherung)" in intern
    assert "(fiktives Beispiel)" in intern


def test_one_page_sheet_names_members_contacts_and_the_office_route():
    sheet = _pages()["merkblaetter/hannover.md"]
    assert "- Deutsche Gesetzliche Unfallversicherung: Ansprechperson benannt (über die Geschäftsstelle)\n" in sheet
    assert "- Handwerkskammer Hannover\n" in sheet  # a regional partner: reached through the network
    assert "- Verwaltungs-Berufsgenossenschaft: über die Geschäftsstelle anfragen\n" in sheet
    assert "mailto:geschaeftsstelle@example.org?subject=Ansprechperson%20f%C3%BCr%20%E2%80%9EMusternetzwerk" in sheet
    assert "Nadine Schablonski" not in sheet and "- 1 Person ist benannt" in sheet


def test_one_page_sheet_has_a_qr_code_to_its_network_page_and_a_print_button():
    sheet = _pages()["merkblaetter/hannover.md"]
    qr = re.search(
        r'<svg role="img" viewBox="0 0 (\d+) \d+" class="om-qr"><title>QR-Code: Adresse der Netzwerkseite</title>',
        sheet,
    )
    assert qr and "<figcaption>https://netzwerke.example.org/netzwerke/hannover/</figcaption>" in sheet
    assert '<button type="button" class="md-button om-print" data-om-print hidden>Merkblatt drucken</button>' in sheet


@pytest.mark.engine  # builds the whole site
def test_data_in_handbook_pages_stays_inert(data_dir, tmp_path):
    payload = "<script>alert(1)</script> [x](javascript:alert(1)) ``` *"
    replace_in(data_dir / "agreement.yaml", "title: Ziel der Zusammenarbeit", f"title: 'Ziel {payload}'")
    replace_in(data_dir / "agreement.yaml", "Die Partner wollen die KMU", f"Die Partner {payload} wollen die KMU")
    replace_in(data_dir / "process.yaml", "name: Regionales Netzwerk", f"name: 'Netz {payload}'")
    replace_in(data_dir / "process.yaml", "title: Bitte an die Koordinierungsstelle", f"title: 'Bitte {payload}'")
    replace_in(data_dir / "networks.yaml", "name: Friederike Mustergültig", f"name: 'Friederike {payload}'")
    site = build_site("public", data_dir, tmp_path / "site", settings=FIXED_SETTINGS)
    for page in ("vereinbarung/fassungen/2021-06-21", "verfahren", "botschafter", "merkblaetter/beispiel-dresden"):
        html = (site / page / "index.html").read_text(encoding="utf-8")
        assert "<script>alert" not in html and 'href="javascript:' not in html, page
        assert "alert(1)" in html.replace("&#40;", "(").replace("&#41;", ")").replace("#40;", "(").replace(
            "#41;", ")"
        ), page
    diagram = (site / "verfahren" / "index.html").read_text(encoding="utf-8")
    assert ">Bitte &#60;script&#62;alert(1)&#60;/script&#62;</text>" in diagram


def test_a_network_page_shows_every_signature_the_newest_first():
    page = _pages()["netzwerke/beispiel-dresden.md"]
    newest = page.index("unterzeichnet am 20&#46; April 2026 (gilt)")
    assert newest < page.index("unterzeichnet am 15&#46; März 2022")
