"""Let the site search find umlaut words typed without umlauts („Muenchen“, „Munchen“ → München).

Material's search indexes each section's title and text in the browser; its query adds a trailing
wildcard, which skips lunr's pipeline, so no stemmer could fold the spellings at query time. After
the build, each page's entry therefore gets two more fields with the ASCII spellings of the umlaut
words of the whole page, each spelling once, weighted like its source (title or text). Sections
carry none: a match on a section's ASCII spelling finds its page, and the index stays small. The
spellings live only in the search index: pages and result previews stay as written, and screen
readers read nothing twice.
"""

from __future__ import annotations

import functools
import html
import json
import re
from pathlib import Path

from generator.german import spellings_of, umlaut_words

# Source field of the index → field with its ASCII spellings.
ALIAS_FIELDS = {"title": "title_ascii", "text": "text_ascii"}
# Umlaut words of the German stop word list of Material's search (lunr-languages): the index drops
# them, so their ASCII spellings („fuer“, „ueber“) would only cost space.
STOP_WORDS = frozenset({"daß", "für", "können", "könnte", "während", "würde", "würden", "über"})
_TAG = re.compile(r"<[^>]*>")


def plain_text(markup: str) -> str:
    """The text of an HTML fragment as a reader sees it."""
    return html.unescape(_TAG.sub(" ", markup))


# The preview writes the index after every save; most sections are the same as before.
@functools.lru_cache(maxsize=65536)
def _spellings(markup: str) -> frozenset[str]:
    # Only words with an umlaut have other spellings, so only they are looked up in the stop words.
    words = {word for word in umlaut_words(plain_text(markup)) if word.casefold() not in STOP_WORDS}
    return frozenset(spellings_of(words))


def with_ascii_spellings(index: dict) -> dict:
    """The search index with the ASCII spelling fields added to its configuration and entries."""
    fields = dict(index["config"]["fields"])
    for source, alias in ALIAS_FIELDS.items():
        fields[alias] = dict(fields.get(source, {"boost": 1.0}))
    pages: dict[str, list[dict]] = {}
    for doc in index["docs"]:
        pages.setdefault(doc["location"].partition("#")[0], []).append(dict(doc))
    docs = []
    for page, sections in pages.items():
        entry = next((doc for doc in sections if doc["location"] == page), sections[0])
        title = _spellings(entry.get("title") or "")
        text = set().union(*(_spellings(doc.get("text") or "") for doc in sections))
        text |= set().union(
            *(_spellings(doc.get("title") or "") for doc in sections if doc is not entry)
        )
        if title:
            entry["title_ascii"] = " ".join(sorted(title))
        if text - title:
            entry["text_ascii"] = " ".join(sorted(text - title))
        docs += sections
    return {**index, "config": {**index["config"], "fields": fields}, "docs": docs}


def add_ascii_spellings(index_file: Path) -> None:
    """Rewrite a built site's search index (search/search_index.json) in place, compact, UTF-8."""
    index = json.loads(index_file.read_text(encoding="utf-8"))
    text = json.dumps(with_ascii_spellings(index), separators=(",", ":"), ensure_ascii=False)
    index_file.write_text(text, encoding="utf-8")
