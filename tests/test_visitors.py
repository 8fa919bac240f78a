"""What a person with a keyboard or a phone meets (issue 28): menu and search by keyboard, visible focus, reflow
with long names, the first screen on a phone, the map following the filter, lazy search index, tables that say
they scroll."""

from __future__ import annotations

from pathlib import Path
from urllib.request import urlopen

import pytest

from generator.pipeline import build_site

from .browser import DESKTOP, PHONE, open_page
from .support import FIXED_SETTINGS, copy_data, replace_in, sample_directory, serve
from .walk import PAGE_FACTS, REFLOW

FIRST_SCREEN = {"width": 375, "height": 800}
# Where the focus is and whether a person sees it: inside the window, drawn, with an outline or a focus style.
FOCUSED = """() => {
    const e = document.activeElement;
    const r = e.getBoundingClientRect();
    const style = getComputedStyle(e);
    return {
        tag: e.tagName.toLowerCase(), name: (e.getAttribute('aria-label') || e.textContent || '').trim(),
        onScreen: r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0
            && r.right <= innerWidth && r.bottom <= innerHeight,
        visible: e.checkVisibility({visibilityProperty: true, opacityProperty: true}),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    };
}"""


IN_MENU = "document.querySelector('.md-sidebar--primary').contains(document.activeElement)"


def _focused(visit) -> dict:
    return visit.page.evaluate(FOCUSED)


def _tab_to(visit, name: str, limit: int = 10) -> dict:
    """Press Tab from the top of the page until the control named `name` has the focus."""
    for _ in range(limit):
        visit.page.keyboard.press("Tab")
        focused = _focused(visit)
        if focused["name"] == name:
            return focused
    raise AssertionError(f"„{name}“ nach {limit} Tabs nicht erreicht")


def _settle(visit) -> None:
    """Let the menu's slide (0.25 s) and the focus moves after it end."""
    visit.page.wait_for_timeout(400)


@pytest.mark.parametrize("address", ["", "handbuch/", "partner/dguv/"])
def test_keyboard_opens_the_menu_on_a_phone_and_the_focus_stays_in_sight(browser, public_url, address):
    with open_page(browser, public_url + address, PHONE) as visit:
        button = _tab_to(visit, "Menü")
        assert button["onScreen"] and button["visible"] and button["outline"]
        visit.page.keyboard.press("Enter")
        _settle(visit)
        assert visit.page.locator("#__drawer").is_checked()
        assert visit.page.get_attribute("[data-om-toggle=__drawer]", "aria-expanded") == "true"
        for _ in range(4):  # into the menu and through its first entries
            focused = _focused(visit)
            assert focused["onScreen"] and focused["visible"], focused
            assert visit.page.evaluate(IN_MENU)
            visit.page.keyboard.press("Tab")
        visit.page.keyboard.press("Escape")
        _settle(visit)
        assert not visit.page.locator("#__drawer").is_checked()
        assert _focused(visit)["name"] == "Menü"


def test_keyboard_opens_a_sub_menu_and_comes_back_from_it(browser, public_url):
    with open_page(browser, public_url, PHONE) as visit:
        _tab_to(visit, "Menü")
        visit.page.keyboard.press("Enter")
        _settle(visit)
        for _ in range(12):  # to the first arrow that opens a section
            visit.page.keyboard.press("Tab")
            opener = visit.page.evaluate("document.activeElement.htmlFor || ''")
            if opener.startswith("__nav_"):
                break
        else:
            raise AssertionError("kein Untermenü erreicht")
        visit.page.keyboard.press("Enter")
        _settle(visit)
        back = _focused(visit)
        assert back["name"].startswith("Zurück aus ") and back["onScreen"] and back["visible"], back
        visit.page.keyboard.press(" ")
        _settle(visit)
        assert visit.page.evaluate("document.activeElement.htmlFor") == opener
        assert _focused(visit)["onScreen"]


def test_space_opens_the_menu_and_a_closed_menu_takes_no_focus(browser, public_url):
    with open_page(browser, public_url + "verfahren/", PHONE) as visit:
        _tab_to(visit, "Menü")
        visit.page.keyboard.press("Tab")
        assert _focused(visit)["name"] == "Suche"  # not a link of the closed menu, off screen
        visit.page.keyboard.press("Shift+Tab")
        visit.page.keyboard.press(" ")
        _settle(visit)
        assert visit.page.locator("#__drawer").is_checked()


def test_keyboard_opens_the_search_on_a_phone_and_finds(browser, public_url):
    with open_page(browser, public_url, PHONE) as visit:
        button = _tab_to(visit, "Suche")
        assert button["onScreen"] and button["outline"]
        visit.page.keyboard.press("Enter")
        _settle(visit)
        focused = _focused(visit)
        assert focused["tag"] == "input" and focused["onScreen"] and focused["visible"]
        visit.page.keyboard.type("Hannover")
        visit.page.locator(".md-search-result__item").first.wait_for()
        visit.page.keyboard.press("Escape")
        _settle(visit)
        assert _focused(visit)["name"] == "Suche"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
