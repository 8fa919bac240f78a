"""What the site search finds: every network and partner by name, umlaut words in their ASCII spellings,
from an index that leaves out pages and sections repeating other pages (print sheets, signing pages,
filter pages, lists of other records' names)."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.german import stripped, transcribed
from generator.records.validate import load_records
from generator.site import search_aliases
from generator.site.search_aliases import with_ascii_spellings

from .browser import open_page
from .support import DATA


def _index(*docs: dict) -> dict:
    fields = {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}
    return {"config": {"lang": ["de"], "separator": "[\\s\\-]+", "pipeline": [], "fields": fields}, "docs": list(docs)}


@pytest.fixture(scope="module")
def index(public_site) -> dict:
    return json.loads((public_site / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def records():
    return load_records(DATA)


def test_a_page_entry_gets_both_ascii_spellings_of_its_page_once_weighted_like_their_field():
    page = {"location": "netzwerke/muenchen/", "title": "Musternetzwerk München", "text": "<p>Beispielstraße 1</p>"}
    section = {"location": "netzwerke/muenchen/#kontakt", "title": "Kontakt", "text": "<p>München, Köln</p>"}
    index = with_ascii_spellings(_index(page, section))
    assert index["config"]["fields"]["title_ascii"] == {"boost": 1000.0}
    assert index["config"]["fields"]["text_ascii"] == {"boost": 1.0}
    entry, kept = index["docs"]
    assert entry["title_ascii"] == "Muenchen Munchen"
    assert entry["text_ascii"] == "Beispielstrasse Koeln Koln"  # München once, in the stronger field
    assert {key: entry[key] for key in page} == page  # shown title and text stay as written
    assert kept == section  # sections carry no spellings: a match finds their page


def test_pages_without_umlauts_get_no_extra_field_stop_words_none_and_entities_are_read_as_text():
    index = with_ascii_spellings(_index({"location": "a/", "title": "Partner", "text": "<p>für K&ouml;ln über</p>"}))
    (result,) = index["docs"]
    assert "title_ascii" not in result
    assert result["text_ascii"] == "Koeln Koln"  # „für“ and „über“ are stop words the index drops anyway


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aäoöuüßẞÄÜ xX1_-.;<>&/é\u0301\u0308") | st.characters(codec="utf-8")))
def test_the_spellings_are_those_of_every_umlaut_word_but_the_stop_words(markup):
    words = re.findall(r"\w+", search_aliases.plain_text(markup))
    umlaut = {w for w in words if re.search("[äöüÄÖÜßẞ]", w) and w.casefold() not in search_aliases.STOP_WORDS}
    expected = {spelling for word in umlaut for spelling in (transcribed(word), stripped(word))}
    assert search_aliases._spellings.__wrapped__(markup) == expected


def test_every_network_and_partner_has_its_page_in_the_index_under_its_name(index, records):
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    for network in records.networks:
        assert titles.get(f"netzwerke/{network.id}/") == network.name
    for partner in records.partners:
        assert titles.get(f"partner/{partner.id}/") == partner.name


def test_pages_and_sections_repeating_other_pages_stay_out_of_the_index(index, records):
    locations = [doc["location"] for doc in index["docs"]]
    repeating = ("vereinbarung/netzwerke/", "netzwerke/bundesland/", "partner/art/", "partner/netzwerk/")
    assert not [loc for loc in locations if loc.startswith(repeating)]
    assert not [loc for loc in locations if loc.startswith("merkblaetter/") and loc != "merkblaetter/"]
    assert "netzwerke/muenchen/#beteiligte-partner" not in locations
    assert "partner/dguv/#beteiligte-netzwerke" not in locations
    assert "netzwerke/muenchen/#kontakt" in locations  # what only this page says stays


def test_built_index_holds_the_ascii_spellings_on_page_entries_in_utf8(index, public_site):
    muenchen = next(doc for doc in index["docs"] if doc["location"] == "netzwerke/muenchen/")
    assert {"Muenchen", "Munchen"} <= set(muenchen["title_ascii"].split())
    assert "title_ascii" in index["config"]["fields"]
    assert "München".encode() in (public_site / "search" / "search_index.json").read_bytes()


def _queries() -> list[tuple[str, str]]:
    """(query, title of the page it must find first): every name, and umlaut names typed in ASCII."""
    records = load_records(DATA)
    names = [(n.name, n.name) for n in records.networks] + [(p.name, p.name) for p in records.partners]
    ascii_typed = [
        ("Musternetzwerk Muenchen", "Musternetzwerk München"),
        ("IHK Munchen", "IHK für München und Oberbayern"),
    ]
    return names + ascii_typed


def test_the_browser_search_finds_every_network_and_partner_by_name(browser, public_url):
    from playwright.sync_api import TimeoutError as Timeout

    first_title = "t => document.querySelector('.md-search-result__item h1')?.textContent.trim() === t"
    missed = {}
    with open_page(browser, public_url) as visit:
        field = visit.page.locator("input.md-search__input")
        field.click()
        for query, title in _queries():
            for _attempt in range(3):  # a busy machine may answer late; a query that never finds its page fails
                field.fill(query)
                field.press("End")  # one key release: Material searches on keyup, once per query
                try:
                    visit.page.wait_for_function(first_title, arg=title, timeout=20_000)
                    break
                except Timeout:
                    continue
            else:
                missed[query] = visit.page.locator(".md-search-result__item h1").all_inner_texts()[:3]
    assert missed == {}
