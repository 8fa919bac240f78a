"""What the page families share: their protocol, pages that repeat once per record, and the page cache.

The addresses they write to (folders with a page per record, fixed pages) are declared in
generator/addresses.py, where the records' rules read the names an id must not take.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment
from pydantic import BaseModel

if TYPE_CHECKING:
    from generator.model.directory import Directory

# The one protocol of a page family: the files (path below docs/ → text or bytes) it writes for a directory.
PageFamily = Callable[[Environment, "Directory"], Mapping[str, "str | bytes | Deferred"]]


def record_pages(
    env: Environment, template: str, folder: str, records, name: str, shared: dict, extra: Callable | None = None
) -> dict[str, str]:
    """One page per record at `folder/<id>.md`, the record given to the template as `name`.

    `shared` and `extra(record)` hold only what such a page shows (never the whole directory), so an
    unchanged record renders from the cache.
    """
    pages = {}
    for record in records:
        context = {**shared, **(extra(record) if extra else {}), name: record}
        pages[f"{folder}/{record.id}.md"] = render_once(env, template, context)
    return pages


class PageCache:
    """Rendered text by template and context, kept from one render of the site to the next (the preview).

    A page is a pure function of its template and its context: the context holds frozen entries, so an
    equal context gives the same text. A changed template file starts afresh. Entries not used by the
    last render are dropped, so the cache holds at most about one site.
    """

    def __init__(self, templates: Path):
        self.templates = templates
        self.version: tuple = ()
        self.current: dict[Hashable, object] = {}
        self.previous: dict[Hashable, object] = {}
        self.deferring = False
        self.keeping = True

    def start(self, defer: bool = False, keep: bool = True) -> None:
        """Begin a render of the whole site; `defer`: values asked for `later` may come as a Deferred.

        `keep`: remember this render for the next (the preview). A single build renders each page once:
        there, comparing contexts would only cost time (a tenth of the rendering at 1,000 partners).
        """
        version = tuple((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in sorted(self.templates.rglob("*")))
        self.previous = self.current if version == self.version and keep else {}
        self.current, self.version, self.deferring, self.keeping = {}, version, defer, keep

    def get(self, key: Hashable, make: Callable[[], Any], later: bool = False) -> Any:
        """The value made for `key` in this or the last render, or `make()`; unhashable keys are never kept.

        `later`: a value nobody looks at while an edit is on screen (a download); while deferring, a new one
        comes as a Deferred, made once the pages are built.
        """
        if not self.keeping and not (later and self.deferring):
            return make()
        try:
            value = self.current.get(key, _MISSING)
        except TypeError:
            return make()
        if value is _MISSING:
            value = self.previous.pop(key, _MISSING)
            if value is _MISSING:
                if later and self.deferring:
                    return Deferred(lambda: self.get(key, make))
                value = make()
            self.current[key] = value
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
    return {path: value() if isinstance(value, Deferred) else value for path, value in pages.items()}


_MISSING = object()


def render_once(env: Environment, template: str, context: dict) -> str:
    """Render `template` with `context`, or take the text rendered for an equal context before."""
    page = env.get_template(template)
    if not env.page_cache.keeping:  # type: ignore[attr-defined]  # Environment.extend
        return page.render(context)
    try:
        key = (template, _frozen(context))
    except TypeError:  # a value that cannot be compared safely: render every time
        return page.render(context)
    return env.page_cache.get(key, lambda: page.render(context))  # type: ignore[attr-defined]  # Environment.extend


def _frozen(value):
    """A hashable value equal exactly when `value` is: entries as they are, validated records by their content."""
    if isinstance(value, dict):
        return ("dict", tuple((key, _frozen(item)) for key, item in sorted(value.items())))
    if isinstance(value, BaseModel):  # frozen records may hold lists, which are not hashable
        return (type(value).__qualname__, value.model_dump_json())
    hash(value)  # TypeError: not usable as a key
    return value


def site_address(env: Environment) -> str:
    """The address pages name themselves by: the public site's, or "/" on the internal site."""
    return str(env.globals["site_url"])
