"""When each partner and network record last changed, and its changes, from data/'s git history.

One `git log -p` over the data files, oldest commit first, is replayed in Python: each commit's
hunks are applied to the file as it stood, and every changed or removed line is assigned to the
record whose list item holds it. That is exact for edits, additions and deletions, and one process
for any number of records. Only the first-parent line of the history counts (a merged pull request
is one change, named by its merge commit). Outside a git repository, or in a shallow clone, nothing
is known, and the pages say so.

Pages show a change by its day and commit, never by its subject: a subject is free text that may
name a person, and it stays in the history after the person was erased from the data. The log is
framed by NUL (`git log -z`), which no committed text can contain; a commit that still cannot be
read is skipped with a warning, so no commit can stop the internal build.
"""

from __future__ import annotations

import functools
import logging
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.records.gitlog import FRAME, git
from generator.siteconfig import repository_url

FILES = ("networks.yaml", "partners.yaml")  # the data files whose records have pages
SHOWN = 5  # changes a page lists
NO_GIT = (
    "Die Daten liegen nicht in einem Git-Repository; ihre Änderungsgeschichte ist nicht bekannt."
)
SHALLOW = (
    "Die Kopie des Repositorys enthält nicht die ganze Geschichte (flacher Checkout, "
    "in GitHub Actions „fetch-depth: 0“ setzen); die Änderungsgeschichte ist nicht bekannt."
)
NOT_ASKED = "Die Änderungsgeschichte wurde für diese Fassung nicht ermittelt."
_HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
# A record starts where a list item of its section starts: „- “ at the section's indentation.
_ITEM = re.compile(r"^( {0,2})- ")
# A hunk of a -U0 patch: old start, old count, new start, new count, the added lines.
Hunk = tuple[int, int, int, int, list[str]]
_HEADER = re.compile(r"([0-9a-f]{40,64})\x1f(\d{4}-\d{2}-\d{2})")
_warnings = logging.getLogger("generator.history")


@dataclass(frozen=True)
class Change:
    """One commit that changed a record: its day (author date) and, with a GitHub repo, its page."""

    day: date
    commit: str
    url: str | None = None

    @property
    def short(self) -> str:
        return self.commit[:8]


@dataclass(frozen=True)
class RecordHistory:
    """The last changes of one record, newest first; `reason` says why nothing is known."""

    changes: tuple[Change, ...] = ()
    count: int = 0
    reason: str | None = None

    @property
    def known(self) -> bool:
        return self.reason is None

    @property
    def last_changed(self) -> date | None:
        return self.changes[0].day if self.changes else None


@dataclass(frozen=True)
class DataHistory:
    """The changes of every record of the data files: (file, id) → changes, newest first."""

    changes: dict[tuple[str, str], tuple[Change, ...]]
    reason: str | None = None

    def of(self, file: str, record_id: str, *former_ids: str) -> RecordHistory:
        """The record's changes, also those made under a former id (`rename`), newest first."""
        if self.reason is not None:
            return RecordHistory(reason=self.reason)
        changes = self.changes.get((file, record_id), ())
        if former_ids:
            merged = {
                c.commit: c
                for key in (record_id, *former_ids)
                for c in self.changes.get((file, key), ())
            }
            changes = tuple(sorted(merged.values(), key=lambda c: c.day, reverse=True))
        return RecordHistory(changes[:SHOWN], len(changes))


def unknown(reason: str = NOT_ASKED) -> DataHistory:
    """A history that knows nothing, with the reason the pages show."""
    return DataHistory({}, reason)


def data_history(data_dir: str | os.PathLike[str]) -> DataHistory:
    """The history of the data files in `data_dir`, or an unknown one outside git or if shallow."""
    folder = Path(data_dir).resolve()
    top = git(folder, "rev-parse", "--show-toplevel")
    if top is None:
        return unknown(NO_GIT)
    if git(folder, "rev-parse", "--is-shallow-repository") == "true":
        return unknown(SHALLOW)
    head = git(folder, "rev-parse", "--verify", "--quiet", "HEAD")
    if head is None:
        return DataHistory({})  # a repository without commits: nothing has been committed yet
    paths = tuple(os.path.relpath(folder / name, top).replace(os.sep, "/") for name in FILES)
    return _history(top, head, paths)


@functools.lru_cache(maxsize=4)
def _history(top: str, head: str, paths: tuple[str, ...]) -> DataHistory:
    """Replay the log once per commit of HEAD (the preview rebuilds often; commits are rare)."""
    log = git(
        Path(top),
        "-c",
        "core.quotepath=off",
        "log",
        "--first-parent",
        "--diff-merges=first-parent",
        "--reverse",
        "-p",
        "-U0",
        "--no-renames",
        "--no-color",
        "--no-ext-diff",
        "-z",
        "--format=%x00%H%x1f%as",
        head,
        "--",
        *paths,
        strip=False,
    )
    files = {path: name for path, name in zip(paths, FILES, strict=True)}
    base = repository_url()
    changes: dict[tuple[str, str], list[Change]] = {}
    for sha, day, touched in replay(log or "", files):
        change = Change(day, sha, base and f"{base}/commit/{sha}")
        for key in sorted(touched):
            changes.setdefault(key, []).append(change)
    return DataHistory({key: tuple(reversed(found)) for key, found in changes.items()})


