"""Read a built site as a visitor's browser or a crawler could: every file, decoded every way."""

from __future__ import annotations

import gzip
import html
import io
import json
import posixpath
import re
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


def readable_texts(site: Path) -> Iterator[tuple[str, str]]:
    """(relative path, text) for every file of the site, in every decoded form a value could hide in."""
    for file in sorted(site.rglob("*")):
        if not file.is_file():
            continue
        relative = file.relative_to(site).as_posix()
        yield relative, relative  # page slugs and folder names
        raw = file.read_bytes()
        if file.suffix == ".xlsx":  # a ZIP of XML parts: read the parts, where the cell texts are
            with zipfile.ZipFile(io.BytesIO(raw)) as archive:
                raw = b"\n".join(archive.read(name) for name in archive.namelist())
        if file.suffix == ".gz":
            raw = gzip.decompress(raw)
        text = raw.decode("utf-8", errors="replace")
        yield relative, text
        yield relative, html.unescape(text)
        yield relative, unquote(html.unescape(text))
        if file.suffix == ".vcf":  # a value may be folded over two lines and escaped
            yield relative, re.sub(r"\\(.)", r"\1", text.replace("\r\n ", ""))
        if file.suffix in (".json", ".geojson") or file.name.endswith(".json.gz"):
            yield relative, json.dumps(json.loads(text), ensure_ascii=False)


def people(value: object) -> Iterator[dict]:
    """Every person record in loaded YAML data: a mapping with a name and an email address."""
    if isinstance(value, dict):
        if isinstance(value.get("name"), str) and isinstance(value.get("email"), str):
            yield value
        for item in value.values():
            yield from people(item)
    elif isinstance(value, list):
        for item in value:
            yield from people(item)


class _Links(HTMLParser):
    """The link targets (href, src) and the ids a page holds."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.targets.append(value)
            elif (name == "id" and value) or (name == "name" and value and tag == "a"):
                self.ids.add(value)


def _read_page(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def broken_links(site: Path) -> list[str]:
    """Every link of the site's pages to a file or a page's anchor that is not there, as `page → target`.

    The 404 page is left out: it is served at any address, so its links are written from the site's root.
    """
    pages = {page: _read_page(page) for page in sorted(site.rglob("*.html")) if page.name != "404.html"}
    broken = []
    for page, links in pages.items():
        for target in links.targets:
            parts = urlsplit(html.unescape(target))
            if parts.scheme or parts.netloc:
                continue
            resolved = page
            if parts.path:
                base = site if parts.path.startswith("/") else page.parent
                resolved = (base / unquote(parts.path).lstrip("/")).resolve()
                if resolved.is_dir():
                    resolved = resolved / "index.html"
            if not resolved.is_file() or not _has_anchor(resolved, unquote(parts.fragment), pages):
                broken.append(f"{page.relative_to(site)} → {target}")
    return broken


def _has_anchor(page: Path, fragment: str, pages: dict[Path, _Links]) -> bool:
    """Whether a page has the anchor a link names (no anchor named, or not a page: nothing to find)."""
    if not fragment or page.suffix != ".html":
        return True
    return fragment in (pages[page].ids if page in pages else _read_page(page).ids)


_REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')


def forwarding_pages(site: Path) -> dict[str, str]:
    """Pages at a former address (`former_ids`) → the address they forward to, both relative to the site's root."""
    found = {}
    for file in sorted(site.rglob("index.html")):
        match = _REFRESH.search(file.read_text(encoding="utf-8"))
        if match:
            here = file.parent.relative_to(site).as_posix() + "/"
            found[here] = posixpath.normpath(posixpath.join(here, match[1])) + "/"
    return found
