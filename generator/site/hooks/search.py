"""MkDocs hook: after the build, add ASCII spellings to the search index.

Pages are never generated here: `python -m generator build|generate|serve` stage the site source
(hand-written docs/ plus generated pages) before MkDocs runs, so any engine can build it.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from generator.site.search_aliases import add_ascii_spellings


@event_priority(-100)  # after Material's search plugin has written the index
def on_post_build(config) -> None:
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.is_file():
        add_ascii_spellings(index)
