"""Every page has its own short, meaningful title, a description and Open Graph tags; the 404 page speaks German."""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path

from .support import site_files

TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')
SITE_NAME = "Offensive Mittelstand – Netzwerke und Partner"
SUFFIX = " – Offensive Mittelstand"
OG = re.compile(r'<meta property="og:(\w+)" content="([^"]*)">')


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
        # Search results cut titles at about 70 characters; the site's name follows where there is room.
        assert 10 < len(title) <= 70, f"{address}: Titel „{title}“ ({len(title)} Zeichen)"
        assert title.endswith(SUFFIX) or len(title) + len(SUFFIX) > 70 or title.endswith("…"), title
        assert " - " not in title and not title.startswith("Start"), f"{address}: Titel „{title}“"
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
    assert f"<title>Seite nicht gefunden{SUFFIX}</title>" in page
    assert "<h1>Seite nicht gefunden</h1>" in page
    assert 'href="/netzwerke/"' in page and 'href="/partner/"' in page
    assert '<meta name="robots" content="noindex">' in page
    assert "Not found" not in page


def test_a_title_too_long_for_the_site_name_stands_alone_and_is_cut_at_70_characters(public_site):
    pages = _pages(public_site)
    assert pages["partner/bg-etem/"][0] == "Berufsgenossenschaft Energie Textil Elektro Medienerzeugnisse"
    assert pages["netzwerke/muenchen/"][0] == f"Musternetzwerk München{SUFFIX}"
    assert pages["./"][0] == "Netzwerke und Partner der Offensive Mittelstand"


def test_every_page_has_open_graph_tags_without_an_image(public_site, intern_site):
    for file in site_files(public_site, "index.html"):
        tags = dict(OG.findall(file.read_text(encoding="utf-8")))
        address = file.parent.relative_to(public_site).as_posix() + "/"
        title, description = _pages(public_site)[address]
        assert tags["type"] == "website" and tags["locale"] == "de_DE", address
        shared = html.unescape(tags["title"])
        assert title in (shared, shared + SUFFIX) or (title.endswith("…") and shared.startswith(title[:-1])), title
        assert html.unescape(tags["description"]) == description
        assert tags["url"] == "https://netzwerke.example.org/" + address.removeprefix("./"), address
        assert "image" not in tags
    # The internal site has no address of its own: no og:url that would name the public host.
    intern = (intern_site / "partner" / "dguv" / "index.html").read_text(encoding="utf-8")
    assert 'property="og:title"' in intern and 'property="og:url"' not in intern
