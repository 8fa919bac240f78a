"""The German text of every page of the public site, as each engine builds it, passes hunspell (de_DE) with the
project's word list."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.records.reader import load_file

from .support import DATA, site_files

pytestmark = pytest.mark.spelling

WORDLIST = Path(__file__).parent / "wordlist.txt"
# Text in these elements is not prose: code, the diagram source, scripts, the ¶ of heading anchors.
SKIPPED = {"pre", "code", "script", "style", "svg", "kbd", "samp"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Fields whose values are proper names (institutions, places, people): the data names them, no dictionary does.
NAME_FIELDS = {"name", "short_name", "organisation", "city", "street", "region"}
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Addresses, file names and identifiers (snake_case) in running text are not words.
NOT_WORDS = re.compile(r"\S+@\S+|https?://\S+|\S+\.(?:yaml|md|json|geojson|csv|html|xlsx|vcf)\b|\S*\w_\w\S*")


class _MainText(HTMLParser):
    """Collect the text of a page's <article> (its main content), without code, heading anchors and foreign words.

    English interface labels are marked `<span lang="en">` (which screen readers need anyway, WCAG 3.1.2).
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element inside <article>: is its text skipped?
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        if self.stack or tag == "article":
            attributes = dict(attrs)
            classes = (attributes.get("class") or "").split()
            foreign = not (attributes.get("lang") or "de").startswith("de")
            self.stack.append(tag in SKIPPED or "headerlink" in classes or foreign)

    def handle_endtag(self, tag):
        if self.stack and tag not in VOID:
            self.stack.pop()
            self.parts.append(" ")

    def handle_data(self, data):
        if self.stack and not any(self.stack):
            self.parts.append(data)


def main_text(html: str) -> str:
    """The prose of a built page's main content."""
    parser = _MainText()
    parser.feed(html)
    return "".join(parser.parts)


def words(text: str) -> set[str]:
    """The words of a text; hyphenated compounds count as their parts (OM-Geschäftsstelle → OM, Geschäftsstelle).

    A soft hyphen (U+00AD, a place a word may break on a narrow screen) joins what it stands in.
    """
    text = NOT_WORDS.sub(" ", text.replace("\u00ad", ""))
    return {part for match in WORD.findall(text) for part in match.split("-") if len(part) > 1}


def _names_in_data() -> set[str]:
    names: set[str] = set()

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key in NAME_FIELDS and isinstance(item, str):
                    names.update(words(item))
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for file in sorted(DATA.glob("*.yaml")):
        walk(load_file(file)[0].data)
    return names


def _wordlist() -> set[str]:
    lines = WORDLIST.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def unknown_words(texts: list[str]) -> set[str]:
    """The words hunspell (de_DE) does not know, less the project's terms and the names the data gives."""
    found = set().union(*(words(text) for text in texts))
    result = subprocess.run(
        ["hunspell", "-d", "de_DE", "-i", "utf-8", "-l"],
        input="\n".join(sorted(found)),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    return set(result.stdout.split()) - _wordlist() - _names_in_data()


@pytest.fixture(scope="module")
def page_texts(engine_site: Path) -> dict[str, str]:
    pages = site_files(engine_site, "*.html")
    return {page.relative_to(engine_site).as_posix(): main_text(page.read_text(encoding="utf-8")) for page in pages}


def test_every_page_has_its_main_text_checked(page_texts):
    assert len(page_texts) >= 40
    assert all(text.strip() for text in page_texts.values())
    assert "Vereinbarung zur Zusammenarbeit" in page_texts["vereinbarung/index.html"]


def test_site_text_has_no_unknown_words(page_texts):
    unknown = unknown_words(list(page_texts.values()))
    where = {word: sorted(p for p, text in page_texts.items() if word in words(text))[:3] for word in unknown}
    assert unknown == set(), f"unbekannte Wörter (Tippfehler korrigieren oder in {WORDLIST.name} eintragen): {where}"


def test_a_misspelling_is_found():
    assert unknown_words(["Die Koordinierungstelle vermittelt Ansprechpersonen."]) == {"Koordinierungstelle"}


def test_code_and_heading_anchors_are_not_checked():
    html = '<article><h2>Titel<a class="headerlink" href="#t">¶</a></h2><p>Text <code>xyzzy</code></p></article>'
    assert main_text(html).split() == ["Titel", "Text"]


def test_words_marked_as_english_are_not_checked():
    html = '<article><p>Dann „<span lang="en">Create pull request</span>“ wählen.</p></article>'
    assert main_text(html).split() == ["Dann", "„", "“", "wählen."]
