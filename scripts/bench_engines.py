"""Compare the build times of both engines (MkDocs with Material, Zensical) on 1,000 synthetic partners.

Run with `make bench` (after scripts/bench.py) or on its own; prints one row per engine and profile:
wall-clock seconds of one full `python -m generator build` in-process (validate, generate, build, post-steps).
Kept apart from scripts/bench.py so the benchmark of the default engine can change without touching this.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from synthetic import Size, write_data  # noqa: E402

from generator.engines import ENGINES, build_with  # noqa: E402
from generator.validate import load_records  # noqa: E402

PARTNERS = 1000


def engine_rows(data: Path, work: Path) -> list[tuple[str, str, float]]:
    """(engine, profile, seconds) of one build of each engine and profile from `data`."""
    rows = []
    for engine in ENGINES:
        for profile in ("public", "intern"):
            started = time.perf_counter()
            build_with(engine, profile, data, work / f"site-{engine}-{profile}")
            rows.append((engine, profile, time.perf_counter() - started))
    return rows


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        data = write_data(work / "data", Size(partners=PARTNERS))
        records = load_records(data)
        print(f"Engines at {len(records.partners)} partners, {len(records.networks)} networks (one build each):")
        print(f"{'engine':>9} {'profile':>8} {'build s':>8}")
        for engine, profile, seconds in engine_rows(data, work):
            print(f"{engine:>9} {profile:>8} {seconds:>8.2f}")
    # The public MkDocs build writes the synthetic pages into docs/; restore the sample data's pages.
    from generator.pipeline import generate

    generate(ROOT / "data", ROOT / "docs", "public")


if __name__ == "__main__":
    main()
