"""The offline build: a site that works from a folder on disk (file://), search and map too.

Material's `offline` plugin does the work: links to `…/index.html` instead of folders
(`use_directory_urls` off), and the search index inlined as a script. Material's search runs
in a Web Worker, which browsers do not start from `file://`; the plugin then adds the
`iframe-worker` shim from unpkg.com unless the site names its own. The site names its own
copy (npm package iframe-worker 1.0.4, MIT, `npm pack iframe-worker@1.0.4`, tarball sha256
e8c5d12d87829c503afba01d67772ea9f4aba5b7ae57a0c98e1917711030efbb; `shim/index.js` unchanged
in `overrides/assets/javascripts/vendor/`, with its licence), so the offline site asks no
other host either.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from material.plugins.offline.plugin import OfflinePlugin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin

# The shim as the built site serves it (from overrides/); Material's plugin knows it by its name.
SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"


def make_offline(config: MkDocsConfig) -> None:
    """Turn a loaded configuration into one for a site opened from disk."""
    plugin = OfflinePlugin()
    errors, warnings = plugin.load_config({"enabled": True})
    assert not errors and not warnings, (errors, warnings)
    config.plugins["material/offline"] = plugin
    config.plugins[FolderLinks.NAME] = FolderLinks()
    config.extra["polyfills"] = [SHIM]
    # The plugin sets it too; set here so nothing depends on the order
    config.use_directory_urls = False


# A link in HTML: its attribute and its address.
_LINK = re.compile(r'(?P<attribute>\b(?:href|src)=")(?P<address>[^"]*)"')


class FolderLinks(BasePlugin):
    """Links to a folder (`../netzwerk/harz/`) point to its page (`harz.html` or `…/index.html`).

    MkDocs rewrites the links of Markdown pages; links written as HTML (filter lists, the map, the
    footer) keep the folder form, which a browser opens from disk as a directory listing. The
    generator writes those links for pages that are folders (`netzwerke/bundesland/hessen/`), so
    they are read from that folder first; the theme's (the footer's `url` filter) are relative to
    the page's real folder and are read from there.
    """

    NAME = "om-folder-links"

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site = Path(config.site_dir).resolve()
        # One walk instead of a lookup per link
        pages = {path.as_posix() for path in site.rglob("*.html")}
        for page in sorted(site.rglob("*.html")):
            text = page.read_text(encoding="utf-8")
            fixed = _LINK.sub(functools.partial(_to_page, page=page, site=site, pages=pages), text)
            if fixed != text:
                page.write_text(fixed, encoding="utf-8")


def _to_page(match: re.Match, page: Path, site: Path, pages: set[str]) -> str:
    address = match["address"]
    parts = urlsplit(address)
    path = parts.path or "./"
    if parts.scheme or parts.netloc or address.startswith(("#", "/")) or not path.endswith("/"):
        return match[0]
    # The folder the page would be with folder addresses, then its real folder.
    bases = [page.parent] if page.name == "index.html" else [page.with_suffix(""), page.parent]
    for base in bases:
        target = _page_of(os.path.normpath(base / path), site.as_posix(), pages)
        if target is not None:
            tail = (f"?{parts.query}" if parts.query else "") + (
                f"#{parts.fragment}" if parts.fragment else ""
            )
            return f'{match["attribute"]}{os.path.relpath(target, page.parent)}{tail}"'
    return match[0]


def _page_of(folder: str, site: str, pages: set[str]) -> str | None:
    """The page a folder address stands for in the built site, if there is one."""
    if folder != site and not folder.startswith(site + "/"):
        return None
    for candidate in (folder + "/index.html", folder + ".html"):
        if candidate in pages:
            return candidate
    return None
