"""Stage the site's source folder: the hand-written pages of docs/ plus the generated pages.

The engine (MkDocs, or another one reading mkdocs.yml) builds from this folder, never from docs/,
so docs/ holds only what people write. Only files whose content changed are written and stale ones
are removed: the preview rebuilds exactly the pages that changed, and watching docs/ never loops.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping
from pathlib import Path

from generator.addresses import ROOTS
from generator.files import write_atomic, write_if_changed
from generator.records.gitlog import git
from generator.settings import Profile

ROOT = Path(__file__).resolve().parents[2]
HAND_WRITTEN = ROOT / "docs"
# The build folder of the project: git-ignored by its own .gitignore, whatever the project's says.
BUILD = ROOT / "build"
# Top-level folders of the staged source that belong to the generator; docs/ must not use these names.
GENERATED_ROOTS = tuple(sorted(ROOTS))  # declared with the pages' addresses


class HandWrittenClash(ValueError):
    """A hand-written page sits where the generator writes."""


class TrackedBuild(HandWrittenClash):
    """Git tracks files in build/: a commit could bring something the build would read there."""


def refuse_tracked_build(project: Path = ROOT) -> None:
    """Refuse to build while git tracks anything in the project's build/ (nothing there may come from a commit)."""
    tracked = git(project, "ls-files", "-z", "--", "build", strip=False)
    files = [name for name in (tracked or "").split("\0") if name]
    if files:
        shown = ", ".join(files[:3]) + (f" und {len(files) - 3} weitere" if len(files) > 3 else "")
        raise TrackedBuild(
            f"build/ ist in Git eingecheckt ({shown}); build/ ist der Arbeitsordner des Generators und darf nichts "
            "aus einem Commit enthalten. Bitte mit „git rm -r --cached build“ aus Git entfernen und den Commit "
            "prüfen, der die Dateien hinzugefügt hat"
        )


def staging_dir(profile: Profile) -> Path:
    """The staged source folder of a profile inside build/ (the public one is mkdocs.yml's docs_dir)."""
    return ensure_ignored(BUILD) / ("docs" if profile == "public" else f"docs-{profile}")


def ensure_ignored(folder: Path) -> Path:
    """Create `folder` with a .gitignore that ignores everything in it, so git never offers its files."""
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / ".gitignore"
    if not marker.is_file():
        marker.write_text("# Erzeugt von python -m generator; nie einchecken.\n*\n", encoding="utf-8")
    return folder


def hand_written_pages(docs_dir: str | os.PathLike = HAND_WRITTEN) -> dict[str, bytes]:
    """Every file of docs/ (relative path → bytes); refuse one inside a generated folder."""
    docs = Path(docs_dir)
    pages = {}
    for file in sorted(docs.rglob("*")):
        relative = file.relative_to(docs).as_posix()
        if file.is_symlink():
            raise _symlink(docs, relative)
        if file.is_file() and not relative.startswith("."):
            if relative.split("/", 1)[0] in GENERATED_ROOTS:
                raise HandWrittenClash(
                    f"{Path(docs.name, relative)}: der Ordner „{relative.split('/', 1)[0]}“ gehört den erzeugten "
                    "Seiten; die Datei bitte verschieben oder löschen (erzeugte Seiten liegen nur noch in build/)"
                )
            pages[relative] = file.read_bytes()
    return pages


def refuse_symlinks(folder: Path) -> None:
    """Refuse any symlink below `folder` (the theme's overrides/: MkDocs copies their files into the site)."""
    for file in sorted(folder.rglob("*")) if folder.is_dir() else ():
        if file.is_symlink():
            raise _symlink(folder, file.relative_to(folder).as_posix())


def _symlink(folder: Path, relative: str) -> HandWrittenClash:
    # MkDocs would publish whatever it points to: .git/config, /proc/self/environ, a file of another project.
    return HandWrittenClash(
        f"{Path(folder.name, relative)}: symbolische Verweise (Symlinks) sind in {folder.name}/ nicht erlaubt; "
        "bitte die Datei selbst dort ablegen oder den Verweis löschen"
    )


def write_pages(
    target: str | os.PathLike,
    pages: Mapping[str, str | bytes],
    hand_written: dict[str, bytes] | None = None,
    written: dict[str, bytes] | None = None,
    keep: Collection[str] = (),
) -> list[str]:
    """Bring `target` to exactly the hand-written files plus `pages`; return the paths that changed.

    `written` (the preview's) remembers what the last call wrote, so the next one compares in memory
    instead of reading every file back. Files at `keep` stay as they are (update_pages brings them).
    """
    folder = Path(target)
    for path in pages:
        if path.split("/", 1)[0] not in GENERATED_ROOTS:
            raise ValueError(f"generated page outside the generated folders: {path}")
    wanted = {**(hand_written or {}), **{path: _bytes(text) for path, text in pages.items()}}
    if written:
        changed = [path for path, data in sorted(wanted.items()) if written.get(path) != data]
        for path in changed:
            write_atomic(folder / path, wanted[path])
        stale = [folder / path for path in sorted(written.keys() - wanted.keys() - set(keep))]
    else:
        changed = [path for path, data in sorted(wanted.items()) if write_if_changed(folder / path, data)]
        stale = [file for file in sorted(folder.rglob("*")) if file.relative_to(folder).as_posix() not in wanted]
        stale = [file for file in stale if file.relative_to(folder).as_posix() not in keep]
    for file in stale:
        if file.is_file() or file.is_symlink():
            file.unlink()
            changed.append(file.relative_to(folder).as_posix())
    if stale or not written:
        _remove_empty_dirs(folder)
    if written is not None:
        kept = {path: written[path] for path in keep if path in written}
        written.clear()
        written.update(kept | wanted)
    return changed


def update_pages(target: str | os.PathLike, pages: Mapping[str, str | bytes], written: dict[str, bytes]) -> list[str]:
    """Write just `pages` where they differ from what `written` remembers; return the paths that changed."""
    changed = []
    for path, text in sorted(pages.items()):
        data = _bytes(text)
        if written.get(path) != data:
            write_atomic(Path(target) / path, data)
            written[path] = data
            changed.append(path)
    return changed


def _bytes(text: str | bytes) -> bytes:
    return text if isinstance(text, bytes) else text.encode("utf-8")  # bytes: the workbook


def _remove_empty_dirs(root: Path) -> None:
    if not root.is_dir():
        return
    for folder in sorted((p for p in root.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
