"""Build the MkDocs site of a profile into its folder, replacing the old site only on success."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from .validate import load_records
from .write import GENERATED_ROOTS

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"
DEFAULT_SITE_DIRS = {"public": ROOT / "site", "intern": ROOT / "site-intern"}
# Written into every built site: a folder holding it may be replaced by the next build, any other may not.
MARKER = ".om-website"


class TargetRefused(Exception):
    """The chosen site folder must not be replaced (it holds other files or the project itself)."""


def build_site(
    profile: str = "public",
    data_dir: str | os.PathLike = ROOT / "data",
    site_dir: str | os.PathLike | None = None,
    config_file: str | os.PathLike = CONFIG,
) -> Path:
    """Validate, generate and build strictly; the previous site stays if anything fails."""
    load_records(data_dir)  # all data errors surface here, before anything is written
    site = Path(site_dir or DEFAULT_SITE_DIRS[profile]).expanduser().resolve()
    _check_target(site, profile, Path(config_file).resolve().parent, Path(data_dir).resolve())
    try:
        site.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise TargetRefused(f"Zielordner {site} kann nicht angelegt werden; bitte den Pfad prüfen") from None
    with tempfile.TemporaryDirectory(prefix=f".{site.name}-", dir=site.parent) as work:
        docs_dir = _docs_for(profile, Path(config_file).parent / "docs", Path(work))
        config = load_config(str(config_file), site_dir=str(Path(work) / "site"), docs_dir=str(docs_dir), strict=True)
        config.extra["profile"] = profile
        config.extra["data_dir"] = str(Path(data_dir).resolve())
        build(config)
        (Path(work) / "site" / MARKER).write_text("Von python -m generator build erzeugt.\n", encoding="utf-8")
        _replace(site, Path(work) / "site")
    return site


def _check_target(site: Path, profile: str, project: Path, data: Path) -> None:
    """Refuse a site folder whose replacement would delete or publish project files, or anything not built here."""
    own, other = (project / "site", project / "site-intern")[:: 1 if profile == "public" else -1]
    if site == own:
        return
    if site == other:
        raise TargetRefused(f"Zielordner {site} gehört zur anderen Fassung der Website (öffentlich oder intern)")
    for folder in (project, data):
        if site == folder or site in folder.parents:
            raise TargetRefused(f"Zielordner {site} enthält Projektdateien")
        if folder in site.parents:
            # MkDocs would copy a site inside the project (e.g. in overrides/) into the next public build.
            raise TargetRefused(
                f"Zielordner {site} liegt im Projektordner; dort sind nur site/ (öffentlich) und "
                "site-intern/ (intern) vorgesehen"
            )
    if site.exists() and not site.is_dir():
        raise TargetRefused(f"Zielordner {site} ist eine Datei")
    if site.is_dir() and any(site.iterdir()) and not (site / MARKER).is_file():
        raise TargetRefused(
            f"Zielordner {site} ist nicht leer und enthält keine mit diesem Befehl gebaute Website; "
            "bitte einen leeren oder neuen Ordner angeben"
        )


def _docs_for(profile: str, docs: Path, work: Path) -> Path:
    """The public site builds from docs/ itself; the internal one from a copy, so docs/ never holds private data."""
    if profile == "public":
        return docs
    staged = work / "docs"
    shutil.copytree(docs, staged, ignore=lambda folder, names: _generated(docs, folder, names))
    return staged


def _generated(docs: Path, folder: str, names: list[str]) -> list[str]:
    return [name for name in names if Path(folder) == docs and name in GENERATED_ROOTS]


def _replace(site: Path, built: Path) -> None:
    old = site.with_name(f".{site.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    built.rename(site)
    shutil.rmtree(old, ignore_errors=True)
