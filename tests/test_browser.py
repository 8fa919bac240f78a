"""In a real browser (Debian's chromium): no request leaves the machine, no WCAG 2.1 A/AA violation,
no horizontal scrolling on a phone; the map, the filters and the German search work."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.model import build_directory
from generator.validate import load_records

from .browser import DESKTOP, PHONE, open_page
from .support import DATA

# One page of every template of this feature.
FEATURE_PAGES = [
    "",
    "netzwerke/",
    "netzwerke/muenchen/",
    "netzwerke/bundesland/bayern/",
    "netzwerke/status/musternetzwerk/",
    "partner/",
    "partner/dguv/",
    "partner/art/kammer/",
    "partner/netzwerk/muenchen/",
    "daten/",
    "404.html",
]
FEATURE_SECTIONS = {"netzwerke", "partner", "daten"}


def template_pages(site: Path) -> list[str]:
    """The feature's pages, and of every other section its first page on each of three levels."""
    pages = list(FEATURE_PAGES)
    for section in sorted(p for p in site.iterdir() if p.is_dir() and p.name not in FEATURE_SECTIONS):
        for depth in ("index.html", "*/index.html", "*/*/index.html"):
            found = sorted(section.glob(depth))
            if found:
                pages.append(found[0].parent.relative_to(site).as_posix() + "/")
    return pages


@pytest.fixture(scope="module")
def directory():
    return build_directory(load_records(DATA), "public")


def test_every_template_page_stays_on_this_machine_passes_axe_and_fits_a_phone(browser, public_url, public_site):
    pages = template_pages(public_site)
    assert len(pages) > len(FEATURE_PAGES) + 5  # the handbook's sections are checked too
    foreign, violations, too_wide = {}, {}, {}
    with open_page(browser, public_url, axe=True) as visit:
        for address in pages:
            visit.page.set_viewport_size(DESKTOP)
            visit.goto(public_url + address)
            violations[address] = visit.axe_violations()
            visit.page.set_viewport_size(PHONE)
            too_wide[address] = visit.horizontal_overflow()
            visit.page.wait_for_load_state("networkidle")  # late requests too, e.g. the search worker's
            foreign[address] = visit.foreign_requests
    assert {a: found for a, found in foreign.items() if found} == {}
    assert {a: found for a, found in violations.items() if found} == {}
    assert {a: pixels for a, pixels in too_wide.items() if pixels > 0} == {}


def test_request_guard_counts_and_blocks_requests_to_other_hosts(browser, public_url):
    with open_page(browser, public_url + "daten/") as visit:
        assert visit.requests[0] == public_url + "daten/" and visit.foreign_requests == []
        fonts = "fetch('https://fonts.googleapis.com/css?family=Roboto').then(() => 'geladen', () => 'blockiert')"
        assert visit.page.evaluate(fonts) == "blockiert"
        with visit.page.context.expect_event("request", lambda request: "cdn.example.org" in request.url):
            visit.page.evaluate(
                "new Worker(URL.createObjectURL(new Blob(['fetch(\"https://cdn.example.org/x.js\")'])))"
            )
        assert sorted(visit.foreign_requests) == [
            "https://cdn.example.org/x.js",
            "https://fonts.googleapis.com/css?family=Roboto",
        ]


def test_internal_site_loads_nothing_from_other_hosts(browser, intern_url):
    for address in ("", "netzwerke/", "partner/dguv/"):
        with open_page(browser, intern_url + address) as visit:
            assert visit.requests and visit.foreign_requests == []


def test_open_search_with_results_passes_axe_on_a_phone(browser, public_url):
    with open_page(browser, public_url, PHONE, axe=True) as visit:
        visit.page.click("label.md-header__button[for=__search]")
        visit.page.keyboard.type("Netzwerk")
        visit.page.wait_for_selector(".md-search-result__item")
        assert visit.axe_violations() == []


