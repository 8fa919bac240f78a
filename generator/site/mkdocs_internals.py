"""Every use of MkDocs' and Material's private API, in one place, each with what it wraps and why.

The preview keeps MkDocs' loaded build in memory and renders only the pages a save changed
(site/live.py), and its server answers requests itself while the data is invalid (serve.py). MkDocs'
public API offers neither: it builds a whole site (`mkdocs.commands.build.build`), and its
live-reload server rebuilds on any file event and serves only files. So the preview uses the steps
of MkDocs' build and the state of MkDocs' server, which a release may change without notice. This
module was written for the releases in WRITTEN_FOR (pinned in requirements.txt);
tests/test_mkdocs_internals.py checks each name and signature it uses against the installed
packages, so an upgrade fails there with the name that changed, and that no other module touches a
private name of MkDocs or Material.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence

import jinja2
import watchdog.events
from material.plugins.search.plugin import SearchPlugin
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

# The releases this module was written for; requirements.txt pins them (the contract test checks).
WRITTEN_FOR = {"mkdocs": "1.6.1", "mkdocs-material": "9.8.1"}

# A WSGI answer: the body's parts (None: not answered here).
Answer = Iterable[bytes] | None
StartResponse = Callable[..., object]


def populate_page(page: Page, config: MkDocsConfig, files: Files) -> None:
    """Read a page's Markdown and render its HTML, with plugins' events pre_page to page_content.

    Wraps `mkdocs.commands.build._populate_page`. Public is only `build(config)`, which does this
    for every page of the site; the preview renders the few pages a save changed.
    """
    mkdocs_build._populate_page(page, config, files)


def build_page(
    page: Page,
    config: MkDocsConfig,
    doc_files: Sequence[File],
    nav: Navigation,
    env: jinja2.Environment,
) -> None:
    """Render a populated page into the theme and write it (page_context to post_page events).

    Wraps `mkdocs.commands.build._build_page`, for the same reason as populate_page: the public
    `build` writes every page of the site.
    """
    mkdocs_build._build_page(page, config, doc_files, nav, env)


def build_theme_template(
    name: str, env: jinja2.Environment, files: Files, config: MkDocsConfig, nav: Navigation
) -> None:
    """Write one of the theme's static templates (404.html, sitemap.xml and its .gz).

    Wraps `mkdocs.commands.build._build_theme_template`: the preview's full build is MkDocs' build
    with the gathered configuration, files, navigation and environment kept, which the public
    `build` discards.
    """
    mkdocs_build._build_theme_template(name, env, files, config, nav)


def build_extra_template(name: str, files: Files, config: MkDocsConfig, nav: Navigation) -> None:
    """Write one of mkdocs.yml's `extra_templates`.

    Wraps `mkdocs.commands.build._build_extra_template`, for the same reason
    as build_theme_template.
    """
    mkdocs_build._build_extra_template(name, files, config, nav)


def forget_in_search(config: MkDocsConfig, urls: set[str]) -> None:
    """Drop the search entries of the pages at `urls` (about to be rendered again, or removed).

    Wraps Material's search index (`SearchPlugin.search_index.entries`): rendering a page appends
    its sections there (on_page_context), on_post_build writes them as search_index.json. Material
    has no call to remove a page's entries; its own merge for `mkdocs serve --dirty` keeps those of
    one page only.
    """
    search = next(
        (plugin for plugin in config.plugins.values() if isinstance(plugin, SearchPlugin)), None
    )
    if search is not None:
        entries = search.search_index.entries
        search.search_index.entries = [
            entry for entry in entries if entry["location"].split("#")[0] not in urls
        ]


class ReloadServer(LiveReloadServer):
    """MkDocs' live-reload server with the preview's hooks, over the server's private members.

    Subclasses override `on_file_event` (which file events rebuild) and `answer` (a request answered
    before MkDocs serves the built file), and call `request_rebuild` and `with_reload_script`.
    """

    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
        """Hand every file event below `path` to `on_file_event`; MkDocs' `watch` rebuilds on any.

        Registered where MkDocs' `watch` registers (`_watched_paths`, `_watch_refs`): `serve()`
        starts the observer only if a path is watched, `unwatch()` finds the watch there, and pages
        get the reload script.
        """
        handler = watchdog.events.FileSystemEventHandler()
        # One handler for every kind of event
        handler.on_any_event = self.on_file_event  # type: ignore[method-assign]
        self._watched_paths[os.path.abspath(path)] = 1
        self._watch_refs[os.path.abspath(path)] = self.observer.schedule(
            handler, path, recursive=recursive
        )

    def on_file_event(self, event: watchdog.events.FileSystemEvent) -> None:
        """Rebuild on any event below a watched path (as MkDocs does); subclasses choose."""
        if not event.is_directory:
            self.request_rebuild()

    def request_rebuild(self) -> None:
        """Wake MkDocs' build loop as its own watcher does (`_want_rebuild` under `_rebuild_cond`).

        MkDocs has no public call for this: its watcher's callback is a closure inside `watch`.
        """
        with self._rebuild_cond:
            self._want_rebuild = True
            self._rebuild_cond.notify_all()

    def with_reload_script(self, html: bytes) -> bytes:
        """`html` with MkDocs' reload script: the open tab reloads when the next build is done.

        Wraps `_inject_js_into_html` with the epoch of the site in view (`_visible_epoch`, under
        `_epoch_cond`), as MkDocs does for the files it serves; it does so for files only.
        """
        with self._epoch_cond:
            epoch = self._visible_epoch
        return self._inject_js_into_html(html, epoch)

    def answer(self, environ: dict, start_response: StartResponse) -> Answer:
        """The server's own answer, or None to serve the built site; subclasses choose."""
        return None

    def _serve_request(self, environ: dict, start_response: StartResponse) -> Answer:
        """Overrides `LiveReloadServer._serve_request`, MkDocs' step from request to site file.

        The one place to answer first: the public `serve_request` around it also turns a missing
        file into the site's 404 page (`error_handler`), which must stay.
        """
        answered = self.answer(environ, start_response)
        return answered if answered is not None else super()._serve_request(environ, start_response)
