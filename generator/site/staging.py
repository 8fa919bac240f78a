"""Stage the site's source folder: the hand-written pages of docs/ plus the generated pages.

The engine (MkDocs, or another one reading mkdocs.yml) builds from this folder, never from docs/,
so docs/ holds only what people write. Only files whose content changed are written and stale ones
are removed: the preview rebuilds exactly the pages that changed, and watching docs/ never loops.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path

from generator.addresses import ROOTS
from generator.files import write_atomic
from generator.records.gitlog import git
from generator.settings import Profile

ROOT = Path(__file__).resolve().parents[2]
HAND_WRITTEN = ROOT / "docs"
# The build folder of the project: git-ignored by its own .gitignore, whatever the project's says.
BUILD = ROOT / "build"
# Top-level folders of the staged source that belong to the generator; docs/ must not use them.
GENERATED_ROOTS = tuple(sorted(ROOTS))  # declared with the pages' addresses


class HandWrittenClash(ValueError):
    """A hand-written page sits where the generator writes."""


class TrackedBuild(HandWrittenClash):
    """Git tracks files in build/: a commit could bring something the build would read there."""


def refuse_tracked_build(project: Path = ROOT) -> None:
    """Refuse to build while git tracks anything in build/ (nothing there may come from commits)."""
    tracked = git(project, "ls-files", "-z", "--", "build", strip=False)
    files = [name for name in (tracked or "").split("\0") if name]
    if files:
        shown = ", ".join(files[:3]) + (f" und {len(files) - 3} weitere" if len(files) > 3 else "")
        raise TrackedBuild(
            f"build/ ist in Git eingecheckt ({shown}); build/ ist der Arbeitsordner des Generators "
            "und darf nichts aus einem Commit enthalten. Bitte mit „git rm -r --cached build“ aus "
            "Git entfernen und den Commit prüfen, der die Dateien hinzugefügt hat"
        )


def staging_dir(profile: Profile) -> Path:
    """The staged source folder of a profile in build/ (the public one is mkdocs.yml's docs_dir)."""
    return ensure_ignored(BUILD) / ("docs" if profile == "public" else f"docs-{profile}")


def ensure_ignored(folder: Path) -> Path:
    """Create `folder` with a .gitignore ignoring all in it, so git never offers its files."""
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / ".gitignore"
    if not marker.is_file():
        marker.write_text(
            "# Erzeugt von python -m generator; nie einchecken.\n*\n", encoding="utf-8"
        )
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
                    f"{Path(docs.name, relative)}: der Ordner „{relative.split('/', 1)[0]}“ gehört "
                    "den erzeugten Seiten; die Datei bitte verschieben oder löschen (erzeugte "
                    "Seiten liegen nur noch in build/)"
                )
            pages[relative] = file.read_bytes()
    return pages


def refuse_symlinks(folder: Path) -> None:
    """Refuse any symlink below `folder` (overrides/: MkDocs copies their files into the site)."""
    for file in sorted(folder.rglob("*")) if folder.is_dir() else ():
        if file.is_symlink():
            raise _symlink(folder, file.relative_to(folder).as_posix())


def _symlink(folder: Path, relative: str) -> HandWrittenClash:
    # MkDocs would publish whatever it points to: .git/config, /proc/self/environ, a file of
    # another project.
    return HandWrittenClash(
        f"{Path(folder.name, relative)}: symbolische Verweise (Symlinks) sind in {folder.name}/ "
        "nicht erlaubt; bitte die Datei selbst dort ablegen oder den Verweis löschen"
    )


def write_pages(
    target: str | os.PathLike,
    pages: Mapping[str, str | bytes],
    hand_written: Mapping[str, bytes] | None = None,
) -> list[str]:
    """Bring `target` to exactly the hand-written files plus `pages`, compared with the disk."""
    return sync_folder(Path(target), source_files(pages, hand_written))


