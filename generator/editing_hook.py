"""MkDocs hook: „Seite bearbeiten“ leads to the YAML record a page comes from; the internal site gets its pages.

No `repo_url`: with it, Material would make every visitor's browser call the GitHub API.
The link target is `extra.source_url` (the repository's file view) plus the page's source.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.requestpages import INTERN_PAGES
from generator.write import GENERATED_ROOTS


def on_config(config):
    """Add the internal pages to the navigation of the internal site only."""
    section = {"Intern": [{title: path} for path, title in INTERN_PAGES.items()]}
    if config.extra.get("profile") == "intern" and config.nav is not None and section not in config.nav:
        config.nav.append(section)
    return config


def on_page_markdown(markdown, page, config, files):
    """Point the edit button at the data record (generated pages) or the hand-written page."""
    page.edit_url = edit_url(page.file.src_uri, page.meta, config.extra.get("source_url"))
    if page.edit_url:
        page.meta["edit_label"] = edit_label(page.edit_url, config.extra["source_url"])
    return markdown


def edit_url(src_uri: str, meta: dict, base: str | None) -> str | None:
    """Where „Seite bearbeiten“ leads: the page's `source` record, its Markdown file, or nowhere."""
    if not base:
        return None
    source = meta.get("source")
    if src_uri.split("/", 1)[0] in GENERATED_ROOTS:
        return base.rstrip("/") + "/" + source if source else None
    return base.rstrip("/") + "/docs/" + src_uri


def edit_label(url: str, base: str) -> str:
    """„Seite bearbeiten: data/partners.yaml, Zeile 9“: what the edit button opens."""
    path, _, line = url.removeprefix(base.rstrip("/") + "/").partition("#L")
    return f"Seite bearbeiten: {path}" + (f", Zeile {line}" if line else "")
