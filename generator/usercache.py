"""The per-user cache of what rendering keeps between builds: templates and QR masks.

It lies outside every work tree (`$XDG_CACHE_HOME/om-netzwerke`, else `~/.cache/om-netzwerke`), in a
folder only its owner may write, so no pull request can put anything there: a file committed under
the project's build/ is never read. Compiled templates are Python code; Jinja keys them by template
path and checks them against the template's text. Without a usable folder nothing is cached, which
only costs time.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

NAME = "om-netzwerke"


def cache_root(project: Path) -> Path | None:
    """The per-user cache folder, made private; None if inside `project` or not ours alone."""
    base = os.environ.get("XDG_CACHE_HOME") or ""
    root = (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / NAME
    try:
        root = root.resolve()
        if root == project or project in root.parents:
            return None  # inside a work tree: a commit could bring it along
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
        return root if private(root) else None
    except (OSError, RuntimeError):  # no home, no permission: build without a cache
        return None


def private(folder: Path) -> bool:
    """A real folder (no symlink) that belongs to this user and that nobody else may write to."""
    info = folder.lstat()
    owner = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return stat.S_ISDIR(info.st_mode) and owner and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
