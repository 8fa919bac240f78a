"""Writing generated files: all or nothing, only when their bytes change (watchers stay quiet)."""

from __future__ import annotations

import os
from pathlib import Path


def write_if_changed(file: Path, data: bytes) -> bool:
    """Write `data` unless the file already holds exactly it; return whether it was written."""
    if file.is_file() and file.read_bytes() == data:
        return False
    write_atomic(file, data)
    return True


def write_atomic(file: Path, data: bytes) -> None:
    """Write through a temporary file beside it, so a reader never sees half a file."""
    file.parent.mkdir(parents=True, exist_ok=True)
    temporary = file.with_name(f".{file.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, file)
