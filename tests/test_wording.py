"""Wording of pages filled from data: no nested brackets, no doubled nouns, no data record in hand-written text."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from generator.records.validate import load_records

from .support import DATA, ROOT, sample_directory, sample_pages
from .test_spelling import main_text

# „(OM-Koordinierungsstelle (OM-Geschäftsstelle))“: a bracket inside a bracket.
NESTED = re.compile(r"\([^()]*\([^()]*\)[^()]*\)")


@functools.cache
def _pages(profile: str) -> dict[str, str]:
    return sample_pages(profile)


@pytest.mark.parametrize("profile_site", ["public", "intern"], indirect=True)
def test_no_page_puts_brackets_inside_brackets(profile_site):
    found = {}
    for file in sorted(profile_site.rglob("*.html")):
        nested = NESTED.findall(" ".join(main_text(file.read_text(encoding="utf-8")).split()))
        if nested:
            found[file.relative_to(profile_site).as_posix()] = nested
    assert found == {}


@pytest.mark.parametrize("profile", ["public", "intern"])
def test_a_network_name_never_follows_the_word_netzwerk(profile):
    """„Vereinbarung mit dem Netzwerk Musternetzwerk Hannover“ says the noun twice; names stand alone or in quotes."""
    names = [n.name for n in sample_directory(profile).networks]
    doubled = re.compile(r"\bNetzwerks? (?:" + "|".join(re.escape(name) for name in names) + ")")
    found = {path: doubled.findall(text) for path, text in _pages(profile).items() if path.endswith(".md")}
    assert {path: hits for path, hits in found.items() if hits} == {}


def test_hand_written_pages_name_no_network_of_the_data():
    """The sample networks change with the data; the hand-written pages must stay true without them."""
    names = [n.name for n in load_records(DATA).networks]
    pages = sorted((ROOT / "docs" / "handbuch").glob("*.md"))
    found = {p.relative_to(ROOT).as_posix(): [n for n in names if n in _text(p)] for p in pages}
    assert {page: hits for page, hits in found.items() if hits} == {}


def _text(page: Path) -> str:
    return " ".join(page.read_text(encoding="utf-8").split())


# The roles in both forms: „Botschafterinnen und Botschafter“, „eine Botschafterin oder ein Botschafter“.
PAIRED = re.compile(
    r"(Botschafter|Berater)innen und \1n?\b|\b(Botschafter|Berater)in(?: \(\2\)| oder (?:ein(?:en)? )?\2\b)"
)
QUOTATION = re.compile(r'<(span|blockquote) class="om-quote".*?</\1>', flags=re.DOTALL)
SINGLE = re.compile(r"\b(?:Botschafter|Berater)n?\b(?!-)")


def test_page_texts_and_navigation_name_women_and_men():
    """Templates, hand-written pages and the navigation never say „Botschafter“ or „Berater“ alone."""
    sources = [
        *sorted((ROOT / "generator" / "templates").glob("*.j2")),
        *sorted((ROOT / "docs" / "handbuch").glob("*.md")),
        ROOT / "mkdocs.yml",
    ]
    found = {}
    for source in sources:
        text = re.sub(r"\{#.*?#\}", "", source.read_text(encoding="utf-8"), flags=re.DOTALL)  # template comments
        text = QUOTATION.sub("", text)  # a quotation keeps the source's wording („Hilfsmittel für ihre Berater“)
        lone = SINGLE.findall(PAIRED.sub("", text))
        if lone:
            found[source.relative_to(ROOT).as_posix()] = lone
    assert found == {}
