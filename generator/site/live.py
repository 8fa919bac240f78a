"""The preview's build: MkDocs once in full, then only the pages that changed, with the loaded build kept.

MkDocs' dirty build starts from nothing on every save (configuration, plugins, theme templates,
navigation, a page object per file: about a second at 1,000 partners) and leaves the search index
with only the pages it rebuilt. Here the loaded build stays in memory: a save renders exactly the
changed pages, copies the changed files, adds or removes the pages of added or removed records and
writes the search index of all pages. A change to the navigation, the theme or the configuration
builds in full again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2
from material.plugins.search.plugin import SearchPlugin
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory

# MkDocs 1.6 is the last release of its line (pinned below 2): its two page steps are used as they are.
_populate_page, _build_page = mkdocs_build._populate_page, mkdocs_build._build_page


@dataclass
class _Loaded:
    """What a full build gathered, kept for the next save."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: jinja2.Environment


class LiveBuild:
    """The site of the preview, brought up to date with as little work as the change allows."""

    def __init__(self, load_config: Callable[[], MkDocsConfig]):
        self._load_config = load_config
        self._loaded: _Loaded | None = None

    def build(self, changed: list[str] | None = None) -> bool:
        """Bring the site up to date with `changed` (paths below docs_dir; None: unknown); True if in full."""
        if self._loaded is not None and changed is not None:
            loaded, self._loaded = self._loaded, None  # if updating fails, the next save builds in full
            try:
                _update(loaded, changed)
                self._loaded = loaded
                return False
            except _NeedsFullBuild:
                pass
        self._loaded = _full_build(self._load_config())
        return True


class _NeedsFullBuild(Exception):
    """The change reaches beyond its own pages (the navigation lists an added or removed page)."""


def _update(loaded: _Loaded, changed: list[str]) -> None:
    """Render only the changed pages, copy the changed files, add and remove the files that came and went."""
    config, files = loaded.config, loaded.files
    docs, listed = Path(config.docs_dir), _nav_paths(config.nav)
    gone = [file for path in changed if not (docs / path).is_file() and (file := files.get_file_from_path(path))]
    new = [path for path in changed if (docs / path).is_file() and files.get_file_from_path(path) is None]
    if any(file.src_uri in listed for file in gone) or any(path in listed for path in new):
        raise _NeedsFullBuild
    for file in gone:
        Path(file.abs_dest_path).unlink(missing_ok=True)
        files.remove(file)
    for path in new:
        files.append(File(path, config.docs_dir, config.site_dir, config.use_directory_urls))
    if new:
        set_exclusions(files, config)
    targets = [file for path in changed if (file := files.get_file_from_path(path)) is not None]
    pages = [file.page or Page(None, file, config) for file in targets if file.is_documentation_page()]
    _forget_in_search(config, {page.url for page in pages} | {file.url for file in gone})
    for file in targets:
        if not file.is_documentation_page():
            file.copy_file(dirty=False)
    doc_files = files.documentation_pages()
    for page in pages:
        _populate_page(page, config, files)
    for page in pages:
        _build_page(page, config, doc_files, loaded.nav, loaded.env)
    if pages or gone:  # the search index and robots.txt: files alone (downloads) change neither
        config.plugins.on_post_build(config=config)


def _nav_paths(nav) -> set[str]:
    """Every page the configured navigation names."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return set().union(*map(_nav_paths, nav.values()))
    if isinstance(nav, list):
        return set().union(*map(_nav_paths, nav))
    return set()


def _forget_in_search(config: MkDocsConfig, urls: set[str]) -> None:
    """Drop the search entries of pages about to be rendered again (or removed); rendering adds them anew."""
    search = next((plugin for plugin in config.plugins.values() if isinstance(plugin, SearchPlugin)), None)
    if search is not None:
        entries = search.search_index.entries
        search.search_index.entries = [entry for entry in entries if entry["location"].split("#")[0] not in urls]


def _full_build(config: MkDocsConfig) -> _Loaded:
    """MkDocs' build (mkdocs.commands.build.build, clean, not strict), keeping what it gathered."""
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    clean_directory(config.site_dir)
    files = get_files(config)
    env = config.theme.get_env()
    files.add_files_from_theme(env, config)
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = get_navigation(files, config)
    nav = config.plugins.on_nav(nav, config=config, files=files)
    pages = [file.page or Page(None, file, config) for file in files.documentation_pages()]
    for page in pages:
        _populate_page(page, config, files)
    env = config.plugins.on_env(env, config=config, files=files)
    files.copy_static_files()
    for template in config.theme.static_templates:
        mkdocs_build._build_theme_template(template, env, files, config, nav)
    for template in config.extra_templates:
        mkdocs_build._build_extra_template(template, files, config, nav)
    doc_files = files.documentation_pages()
    for page in pages:
        _build_page(page, config, doc_files, nav, env)
    config.plugins.on_post_build(config=config)
    return _Loaded(config, files, nav, env)
