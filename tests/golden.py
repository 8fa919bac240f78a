"""Golden files of the generated pages of both profiles: `make golden` (python -m tests.golden) rewrites them.

They come from the fixture data (tests/fixtures/data/) on a fixed day, so neither an edit of the live
data/ nor the calendar changes them.
"""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from generator.settings import Profile

from .support import FIXED_TODAY
from .support import sample_pages as support_sample_pages

GOLDEN = Path(__file__).parent / "golden"


@contextmanager
def fixed_today(day: str = FIXED_TODAY):
    """Let OM_TODAY name the day while the block runs (pages of the internal profile depend on it)."""
    before = os.environ.get("OM_TODAY")
    os.environ["OM_TODAY"] = day
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("OM_TODAY")
        else:
            os.environ["OM_TODAY"] = before


def sample_pages(profile: str = "public") -> dict[str, str | bytes]:
    """The generated pages of the fixture data for a profile, on the fixed day."""
    return support_sample_pages(profile)


def main() -> None:
    shutil.rmtree(GOLDEN, ignore_errors=True)
    for profile in Profile:
        pages = sample_pages(profile)
        for path, text in pages.items():
            target = GOLDEN / profile / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        print(f"{len(pages)} golden files written to {GOLDEN / profile}")
    print("Review them with `git diff tests/golden`.")


if __name__ == "__main__":
    main()
