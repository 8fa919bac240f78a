"""Let the site search find umlaut words typed without umlauts („Muenchen“, „Munchen“ → München).

Material's search indexes each section's title and text in the browser. After the build, every
section gets two more fields with the ASCII spellings of its umlaut words, weighted like their
source. They live only in the search index: pages and result previews stay as written, and
screen readers read nothing twice.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from .german import ascii_spellings

# Source field of the index → field with its ASCII spellings.
ALIAS_FIELDS = {"title": "title_ascii", "text": "text_ascii"}
_TAG = re.compile(r"<[^>]*>")


def plain_text(markup: str) -> str:
    """The text of an HTML fragment as a reader sees it."""
    return html.unescape(_TAG.sub(" ", markup))


def with_ascii_spellings(index: dict) -> dict:
    """The search index with the ASCII spelling fields added to its configuration and documents."""
    fields = dict(index["config"]["fields"])
    for source, alias in ALIAS_FIELDS.items():
        fields[alias] = dict(fields.get(source, {"boost": 1.0}))
    docs = []
    for doc in index["docs"]:
        doc = dict(doc)
        for source, alias in ALIAS_FIELDS.items():
            spellings = ascii_spellings(plain_text(doc.get(source) or ""))
            if spellings:
                doc[alias] = " ".join(spellings)
        docs.append(doc)
    return {**index, "config": {**index["config"], "fields": fields}, "docs": docs}


def add_ascii_spellings(index_file: Path) -> None:
    """Rewrite a built site's search index (search/search_index.json) in place, as compact as Material writes it."""
    index = json.loads(index_file.read_text(encoding="utf-8"))
    index_file.write_text(json.dumps(with_ascii_spellings(index), separators=(",", ":")), encoding="utf-8")
