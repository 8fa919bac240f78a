"""Hostile data values appear as plain text: nothing active, no broken table, no stray heading."""

from __future__ import annotations

import html.parser
import json
import re
from pathlib import Path

import pytest

from generator.pages.render import inert
from generator.pipeline import build_site

from .support import FIXED_SETTINGS, copy_data, replace_in

PAYLOADS = {
    "Deutsche Gesetzliche Unfallversicherung": "<script>alert(1)</script>",
    "Bundesagentur für Arbeit": '<img src=x onerror="alert(2)">',
    "Zentralverband des Deutschen Handwerks": "[klick](javascript:alert(3))",
    "Handwerkskammer Hannover": "Kammer | Verband | Innung",
    "RKW Kompetenzzentrum": "# Überschrift",
    "Deutscher Gewerkschaftsbund": "**fett** _kursiv_ `code` {: onclick=alert(4) } ![bild](https://evil.example/x.png)",
    "AOK-Bundesverband": "&lt;script&gt;alert(5)&lt;/script&gt; &amp; <!-- Kommentar",
    "Verwaltungs-Berufsgenossenschaft": '"><svg onload=alert(7)>',
    "Deutsche Industrie- und Handelskammer": "</title><script>alert(8)</script>",
}
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "xlink:href")
DESCRIPTION = 'Erste Zeile\n\n# Zweite Zeile\n\n<a href="javascript:alert(6)">Link</a>\n| a | b |'


class _Collector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.stack: list[str] = []
        self.text: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        # JSON-LD is data for search engines, never run: its text is kept apart from the scripts'.
        self.stack.append("ld+json" if dict(attrs).get("type") == "application/ld+json" else tag)

    def handle_endtag(self, tag):
        tag = "ld+json" if tag == "script" and self.stack[-1:] == ["ld+json"] else tag
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        for tag in set(self.stack):
            self.text.setdefault(tag, []).append(data)


def parse(file: Path) -> _Collector:
    collector = _Collector()
    collector.feed(file.read_text(encoding="utf-8"))
    return collector


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    data = copy_data(tmp_path_factory.mktemp("hostile") / "data")
    for name, payload in PAYLOADS.items():
        quoted = '"' + payload.replace("\\", "\\\\").replace('"', '\\"') + '"'
        replace_in(data / "partners.yaml", f"    name: {name}\n", f"    name: {quoted}\n")
    block = "    description: |-\n" + "".join(f"      {line}\n" if line else "\n" for line in DESCRIPTION.split("\n"))
    website = "    website: https://www.hwk-hannover.de\n"
    replace_in(data / "partners.yaml", website, website + block)
    return build_site("public", data, tmp_path_factory.mktemp("hostile-site") / "site", settings=FIXED_SETTINGS)


def _html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_payload_becomes_active_markup(hostile_site):
    for page in _html_pages(hostile_site):
        for tag, attrs in parse(page).tags:
            assert tag != "svg" or "onload" not in attrs, page
            for name, value in attrs.items():
                assert not name.startswith("on"), f"{page}: <{tag} {name}>"
                if name in URL_ATTRIBUTES:
                    assert "alert(" not in (value or ""), f"{page}: <{tag} {name}={value!r}>"
                    assert not (value or "").strip().lower().startswith("javascript:"), page
            assert not (tag == "img" and "evil.example" in attrs.get("src", "")), page


def test_no_script_element_carries_a_payload(hostile_site):
    for page in _html_pages(hostile_site):
        scripts = "".join(parse(page).text.get("script", []))
        assert "alert(" not in scripts, page


def test_json_ld_holds_payloads_as_escaped_data(hostile_site):
    for partner, payload in (
        ("dguv", PAYLOADS["Deutsche Gesetzliche Unfallversicherung"]),
        ("vbg", '"><svg onload=alert(7)>'),
    ):
        page = hostile_site / "partner" / partner / "index.html"
        (data,) = parse(page).text["ld+json"]
        assert "<" not in data and json.loads(data)["name"] == payload


def test_payloads_are_shown_as_plain_text(hostile_site):
    overview = parse(hostile_site / "partner" / "index.html")
    entries = " ".join(overview.text["li"])
    for payload in PAYLOADS.values():
        assert payload in entries


def test_hostile_names_do_not_break_the_list_or_add_attributes(hostile_site):
    """An entry of the overview list carries only the filter's tokens, however its name reads ({: …} included)."""
    items = [attrs for tag, attrs in parse(hostile_site / "partner" / "index.html").tags if tag == "li"]
    entries = [attrs for attrs in items if "data-om" in attrs]
    assert all(set(attrs) <= {"class"} for attrs in items if "data-om" not in attrs)  # the theme's navigation
    assert len(entries) == 15  # the fixture's 16 partners but the one that left
    assert all(
        set(attrs) == {"data-om"} and re.fullmatch(r"[a-z]\d+( [a-z]\d+)*", attrs["data-om"]) for attrs in entries
    )


def test_name_starting_with_hash_is_a_title_not_a_stray_heading(hostile_site):
    page = parse(hostile_site / "partner" / "rkw" / "index.html")
    assert "".join(page.text["h1"]).strip(" ¶") == "# Überschrift"
    overview = parse(hostile_site / "partner" / "index.html")
    assert "# Überschrift" not in "".join(overview.text.get("h2", []) + overview.text.get("h1", []))


def test_multiline_description_stays_one_paragraph(hostile_site):
    page = parse(hostile_site / "partner" / "hwk-hannover" / "index.html")
    headings = "".join(page.text.get("h1", []) + page.text.get("h2", []))
    assert "Zweite Zeile" not in headings
    assert 'Erste Zeile # Zweite Zeile <a href="javascript:alert(6)">Link</a> | a | b |' in " ".join(page.text["p"])


def test_title_element_shows_the_name_literally(hostile_site):
    page = parse(hostile_site / "partner" / "dguv" / "index.html")
    assert "".join(page.text["title"]).startswith("<script>alert(1)</script> – ")
    breakout = parse(hostile_site / "partner" / "dihk" / "index.html")
    assert "".join(breakout.text["title"]).startswith("</title><script>alert(8)</script> – ")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("<b>", "&#60;b&#62;"),
        ("a|b", "a&#124;b"),
        ("[x](y)", "&#91;x&#93;(y)"),
        ("Zeile\nneue Zeile", "Zeile neue Zeile"),
        ("# Titel", "&#35; Titel"),
        ("Müller & Söhne", "Müller &#38; Söhne"),
    ],
)
def test_inert_text_escapes_markdown_and_html(value, expected):
    assert inert(value) == expected
