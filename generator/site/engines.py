"""Site engines: MkDocs with Material (the default) and Zensical, the same site from the same pages.

Both take a profile, a data folder and a site folder, and both keep the last good site when anything fails.
"""

from __future__ import annotations

import os
from pathlib import Path

from generator.settings import Profile, Settings

ENGINES = ("mkdocs", "zensical")
DEFAULT_ENGINE = "mkdocs"


class BuildFailed(Exception):
    """The engine stopped (strict: any warning stops it); the message names each problem in German."""


def build_with(
    engine: str,
    profile: Profile,
    data_dir: str | os.PathLike,
    site_dir: str | os.PathLike | None = None,
    settings: Settings | None = None,
) -> Path:
    """Build a profile's site with the chosen engine; return the site folder."""
    if engine == "zensical":
        from generator.site.zensical import build_zensical_site

        return build_zensical_site(profile, data_dir, site_dir, settings=settings)
    from generator.site.build import build_site

    return build_site(profile, data_dir, site_dir, settings=settings)
