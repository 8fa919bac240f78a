"""Front matter for engines without hooks: what hooks/editing.py sets on each page.

MkDocs' hook gives each page its links while building: on the internal site the edit link to its
record (`edit_url`, `edit_label`), on the public site „Fehler melden“ (`report_url`). Zensical runs
no hooks, so the staged copy of each page carries the same values in its front matter, computed by
the hook's own functions; overrides/partials/actions.html reads them for both engines.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.settings import Profile
from generator.site.hooks.editing import edit_label, edit_url, report_url

_FENCE = "---\n"
# What YAML may not hold unescaped: characters outside its printable set, and those YAML 1.1 reads
# as line breaks (JSON escapes only the ASCII control characters).
_UNSAFE = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\x85\u2028\u2029]"
)
_HEADING = re.compile(r"^# +(.+?)(?: +#+)?\s*$", re.MULTILINE)


@dataclass(frozen=True)
class PageLinks:
    """What the hooks read for a page's links: the profile, mkdocs.yml's settings, data address."""

    profile: Profile
    source_url: str | None = None
    site_url: str | None = None
    report_email: str | None = None
    nav_titles: dict[str, str] = field(default_factory=dict)


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's plain values; tags naming Python objects (!!python/name:…) are None."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(config_file: Path) -> dict:
    """The plain settings of mkdocs.yml."""
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}


def nav_titles(nav: list | None) -> dict[str, str]:
    """Page → title as the navigation names it (MkDocs prefers these to the page's own title)."""
    titles = {}
    for item in nav or []:
        for title, target in item.items() if isinstance(item, dict) else ():
            if isinstance(target, str):
                titles[target] = title
            else:
                titles.update(nav_titles(target))
    return titles


def split(text: str) -> tuple[dict, str, str]:
    """(meta, front matter without fences, body) of a Markdown page; without front matter {}."""
    if text.startswith(_FENCE):
        end = text.find("\n" + _FENCE, len(_FENCE) - 1)
        if end != -1:
            block = text[len(_FENCE) : end + 1]
            return yaml.safe_load(block) or {}, block, text[end + 1 + len(_FENCE) :]
    return {}, "", text


def with_meta(text: str, added: dict[str, str]) -> str:
    """The page with `added` keys appended to its front matter (created if missing), as JSON."""
    if not added:
        return text
    _, block, body = split(text)
    lines = "".join(f"{key}: {_quoted(value)}\n" for key, value in added.items())
    return f"{_FENCE}{block}{lines}{_FENCE}{body}"


def _quoted(value: str) -> str:
    """A YAML double-quoted scalar reading back as exactly `value` (JSON, escaped for YAML)."""
    return _UNSAFE.sub(lambda char: f"\\u{ord(char[0]):04x}", json.dumps(value, ensure_ascii=False))


def page_title(src_uri: str, meta: dict, body: str, titles: dict[str, str]) -> str:
    """The page's title as MkDocs finds it: navigation, front matter, first heading, file name."""
    if src_uri in titles:
        return titles[src_uri]
    if meta.get("title"):
        return str(meta["title"])
    if heading := _HEADING.search(body):
        return heading[1]
    if src_uri == "index.md":
        return "Home"
    name = Path(src_uri).stem if Path(src_uri).stem != "index" else Path(src_uri).parent.name
    name = name.replace("-", " ").replace("_", " ")
    return name.capitalize() if name.lower() == name else name


def page_url(src_uri: str, site_url: str | None) -> str | None:
    """The page's address on the site (directory URLs, as in mkdocs.yml)."""
    if not site_url:
        return None
    path = src_uri.removesuffix(".md")
    path = "" if path == "index" else path.removesuffix("/index") + "/"
    return site_url.rstrip("/") + "/" + path


def hook_meta(src_uri: str, meta: dict, body: str, links: PageLinks) -> dict[str, str]:
    """The links hooks/editing.py gives this page: edit (internal) or „Fehler melden“ (public)."""
    if links.profile == "intern":
        url = edit_url(src_uri, meta, links.source_url)
        return (
            {"edit_url": url, "edit_label": edit_label(url, links.source_url)}
            if url and links.source_url
            else {}
        )
    title = page_title(src_uri, meta, body, links.nav_titles)
    report = report_url(links.report_email, title, page_url(src_uri, links.site_url))
    return {"report_url": report} if report else {}


def add_hook_meta(docs: Path, links: PageLinks) -> dict[str, int]:
    """Give every Markdown page under docs its links in front matter; the lines added per page."""
    added_lines = {}
    for page in sorted(docs.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        meta, _, body = split(text)
        src_uri = page.relative_to(docs).as_posix()
        added = hook_meta(src_uri, meta, body, links)
        if added:
            changed = with_meta(text, added)
            page.write_text(changed, encoding="utf-8")
            added_lines[src_uri] = changed.count("\n") - text.count("\n")
    return added_lines
