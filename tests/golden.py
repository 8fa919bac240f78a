"""Golden files of the generated pages of both profiles: `make golden` (python -m tests.golden) rewrites them.

They come from the fixture data (tests/fixtures/data/) on a fixed day, so neither an edit of the live
data/ nor the calendar changes them.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from generator.settings import Profile

from .support import sample_pages as support_sample_pages

GOLDEN = Path(__file__).parent / "golden"


def sample_pages(profile: str = "public") -> dict[str, str | bytes]:
    """The generated pages of the fixture data for a profile, on the fixed day."""
    return support_sample_pages(profile)


def digests() -> str:
    """One line per generated page of both profiles: profile, path and the SHA-256 of its bytes."""
    lines = []
    for profile in ("public", "intern"):
        for path, text in sorted(sample_pages(profile).items()):
            data = text if isinstance(text, bytes) else text.encode("utf-8")
            lines.append(f"{profile} {path} {hashlib.sha256(data).hexdigest()}\n")
    return "".join(lines)


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
