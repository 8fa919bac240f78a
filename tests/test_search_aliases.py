"""The search index learns the ASCII spellings of umlaut words, without changing what pages and results show."""

from __future__ import annotations

import json

from generator.search_aliases import with_ascii_spellings


def _index(*docs: dict) -> dict:
    fields = {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}
    return {"config": {"lang": ["de"], "separator": "[\\s\\-]+", "pipeline": [], "fields": fields}, "docs": list(docs)}


def test_umlaut_words_get_both_ascii_spellings_weighted_like_their_field():
    doc = {"location": "netzwerke/muenchen/", "title": "Musternetzwerk München", "text": "<p>Beispielstraße 1</p>"}
    index = with_ascii_spellings(_index(doc))
    assert index["config"]["fields"]["title_ascii"] == {"boost": 1000.0}
    assert index["config"]["fields"]["text_ascii"] == {"boost": 1.0}
    (result,) = index["docs"]
    assert result["title_ascii"] == "Muenchen Munchen"
    assert result["text_ascii"] == "Beispielstrasse"
    assert {key: result[key] for key in doc} == doc  # shown title and text stay as written


def test_sections_without_umlauts_get_no_extra_field_and_entities_are_read_as_text():
    index = with_ascii_spellings(_index({"location": "a/", "title": "Partner", "text": "<p>K&ouml;ln &amp; Bonn</p>"}))
    (result,) = index["docs"]
    assert "title_ascii" not in result
    assert result["text_ascii"] == "Koeln Koln"


def test_built_site_index_holds_the_ascii_spellings(public_site):
    index = json.loads((public_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    muenchen = next(doc for doc in index["docs"] if doc["location"] == "netzwerke/muenchen/")
    assert "Muenchen" in muenchen["title_ascii"].split() and "Munchen" in muenchen["title_ascii"].split()
    assert "title_ascii" in index["config"]["fields"]
