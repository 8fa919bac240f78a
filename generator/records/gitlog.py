"""Git as data/'s history needs it: one command's output, framed so no committed text breaks it."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

# Frames each commit's header in `git log -z`: git can emit no NUL in a subject (a message ends at
# one) nor in a patch line (a file holding one is binary and shows no lines), so no committed text
# can forge a frame.
FRAME = "\0"


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
