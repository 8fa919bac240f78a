"""The site settings that generated pages need, read once from mkdocs.yml (one source for MkDocs and the pages)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

CONFIG = Path(__file__).resolve().parent.parent / "mkdocs.yml"


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml; MkDocs' own tags (!!python/name, !ENV) are not needed here and read as None."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@cache
def site_url(config_file: Path = CONFIG) -> str:
    """The public address of the site, ending in „/“: exports and JSON-LD name pages by it."""
    with open(config_file, encoding="utf-8") as stream:
        config = yaml.load(stream, Loader=_ConfigLoader)
    url = str(config.get("site_url") or "").strip()
    return url if url.endswith("/") else url + "/"
