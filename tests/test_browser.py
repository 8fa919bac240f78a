"""In a real browser (Debian's chromium): no request leaves the machine, no WCAG 2.1 A/AA violation,
no horizontal scrolling on a phone; the map, the filters and the German search work."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .browser import DESKTOP, PHONE, open_page
from .support import EDITING_PAGE, sample_directory, site_files

SCRIPT_BUDGET = 600_000  # bytes of script a page may load (files and inline)
# What a visitor's browser shows about the page as it is now, besides axe: sideways scrolling, drawings
# wider than the text column, script loaded, and headings that skip a level.
PAGE_FACTS = """() => {
    const column = document.querySelector('.md-content article') || document.body;
    const width = column.clientWidth;
    const wide = [...column.querySelectorAll('figure, img, svg:not(.md-icon svg):not(.twemoji svg)')]
        .filter(e => e.getBoundingClientRect().width > width + 1)
        .map(e => e.tagName.toLowerCase() + (e.className && e.className.baseVal !== undefined
            ? '.' + e.className.baseVal : e.className ? '.' + e.className : ''));
    const files = performance.getEntriesByType('resource').filter(r => new URL(r.name).pathname.endsWith('.js'));
    const inline = [...document.scripts].filter(s => !s.src).reduce((sum, s) => sum + s.text.length, 0);
    const levels = [...column.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => Number(h.tagName[1]));
    const skips = levels.filter((level, i) => level > (i ? levels[i - 1] : 0) + 1);
    return {
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        wide: wide,
        script: files.reduce((sum, r) => sum + r.decodedBodySize, 0) + inline,
        headings: skips.length ? levels.join(' ') : '',
    };
}"""


# One page of every template of the directory (tests/test_zensical.py walks these on the Zensical site).
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
    """The directory's pages, and of every other section its first page on each of three levels."""
    pages = list(FEATURE_PAGES)
    sections = (p for p in site.iterdir() if p.is_dir() and p.name not in FEATURE_SECTIONS | {EDITING_PAGE})
    for section in sorted(sections):
        for depth in ("index.html", "*/index.html", "*/*/index.html"):
            found = sorted(section.glob(depth))
            if found:
                pages.append(found[0].parent.relative_to(site).as_posix() + "/")
    return pages


def site_pages(site: Path) -> list[str]:
    """The address of every page of a built site, relative to its root ("" is the home page)."""
    pages = []
    for file in site_files(site, "*.html"):
        relative = file.relative_to(site).as_posix()
        pages.append(relative.removesuffix("index.html") if file.name == "index.html" else relative)
    return pages


@pytest.fixture(scope="module")
def directory():
    return sample_directory("public")


@pytest.fixture(scope="module")
def walked(browser, public_url, public_site) -> dict[str, dict[str, dict]]:
    """Every page of the public site at both widths: axe's violations and PAGE_FACTS (one context per width)."""
    pages = site_pages(public_site)
    # Late requests (e.g. the search worker's) are waited for on the first page of each section: they are the same
    # on every page of a template, and waiting everywhere would double the walk.
    sections = {address.split("/")[0]: address for address in reversed(pages)}
    results: dict[str, dict[str, dict]] = {"desktop": {}, "phone": {}}
    for width, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        with open_page(browser, public_url, viewport, axe=True) as visit:
            for address in pages:
                visit.goto(public_url + address)
                facts = visit.page.evaluate(PAGE_FACTS)
                facts["axe"] = visit.axe_violations()
                if width == "desktop" and address in sections.values():
                    visit.page.wait_for_load_state("networkidle")
                facts["foreign"] = visit.foreign_requests
                results[width][address] = facts
    return results


def _failing(walked: dict, fact: str, bad) -> dict[str, object]:
    return {
        f"{width} {address}": facts[fact]
        for width, pages in walked.items()
        for address, facts in pages.items()
        if bad(facts[fact])
    }


def test_the_walk_covers_every_page_of_the_site(walked, public_site):
    assert len(walked["phone"]) == len(walked["desktop"]) == len(site_files(public_site, "*.html")) > 50
    assert {"", "verfahren/", "partner/dguv/", "404.html", "vereinbarung/fassungen/2021-06-21/"} <= set(walked["phone"])


def test_no_page_requests_anything_from_another_host(walked):
    assert _failing(walked, "foreign", bool) == {}


def test_no_page_has_an_axe_violation_at_either_width(walked):
    assert _failing(walked, "axe", bool) == {}


