"""The preview's build: MkDocs once in full, then only changed pages, the build kept loaded.

MkDocs' dirty build starts from nothing on every save (configuration, plugins, theme templates,
navigation, a page object per file: about a second at 1,000 partners) and leaves the search index
with only the pages it rebuilt. Here the loaded build stays in memory: a save renders exactly the
changed pages, copies the changed files, adds or removes the pages of added or removed records and
writes the search index of all pages. A change to the navigation, the theme or the configuration
builds in full again. The steps of MkDocs' build come from site/mkdocs_internals.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory

from generator.site.mkdocs_internals import (
    build_extra_template,
    build_page,
    build_theme_template,
    forget_in_search,
    populate_page,
)


@dataclass
class _Loaded:
    """What a full build gathered, kept for the next save."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: jinja2.Environment


@dataclass(frozen=True)
class Plan:
    """What a save changes in the loaded build, worked out before anything is touched."""

    # Known files whose source was removed: they leave the site and the search index
    gone: tuple[File, ...]
    new: tuple[File, ...]  # sources not known before: they join the files
    # Every changed source that is there (new ones included), in the order given
    changed: tuple[File, ...]
    # The navigation names an added or removed page: only a full build gets it right
    full_build: bool


class LiveBuild:
    """The site of the preview, brought up to date with as little work as the change allows."""

    def __init__(self, load_config: Callable[[], MkDocsConfig]):
        self._load_config = load_config
        self._loaded: _Loaded | None = None

    def build(self, changed: list[str] | None = None) -> bool:
        """Bring the site up to date with `changed` (None: unknown); True if built in full."""
        if self._loaded is not None and changed is not None:
            # If updating fails, the next save builds in full
            loaded, self._loaded = self._loaded, None
            plan = plan_update(loaded.config, loaded.files, changed)
            if not plan.full_build:
                apply_update(loaded, plan)
                self._loaded = loaded
                return False
        self._loaded = _full_build(self._load_config())
        return True


def plan_update(config: MkDocsConfig, files: Files, changed: list[str]) -> Plan:
    """The plan for `changed` (paths below docs_dir), from disk and the loaded files; no change."""
    there = {path: (Path(config.docs_dir) / path).is_file() for path in changed}
    known = {path: files.get_file_from_path(path) for path in changed}
    gone = tuple(file for path, file in known.items() if file is not None and not there[path])
    new = {
        path: _new_file(path, config)
        for path, file in known.items()
        if there[path] and file is None
    }
    return Plan(
        gone=gone,
        new=tuple(new.values()),
        changed=tuple(known[path] or new[path] for path in changed if there[path]),
        full_build=_in_navigation(config, (*gone, *new.values())),
    )


def _in_navigation(config: MkDocsConfig, files: tuple[File, ...]) -> bool:
    """Whether the navigation names one of `files` (added or removed, it changes every menu)."""
    listed = _nav_paths(config.nav)
    return any(file.src_uri in listed for file in files)


def _new_file(path: str, config: MkDocsConfig) -> File:
    """A source below docs_dir as MkDocs' get_files makes it (not yet among the files)."""
    return File(path, config.docs_dir, config.site_dir, config.use_directory_urls)


def apply_update(loaded: _Loaded, plan: Plan) -> None:
    """Remove and add the files that went and came, copy changed files, render changed pages."""
    config, files = loaded.config, loaded.files
    _remove_files(files, plan.gone)
    _add_files(files, plan.new, config)
    pages = [
        file.page or Page(None, file, config)
        for file in plan.changed
        if file.is_documentation_page()
    ]
    forget_in_search(config, {page.url for page in pages} | {file.url for file in plan.gone})
    _copy_files(plan.changed)
    _render(pages, loaded)
    # The search index and robots.txt: files alone (downloads) change neither
    if pages or plan.gone:
        config.plugins.on_post_build(config=config)


def _remove_files(files: Files, gone: tuple[File, ...]) -> None:
    """Take the files whose source went out of the site and out of the loaded files."""
    for file in gone:
        Path(file.abs_dest_path).unlink(missing_ok=True)
        files.remove(file)


def _add_files(files: Files, new: tuple[File, ...], config: MkDocsConfig) -> None:
    """Add the new sources to the loaded files, with mkdocs.yml's exclusions applied to them."""
    for file in new:
        files.append(file)
    if new:
        set_exclusions(files, config)


def _copy_files(changed: tuple[File, ...]) -> None:
    """Copy the changed files that are no pages (downloads, images) into the site."""
    for file in changed:
        if not file.is_documentation_page():
            file.copy_file(dirty=False)


def _render(pages: list[Page], loaded: _Loaded) -> None:
    """Read every page, then write each, as MkDocs' build: a title may come from content."""
    doc_files = loaded.files.documentation_pages()
    for page in pages:
        populate_page(page, loaded.config, loaded.files)
    for page in pages:
        build_page(page, loaded.config, doc_files, loaded.nav, loaded.env)


def _nav_paths(nav) -> set[str]:
    """Every page the configured navigation names."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return set().union(*map(_nav_paths, nav.values()))
    if isinstance(nav, list):
        return set().union(*map(_nav_paths, nav))
    return set()


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
        populate_page(page, config, files)
    env = config.plugins.on_env(env, config=config, files=files)
    files.copy_static_files()
    for template in config.theme.static_templates:
        build_theme_template(template, env, files, config, nav)
    for template in config.extra_templates:
        build_extra_template(template, files, config, nav)
    doc_files = files.documentation_pages()
    for page in pages:
        build_page(page, config, doc_files, nav, env)
    config.plugins.on_post_build(config=config)
    return _Loaded(config, files, nav, env)
