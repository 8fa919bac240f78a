"""Every page has its own meaningful title and description; the 404 page speaks German."""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path

from .support import site_files

TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')
SITE_NAME = "Offensive Mittelstand – Netzwerke und Partner"


def _pages(site: Path) -> dict[str, tuple[str, str]]:
    """Address → (title, description) of every HTML page but the 404 page."""
    pages = {}
    for file in site_files(site, "index.html"):
        text = file.read_text(encoding="utf-8")
        title, description = TITLE.search(text), DESCRIPTION.search(text)
        address = file.parent.relative_to(site).as_posix() + "/"
        pages[address] = (
            html.unescape(title.group(1)).strip() if title else "",
            html.unescape(description.group(1)).strip() if description else "",
        )
    return pages


def test_every_page_has_a_title_of_its_own(public_site):
    pages = _pages(public_site)
    assert len(pages) > 40
    for address, (title, _) in pages.items():
        assert title.endswith(f" - {SITE_NAME}"), f"{address}: Titel „{title}“"
        assert len(title) > len(SITE_NAME) + 5, f"{address}: Titel „{title}“"
    repeated = {title for title, count in Counter(t for t, _ in pages.values()).items() if count > 1}
    assert not repeated, f"Titel mehrfach vergeben: {sorted(repeated)}"


def test_every_page_has_a_description_of_its_own(public_site):
    """A page without `description:` in its front matter would repeat the site's description."""
    pages = _pages(public_site)
    for address, (_, description) in pages.items():
        assert len(description) >= 50, f"{address}: Beschreibung „{description}“"
    counts = Counter(d for _, d in pages.values())
    repeated = {a: d for a, (_, d) in pages.items() if counts[d] > 1}
    assert not repeated, f"Beschreibung mehrfach (fehlt „description:“ in der Seite?): {sorted(repeated)}"


def test_404_page_is_german_and_leads_back(public_site):
    page = (public_site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in page
    assert f"<title>Seite nicht gefunden - {SITE_NAME}</title>" in page
    assert "<h1>Seite nicht gefunden</h1>" in page
    assert 'href="/netzwerke/"' in page and 'href="/partner/"' in page
    assert '<meta name="robots" content="noindex">' in page
    assert "Not found" not in page
