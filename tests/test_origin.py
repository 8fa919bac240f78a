"""Every text block of the handbook, the toolkits, the sheets, the meeting kits and the network, agreement and
procedure pages says where it comes from; every quotation of a source stands in the source (see quellen/)."""

from __future__ import annotations

from html import unescape
from pathlib import Path

import pytest

from .origin_marks import COVERING, quoted_in, read_page, source_letters
from .support import ROOT, site_files

SOURCES = ROOT / "quellen"
# Pages whose every block must say where it comes from: the scope (the handbook, both toolkits, the sheets,
# the meeting kits, the agreement, the procedure, the network pages) and the Botschafter list.
IN_SCOPE = ("handbuch/", "vereinbarung/", "verfahren/", "botschafter/", "merkblaetter/", "intern/treffen/")
# Every other page, and why its blocks need no mark. A new page family must be added to one of the two.
LEFT_OUT = {
    "handbuch/quellen/": "die Liste der Quellen selbst: jeder Eintrag ist die Angabe seiner Quelle",
    "netzwerke/": "Übersicht, Karte und Filter: Namen und Links aus dem Verzeichnis, jede Zeile führt zum Eintrag",
    "partner/": "Einträge und Listen der Partnerinstitutionen: Verzeichnisangaben mit ihrem Prüfdatum",
    "ansprechpersonen/": "Tabelle Netzwerke × Partner aus dem Verzeichnis, ohne eigene Aussagen",
    "daten/": "Downloads des Verzeichnisses",
    "referenz/": "Anleitung und Datenfelder für die Redaktion: beschreiben die Website, nicht die OM",
    "rechtliches/": "Impressum und Datenschutzerklärung: Aufbau vom Gesetz vorgegeben, Angaben aus legal.yaml",
    "intern/": "Arbeitslisten der Geschäftsstelle (Anfragen, Lücken, zu prüfende Einträge) aus den Daten",
    "": "Startseite: ihre Einführung ist als Entwurf gekennzeichnet, der Rest sind Karte, Suche und Verweise",
    "404.html": "Fehlerseite",
}


def _folder(page: str) -> str:
    return page.removesuffix("index.html")


def _in_scope(page: str) -> bool:
    folder = _folder(page)
    if folder.startswith("netzwerke/"):  # the network pages, not the lists and filters
        return folder.count("/") == 2 and not folder.startswith(("netzwerke/bundesland/", "netzwerke/status/"))
    return folder.startswith(IN_SCOPE) and folder not in LEFT_OUT


def _left_out_because(page: str) -> str | None:
    folder = _folder(page)
    if folder in LEFT_OUT:
        return LEFT_OUT[folder]
    return next((why for start, why in LEFT_OUT.items() if start.endswith("/") and folder.startswith(start)), None)


def _pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site_files(site, "*.html")}


@pytest.fixture(scope="module")
def both_sites(public_site: Path, intern_site: Path) -> dict[str, dict[str, str]]:
    return {"öffentlich": _pages(public_site), "intern": _pages(intern_site)}


def test_every_text_block_names_its_source_or_is_marked_as_a_draft(both_sites):
    unmarked = []
    checked = 0
    for profile, pages in both_sites.items():
        for name, html in pages.items():
            if not _in_scope(name):
                continue
            checked += 1
            for block in read_page(html).blocks:
                if not block.covered and block.text.strip():
                    unmarked.append(f"{profile} {name}: <{block.tag}> {' '.join(block.text.split())[:90]}")
    assert checked >= 2 * 20
    assert unmarked == [], "Text ohne Quelle und ohne Kennzeichnung als Entwurf:\n" + "\n".join(unmarked)


def test_every_page_is_checked_or_left_out_for_a_stated_reason(both_sites):
    unclassified = [
        f"{profile} {name}"
        for profile, pages in both_sites.items()
        for name in pages
        if not _in_scope(name) and _left_out_because(name) is None
    ]
    assert unclassified == []


def test_a_page_with_draft_text_says_so_before_its_first_section(both_sites):
    late = [
        f"{profile} {name}"
        for profile, pages in both_sites.items()
        for name, html in pages.items()
        if (page := read_page(html)).has_draft and not page.draft_before_h2
    ]
    assert late == []


def test_the_network_pages_date_the_initiatives_as_the_source_does(both_sites):
    page = unescape(both_sites["öffentlich"]["netzwerke/muenchen/index.html"])  # dates are written `23&#46; Juni`
    assert "Initiative zum Musternetzwerk (Stand: 23. Juni 2021)" in page
    assert "seit 23. Juni 2021" not in page


