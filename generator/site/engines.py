"""Site engines: MkDocs with Material (the default) and Zensical, the same site from the same pages.

Both take a profile, a data folder and a site folder, and both keep the last good site when anything fails
(`pipeline.build_with` chooses one).
"""

from __future__ import annotations

ENGINES = ("mkdocs", "zensical")
DEFAULT_ENGINE = "mkdocs"


class BuildFailed(Exception):
    """The engine stopped (strict: any warning stops it); the message names each problem in German."""