def replay(
    log: str, files: dict[str, str], state: dict[str, list[str]] | None = None
) -> Iterator[tuple[str, date, set[tuple[str, str]]]]:
    """(commit, day, {(file, record id)}) for each commit of a `git log -z -p -U0 --reverse`.

    The log is written with `--format=%x00%H%x1f%as` (see _history).
    `state` (path → lines) ends as the files stand after the last commit. A commit that cannot be
    read is skipped with a warning; the records it touched keep their older changes.
    """
    state = {path: [] for path in files} if state is None else state
    for path in files:
        state.setdefault(path, [])
    frames = log.split(FRAME)[1:]
    for header, patch in zip(frames[0::2], frames[1::2], strict=False):
        try:
            sha, day = _header(header)
            touched = _touched(patch, files, state)
        except (ValueError, IndexError):
            shown = header.replace("\x1f", " ")[:60]
            _warnings.warning(
                "Git-Historie: Commit „%s“ kann nicht gelesen werden und wird übersprungen", shown
            )
            continue
        yield sha, day, touched


def _header(header: str) -> tuple[str, date]:
    match = _HEADER.fullmatch(header)
    if match is None:
        raise ValueError(header)
    return match[1], date.fromisoformat(match[2])


def _touched(
    patch: str, files: dict[str, str], state: dict[str, list[str]]
) -> set[tuple[str, str]]:
    """The records a commit's patch changes; `state` advances past it (only if all hunks apply)."""
    touched: set[tuple[str, str]] = set()
    after = dict(state)
    for path, hunks in _file_patches(patch):
        if path not in files:
            continue
        old = after[path]
        new = _applied(old, hunks)
        for old_start, old_count, new_start, new_count, _ in hunks:
            touched |= {(files[path], r) for r in _records(old, old_start - 1, old_count)}
            touched |= {(files[path], r) for r in _records(new, new_start - 1, new_count)}
        after[path] = new
    state.update(after)
    return touched


def _file_patches(patch: str) -> Iterator[tuple[str, list[Hunk]]]:
    """(path, hunks) per file of one commit's patch.

    A hunk is (old start, old count, new start, new count, added lines).
    """
    path: str | None = None
    hunks: list[Hunk] = []
    header = False
    for line in patch.split("\n"):
        if line.startswith("diff --git "):
            if path is not None:
                yield path, hunks
            path, hunks, header = None, [], True
        elif header and line.startswith("--- "):
            # A deleted file keeps its name
            path = None if line == "--- /dev/null" else line[4:].removeprefix("a/")
        elif header and line.startswith("+++ "):
            path = path if line == "+++ /dev/null" else line[4:].removeprefix("b/")
        elif line.startswith("@@ "):
            header = False
            match = _HUNK.match(line)
            if match is None:
                continue  # not a hunk header of git's format: nothing to apply
            old_count = 1 if match[2] is None else int(match[2])
            new_count = 1 if match[4] is None else int(match[4])
            hunks.append((int(match[1]), old_count, int(match[3]), new_count, []))
        elif line.startswith("+") and hunks and not header:
            hunks[-1][4].append(line[1:])
    if path is not None:
        yield path, hunks


def _applied(lines: list[str], hunks: list[Hunk]) -> list[str]:
    """The file after the hunks (-U0: no context), applied from the last so positions above hold."""
    new = list(lines)
    for old_start, old_count, _, _, added in reversed(hunks):
        # Without removed lines, old_start is the line before
        at = old_start - 1 if old_count else old_start
        new[at : at + old_count] = added
    return new


def _records(lines: list[str], start: int, count: int) -> set[str]:
    """The ids of the records holding lines start … start + count - 1 (0-based) of a file."""
    if count == 0:
        return set()
    found: set[str] = set()
    item = next(
        (k for k in range(min(start, len(lines) - 1), -1, -1) if _ITEM.match(lines[k])), None
    )
    if item is not None:
        found.add(_record_id(lines, item))
    for k in range(start, min(start + count, len(lines))):
        if k != item and _ITEM.match(lines[k]):
            found.add(_record_id(lines, k))
    found.discard("")
    return found


def _record_id(lines: list[str], item: int) -> str:
    """The id of the record whose list item starts at `item` („- id: x“ or „id: x“ on its level)."""
    start = _ITEM.match(lines[item])
    dash = len(start[1]) if start else 0
    own = re.compile(rf"^(?: {{{dash}}}- | {{{dash + 2}}})id:\s*(.+?)\s*$")
    for k in range(item, len(lines)):
        if k > item and _ITEM.match(lines[k]):
            break
        match = own.match(lines[k])
        if match:
            return match[1].strip("\"'")
    return ""