def test_map_markers_lead_to_their_network_pages(browser, public_url, directory):
    with open_page(browser, public_url + "netzwerke/") as visit:
        markers = visit.page.locator("svg.om-map__drawing a.om-map__marker")
        assert markers.count() == len(directory.networks)
        assert visit.page.locator("svg.om-map__drawing path.om-map__land").bounding_box()["width"] > 300
        targets = markers.evaluate_all(
            "links => links.map(a => [a.querySelector('title').textContent, a.href.baseVal])"
        )
        for network, (title, href) in zip(directory.networks, targets, strict=True):
            assert (title, href) == (network.name, f"{network.id}/")
        visit.page.locator('a.om-map__marker[data-network="beispiel-dresden"]').click()
        visit.page.wait_for_url(public_url + "netzwerke/beispiel-dresden/")
        assert visit.page.locator("h1").inner_text().strip(" ¶") == "Beispielnetzwerk Dresden"


def test_map_is_read_as_the_list_of_networks_by_screen_readers(browser, public_url, directory):
    with open_page(browser, public_url + "netzwerke/") as visit:
        tree = visit.page.locator(".om-map").aria_snapshot()
        # The markers are hidden from assistive technology; each network is one link of the list.
        assert re.findall(r'- link "([^"]+)"', tree) == [n.name for n in directory.networks]
        assert "- list:" in tree and "img" not in tree


def test_filter_links_narrow_the_list_without_javascript(browser, public_url):
    with open_page(browser, public_url + "netzwerke/", javascript=False) as visit:
        assert visit.page.locator(".om-filter form").count() == 0
        assert visit.page.locator("a.om-map__marker").count() == 6  # the map needs no script
        visit.page.get_by_role(
            "link", name="Sachsen", exact=True
        ).first.click()  # the facet list; the table links it too
        visit.page.wait_for_url("**/netzwerke/bundesland/sachsen/")
        assert visit.page.locator("article table tbody tr").all_inner_texts()[0].startswith("Beispielnetzwerk Dresden")
        assert visit.page.locator("article table tbody tr").count() == 1


def _visible_rows(visit) -> list[str]:
    return [row.split("\t")[0] for row in visit.page.locator("article table tbody tr:not([hidden])").all_inner_texts()]


def test_network_filter_narrows_the_table_instantly(browser, public_url, directory):
    with open_page(browser, public_url + "netzwerke/") as visit:
        status = visit.page.get_by_role("status")
        assert status.inner_text() == "6 von 6 Netzwerken angezeigt"
        visit.page.get_by_label("Status", exact=True).select_option("Initiative zum Musternetzwerk")
        assert len(_visible_rows(visit)) == 5
        visit.page.get_by_label("Bundesland", exact=True).select_option("Bayern")
        assert _visible_rows(visit) == ["Musternetzwerk München"]
        assert status.inner_text() == "1 von 6 Netzwerken angezeigt"
        visit.page.get_by_label("Status", exact=True).select_option("Musternetzwerk")
        assert _visible_rows(visit) == []
        visit.page.get_by_label("Bundesland", exact=True).select_option("")
        assert _visible_rows(visit) == ["Beispielnetzwerk Dresden"]


def test_partner_filter_narrows_the_table_by_kind_and_network(browser, public_url, directory):
    muenchen = next(n for n in directory.networks if n.id == "muenchen")
    with open_page(browser, public_url + "partner/", axe=True) as visit:
        visit.page.get_by_label("Netzwerke", exact=True).select_option("Musternetzwerk München")
        assert _visible_rows(visit) == [m.name for m in muenchen.members]
        visit.page.get_by_label("Art", exact=True).select_option("Kammer")
        kammern = [
            p.name for p in directory.partners if p.kind == "kammer" and any(r.id == "muenchen" for r in p.networks)
        ]
        assert _visible_rows(visit) == kammern and len(kammern) == 2
        assert visit.axe_violations() == []


@pytest.mark.parametrize("query", ["München", "Muenchen", "Munchen", "muenchen"])
def test_search_finds_umlaut_words_from_ascii_spellings(browser, public_url, query):
    with open_page(browser, public_url) as visit:
        visit.page.locator("input.md-search__input").click()
        visit.page.keyboard.type(query)
        first = visit.page.locator(".md-search-result__item").first
        first.wait_for()
        titles = visit.page.locator(".md-search-result__item h1").all_inner_texts()
        assert "Musternetzwerk München" in titles[:3], titles
