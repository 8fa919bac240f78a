"""Records over time: deputies, withdrawn consent, signatures kept, renamed ids, partners who leave, the report."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import markdown
import pytest
from pydantic import TypeAdapter, ValidationError

from generator.model.directory import build_directory
from generator.pages.render import render_pages
from generator.records.fieldtypes import Email
from generator.records.history import data_history
from generator.records.validate import check_data, load_records
from generator.settings import Profile

from .support import DATA, FIXED_TODAY, replace_in, run_cli, sample_directory, sample_pages

TODAY = {"OM_TODAY": FIXED_TODAY}


def _check(data_dir: Path) -> list[str]:
    return [str(problem) for problem in check_data(data_dir)]


# 1. The liaison's deputy and function mailbox


def test_the_deputy_follows_the_consent_rules_and_the_mailbox_is_public():
    public, intern = sample_pages("public")["partner/dguv.md"], sample_pages("intern")["partner/dguv.md"]
    assert "- **Vertretung:** Henrik Vertretungsreich, Referent Netzwerke" in public
    assert "h.vertretungsreich@example.org" not in public  # a national liaison's route runs through the office
    assert (
        "- **Funktionspostfach für die Netzwerkarbeit:** "
        "[netzwerke@dguv.example.org](mailto:netzwerke@dguv.example.org)" in public
    )
    assert "h.vertretungsreich@example.org" in intern and "partner/vcard/vertretung/dguv.vcf" in intern
    withdrawn = sample_directory("public").partners
    assert next(p for p in withdrawn if p.id == "bg-etem").liaison_deputy is None  # consent withdrawn
    assert "Anja Stellvertreterin" not in sample_pages("public")["partner/bg-etem.md"]


def test_the_deputy_is_a_person_like_the_liaison(data_dir):
    replace_in(data_dir / "partners.yaml", "h.vertretungsreich@example.org", "h.vertretungsreich@")
    assert any(
        "partners[0] „Deutsche Gesetzliche Unfallversicherung“ (dguv).liaison.deputy.email: keine gültige "
        "E-Mail-Adresse" in p
        for p in _check(data_dir)
    )


# 2. A withdrawn consent stays on record


def test_a_withdrawn_consent_hides_the_person_publicly_and_is_listed_for_erasure():
    assert "Konstantin Vorlagenberg" not in sample_pages("public")["netzwerke/owl.md"]
    assert "Konstantin Vorlagenberg" in sample_pages("intern")["netzwerke/owl.md"]
    review = sample_pages("intern")["intern/pruefen.md"]
    withdrawn = review[review.index("### Widerrufene Einwilligungen") : review.index("### Alle genannten Personen")]
    assert "| Konstantin Vorlagenberg | Regionale Ansprechperson (Musternetzwerk Ostwestfalen-Lippe) |" in withdrawn
    assert "| 1&#46; Juni 2026 | Name, Funktion, E-Mail |" in withdrawn
    assert "Paul Probelauf" in withdrawn and "Anja Stellvertreterin" in withdrawn


def test_a_consent_cannot_be_withdrawn_before_it_was_given_nor_ahead_of_today(editor):
    assert editor("partners.yaml", "          withdrawn_on: 2026-06-01", "          withdrawn_on: 2022-01-01") == [
        "data/partners.yaml:{line}: partners[2] „Verwaltungs-Berufsgenossenschaft“ "
        "(vbg).regional_contacts[0].consent.withdrawn_on: widerrufen am 2022-01-01, "
        "vor der Einwilligung (2022-02-20); bitte beide Daten prüfen"
    ]


def test_a_withdrawal_dated_ahead_is_refused(data_dir):
    replace_in(data_dir / "partners.yaml", "          withdrawn_on: 2026-06-01", "          withdrawn_on: 2099-01-01")
    assert any("consent.withdrawn_on: Datum liegt in der Zukunft" in p for p in _check(data_dir))


def test_the_public_repository_guard_names_a_withdrawal(data_dir):
    result = run_cli("check", "--public-repo", "--data", str(data_dir), env=TODAY)
    assert (
        "partners[2] „Verwaltungs-Berufsgenossenschaft“ (vbg).regional_contacts[0]: Person ohne Einwilligung "
        "(widerrufen)" in result.stderr
    )


def test_field_docs_and_guide_describe_the_consent_check_accepts():
    fields = sample_pages("public")["referenz/datenfelder.md"]
    guide = sample_pages("public")["referenz/daten-pflegen.md"]
    assert "consent: true" not in fields and "consent: true" not in guide
    assert "withdrawn_on" in fields and "withdrawn_on" in guide


# 3. Signatures are kept (tests/test_handbook_pages.py and test_handbook_rules.py show pages and messages)


def test_every_signature_is_exported_the_newest_last():
    networks = sample_pages("public")["daten/networks.json"]
    assert '"version": "2021-11-11",\n          "signed_on": "2022-03-15"' in networks


# 4. rename


def test_rename_changes_every_reference_keeps_the_comments_and_records_the_former_id(data_dir):
    before = {name: (data_dir / name).read_text(encoding="utf-8") for name in ("networks.yaml", "requests.yaml")}
    result = run_cli("rename", "network", "owl", "ostwestfalen-lippe", "--data", str(data_dir), env=TODAY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Netzwerk „owl“ heißt jetzt „ostwestfalen-lippe“. Geändert: ")
    owl_line = _line_of(DATA / "networks.yaml", "  - id: owl\n")
    assert (
        f"networks.yaml: 1 Stelle (Zeile {owl_line})" in result.stdout and "requests.yaml: 2 Stellen" in result.stdout
    )
    networks = (data_dir / "networks.yaml").read_text(encoding="utf-8")
    assert "  - id: ostwestfalen-lippe\n    former_ids:\n      - owl-bielefeld\n      - owl\n" in networks
    assert networks.count("\n") == before["networks.yaml"].count("\n") + 1  # one line more: the former id
    assert networks.splitlines()[:8] == before["networks.yaml"].splitlines()[:8]  # the comments stay
    partners = (data_dir / "partners.yaml").read_text(encoding="utf-8")
    assert "        network: ostwestfalen-lippe\n" in partners and "network: owl\n" not in partners
    requests = (data_dir / "requests.yaml").read_text(encoding="utf-8")
    assert "    network: ostwestfalen-lippe\n" in requests and "  - id: 2022-owl-vbg\n" in requests
    assert len(requests.splitlines()) == len(before["requests.yaml"].splitlines())
    assert _check(data_dir) == []
    pages = render_pages(build_directory(load_records(data_dir), Profile.PUBLIC))
    for old in ("owl", "owl-bielefeld"):
        assert 'redirect: "../ostwestfalen-lippe/"' in pages[f"netzwerke/{old}.md"]
        assert "(ostwestfalen-lippe.md)" in pages[f"merkblaetter/{old}.md"]  # the QR code's address


def test_rename_of_a_partner_changes_networks_ambassadors_and_requests(data_dir):
    result = run_cli("rename", "partner", "zdh", "handwerk", "--data", str(data_dir), env=TODAY)
    assert result.returncode == 0, result.stderr
    networks = (data_dir / "networks.yaml").read_text(encoding="utf-8")
    assert "partners: [dguv, handwerk, aok]" in networks and "        partner: handwerk\n" in networks
    assert "    partner: handwerk\n" in (data_dir / "requests.yaml").read_text(encoding="utf-8")
    assert "  - id: handwerk\n    former_ids: [zdh]\n" in (data_dir / "partners.yaml").read_text(encoding="utf-8")
    assert _check(data_dir) == []


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("harz", "die Kennung „harz“ ist schon vergeben"),
        ("owl-bielefeld", "„owl-bielefeld“ ist die frühere Kennung eines Eintrags"),
        ("index", "„index“ ist nicht möglich"),
        ("OWL", "„OWL“ ist keine gültige Kennung"),
    ],
)
def test_rename_refuses_a_taken_or_invalid_id_and_writes_nothing(data_dir, new, message):
    before = {file.name: file.read_text(encoding="utf-8") for file in data_dir.glob("*.yaml")}
    result = run_cli("rename", "network", "owl", new, "--data", str(data_dir), env=TODAY)
    assert result.returncode == 1 and message in result.stderr
    assert {file.name: file.read_text(encoding="utf-8") for file in data_dir.glob("*.yaml")} == before


def test_check_refuses_a_former_id_another_record_uses(editor):
    harz_line = _line_of(DATA / "networks.yaml", "  - id: harz\n")
    assert editor("networks.yaml", "      - owl-bielefeld\n", "      - harz\n") == [
        "data/networks.yaml:{line}: networks[3] „Musternetzwerk Ostwestfalen-Lippe“ (owl).former_ids[0]: frühere "
        "Kennung „harz“ ist eine aktuelle Kennung "
        f"(Netzwerk in Zeile {harz_line}); unter ihrer alten Adresse steht eine Weiterleitung, "
        "deshalb darf kein Eintrag sie wieder verwenden"
    ]


def test_the_forwarding_page_tells_search_engines_and_shows_a_link():
    page = sample_pages("public")["partner/ihk-ostwestfalen.md"]
    assert 'canonical: "https://netzwerke.example.org/partner/ihk-bielefeld/"' in page
    assert "search:\n  exclude: true" in page
    assert "[Industrie- und Handelskammer Ostwestfalen zu Bielefeld](ihk-bielefeld.md)" in page
    template = (Path(__file__).parent.parent / "overrides" / "main.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url={{ page.meta.redirect }}">' in template
    assert '<meta name="robots" content="noindex">' in template


# 5. A partner that left


def test_a_partner_that_left_is_listed_nowhere_but_keeps_its_page():
    directory = sample_directory("public")
    assert "bmas" not in {p.id for p in directory.partners}
    assert [p.id for p in directory.former_partners] == ["bmas"]
    overview = sample_pages("public")["partner/index.md"]
    assert "## Ehemalige Partner" in overview and "ausgetreten am 30&#46; Juni 2026" in overview
    assert (
        "Die Einrichtung hat die Offensive Mittelstand am 30&#46; Juni 2026 verlassen"
        in (sample_pages("public")["partner/bmas.md"])
    )
    assert "bmas" not in sample_pages("public")["daten/partners.json"]


def test_check_warns_while_a_network_lists_a_partner_that_left_and_its_requests_stay_valid(data_dir):
    replace_in(
        data_dir / "partners.yaml",
        "    verified_on: 2026-09-15\n",
        "    verified_on: 2026-09-15\n    left_on: 2026-10-01\n",
    )
    result = run_cli("check", "--data", str(data_dir), env=TODAY)
    assert result.returncode == 0, result.stderr
    assert (
        "networks[3] „Musternetzwerk Ostwestfalen-Lippe“ (owl).partners[3]: Warnung: „bg-etem“ ist am 2026-10-01 "
        "ausgetreten (left_on in partners.yaml) und wird "
        "nicht mehr als Beteiligte gezeigt; bitte aus der Liste „partners“ von „owl“ entfernen"
    ) in result.stderr
    directory = build_directory(load_records(data_dir), Profile.INTERN)
    owl = next(n for n in directory.networks if n.id == "owl")
    assert "bg-etem" not in {m.id for m in owl.members}
    assert directory.requests is not None and "2022-owl-bg-etem" in {r.id for r in directory.requests.requests}


# 6. The report names who must act


def test_the_report_names_the_role_of_the_next_step_and_whom_to_write_to():
    result = run_cli("report", "--data", str(DATA), env={"OM_TODAY": "2027-06-01"})
    lines = {line.split(" | ")[0]: line for line in result.stdout.splitlines() if line.startswith("| 2026-")}
    # The office's own step is addressed to the partner: it writes to the liaison and the deputy.
    assert (
        "| OM-Koordinierungsstelle | Paul Entwurfsmann, p.entwurfsmann&#64;example.org |"
        in (lines["| 2026-mainz-wiesbaden-aok"])
    )
    # The partner's step: the office reminds the national liaison, her deputy and the mailbox.
    assert "| Nationaler OM-Partner | Moritz Modellmann, m.modellmann&#64;example.org |" in lines["| 2026-muenchen-rkw"]
    # The office passes the contact on to the network: its office.
    assert (
        "| OM-Koordinierungsstelle | Netzwerkbüro Dresden (Beispiel), dresden&#64;example.org |"
        in (lines["| 2026-dresden-ba"])
    )


# 7. The internal „Änderungen“ list keeps the day (a scratch repository with real git history)


def _git(repo: Path, *args: str, day: str | None = None) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    env |= {"GIT_AUTHOR_NAME": "Redaktion", "GIT_AUTHOR_EMAIL": "redaktion@example.org"}
    env |= {"GIT_COMMITTER_NAME": "Redaktion", "GIT_COMMITTER_EMAIL": "redaktion@example.org"}
    if day:
        env |= {"GIT_AUTHOR_DATE": f"{day}T10:00:00+01:00", "GIT_COMMITTER_DATE": f"{day}T10:00:00+01:00"}
    subprocess.run(["git", "-C", str(repo), *args], env=env, capture_output=True, check=True)


def test_the_changes_list_shows_the_day_not_a_numbered_list(tmp_path):
    _git(tmp_path, "init", "-q", "-b", "main")
    shutil.copytree(DATA, tmp_path / "data")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "Daten angelegt", day="2026-12-07")
    replace_in(tmp_path / "data" / "networks.yaml", "      city: Wernigerode", "      city: Wernigerode (Harz)")
    _git(tmp_path, "commit", "-q", "-am", "Harz: Ort ergänzt", day="2026-12-08")
    records = load_records(tmp_path / "data", today=__import__("datetime").date(2026, 12, 8))
    pages = render_pages(build_directory(records, Profile.INTERN, data_history(tmp_path / "data")))
    section = pages["netzwerke/harz.md"].split("## Änderungen { data-search-exclude }")[1]
    html = markdown.markdown(section, extensions=["attr_list", "md_in_html", "admonition"])
    assert "<ol" not in html
    assert "<li>8. Dezember 2026: Commit " in html.replace("&#46;", ".")
    assert "<li>7. Dezember 2026: Commit " in html.replace("&#46;", ".")


# 8. Smaller: a Botschafter outside the network, e-mail addresses with umlauts


def test_check_warns_about_a_botschafter_of_a_partner_outside_the_network(data_dir):
    replace_in(data_dir / "networks.yaml", "        partner: hwk-hannover\n", "        partner: ihk-muenchen\n")
    result = run_cli("check", "--data", str(data_dir), env=TODAY)
    assert result.returncode == 0
    assert (
        "networks[2] „Musternetzwerk Hannover“ (hannover).ambassadors[0].partner: Warnung: „ihk-muenchen“ ist am "
        "Netzwerk „hannover“ nicht beteiligt"
    ) in result.stderr


@pytest.mark.parametrize("address", ["owl@beispiel-müller.de", "info@bücher.example.org", "a.b+c@example.org"])
def test_an_address_with_an_internationalised_domain_is_accepted(address):
    assert TypeAdapter(Email).validate_python(address) == address


@pytest.mark.parametrize("address", ["owl@", "owl@beispiel-müller", "ö@example.org", "owl@bei spiel.de"])
def test_an_invalid_address_is_still_refused(address):
    with pytest.raises(ValidationError, match="keine gültige E-Mail-Adresse"):
        TypeAdapter(Email).validate_python(address)


def test_the_built_forwarding_page_forwards_and_stays_out_of_the_sitemap(public_site):
    page = (public_site / "netzwerke" / "owl-bielefeld" / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../owl/">' in page
    assert '<link rel="canonical" href="https://netzwerke.example.org/netzwerke/owl/">' in page
    assert page.count('rel="canonical"') == 1 and '<meta name="robots" content="noindex">' in page
    assert 'href="../owl/"' in page  # the visible link
    sitemap = (public_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "netzwerke/owl/" in sitemap and "owl-bielefeld" not in sitemap


def _line_of(file: Path, line: str) -> int:
    """The 1-based number of a fixture line, so that an edit to the fixtures does not move these tests' targets."""
    return file.read_text(encoding="utf-8").splitlines(keepends=True).index(line) + 1
