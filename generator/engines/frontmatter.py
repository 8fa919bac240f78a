"""Front matter for engines without hooks: what generator/editing_hook.py sets on each page, written into the page.

MkDocs' hook gives every page its edit link while building; Zensical runs no hooks, so the staged copy of each
page carries the same values in its front matter (`edit_url`, `edit_label`), which overrides/partials/actions.html
reads for both engines.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from ..editing_hook import edit_label, edit_url

_FENCE = "---\n"
# What YAML may not hold unescaped: characters outside its printable set, and those YAML 1.1 reads as line breaks
# (JSON escapes only the ASCII control characters).
_UNSAFE = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\x85\u2028\u2029]")


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its plain values; tags naming Python objects (!!python/name:…) become None."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def config_extra(config_file: Path) -> dict:
    """The `extra:` settings of mkdocs.yml."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    return config.get("extra") or {}


def split(text: str) -> tuple[dict, str, str]:
    """(meta, front matter block without fences, body) of a Markdown page; a page without front matter has {}."""
    if text.startswith(_FENCE):
        end = text.find("\n" + _FENCE, len(_FENCE) - 1)
        if end != -1:
            block = text[len(_FENCE) : end + 1]
            return yaml.safe_load(block) or {}, block, text[end + 1 + len(_FENCE) :]
    return {}, "", text


def with_meta(text: str, added: dict[str, str]) -> str:
    """The page with `added` keys appended to its front matter (created when missing); values quoted as JSON."""
    if not added:
        return text
    _, block, body = split(text)
    lines = "".join(f"{key}: {_quoted(value)}\n" for key, value in added.items())
    return f"{_FENCE}{block}{lines}{_FENCE}{body}"


def _quoted(value: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly `value` (a JSON string, escaped where YAML needs it)."""
    return _UNSAFE.sub(lambda char: f"\\u{ord(char[0]):04x}", json.dumps(value, ensure_ascii=False))


def edit_meta(src_uri: str, meta: dict, base: str | None) -> dict[str, str]:
    """The edit link of a page, as the MkDocs hook computes it."""
    url = edit_url(src_uri, meta, base)
    return {"edit_url": url, "edit_label": edit_label(url, base)} if url and base else {}


def add_edit_links(docs: Path, base: str | None) -> dict[str, int]:
    """Give every Markdown page under docs its edit link in its front matter; return the lines added per page."""
    added_lines = {}
    for page in sorted(docs.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        meta, _, _ = split(text)
        src_uri = page.relative_to(docs).as_posix()
        added = edit_meta(src_uri, meta, base)
        if added:
            changed = with_meta(text, added)
            page.write_text(changed, encoding="utf-8")
            added_lines[src_uri] = changed.count("\n") - text.count("\n")
    return added_lines
