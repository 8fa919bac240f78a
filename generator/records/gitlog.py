"""Git as the history of data/ needs it: one command's output, and the titles of merged pull requests."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

COMMIT = "\x01"  # starts each commit's header line; the text policy keeps control characters out of the data


def merge_titles(top: Path, head: str) -> dict[str, str]:
    """Merge commit → the first line of its message body (GitHub writes the pull request's title there)."""
    text = git(top, "log", "--first-parent", "--merges", "--format=%x01%H%x1f%b", head, strip=False) or ""
    titles = {}
    for block in text.split(COMMIT)[1:]:
        sha, _, body = block.partition("\x1f")
        first = next((line.strip() for line in body.splitlines() if line.strip()), "")
        if first:
            titles[sha] = first
    return titles


def git(folder: Path, *args: str, strip: bool = True) -> str | None:
    """The output of a git command in `folder`, or None when git is missing or the command fails."""
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"},
            check=False,
        )
    except OSError:
        return None
    if result.returncode != 0:
        return None
    return result.stdout.strip() if strip else result.stdout
