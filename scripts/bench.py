"""Measure check, generate and build times on the sample data and on scaled-up synthetic data.

Run with `make bench`; prints a table of wall-clock seconds (best of several runs).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.model import build_directory  # noqa: E402
from generator.render import render_pages  # noqa: E402
from generator.site import build_site  # noqa: E402
from generator.validate import load_records  # noqa: E402

SIZES = (0, 200, 1000)


def _scaled_copy(target: Path, extra: int) -> Path:
    """The sample data plus `extra` synthetic regional partners spread over the sample networks."""
    shutil.copytree(ROOT / "data", target)
    if not extra:
        return target
    records = "".join(
        f"\n  - id: bench-{i}\n    name: Beispielkammer {i}\n    kind: kammer\n    scope: regional\n"
        f"    website: https://kammer-{i}.example.org\n    verified_on: 2026-10-01\n"
        for i in range(extra)
    )
    partners = target / "partners.yaml"
    partners.write_text(partners.read_text(encoding="utf-8") + records, encoding="utf-8")
    networks = target / "networks.yaml"
    ids = ", ".join(f"bench-{i}" for i in range(extra))
    text = networks.read_text(encoding="utf-8").replace(
        "partners: [dguv, ba, zdh]", f"partners: [dguv, ba, zdh, {ids}]"
    )
    networks.write_text(text, encoding="utf-8")
    return target


def _best(action, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    print(f"{'Partner':>8} {'check s':>8} {'render s':>9} {'build s':>8}")
    with tempfile.TemporaryDirectory() as work:
        for extra in SIZES:
            data = _scaled_copy(Path(work) / f"data-{extra}", extra)
            records = load_records(data)
            check = _best(lambda data=data: load_records(data))
            render = _best(lambda records=records: render_pages(build_directory(records, "public")))
            site = Path(work) / f"site-{extra}"
            build = _best(lambda data=data, site=site: build_site("public", data, site), runs=1)
            print(f"{len(records.partners):>8} {check:>8.3f} {render:>9.3f} {build:>8.2f}")
    # The public build writes the last data set's pages into docs/; restore the sample data's pages.
    from generator.pipeline import generate

    generate(ROOT / "data", ROOT / "docs", "public")


if __name__ == "__main__":
    main()