def test_the_agreement_shows_the_timeline_with_the_version_it_belongs_to(both_sites):
    page = unescape(both_sites["öffentlich"]["vereinbarung/index.html"])
    assert page.index("Weg der Fassung vom 21. Juni 2021 zur Verabschiedung") > page.index("Aktuelle Fassung")
    assert "ist ein erfundenes Beispiel der Musterdaten" in page


def test_every_quotation_stands_in_its_source(both_sites):
    texts = {file.stem: source_letters(file.read_text(encoding="utf-8")) for file in SOURCES.glob("*.txt")}
    found, wrong = 0, []
    for pages in both_sites.values():
        for name, html in pages.items():
            for key, quote in read_page(html).quotes:
                found += 1
                if key not in texts or not quoted_in(quote, texts[key]):
                    wrong.append(f"{name}: [{key}] {' '.join(quote.split())[:120]}")
    assert found >= 10
    assert wrong == [], "Zitat steht so nicht in der Quelle:\n" + "\n".join(wrong)


def test_ocr_damage_is_forgiven_but_a_changed_word_is_not():
    ocr = "qualitativ ,Wir kdnnen wir\nzusammen die KMU besser erreichen®. die Rolle ,OM-Gedanken férdern®"
    source = source_letters(ocr)
    assert quoted_in("„Wir können wir zusammen die KMU besser erreichen“", source)
    assert quoted_in("Rolle „OM-Gedanken fördern“", source)
    assert not quoted_in("„Wie können wir zusammen die KMU besser erreichen?“", source)
    assert quoted_in("qualitativ … besser erreichen", source)


def test_a_block_without_a_mark_is_found():
    html = (
        '<article><h1>T</h1><div class="om-origin om-origin--source"><p>Aus der Quelle.</p></div>'
        '<p>Erfunden.</p><ul><li><span class="om-badge om-badge--draft">Entwurf</span> Vorschlag</li></ul>'
        '<p class="om-site">Verweis</p><table><thead><tr><th>Kopf</th></tr></thead>'
        "<tbody><tr><td>Zeile</td></tr></tbody></table></article>"
    )
    page = read_page(html)
    assert [b.text for b in page.blocks if not b.covered] == ["Erfunden.", "Zeile"]
    assert page.has_draft and page.draft_before_h2
    assert "om-site" in COVERING


# The first draft mark of a page: the page note, or the label of its first draft section or badge.
FIRST_DRAFT_MARK = """() => {
  const mark = document.querySelector('article .om-origin-note, article .om-origin--draft > .om-origin__label, '
    + 'article .om-badge--draft');
  if (!mark) return null;
  const box = mark.getBoundingClientRect();
  return {top: box.top + window.scrollY, height: box.height, display: getComputedStyle(mark).display,
          screen: window.innerHeight};
}"""
# An A4 page at 96 px per inch less the print margins of print.css (16 mm top and bottom): 1123 - 121 px.
A4_CONTENT_HEIGHT = 1000


def test_the_draft_mark_is_in_the_first_screen_at_375_px_and_on_the_first_printed_page(
    both_sites, browser, public_url, intern_url
):
    from .browser import PHONE, open_page

    addresses = [
        (url, name.removesuffix("index.html"))
        for (profile, pages), url in zip(both_sites.items(), (public_url, intern_url), strict=True)
        for name, html in pages.items()
        if read_page(html).has_draft and (profile == "öffentlich" or name.startswith("intern/"))
    ]
    assert len(addresses) >= 15
    late = []
    visits = {url: open_page(browser, url, PHONE) for url in (public_url, intern_url)}  # one phone per site
    try:
        for url, address in addresses:
            visit = visits[url]
            visit.page.emulate_media(media="screen")
            visit.goto(url + address)
            screen = visit.page.evaluate(FIRST_DRAFT_MARK)
            visit.page.emulate_media(media="print")
            paper = visit.page.evaluate(FIRST_DRAFT_MARK)
            if not screen or screen["height"] == 0 or screen["top"] + screen["height"] > screen["screen"]:
                late.append(f"{address} (Bildschirm: {screen})")
            if not paper or paper["display"] == "none" or paper["top"] + paper["height"] > A4_CONTENT_HEIGHT:
                late.append(f"{address} (Druck: {paper})")
    finally:
        for visit in visits.values():
            visit.page.context.close()
    assert late == []
