"""Data folders whose partners.yaml is as bad as a file may be (2 MB each), for `make bench`.

Each is the tests' fixture data with partners.yaml replaced by one shape of trouble: deep nesting, a
flood of keys, values, duplicates, aliases or invalid records, one long line. The check must refuse
each with a German message in seconds and little memory (issue target: ≤ 5 s, ≤ 300 MB).
"""

from __future__ import annotations

import shutil
from pathlib import Path

SIZE = 2 * 1024 * 1024 - 1024  # just under the reader's limit: a larger file is refused unread

_RECORD = "  - id: p{i}\n    name: '" + "Name " * 20 + "'\n    kind: nix\n    scope: weit\n"


def _repeat(head: str, unit: str) -> str:
    return head + unit * ((SIZE - len(head)) // len(unit))


def _records() -> str:
    parts, size, i = ["partners:\n"], 10, 0
    while size < SIZE - 300:
        parts.append(_RECORD.format(i=i))
        size, i = size + len(parts[-1]), i + 1
    return "".join(parts)


SHAPES = {
    "tief verschachtelt": lambda: _repeat("a: ", "["),
    "verschachtelte Mappings": lambda: _repeat("a: ", "{b: "),
    "viele Schlüssel": lambda: "".join(f"k{i}: {i}\n" for i in range(SIZE // 13)),
    "viele Listeneinträge": lambda: _repeat("partners:\n", "  - x\n"),
    "doppelte Schlüssel": lambda: _repeat("partners:\n  - id: a\n", "    name: x\n"),
    "Aliasse": lambda: _repeat("a: &x [1]\n", "b: *x\n"),
    "eine lange Zeile": lambda: "a: " + "x" * (SIZE - 10) + "\n",
    "ungültige Datensätze": _records,
}


def pathological_files(target: Path, base: Path) -> dict[str, Path]:
    """One data folder per shape below `target` (a copy of `base` with the bad partners.yaml)."""
    folders = {}
    for number, (name, make) in enumerate(SHAPES.items()):
        folder = target / f"{number}"
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(base, folder)
        (folder / "partners.yaml").write_text(make()[:SIZE], encoding="utf-8")
        folders[name] = folder
    return folders
