"""Staging makes a folder hold exactly a set of files: what differs is written, what is stale removed, nothing else."""

from __future__ import annotations

from pathlib import Path

from generator.pipeline import generate
from generator.site.staging import StagedFiles, sync_folder

from .support import DATA, FIXED_SETTINGS


def _stamp(file: Path) -> tuple[int, int]:
    """Inode and modification time: a write through a temporary file changes the inode, even within one tick."""
    status = file.stat()
    return status.st_ino, status.st_mtime_ns


def _files(folder: Path) -> dict[str, bytes]:
    return {file.relative_to(folder).as_posix(): file.read_bytes() for file in folder.rglob("*") if file.is_file()}


def test_sync_writes_what_differs_and_leaves_unchanged_files_untouched(tmp_path):
    assert sync_folder(tmp_path, {"partner/a.md": b"A\n", "partner/b.md": b"B\n"}) == ["partner/a.md", "partner/b.md"]
    untouched = _stamp(tmp_path / "partner" / "a.md")
    assert sync_folder(tmp_path, {"partner/a.md": b"A\n", "partner/b.md": b"B2\n"}) == ["partner/b.md"]
    assert _stamp(tmp_path / "partner" / "a.md") == untouched
    assert _files(tmp_path) == {"partner/a.md": b"A\n", "partner/b.md": b"B2\n"}


def test_sync_removes_stale_files_and_the_folders_they_leave_empty(tmp_path):
    sync_folder(tmp_path, {"partner/a.md": b"A\n", "netzwerke/n.md": b"N\n"})
    (tmp_path / "leftover").mkdir()  # an empty folder an earlier run left: only the disk shows it
    assert sync_folder(tmp_path, {"partner/a.md": b"A\n"}) == ["netzwerke/n.md"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["partner"]


def test_sync_leaves_deferred_files_as_staged(tmp_path):
    sync_folder(tmp_path, {"partner/a.md": b"A\n", "daten/partners.csv": b"alt\n"})
    stamp = _stamp(tmp_path / "daten" / "partners.csv")
    assert sync_folder(tmp_path, {"partner/a.md": b"A2\n"}, deferred=["daten/partners.csv"]) == ["partner/a.md"]
    assert _stamp(tmp_path / "daten" / "partners.csv") == stamp
    assert (tmp_path / "daten" / "partners.csv").read_bytes() == b"alt\n"


def test_sync_with_a_known_folder_compares_in_memory_and_reads_nothing(tmp_path):
    (tmp_path / "partner").mkdir()
    (tmp_path / "partner" / "a.md").write_bytes(b"changed behind the memory's back\n")
    (tmp_path / "partner" / "unknown.md").write_bytes(b"not in memory\n")
    present = {"partner/a.md": b"A\n", "partner/gone.md": b"G\n"}
    assert sync_folder(tmp_path, {"partner/a.md": b"A\n"}, present) == []  # gone.md was not there to remove
    assert (tmp_path / "partner" / "a.md").read_bytes() == b"changed behind the memory's back\n"
    assert (tmp_path / "partner" / "unknown.md").exists()


def test_staged_files_remember_what_they_wrote(tmp_path):
    staged = StagedFiles(tmp_path / "docs")
    pages = {"partner/a.md": b"A\n", "partner/b.md": b"B\n"}
    assert staged.sync(pages) == ["partner/a.md", "partner/b.md"]
    assert staged.sync(pages) == []
    assert staged.sync({"partner/a.md": b"A2\n"}) == ["partner/a.md", "partner/b.md"]
    assert staged.written == _files(tmp_path / "docs") == {"partner/a.md": b"A2\n"}


def test_staged_files_keep_a_deferred_download_until_it_is_made(tmp_path):
    staged = StagedFiles(tmp_path)
    staged.sync({"partner/a.md": b"A\n", "daten/partners.csv": b"alt\n"})
    stamp = _stamp(tmp_path / "daten" / "partners.csv")
    assert staged.sync({"partner/a.md": b"A2\n"}, deferred=["daten/partners.csv"]) == ["partner/a.md"]
    assert staged.written["daten/partners.csv"] == b"alt\n"  # still what the folder holds
    assert staged.update({"daten/partners.csv": "alt\n"}) == []  # made as it was: nothing to write
    assert _stamp(tmp_path / "daten" / "partners.csv") == stamp
    made = {"daten/partners.csv": "neu\n", "daten/new.json": b"{}"}
    assert staged.update(made) == ["daten/new.json", "daten/partners.csv"]
    expected = {"partner/a.md": b"A2\n", "daten/partners.csv": b"neu\n", "daten/new.json": b"{}"}
    assert staged.written == _files(tmp_path) == expected


def test_a_deferred_download_no_longer_wanted_is_removed_by_the_next_sync(tmp_path):
    staged = StagedFiles(tmp_path)
    staged.sync({"partner/a.md": b"A\n", "daten/partners.csv": b"alt\n"})
    staged.sync({"partner/a.md": b"A\n"}, deferred=["daten/partners.csv"])
    assert staged.sync({"partner/a.md": b"A\n"}) == ["daten/partners.csv"]
    assert staged.written == _files(tmp_path) == {"partner/a.md": b"A\n"}


def test_only_the_preview_gets_deferred_downloads_and_both_stage_the_same_files(tmp_path):
    on_disk = generate(DATA, tmp_path / "cli", settings=FIXED_SETTINGS)
    staged = StagedFiles(tmp_path / "preview")
    in_memory = generate(DATA, staged, settings=FIXED_SETTINGS)
    assert on_disk.deferred == {} and in_memory.deferred
    assert in_memory.extra == on_disk.extra
    staged.update({path: make() for path, make in in_memory.deferred.items()})
    assert _files(tmp_path / "preview") == _files(tmp_path / "cli") == staged.written
    assert generate(DATA, staged, settings=FIXED_SETTINGS).changed == []


def test_sync_removes_a_stale_symlink_without_following_it(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "private.txt").write_bytes(b"not the site's\n")
    folder = tmp_path / "staged"
    sync_folder(folder, {"partner/a.md": b"A\n"})
    (folder / "partner" / "folder-link").symlink_to(outside)
    (folder / "partner" / "file-link").symlink_to(outside / "private.txt")
    assert sync_folder(folder, {"partner/a.md": b"A\n"}) == ["partner/file-link", "partner/folder-link"]
    assert _files(folder) == {"partner/a.md": b"A\n"}
    assert (outside / "private.txt").read_bytes() == b"not the site's\n"
