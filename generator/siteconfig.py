"""The site settings generated pages need, read once from mkdocs.yml (for MkDocs and pages)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

CONFIG = Path(__file__).resolve().parent.parent / "mkdocs.yml"


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml; MkDocs' own tags (!!python/name, !ENV) aren't needed and read as None."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@cache
def _config(config_file: Path) -> dict[str, object]:
    with open(config_file, encoding="utf-8") as stream:
        config = yaml.load(stream, Loader=_ConfigLoader)
    return config if isinstance(config, dict) else {}


@cache
def site_url(config_file: Path = CONFIG) -> str:
    """The public address of the site, ending in „/“: exports and JSON-LD name pages by it."""
    url = str(_config(config_file).get("site_url") or "").strip()
    return url if url.endswith("/") else url + "/"


@cache
def repository_url(config_file: Path = CONFIG) -> str | None:
    """The GitHub repository (`https://github.com/OWNER/REPO`) `extra.source_url` points into."""
    extra = _config(config_file).get("extra")
    source = str((extra.get("source_url") if isinstance(extra, dict) else None) or "")
    match = re.match(r"(https://github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)(?:/|$)", source)
    return match[1] if match else None
