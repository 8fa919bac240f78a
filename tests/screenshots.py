"""`make screenshots` (python -m tests.screenshots): PNGs of the main pages at desktop and phone width, the first
screen of a phone (375 × 800) on the home, partner and network pages, and an index.html to look at them."""

from __future__ import annotations

import html
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
# What a visitor sees on a phone before scrolling: the pages a reviewer of the first screen looks at.
FIRST_SCREEN = {"width": 375, "height": 800}
FIRST_SCREEN_PAGES = ["start", "partner", "netzwerk"]


def take(site: Path, target: Path) -> list[Path]:
    """Shoot every page of PAGES at both widths, and the first screens; return the files written."""
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
            for name, path in PAGES:
                if name in FIRST_SCREEN_PAGES:
                    with open_page(browser, base + path, FIRST_SCREEN) as visit:
                        file = target / f"{name}-erster-bildschirm.png"
                        visit.page.screenshot(path=str(file))
                        written.append(file)
            browser.close()
    finally:
        server.shutdown()
    return written


def index_page(files: list[Path]) -> str:
    """A page that shows every screenshot with its name, the first screens first."""
    ordered = sorted(files, key=lambda file: ("erster-bildschirm" not in file.stem, file.stem))
    figures = "\n".join(
        f'<figure><img src="{html.escape(f.name)}" alt="" width="375"><figcaption>{html.escape(f.stem)}</figcaption>'
        "</figure>"
        for f in ordered
    )
    return (
        '<!doctype html>\n<html lang="de"><meta charset="utf-8"><title>Bildschirmfotos</title>\n'
        "<style>body{font-family:sans-serif;display:flex;flex-wrap:wrap;gap:1rem}"
        "figure{margin:0}img{border:1px solid #999;display:block}</style>\n"
        f"{figures}\n</html>\n"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        site = Path(sys.argv[1]) if len(sys.argv) > 1 else build_site("public", DATA, Path(work) / "site")
        files = take(site, SCREENSHOTS)
    (SCREENSHOTS / "index.html").write_text(index_page(files), encoding="utf-8")
    print(f"{len(files)} Bildschirmfotos in {SCREENSHOTS}/ (Übersicht: {SCREENSHOTS}/index.html)")


if __name__ == "__main__":
    main()
