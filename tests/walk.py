"""The browser walk over a built site: what a visitor on a phone, at a desk or with a keyboard meets on every page.

Used over the fixture site (tests/test_browser.py) and over the live data/ (tests/test_live_walk.py).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Browser

from .browser import DESKTOP, PHONE, Visit, open_page
from .sitewalk import forwarding_pages
from .support import site_files

REFLOW = {"width": 320, "height": 640}  # WCAG 1.4.10: 1280 px at 400 % zoom
# What a visitor's browser shows about the page as it is now, besides axe: sideways scrolling, drawings
# wider than the text column, script loaded (the files' addresses, and the length of inline scripts), and
# headings that skip a level. A script file may come from the browser's cache, where the resource timing has no
# size and may have no entry: its size is read from the site (`script_bytes`), and the page's script tags count.
PAGE_FACTS = """() => {
    const column = document.querySelector('.md-content article') || document.body;
    const width = column.clientWidth;
    const wide = [...column.querySelectorAll('figure, img, svg:not(.md-icon svg):not(.twemoji svg)')]
        .filter(e => e.getBoundingClientRect().width > width + 1)
        .map(e => e.tagName.toLowerCase() + (e.className && e.className.baseVal !== undefined
            ? '.' + e.className.baseVal : e.className ? '.' + e.className : ''));
    const loaded = performance.getEntriesByType('resource').map(r => r.name);
    const files = [...new Set([...loaded, ...[...document.scripts].map(s => s.src)])]
        .filter(url => url && new URL(url).pathname.endsWith('.js'));
    const inline = [...document.scripts].filter(s => !s.src).reduce((sum, s) => sum + s.text.length, 0);
    const levels = [...column.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => Number(h.tagName[1]));
    const skips = levels.filter((level, i) => level > (i ? levels[i - 1] : 0) + 1);
    return {
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        wide: wide,
        scripts: files,
        inline: inline,
        headings: skips.length ? levels.join(' ') : '',
    };
}"""
# Every control the Tab key reaches, focused in turn: it must then be on screen, rendered, and not under another
# element (a closed menu off screen, a faded-out sub-menu, a panel over its parent). Controls that are not
# rendered (display: none, visibility: hidden, a closed <details>) are not reached by Tab and are skipped.
FOCUS_FACTS = """() => {
    const reachable = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]';
    const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
        + (e.getAttribute('aria-label') || e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40)
            .replace(/^(.)/, ' „$1').replace(/(.)$/, '$1“');
    const hidden = [];
    for (const e of document.querySelectorAll(reachable)) {
        if (e.tabIndex < 0 || e.disabled || e.closest('[inert]')) continue;
        if (!e.checkVisibility({visibilityProperty: true})) continue;
        e.focus();
        if (document.activeElement !== e) continue;
        const r = e.getBoundingClientRect();
        const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
        const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
        const top = document.elementFromPoint(x, y);
        const onScreen = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
            && r.left < innerWidth && r.top < innerHeight;
        const uncovered = top && (e.contains(top) || top.contains(e) || (e.htmlFor && top.closest('label') === e));
        if (!onScreen || !uncovered) hidden.push(name(e));
    }
    if (document.activeElement) document.activeElement.blur();
    window.scrollTo(0, 0);
    return hidden;
}"""


def walk(
    browser: Browser,
    base: str,
    site: Path,
    pages: list[str],
    wait_for: set[str] = frozenset(),
    forwards: dict[str, str] | None = None,
    memory: WalkMemory | None = None,
) -> dict[str, dict[str, dict]]:
    """Every page of `site` (served at `base`) at desktop and phone width: axe's violations, PAGE_FACTS and the
    bytes of script ("script"), requests to other hosts; on the phone also the focus check (FOCUS_FACTS) and the
    reflow at 320 px ("reflow": pixels of sideways scrolling).

    Pages in `wait_for` are given time for late requests (e.g. the search worker's) before those are counted.
    A page in `forwards` (a former address, tests/sitewalk.forwarding_pages) forwards at once: its facts are those
    of the page the visitor lands on ("landed"). A page `memory` holds from an earlier walk is not walked again.
    """
    forwards = forwards or {}
    memory = memory or WalkMemory()
    results: dict[str, dict[str, dict]] = {"desktop": {}, "phone": {}}
    for width, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        with open_page(browser, base, viewport, axe=True) as visit:
            for address in pages:
                waited = width == "desktop" and address in wait_for
                key = (width, address, waited)
                facts = None if address in forwards else memory.recall(site, key)
                if facts is None:
                    arrive(visit, base, address, forwards)
                    facts = page_facts(visit, base, site, viewport, waited)
                    if address not in forwards:
                        memory.remember(site, key, base, visit.requests, facts)
                results[width][address] = facts
    return results


def page_facts(visit: Visit, base: str, site: Path, viewport: dict, waited: bool) -> dict:
    """What `walk` finds on the page open in `visit`."""
    facts = visit.page.evaluate(PAGE_FACTS)
    facts["script"] = script_bytes(site, base, facts)
    facts["landed"] = visit.page.url.removeprefix(base)
    facts["axe"] = visit.axe_violations()
    facts["focus"] = visit.page.evaluate(FOCUS_FACTS)
    if viewport == PHONE:
        visit.page.set_viewport_size(REFLOW)
        facts["reflow"] = visit.horizontal_overflow()
        visit.page.set_viewport_size(viewport)
    if waited:
        visit.page.wait_for_load_state("networkidle")
    facts["foreign"] = visit.foreign_requests
    return facts


# Files a page loads that `WalkMemory` does not compare one by one: the theme's (it compares the whole `assets/`
# folder), and the search index, which feeds only the search's list of results: the walk never opens the search
# (tests/test_search.py and the search tests of tests/test_browser.py do).
UNREAD = ("assets/", "search/")


class WalkMemory:
    """The facts of pages walked before, with everything the browser read to find them: the bytes of the page, of
    every other file of the site it loaded (but the search index: UNREAD), and of its site's `assets/` folder.

    To the browser a page is the same page when all of these are: same address, width and bytes, same files
    around it. A later walk takes the facts found then instead of walking it again. (The fixture data and the
    office's live data/ share most pages, e.g. the handbook's; tests/conftest.py walks both in one process.)
    """

    def __init__(self) -> None:
        self.pages: dict[tuple, tuple[dict[str, str], dict]] = {}
        self.assets: dict[Path, str] = {}

    def recall(self, site: Path, key: tuple[str, str, bool]) -> dict | None:
        """The facts of a page walked before, if it and every file it read are unchanged."""
        found = self.pages.get((*key, self._assets(site)))
        if found is None or any(_digest(site / path) != digest for path, digest in found[0].items()):
            return None
        return found[1]

    def remember(self, site: Path, key: tuple[str, str, bool], base: str, requests: list[str], facts: dict) -> None:
        """Keep a page's facts, with the digests of the page, of the other files it loaded and of `assets/`."""
        read = {site_file(site, base, url) for url in (base + key[1], *requests)}
        paths = {file.relative_to(site).as_posix() for file in read if file is not None}
        files = {path: _digest(site / path) for path in paths if not path.startswith(UNREAD)}
        self.pages[(*key, self._assets(site))] = (files, facts)

    def _assets(self, site: Path) -> str:
        if site not in self.assets:
            digest = hashlib.sha256()
            for file in sorted((site / "assets").rglob("*")):
                digest.update(file.relative_to(site).as_posix().encode() + b"\0" + _digest(file).encode())
            self.assets[site] = digest.hexdigest()
        return self.assets[site]


def _digest(file: Path) -> str:
    """The SHA-256 of a file's bytes ("" for a folder or a file that is not there)."""
    return hashlib.sha256(file.read_bytes()).hexdigest() if file.is_file() else ""


def site_file(site: Path, base: str, url: str) -> Path | None:
    """The file of `site` the server at `base` answers `url` with (a folder's index.html); None for other hosts."""
    if not url.startswith(base):
        return None
    file = site / unquote(urlsplit(url.removeprefix(base)).path)
    return file / "index.html" if file.is_dir() else file


def script_bytes(site: Path, base: str, facts: dict) -> int:
    """The bytes of script a page loads: its inline scripts and every script file of the site it loaded."""
    files = {site_file(site, base, url) for url in facts["scripts"]}
    return facts["inline"] + sum(file.stat().st_size for file in files if file is not None and file.is_file())


def failing(walked: dict, fact: str, bad) -> dict[str, object]:
    """`{"phone partner/": value}` for every page and width whose fact is bad."""
    return {
        f"{width} {address}": facts[fact]
        for width, pages in walked.items()
        for address, facts in pages.items()
        if fact in facts and bad(facts[fact])
    }


def site_pages(site: Path) -> list[str]:
    """The address of every page of a built site, relative to its root ("" is the home page)."""
    pages = []
    for file in site_files(site, "*.html"):
        relative = file.relative_to(site).as_posix()
        pages.append(relative.removesuffix("index.html") if file.name == "index.html" else relative)
    return pages


def walk_site(browser: Browser, base: str, site: Path, memory: WalkMemory | None = None) -> dict[str, dict[str, dict]]:
    """`walk` over every page of a built site served at `base`, its forwarding pages followed."""
    pages = site_pages(site)
    # Late requests (e.g. the search worker's) are waited for on the first page of each section: they are the same
    # on every page of a template, and waiting everywhere would double the walk.
    sections = {address.split("/")[0]: address for address in reversed(pages)}
    return walk(browser, base, site, pages, set(sections.values()), forwarding_pages(site), memory)


def arrive(visit: Visit, base: str, address: str, forwards: dict[str, str]) -> None:
    """Open a page; at a former address wait for the page it forwards to (axe on a page that leaves never ends)."""
    visit.goto(base + address)
    if address in forwards:
        visit.page.wait_for_url(base + forwards[address])
        visit.page.wait_for_load_state("load")
