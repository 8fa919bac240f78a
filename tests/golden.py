"""Golden files of the generated pages: `make golden` (python -m tests.golden) rewrites them for review."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.model import build_directory
from generator.render import render_pages
from generator.validate import load_records

from .support import DATA

GOLDEN = Path(__file__).parent / "golden"


def sample_pages() -> dict[str, str]:
    """The generated public pages of the sample data."""
    return render_pages(build_directory(load_records(DATA), "public"))


def main() -> None:
    shutil.rmtree(GOLDEN, ignore_errors=True)
    for path, text in sample_pages().items():
        target = GOLDEN / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))
    print(f"{len(sample_pages())} golden files written to {GOLDEN}; review them with `git diff tests/golden`.")


if __name__ == "__main__":
    main()