def source_files(
    pages: Mapping[str, str | bytes], hand_written: Mapping[str, bytes] | None = None
) -> dict[str, bytes]:
    """The staged folder's files: hand-written ones and generated `pages`, in their folders."""
    for path in pages:
        if path.split("/", 1)[0] not in GENERATED_ROOTS:
            raise ValueError(f"generated page outside the generated folders: {path}")
    return {**(hand_written or {}), **{path: _bytes(text) for path, text in pages.items()}}


def sync_folder(
    folder: Path,
    files: Mapping[str, bytes],
    present: Mapping[str, bytes] | None = None,
    deferred: Collection[str] = (),
) -> list[str]:
    """Make `folder` hold exactly `files`; return the paths written, then removed (each sorted).

    `present` is what the folder holds if the caller knows it (the preview's memory), else the
    folder is read. Files at `deferred` paths stay as they are: the preview writes them once
    they are made.
    """
    known = FolderFiles(folder) if present is None else present
    changed = _write_differing(folder, files, known)
    stale = sorted(known.keys() - files.keys() - set(deferred))
    removed = [path for path in stale if _remove(folder / path)]
    # Only the disk shows an empty folder a run left; in memory, a removal is the only cause.
    if stale or present is None:
        _remove_empty_dirs(folder)
    return changed + removed


class StagedFiles:
    """The preview's memory of the files it staged, so a save compares without reading back.

    The preview alone writes its folder, which starts empty; so the memory always equals the folder.
    """

    def __init__(self, folder: Path):
        self.folder = folder
        self.written: dict[str, bytes] = {}

    def sync(self, files: Mapping[str, bytes], deferred: Collection[str] = ()) -> list[str]:
        """Make the folder hold exactly `files`; files at `deferred` paths stay until update()."""
        changed = sync_folder(self.folder, files, self.written, deferred)
        staying = {path: self.written[path] for path in deferred if path in self.written}
        self.written = staying | dict(files)
        return changed

    def update(self, files: Mapping[str, str | bytes]) -> list[str]:
        """Write just `files` (deferred downloads, once made) where they differ; return paths."""
        encoded = {path: _bytes(text) for path, text in files.items()}
        changed = _write_differing(self.folder, encoded, self.written)
        self.written.update(encoded)
        return changed


class FolderFiles(Mapping[str, bytes]):
    """The files below a folder (relative path → bytes), each read when asked for.

    A symlink is listed, so that a stale one is removed, but read only where it leads to a file.
    """

    def __init__(self, folder: Path):
        self.folder = folder

    def __getitem__(self, path: str) -> bytes:
        file = self.folder / path
        if not file.is_file():
            raise KeyError(path)
        return file.read_bytes()

    def __iter__(self) -> Iterator[str]:
        # os.walk knows each entry's kind from the folder listing: no stat per file, as rglob
        # and is_file need.
        for parent, folders, files in os.walk(self.folder):
            prefix = Path(parent).relative_to(self.folder).as_posix()
            # A symlink to a folder is listed among folders, not entered; it is removed like a file.
            links = [name for name in folders if os.path.islink(os.path.join(parent, name))]
            for name in files + links:
                yield name if prefix == "." else f"{prefix}/{name}"

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _write_differing(
    folder: Path, files: Mapping[str, bytes], present: Mapping[str, bytes]
) -> list[str]:
    """Write files whose bytes differ from `present`; untouched files keep their time stamps."""
    changed = [path for path, data in sorted(files.items()) if present.get(path) != data]
    for path in changed:
        write_atomic(folder / path, files[path])
    return changed


def _remove(file: Path) -> bool:
    """Remove a stale file or symlink; whether there was one (the memory may name a deleted one)."""
    if file.is_file() or file.is_symlink():
        file.unlink()
        return True
    return False


def _bytes(text: str | bytes) -> bytes:
    return text if isinstance(text, bytes) else text.encode("utf-8")  # bytes: the workbook


def _remove_empty_dirs(root: Path) -> None:
    if not root.is_dir():
        return
    for folder in sorted(
        (p for p in root.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True
    ):
        if not any(folder.iterdir()):
            folder.rmdir()
