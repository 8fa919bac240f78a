"""A render's own choices (defer, remember) live in its Renderer; environment and page cache outlive it unchanged."""

from __future__ import annotations

import itertools

from generator.pages.family import Deferred
from generator.pages.render import make_renderer

_SITES = (f"https://renderer-{number}.example.org/" for number in itertools.count())


def _counting():
    made: list[int] = []
    return made, lambda: made.append(1) or "text"


def test_a_build_neither_defers_nor_remembers():
    site = next(_SITES)
    made, make = _counting()
    for _ in range(2):
        assert make_renderer(site).made("key", make, deferrable=True) == "text"
    assert made == [1, 1]


def test_the_preview_defers_a_new_download_and_keeps_it_for_its_next_render():
    site = next(_SITES)
    made, make = _counting()
    first = make_renderer(site, defer=True).made("key", make, deferrable=True)
    assert isinstance(first, Deferred) and made == []
    assert first() == "text" and first() == "text" and made == [1]
    assert make_renderer(site, defer=True).made("key", make, deferrable=True) == "text"
    assert made == [1]


def test_a_render_after_a_deferring_one_defers_nothing():
    site = next(_SITES)
    made, make = _counting()
    make_renderer(site, defer=True).made("key", make, deferrable=True)
    assert make_renderer(site).made("other", make, deferrable=True) == "text"
    assert made == [1]


def test_the_environment_is_shared_and_carries_no_render_state():
    site = next(_SITES)
    preview, build = make_renderer(site, defer=True), make_renderer(site)
    assert make_renderer(site, defer=True).env is preview.env and preview.cache is build.cache
    assert preview.env.auto_reload and not build.env.auto_reload  # only the preview watches templates change
    assert not hasattr(preview.env, "page_cache")


def test_a_page_links_relative_to_its_own_address():
    renderer = make_renderer(next(_SITES))
    template = '{{ "AOK"|page_link(pages.partner("aok")) }} {{ "Verfahren"|page_link(pages.procedure) }}'
    link = renderer.env.from_string(template).render
    assert link(here="netzwerke/owl.md") == "[AOK](../partner/aok.md) [Verfahren](../verfahren/index.md)"
    assert link(here="index.md") == "[AOK](partner/aok.md) [Verfahren](verfahren/index.md)"
    assert (
        link(here="vereinbarung/netzwerke/owl.md")
        == "[AOK](../../partner/aok.md) [Verfahren](../../verfahren/index.md)"
    )
