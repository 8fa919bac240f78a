"""`make screenshots` (python -m tests.screenshots): PNGs of the main pages at desktop and phone width."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from generator.pipeline import build_site

from .browser import DESKTOP, PHONE, launch, open_page
from .support import DATA, ROOT, serve

SCREENSHOTS = ROOT / "screenshots"
# (file name, address below the site root): one page of each kind a visitor meets.
PAGES = [
    ("start", ""),
    ("netzwerke", "netzwerke/"),
    ("netzwerk", "netzwerke/muenchen/"),
    ("netzwerke-bundesland", "netzwerke/bundesland/bayern/"),
    ("partner", "partner/"),
    ("partner-detail", "partner/dguv/"),
    ("partner-art", "partner/art/kammer/"),
    ("daten", "daten/"),
    ("handbuch", "handbuch/"),
    ("404", "404.html"),
]


def take(site: Path, target: Path) -> list[Path]:
    """Shoot every page of PAGES at both widths; return the files written."""
    target.mkdir(parents=True, exist_ok=True)
    server, base = serve(site)
    written = []
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for width, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
                for name, path in PAGES:
                    with open_page(browser, base + path, viewport) as visit:
                        file = target / f"{name}-{width}.png"
                        visit.page.screenshot(path=str(file), full_page=True)
                        written.append(file)
            browser.close()
    finally:
        server.shutdown()
    return written


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        site = Path(sys.argv[1]) if len(sys.argv) > 1 else build_site("public", DATA, Path(work) / "site")
        files = take(site, SCREENSHOTS)
    print(f"{len(files)} Bildschirmfotos in {SCREENSHOTS}/")


if __name__ == "__main__":
    main()