def test_no_page_scrolls_sideways_at_either_width(walked):
    assert _failing(walked, "overflow", lambda pixels: pixels > 0) == {}


def test_no_figure_is_wider_than_its_column(walked):
    assert _failing(walked, "wide", bool) == {}


def test_no_page_loads_more_than_600_kb_of_script(walked):
    assert _failing(walked, "script", lambda size: size > SCRIPT_BUDGET) == {}
    assert min(facts["script"] for facts in walked["desktop"].values()) > 50_000  # Material's bundle is counted


def test_heading_levels_never_skip_one(walked):
    assert _failing(walked, "headings", bool) == {}


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


def _visible(visit) -> list[str]:
    """The names of the entries of the overview list the filter leaves visible."""
    return visit.page.locator("article .om-entries li:not([hidden]) > a:first-child").all_inner_texts()


def test_filter_links_narrow_the_list_without_javascript(browser, public_url):
    with open_page(browser, public_url + "netzwerke/", javascript=False) as visit:
        assert visit.page.locator(".om-filter form").count() == 0
        assert visit.page.locator("a.om-map__marker").count() == 6  # the map needs no script
        visit.page.get_by_role(
            "link", name="Sachsen", exact=True
        ).first.click()  # the facet list; the table links it too
        visit.page.wait_for_url("**/netzwerke/bundesland/sachsen/")
        assert _visible(visit) == ["Beispielnetzwerk Dresden"]


def test_network_filter_narrows_the_list_instantly_and_keeps_the_choice_in_the_address(browser, public_url):
    with open_page(browser, public_url + "netzwerke/") as visit:
        status = visit.page.get_by_role("status")
        assert status.inner_text() == "6 von 6 Netzwerken angezeigt"
        visit.page.get_by_label("Status", exact=True).select_option(label="Initiative zum Musternetzwerk (5)")
        assert len(_visible(visit)) == 5
        visit.page.get_by_label("Bundesland", exact=True).select_option(label="Bayern (1)")
        assert _visible(visit) == ["Musternetzwerk München"]
        assert status.inner_text() == "1 von 6 Netzwerken angezeigt"
        assert visit.page.url == public_url + "netzwerke/?status=initiative&bundesland=bayern"
        visit.goto(public_url + "netzwerke/?bundesland=sachsen&q=dresd")  # a shared or bookmarked view
        assert _visible(visit) == ["Beispielnetzwerk Dresden"]
        assert visit.page.get_by_label("Bundesland", exact=True).input_value() != ""
        assert visit.page.get_by_role("searchbox").input_value() == "dresd"


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Muenchen", ["Musternetzwerk München"]), ("wernigerode", ["Offensive Harzwirtschaft"]), ("xyz", [])],
)
def test_network_text_filter_finds_names_regions_and_places(browser, public_url, query, expected):
    with open_page(browser, public_url + "netzwerke/") as visit:
        visit.page.get_by_role("searchbox").fill(query)
        assert _visible(visit) == expected
        assert f"q={query}" in visit.page.url


def test_partner_filter_narrows_the_list_by_kind_network_and_short_name(browser, public_url, directory):
    muenchen = next(n for n in directory.networks if n.id == "muenchen")
    with open_page(browser, public_url + "partner/", axe=True) as visit:
        visit.page.get_by_label("Netzwerke", exact=True).select_option(label="Musternetzwerk München (5)")
        assert _visible(visit) == [m.name for m in muenchen.members]
        visit.page.get_by_label("Art", exact=True).select_option(label="Kammer (5)")
        kammern = [
            p.name for p in directory.partners if p.kind == "kammer" and any(r.id == "muenchen" for r in p.networks)
        ]
        assert _visible(visit) == kammern and len(kammern) == 2
        assert visit.axe_violations() == []
        visit.page.get_by_label("Art", exact=True).select_option("")
        visit.page.get_by_label("Netzwerke", exact=True).select_option("")
        visit.page.get_by_role("searchbox").fill("DGUV")
        assert _visible(visit) == ["Deutsche Gesetzliche Unfallversicherung"]


@pytest.mark.parametrize("query", ["München", "Muenchen", "Munchen", "muenchen"])
def test_search_finds_umlaut_words_from_ascii_spellings(browser, public_url, query):
    with open_page(browser, public_url) as visit:
        visit.page.locator("input.md-search__input").click()
        visit.page.keyboard.type(query)
        first = visit.page.locator(".md-search-result__item").first
        first.wait_for()
        titles = visit.page.locator(".md-search-result__item h1").all_inner_texts()
        assert "Musternetzwerk München" in titles[:3], titles
