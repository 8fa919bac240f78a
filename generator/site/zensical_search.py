"""Let Zensical's search find umlaut words typed without umlauts („Muenchen“, „Munchen“ → München).

Zensical's search index (search.json) has fixed fields (title, text, path) that its result list
shows as they are, so the ASCII spellings cannot simply be added to them. After the build, each
page's entry gets the same two extra fields as in Material's index (title_ascii, text_ascii,
generator/site/search_aliases.py); a few lines appended to Zensical's search worker count them as
title and path words in the worker's own copy of the index.
The result list keeps showing the page as written.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.site import search_aliases
from generator.site.engines import BuildFailed

INDEX = "search.json"
WORKERS = "assets/javascripts/workers"
WORKER_PATCH = Path(__file__).with_name("zensical_search.js")
# The worker's last statement, which the patch wraps; if Zensical changes it, the build says so.
WORKER_ENTRY = "self.onmessage="


class SearchUnchanged(BuildFailed):
    """Zensical's search files are not what this step was written for (another Zensical version)."""


def with_ascii_spellings(index: dict) -> dict:
    """Zensical's search index with Material's ASCII spellings (once per page, on its entry)."""
    # Zensical's sections carry Material's keys (location, title, text): a rule serves both engines.
    material = search_aliases.with_ascii_spellings(
        {"config": {"fields": {}}, "docs": index["items"]}
    )
    return {**index, "items": material["docs"]}


def add_ascii_spellings(site: Path) -> None:
    """Rewrite a built site's search index and teach its search worker the extra fields."""
    index_file = site / INDEX
    workers = sorted((site / WORKERS).glob("search.*.js"))
    if not index_file.is_file() or len(workers) != 1:
        raise SearchUnchanged(
            f"Zensical hat keinen Suchindex {INDEX} und kein Suchprogramm in {WORKERS}/ erzeugt"
        )
    worker = workers[0].read_text(encoding="utf-8")
    if WORKER_ENTRY not in worker:
        raise SearchUnchanged(f"Das Suchprogramm {workers[0].name} hat eine unbekannte Form")
    index = json.loads(index_file.read_text(encoding="utf-8"))
    compact = json.dumps(with_ascii_spellings(index), ensure_ascii=False, separators=(",", ":"))
    index_file.write_text(compact, encoding="utf-8")
    workers[0].write_text(
        worker + "\n" + WORKER_PATCH.read_text(encoding="utf-8"), encoding="utf-8"
    )
