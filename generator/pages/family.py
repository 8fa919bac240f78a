"""What the page families share: their protocol, the renderer, per-record pages, the page cache.

The addresses they write to (folders with a page per record, fixed pages) are declared in
generator/addresses.py, where the records' rules read the names an id must not take.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, Template
from pydantic import BaseModel

if TYPE_CHECKING:
    from generator.model.directory import Directory

# The one protocol of a page family: the files (path below docs/ → text or bytes) it writes.
PageFamily = Callable[["Renderer", "Directory"], Mapping[str, "str | bytes | Deferred"]]


def record_pages(
    renderer: Renderer,
    template: str,
    folder: str,
    records,
    name: str,
    shared: dict,
    extra: Callable | None = None,
) -> dict[str, str]:
    """One page per record at `folder/<id>.md`; the template gets `name` (the record) and `here`.

    `shared` and `extra(record)` hold only what such a page shows (never the whole directory), so an
    unchanged record renders from the cache.
    """
    pages = {}
    for record in records:
        here = f"{folder}/{record.id}.md"
        context = {**shared, **(extra(record) if extra else {}), name: record, "here": here}
        pages[here] = renderer.render_once(template, context)
    return pages


class PageCache:
    """Rendered text by template and context, kept from one render to the next (the preview).

    A page is a pure function of its template and its context: the context holds frozen entries, so
    an equal context gives the same text. A changed template file starts afresh. Entries not used by
    the last render are dropped, so the cache holds at most about one site.
    """

    def __init__(self, templates: Path):
        self.templates = templates
        self.version: tuple = ()
        self.current: dict[Hashable, object] = {}
        self.previous: dict[Hashable, object] = {}

    def start(self, remember: bool = True) -> None:
        """Begin a render of the whole site; `remember`: offer it what the last render kept."""
        version = tuple(
            (f.name, f.stat().st_mtime_ns, f.stat().st_size)
            for f in sorted(self.templates.rglob("*"))
        )
        self.previous = self.current if version == self.version and remember else {}
        self.current, self.version = {}, version

    def find(self, key: Hashable) -> Any:
        """The value kept for `key` by this or the last render (kept for the next), or _MISSING."""
        value = self.current.get(key, _MISSING)
        if value is _MISSING:
            value = self.previous.pop(key, _MISSING)
            if value is not _MISSING:
                self.current[key] = value
        return value

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """The value made for `key` in this or the last render, or `make()`; only hashables kept."""
        try:
            value = self.find(key)
        except TypeError:
            return make()
        if value is _MISSING:
            value = self.current[key] = make()
        return value


class Deferred:
    """A file made after the pages (the preview's downloads): made once, when first asked for."""

    def __init__(self, make: Callable[[], Any]):
        self._make, self._value = make, _MISSING

    def __call__(self) -> Any:
        if self._value is _MISSING:
            self._value = self._make()
        return self._value


def made(pages: Mapping[str, str | bytes | Deferred]) -> dict[str, str | bytes]:
    """Every page and file, a Deferred made now."""
    return {
        path: value() if isinstance(value, Deferred) else value for path, value in pages.items()
    }


_MISSING = object()


class Renderer:
    """One render of the site: the shared environment and page cache, and how this render uses them.

    The environment (compiled templates) and the page cache live on from render to render; what a
    render asks of them lives here, so no render changes them for the next.
    """

    def __init__(
        self, env: Environment, cache: PageCache, *, defer: bool = False, remember: bool = False
    ):
        """`defer`: values asked for as deferrable may come as a Deferred (the preview's downloads).

        `remember`: take pages from the cache and keep them for the next render (the preview). A
        single build renders each page once: there, comparing contexts would only cost time (a tenth
        of the rendering at 1,000 partners).
        """
        self.env, self.cache, self.defer, self.remember = env, cache, defer, remember

    @property
    def site_url(self) -> str:
        """The address pages name themselves by: the public site's, or "/" on the internal site."""
        return str(self.env.globals["site_url"])

    def template(self, name: str) -> Template:
        """The compiled template `name`, for a family that renders it many times itself."""
        return self.env.get_template(name)

    def render(self, template: str, here: str, *args: Any, **context: Any) -> str:
        """Render `template` afresh as the page at `here` (a page showing the whole directory)."""
        return self.template(template).render(*args, here=here, **context)

    def render_once(self, template: str, context: dict) -> str:
        """Render `template` with `context`, or take the text rendered before for an equal one."""
        page = self.template(template)
        if not self.remember:
            return page.render(context)
        try:
            key = (template, _frozen(context))
        except TypeError:  # a value that cannot be compared safely: render every time
            return page.render(context)
        return self.cache.get(key, lambda: page.render(context))

    def made(self, key: Hashable, make: Callable[[], Any], *, deferrable: bool = False) -> Any:
        """The value made for `key` in this or the last render, or `make()`.

        `deferrable`: a value nobody looks at while an edit is on screen (a download); in a render
        that defers, a new one comes as a Deferred, made once the pages are built.
        """
        deferred = deferrable and self.defer
        if not (self.remember or deferred):
            return make()
        if not deferred:
            return self.cache.get(key, make)
        try:
            value = self.cache.find(key)
        except TypeError:  # never kept, so never deferred either
            return make()
        return Deferred(lambda: self.cache.get(key, make)) if value is _MISSING else value


def _frozen(value):
    """A hashable value equal exactly when `value` is: entries as they are, records by content."""
    if isinstance(value, dict):
        return ("dict", tuple((key, _frozen(item)) for key, item in sorted(value.items())))
    if isinstance(value, BaseModel):  # frozen records may hold lists, which are not hashable
        return (type(value).__qualname__, value.model_dump_json())
    hash(value)  # TypeError: not usable as a key
    return value