def test_the_slash_key_opens_the_search_at_every_width(browser, public_url, viewport):
    with open_page(browser, public_url + "partner/", viewport) as visit:
        visit.page.keyboard.press("/")
        _settle(visit)
        focused = _focused(visit)
        assert focused["tag"] == "input" and focused["onScreen"] and focused["visible"]
        assert visit.page.locator("input.md-search__input").input_value() == ""


def test_menu_and_search_buttons_are_out_of_the_way_on_a_desktop(browser, public_url):
    with open_page(browser, public_url, DESKTOP) as visit:
        assert not visit.page.locator("[data-om-toggle=__drawer]").is_visible()
        assert visit.page.locator("input.md-search__input").is_visible()


@pytest.mark.parametrize("address", ["partner/", "netzwerke/"])
def test_filter_fields_show_the_keyboard_focus(browser, public_url, address):
    with open_page(browser, public_url + address, PHONE) as visit:
        for control in (visit.page.get_by_role("searchbox"), visit.page.locator(".om-filter__form select").first):
            control.focus()
            visit.page.keyboard.press("Shift+Tab")
            visit.page.keyboard.press("Tab")  # by keyboard, so :focus-visible applies
            focused = _focused(visit)
            assert focused["tag"] in ("input", "select") and focused["outline"], focused


def test_home_page_shows_the_way_to_a_network_and_the_search_in_the_first_screen(browser, public_url):
    with open_page(browser, public_url, FIRST_SCREEN) as visit:
        page = visit.page
        assert page.locator("[data-om-toggle=__search]").is_visible()
        box = page.locator("[data-om-toggle=__search]").bounding_box()
        assert box["y"] + box["height"] <= 800
        markers = page.locator("svg.om-map__drawing a.om-map__marker").evaluate_all(
            "links => links.map(a => a.getBoundingClientRect().bottom)"
        )
        assert markers and min(markers) < 800  # a network is one tap away
        assert page.locator("h1").bounding_box()["height"] < 120  # two lines at most


def test_partner_list_shows_each_filter_once_and_the_first_partner_in_the_first_screen(browser, public_url):
    with open_page(browser, public_url + "partner/", FIRST_SCREEN) as visit:
        page = visit.page
        assert page.locator(".om-facets").is_hidden()  # the form offers the same choices
        assert page.get_by_label("Ebene", exact=True).is_visible()
        first = page.locator("article .om-entries li > a").first.bounding_box()
        assert first["y"] + first["height"] <= 800
    with open_page(browser, public_url + "partner/", FIRST_SCREEN, javascript=False) as visit:
        assert visit.page.locator(".om-facets a").count() > 5  # without a script the filter pages are linked


def test_partner_list_filters_by_level(browser, public_url):
    regional = [p.name for p in sample_directory("public").partners if p.scope == "regional"]
    with open_page(browser, public_url + "partner/") as visit:
        visit.page.get_by_label("Ebene", exact=True).select_option(label=f"regional ({len(regional)})")
        names = visit.page.locator("article .om-entries li:not([hidden]) > a:first-child").all_inner_texts()
        assert names == regional and regional
        assert visit.page.url.endswith("partner/?ebene=regional")


def test_network_filter_moves_the_map_too(browser, public_url):
    with open_page(browser, public_url + "netzwerke/") as visit:
        page = visit.page
        shown = "svg.om-map__drawing a.om-map__marker:not(.is-filtered-out)"
        assert page.locator(shown).count() == 6
        page.get_by_label("Bundesland", exact=True).select_option(label="Bayern (1)")
        assert page.locator(shown).evaluate_all("m => m.map(a => a.dataset.network)") == ["muenchen"]
        assert page.locator("a.om-map__marker.is-filtered-out").first.is_hidden()
        page.get_by_role("searchbox").fill("")
        page.get_by_label("Bundesland", exact=True).select_option("")
        assert page.locator(shown).count() == 6


def test_search_index_is_loaded_when_the_search_opens_not_with_the_page(browser, public_url):
    with open_page(browser, public_url + "partner/", PHONE) as visit:
        visit.page.wait_for_load_state("networkidle")
        assert not [url for url in visit.requests if "search_index.json" in url]
        visit.page.click("[data-om-toggle=__search]")
        visit.page.keyboard.type("DGUV")
        visit.page.locator(".md-search-result__item").first.wait_for()
        assert [url for url in visit.requests if url.endswith("search/search_index.json")]


