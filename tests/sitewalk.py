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
from pathlib import Path
from urllib.parse import unquote


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
