"""Site engines: MkDocs with Material (the default) and Zensical, the same site from the same pages.

Both take a profile, a data folder and a site folder, and both keep the last good site when anything
fails (`pipeline.build_with` chooses one).
"""

from __future__ import annotations

ENGINES = ("mkdocs", "zensical")
# The one line switching the project's engine (CLI, preview, CI, publishing); README „Zensical“.
DEFAULT_ENGINE = "mkdocs"
NAMES = {"mkdocs": "MkDocs", "zensical": "Zensical"}


def engine_help() -> str:
    """The --engine option's help: each engine, the default named."""
    return " oder ".join(
        f"{engine} (Standard)" if engine == DEFAULT_ENGINE else engine for engine in ENGINES
    )


class BuildFailed(Exception):
    """The engine stopped (strict: any warning stops it); the message names each problem."""
