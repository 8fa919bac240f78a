"""In a real browser (Debian's chromium): no request leaves the machine, no WCAG 2.1 A/AA violation,
no horizontal scrolling on a phone; the map, the filters and the German search work."""

from __future__ import annotations

import re

import pytest

from .browser import PHONE, open_page
from .sitewalk import forwarding_pages
from .support import sample_directory, site_files
from .walk import failing, walk_site

SCRIPT_BUDGET = 600_000  # bytes of script a page may load (files and inline)


@pytest.fixture(scope="module")
def directory():
    return sample_directory("public")


@pytest.fixture(scope="module")
def walked(browser, engine_url, engine_site, walk_memory) -> dict[str, dict[str, dict]]:
    """Every page of the public site, as each engine builds it, at both widths (tests/walk.py): axe, PAGE_FACTS,
    focus, reflow at 320 px; a page at a former address is walked where it forwards to."""
    return walk_site(browser, engine_url, engine_site, walk_memory)


def test_the_walk_covers_every_page_of_the_site(walked, engine_site):
    assert len(walked["phone"]) == len(walked["desktop"]) == len(site_files(engine_site, "*.html")) > 50
    assert {"", "verfahren/", "partner/dguv/", "404.html", "vereinbarung/fassungen/2021-06-21/"} <= set(walked["phone"])


def test_every_former_address_forwards_to_the_new_page(walked, public_site):
    forwards = forwarding_pages(public_site)
    assert {"netzwerke/owl-bielefeld/", "merkblaetter/owl-bielefeld/", "partner/ihk-ostwestfalen/"} <= set(forwards)
    assert forwards["netzwerke/owl-bielefeld/"] == "netzwerke/owl/"
    for width, pages in walked.items():
        for address, target in forwards.items():
            assert pages[address]["landed"] == target, (width, address)


def test_no_page_requests_anything_from_another_host(walked):
    assert failing(walked, "foreign", bool) == {}


def test_no_page_has_an_axe_violation_at_either_width(walked):
    assert failing(walked, "axe", bool) == {}


def test_no_page_scrolls_sideways_at_either_width(walked):
    assert failing(walked, "overflow", lambda pixels: pixels > 0) == {}


def test_no_page_scrolls_sideways_at_320_px(walked):
    """WCAG 1.4.10 (reflow): 1280 px at 400 % zoom."""
    assert failing(walked, "reflow", lambda pixels: pixels > 0) == {}


def test_every_control_the_tab_key_reaches_is_on_screen_when_focused(walked):
    """WCAG 2.4.7 and 2.4.11: no focus in a closed menu, under a panel or off screen, at either width."""
    assert failing(walked, "focus", bool) == {}


def test_no_figure_is_wider_than_its_column(walked):
    assert failing(walked, "wide", bool) == {}


def test_no_page_loads_more_than_600_kb_of_script(walked):
    assert failing(walked, "script", lambda size: size > SCRIPT_BUDGET) == {}
    assert min(facts["script"] for facts in walked["desktop"].values()) > 50_000  # Material's bundle is counted


def test_heading_levels_never_skip_one(walked):
    assert failing(walked, "headings", bool) == {}


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
        visit.page.locator("input.md-search__input").wait_for()
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
    with open_page(browser, public_url) as visit:
        tree = visit.page.locator(".om-map").aria_snapshot()
        # The markers are hidden from assistive technology; each network is one link of the list.
        assert re.findall(r'- link "([^"]+)"', tree) == [n.name for n in directory.networks]
        assert "- list:" in tree and "img" not in tree
    with open_page(browser, public_url + "netzwerke/") as visit:
        # The overview's map has no list of its own: the numbered list below it names each network once.
        assert "link" not in visit.page.locator(".om-map").aria_snapshot()
        names = visit.page.locator("article .om-entries > ol > li > a:first-child").all_inner_texts()
        assert names == [n.name for n in directory.networks]


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