def test_print_styles_do_not_hold_up_the_screen(public_site):
    page = (public_site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="stylesheet" href="assets/stylesheets/print.css" media="print">' in page
    assert page.count("print.css") == 1


def test_a_wide_table_on_a_phone_says_it_scrolls_and_takes_the_focus(browser, public_url):
    with open_page(browser, public_url + "verfahren/", PHONE, axe=True) as visit:
        frame = visit.page.locator(".md-typeset__scrollwrap.om-scrolls").first
        frame.wait_for()
        assert frame.get_attribute("tabindex") == "0" and frame.get_attribute("role") == "region"
        assert frame.get_attribute("aria-label") == "Tabelle, seitlich verschiebbar"
        hint = visit.page.locator(".om-scrollhint").first
        assert hint.is_visible() and "seitlich verschieben" in hint.inner_text()
        assert visit.axe_violations() == []
    with open_page(browser, public_url + "verfahren/", DESKTOP) as visit:
        visit.page.wait_for_load_state("load")
        assert visit.page.locator(".om-scrollhint").count() == 0


# Names as long as real ones get: a valid edit must not make a page scroll sideways.
LONG_NAMES = {
    ("networks.yaml", "name: Musternetzwerk Ostwestfalen-Lippe"): "name: Musternetzwerk Ostwestfalen-Lippe (OWL)",
    ("networks.yaml", "name: Musternetzwerk Mainz/Wiesbaden"): (
        "name: Regionalnetzwerk Rheinhessen-Nahe und Rheingau-Taunus-Kreis (Mainz/Wiesbaden)"
    ),
    ("partners.yaml", "name: Verwaltungs-Berufsgenossenschaft"): (
        "name: Verwaltungs-Berufsgenossenschaft für Dienstleistungsunternehmen und Unfallversicherungsträger"
    ),
}


@pytest.fixture(scope="module")
def long_names_url(tmp_path_factory):
    """The fixture data with long network and partner names, built and served once."""
    folder = tmp_path_factory.mktemp("long-names")
    data = copy_data(folder / "data")
    for (file, old), new in LONG_NAMES.items():
        replace_in(data / file, old, new)
    site = build_site("public", data, folder / "site", settings=FIXED_SETTINGS)
    server, url = serve(site)
    yield url
    server.shutdown()


@pytest.mark.engine
@pytest.mark.parametrize("address", ["", "netzwerke/", "partner/", "netzwerke/owl/", "partner/netzwerk/owl/"])
def test_long_names_reflow_at_320_and_375_px(browser, long_names_url, address):
    for viewport in (REFLOW, PHONE):
        with open_page(browser, long_names_url + address, viewport) as visit:
            facts = visit.page.evaluate(PAGE_FACTS)
            assert (viewport["width"], facts["overflow"], facts["wide"]) == (viewport["width"], 0, [])


def test_partner_overview_does_not_scroll_sideways_at_320_px(browser, public_url):
    with open_page(browser, public_url + "partner/", REFLOW) as visit:
        assert visit.horizontal_overflow() == 0
        fieldset = visit.page.locator(".om-filter__form fieldset").bounding_box()
        assert fieldset["x"] + fieldset["width"] <= REFLOW["width"]


def test_walk_checks_focus_of_a_page_with_a_control_off_screen(browser, tmp_path):
    """The walk's focus check finds what it is for: a link moved off screen, one under another element."""
    from .walk import FOCUS_FACTS

    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="de"><body><a href="#a">sichtbar</a>'
        '<a href="#b" style="position:absolute;left:-999px">weg</a>'
        '<div style="position:relative"><a href="#c">darunter</a>'
        '<div style="position:absolute;inset:0;background:#fff"></div></div>'
        '<a href="#d" style="visibility:hidden">versteckt</a></body></html>',
        encoding="utf-8",
    )
    server, url = serve(Path(tmp_path))
    try:
        with open_page(browser, url, PHONE) as visit:
            assert visit.page.evaluate(FOCUS_FACTS) == ["a „weg“", "a „darunter“"]
    finally:
        server.shutdown()


# Per label of the procedure's diagram: how far its right edge stays inside its card (units of the drawing).
LABEL_ROOM = """() => [...document.querySelectorAll('.om-diagram__step')].flatMap(step => {
    const card = step.querySelector('rect').getBBox();
    return [...step.querySelectorAll('text:not(.om-diagram__number)')]
        .map(t => [t.textContent, card.x + card.width - (t.getBBox().x + t.getBBox().width)]);
})"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
def test_diagram_labels_fit_their_cards(browser, public_url, viewport):
    with open_page(browser, public_url + "verfahren/", viewport) as visit:
        room = visit.page.evaluate(LABEL_ROOM)
        font = visit.page.locator(".om-diagram__title").first.evaluate("t => getComputedStyle(t).fontFamily")
    assert room and [label for label, space in room if space < 4] == []
    assert font.startswith("Arial")  # the font whose widths generator/pages/diagram.py wraps by


def test_land_maps_and_their_table_fit_a_phone(browser, public_url):
    with open_page(browser, public_url + "ansprechpersonen/", PHONE) as visit:
        visit.page.wait_for_load_state("load")
        assert visit.horizontal_overflow() == 0
        assert visit.page.locator(".om-landmaps .md-typeset__scrollwrap.om-scrolls").count() == 0
        widths = visit.page.locator(".om-landmaps__map").evaluate_all(
            "maps => maps.map(m => m.getBoundingClientRect().right)"
        )
        assert widths and max(widths) <= PHONE["width"]


@pytest.mark.engine
def test_a_title_over_70_characters_is_cut(long_names_url):
    with urlopen(long_names_url + "partner/vbg/") as response:  # the test's own server
        page = response.read().decode("utf-8")
    title = page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert len(title) == 70 and title.endswith("…")
    assert title.startswith("Verwaltungs-Berufsgenossenschaft für Dienstleistungsunternehmen")
