"""The procedure's diagram is inline SVG drawn at build time: no script, any width, legible on screen and paper."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.pages.diagram import LINE, ROLE_SIZE, procedure_svg, text_width, wrap, xml_text
from generator.records.schema import ProcessFile

from .browser import DESKTOP, PHONE, open_page
from .support import sample_directory

SVG = "{http://www.w3.org/2000/svg}"
PROCESS = sample_directory("public").process
# Any single line a data file can hold: the schema rejects empty values and line breaks.
LINE_OF_TEXT = st.text(min_size=1, max_size=80).filter(lambda t: t.strip() and "\n" not in t and "\r" not in t)
TEXT_FITS_ITS_CARD = """() => [...document.querySelectorAll('.om-diagram__step')].every(step => {
    const card = step.querySelector('rect').getBBox();
    return [...step.querySelectorAll('text')].every(t => {
        const box = t.getBBox();
        return box.x >= card.x && box.x + box.width <= card.x + card.width - 4;
    });
})"""
# The size a label is drawn at, in CSS px: its font size times the scale of the drawing.
SMALLEST_LABEL_PX = """() => Math.min(...[...document.querySelectorAll('.om-diagram__drawing text')].map(t =>
    parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a))"""
DRAWN = ("svg", "title", "desc", "defs", "marker", "path", "g", "rect", "circle", "text", "line")
FIGURE_AND_COLUMN = """() => ({
    figure: document.querySelector('.om-diagram__drawing').getBoundingClientRect().width,
    column: document.querySelector('.md-content .md-typeset').clientWidth,
    page: document.documentElement.scrollWidth - window.innerWidth})"""


def _parsed(process: ProcessFile) -> ET.Element:
    # The page is HTML, but the drawing must be well-formed XML: then no value can leave its element.
    return ET.fromstring(str(procedure_svg(process)).replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1))


def _process(roles: list[str], titles: list[str]) -> ProcessFile:
    data = PROCESS.model_dump(mode="json", exclude_none=True)
    for role, name in zip(data["roles"], roles, strict=False):
        role["name"], role["short_name"] = name, name
    for step, title in zip(data["steps"], titles, strict=False):
        step["title"] = title
    return ProcessFile.model_validate(data)


def _shown(value: str) -> str:
    """A value as the drawing shows it (whitespace collapsed, what XML cannot hold replaced), without spaces."""
    return "".join(ET.fromstring(f"<t>{xml_text(value)}</t>").text.split())


def _card_texts(svg: ET.Element) -> list[tuple[str, str]]:
    """(title, roles) of each card, their lines joined with the spaces the wrapping took."""
    return [
        tuple(
            " ".join(t.text for t in step.iter(f"{SVG}text") if t.get("class") == f"om-diagram__{kind}")
            for kind in ("title", "roles")
        )
        for step in svg.iter(f"{SVG}g")
    ]


def test_one_card_per_step_numbered_like_the_list_with_who_acts_and_to_whom():
    svg = _parsed(PROCESS)
    numbers = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "om-diagram__number"]
    assert numbers == [str(n) for n in range(1, len(PROCESS.steps) + 1)]
    cards = _card_texts(svg)
    assert cards[0] == ("Nationale Ansprechperson benennen", "Nationaler OM-Partner")
    assert cards[2] == ("Bitte an die Koordinierungsstelle", "Regionales Netzwerk → OM-Koordinierungsstelle")


def test_screen_readers_get_a_title_and_a_description_pointing_to_the_step_list():
    svg = _parsed(PROCESS)
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "om-diagram-title om-diagram-desc"
    assert svg.find(f"{SVG}title").text == "Ablaufdiagramm: Verfahren zur Unterstützung der regionalen Netzwerke"
    assert "Die Liste „Die Schritte“ unter dem Diagramm" in svg.find(f"{SVG}desc").text


def test_drawing_is_taller_than_wide_and_labels_wrap_inside_the_cards():
    svg = _parsed(PROCESS)
    _, _, width, height = (float(v) for v in svg.get("viewBox").split())
    assert width == 360 and height > 2 * width
    for text in svg.iter(f"{SVG}text"):
        if text.get("class") != "om-diagram__number":
            assert text_width(text.text, float(text.get("font-size")), text.get("font-weight") == "700") <= LINE


@settings(max_examples=150, deadline=None)
@given(roles=st.lists(LINE_OF_TEXT, min_size=4, max_size=4), titles=st.lists(LINE_OF_TEXT, min_size=7, max_size=7))
def test_any_role_or_title_stays_text_inside_its_own_element(roles, titles):
    process = _process(roles, titles)
    svg = _parsed(process)
    assert {element.tag.removeprefix(SVG) for element in svg.iter()} <= set(DRAWN)
    names = {role.id: role.label for role in process.roles}
    for (title, who), step in zip(_card_texts(svg), process.steps, strict=True):
        assert "".join(title.split()) == _shown(step.title)
        expected = names[step.actor] + (f" → {names[step.to]}" if step.to else "")
        assert "".join(who.split()) == _shown(expected)


@given(text=LINE_OF_TEXT)
def test_wrapped_lines_fit_and_keep_every_character(text):
    lines = wrap(text, ROLE_SIZE)
    assert all(text_width(line, ROLE_SIZE) <= LINE or len(line) == 1 for line in lines)
    assert "".join(lines).replace(" ", "") == "".join(text.split())


def test_xml_text_escapes_markup_and_drops_what_xml_cannot_hold():
    assert (
        xml_text('<a href="x">&\'*_`\x01\n</a>')
        == "&#60;a href&#61;&#34;x&#34;&#62;&#38;&#39;&#42;&#95;&#96;\ufffd &#60;/a&#62;"
    )


def test_built_site_loads_no_diagram_script(public_site: Path):
    assert not (public_site / "assets" / "vendor" / "mermaid").exists()
    for file in public_site.rglob("*.html"):
        html = file.read_text(encoding="utf-8")
        assert "mermaid" not in html, file.relative_to(public_site)
    page = (public_site / "verfahren" / "index.html").read_text(encoding="utf-8")
    assert page.count('<svg class="om-diagram__drawing"') == 1
    assert "seitlich verschieben" not in page


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_diagram_fits_the_column_and_its_labels_stay_legible(browser, public_url, viewport):
    with open_page(browser, public_url + "verfahren/", viewport) as visit:
        sizes = visit.page.evaluate(FIGURE_AND_COLUMN)
        assert sizes["figure"] <= sizes["column"] and sizes["page"] == 0
        assert sizes["figure"] >= min(340, sizes["column"])
        assert visit.page.evaluate(TEXT_FITS_ITS_CARD)
        assert visit.page.evaluate(SMALLEST_LABEL_PX) >= 12
        assert not [url for url in visit.requests if url.endswith(".js") and "mermaid" in url]


def test_printed_diagram_labels_are_at_least_8_pt(browser, public_url):
    # A4 with Material's print margins leaves about 700 CSS px for the column.
    with open_page(browser, public_url + "verfahren/", {"width": 700, "height": 1000}) as visit:
        visit.page.emulate_media(media="print")
        assert visit.page.evaluate(SMALLEST_LABEL_PX) * 72 / 96 >= 8
        assert visit.page.evaluate(TEXT_FITS_ITS_CARD)
