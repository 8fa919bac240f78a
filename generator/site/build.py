"""Build the site of a profile into its folder, replacing the old site only on success.

The work happens in a folder next to the site (so the final swap is a rename on the same disk). That
folder ignores itself for git (`.gitignore` with `*`, removed last; the project's .gitignore names
such folders too), so a killed build never offers private pages to a „commit all“, and the next
build removes it. The swap exchanges old and new site in one step where the system allows it (Linux
`renameat2`), so no moment exists without a site folder.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator.settings import Profile
from generator.site.offline import make_offline
from generator.site.staging import HAND_WRITTEN, ROOT, ensure_ignored

CONFIG = ROOT / "mkdocs.yml"
DEFAULT_SITE_DIRS = {"public": ROOT / "site", "intern": ROOT / "site-intern"}
# Written into every built site: a folder holding it may be replaced by the next build, others not.
MARKER = ".om-website"
# Written into every work folder: the next build may delete a folder holding it.
WORK_MARKER = ".om-build-work"


class TargetRefused(Exception):
    """The chosen site folder must not be replaced (it holds other files or the project itself)."""


def build_into(
    site: Path,
    pages: Mapping[str, str | bytes],
    profile: Profile,
    data_dir,
    config_file=CONFIG,
    extra: dict | None = None,
    offline: bool = False,
    **options,
) -> None:
    """Run MkDocs once on docs/ plus the generated `pages`, given in memory (strict by default).

    `extra` holds what the pages' render found for the theme (e.g. the address of „Fehler melden“);
    `offline` makes a site that works opened from a folder (site/offline.py).
    The generated pages never touch the disk: staging 2,400 files for MkDocs to read them back cost
    more than a second at 1,000 partners. The site is the same as MkDocs building a staged folder.
    """
    config = site_config(site, HAND_WRITTEN, profile, data_dir, config_file, extra, **options)
    if offline:
        make_offline(config)
    config.plugins[GeneratedPages.NAME] = GeneratedPages(pages)
    build(config)


class GeneratedPages(BasePlugin):
    """Adds the generated pages to MkDocs' files, as if they lay in docs_dir."""

    NAME = "om-generated-pages"

    def __init__(self, pages: Mapping[str, str | bytes]):
        self.pages = pages

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """The files in the order MkDocs walks a staged folder (navigation, search, sitemap too)."""
        generated = [
            File.generated(config, path, content=content) for path, content in self.pages.items()
        ]
        docs = [file for file in files if file.src_dir == config.docs_dir] + generated
        theme = [file for file in files if file.src_dir != config.docs_dir]
        return Files(sorted(docs, key=lambda file: _walk_order(file.src_uri)) + theme)


def _walk_order(src_uri: str) -> tuple:
    """MkDocs' get_files order: a folder's files (index first), then its subfolders, by name."""
    *folders, name = src_uri.split("/")
    return (
        *((1, folder) for folder in folders),
        (0, (os.path.splitext(name)[0] not in ("index", "README"), name)),
    )


def site_config(
    site: Path,
    docs: Path,
    profile: str,
    data_dir,
    config_file=CONFIG,
    extra: dict | None = None,
    **options,
) -> MkDocsConfig:
    """mkdocs.yml loaded for building a profile's `docs` into `site` (strict unless told not to)."""
    options.setdefault("strict", True)
    config = load_config(str(config_file), site_dir=str(site), docs_dir=str(docs), **options)
    config.extra.update(extra or {})
    config.extra["profile"] = profile
    config.extra["data_dir"] = str(Path(data_dir).resolve())
    return config


def prepare_target(
    profile: Profile,
    site_dir: str | os.PathLike | None,
    config_file: str | os.PathLike,
    data_dir: str | os.PathLike,
) -> Path:
    """The site folder of a build, checked and created, leftovers of killed builds removed."""
    site = Path(site_dir or DEFAULT_SITE_DIRS[profile]).expanduser().resolve()
    _check_target(site, profile, Path(config_file).resolve().parent, Path(data_dir).resolve())
    try:
        site.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise TargetRefused(
            f"Zielordner {site} kann nicht angelegt werden; bitte den Pfad prüfen"
        ) from None
    clean_leftovers(site)
    return site


def work_folder(site: Path) -> Path:
    """A fresh work folder next to `site` that git ignores by its own .gitignore."""
    work = Path(tempfile.mkdtemp(prefix=f".{site.name}-", dir=site.parent))
    ensure_ignored(work)
    (work / WORK_MARKER).write_text(f"{site.name}\n", encoding="utf-8")
    return work


def remove_work(work: Path) -> None:
    """Delete a work folder, .gitignore and marker last: a kill never leaves files for git."""
    if not work.is_dir() or work.is_symlink():
        return
    for child in sorted(work.iterdir()):
        if child.name in (".gitignore", WORK_MARKER):
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
    shutil.rmtree(work, ignore_errors=True)


def clean_leftovers(site: Path) -> None:
    """Remove work folders of killed builds; first put back a site a killed swap left aside."""
    for work in sorted(site.parent.glob(f".{site.name}-*")):
        if not (work / WORK_MARKER).is_file():
            continue
        aside = work / "old-site"
        if aside.is_dir() and not site.exists():
            aside.rename(site)
        remove_work(work)


def _check_target(site: Path, profile: Profile, project: Path, data: Path) -> None:
    """Refuse a site folder whose replacement would delete or publish files not built here."""
    own, other = (project / "site", project / "site-intern")[:: 1 if profile == "public" else -1]
    if site == own:
        return
    if site == other:
        raise TargetRefused(
            f"Zielordner {site} gehört zur anderen Fassung der Website (öffentlich oder intern)"
        )
    for folder in (project, data):
        if site == folder or site in folder.parents:
            raise TargetRefused(f"Zielordner {site} enthält Projektdateien")
        if folder in site.parents:
            # MkDocs would copy a site in the project (e.g. overrides/) into the next public build.
            raise TargetRefused(
                f"Zielordner {site} liegt im Projektordner; dort sind nur site/ (öffentlich) und "
                "site-intern/ (intern) vorgesehen"
            )
    if site.exists() and not site.is_dir():
        raise TargetRefused(f"Zielordner {site} ist eine Datei")
    if site.is_dir() and any(site.iterdir()) and not (site / MARKER).is_file():
        raise TargetRefused(
            f"Zielordner {site} ist nicht leer und enthält keine mit diesem Befehl gebaute "
            "Website; bitte einen leeren oder neuen Ordner angeben"
        )


def swap(site: Path, built: Path) -> None:
    """Put `built` in the place of `site`; the old site goes to the work folder, deleted after."""
    if not site.exists():
        built.rename(site)
        return
    if exchange(built, site):
        return
    aside = built.parent / "old-site"  # two renames; clean_leftovers() undoes a kill between them
    site.rename(aside)
    built.rename(site)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically (Linux renameat2); False where the system cannot."""
    libc_name = ctypes.util.find_library("c")
    try:
        renameat2 = ctypes.CDLL(libc_name, use_errno=True).renameat2
    except (OSError, AttributeError, TypeError):
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    if ctypes.get_errno() in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(second))
