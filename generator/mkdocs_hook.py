"""MkDocs hook: regenerate the pages from data/ before every build (also in `mkdocs serve`).

A data error stops the build before MkDocs cleans the site folder, so the last good site stays.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.pipeline import generate
from generator.problems import DataInvalid
from generator.search_aliases import add_ascii_spellings

log = logging.getLogger("mkdocs.plugins.generator")
_command = {"name": "build"}


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is a live preview, whose browser waits while the data is broken."""
    _command["name"] = command


def on_pre_build(config) -> None:
    root = Path(config.config_file_path).parent
    data_dir = config.extra.get("data_dir") or root / "data"
    profile = config.extra.get("profile", "public")
    try:
        changed = generate(data_dir, config.docs_dir, profile, config.extra)
    except DataInvalid as invalid:
        for problem in invalid.problems:
            log.error(str(problem))
        if invalid.incomplete:
            log.error(DataInvalid.WAITING)
        if _command["name"] == "serve":
            log.error("Die Vorschau wartet, bis die Fehler behoben sind; danach lädt sie die Seite von selbst neu.")
        raise PluginError(f"{len(invalid.problems)} Fehler in den Daten; es wurde nichts erzeugt.") from None
    if changed:
        log.info("%d erzeugte Seiten aktualisiert", len(changed))


@event_priority(-100)  # after Material's search plugin has written the index
def on_post_build(config) -> None:
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.is_file():
        add_ascii_spellings(index)
