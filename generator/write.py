"""Write generated pages into docs/: only files whose content changed, stale ones removed.

Writing only changes keeps `mkdocs serve` from rebuilding forever, since it watches docs/.
"""

from __future__ import annotations

import os
from pathlib import Path

# Top-level folders of docs/ that belong to the generator (git-ignored, never edited by hand).
GENERATED_ROOTS = (
    "netzwerke",
    "partner",
    "referenz",
    "vereinbarung",
    "verfahren",
    "botschafter",
    "merkblaetter",
    "daten",
    "schemas",
    "ansprechpersonen",
    "intern",
    "rechtliches",
)


def write_pages(docs_dir: str | os.PathLike, pages: dict[str, str]) -> list[str]:
    """Bring the generated folders of docs_dir to exactly `pages`; return the paths that changed."""
    docs = Path(docs_dir)
    for path in pages:
        if path.split("/", 1)[0] not in GENERATED_ROOTS:
            raise ValueError(f"generated page outside the generated folders: {path}")
    changed = [path for path, text in sorted(pages.items()) if _write_if_changed(docs / path, text)]
    for root in GENERATED_ROOTS:
        for file in sorted((docs / root).rglob("*")) if (docs / root).is_dir() else []:
            relative = file.relative_to(docs).as_posix()
            if file.is_file() and relative not in pages:
                file.unlink()
                changed.append(relative)
        _remove_empty_dirs(docs / root)
    return changed


def _write_if_changed(file: Path, text: str) -> bool:
    data = text.encode("utf-8")
    if file.is_file() and file.read_bytes() == data:
        return False
    file.parent.mkdir(parents=True, exist_ok=True)
    temporary = file.with_name(f".{file.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, file)
    return True


def _remove_empty_dirs(root: Path) -> None:
    if not root.is_dir():
        return
    for folder in sorted((p for p in root.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
