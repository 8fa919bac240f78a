"""Every page of the live data's public site in chromium, as the data pull request's job walks it.

Rules true for any valid data, like tests/test_live_data.py: no page asks another host for anything, none scrolls
sideways, no drawing is wider than the text column. The walk is one fixture (`live_walk`): more widths go into
WIDTHS, more facts into what each page records, more rules into tests below.
"""

from __future__ import annotations

import pytest

from .browser import PHONE, open_page
from .support import serve
from .test_browser import PAGE_FACTS, site_pages

pytestmark = pytest.mark.live

# The phone first: that is where a long name or a wide table breaks a page.
WIDTHS = {"phone": PHONE}


@pytest.fixture(scope="module")
def live_walk(browser, live_sites) -> dict[str, dict[str, dict]]:
    """Width → page → PAGE_FACTS and the requests to other hosts, for every page of the live public site."""
    server, url = serve(live_sites["public"])
    pages = site_pages(live_sites["public"])
    results: dict[str, dict[str, dict]] = {}
    try:
        for width, viewport in WIDTHS.items():
            results[width] = {}
            with open_page(browser, url, viewport) as visit:
                for address in pages:
                    visit.goto(url + address)
                    facts = visit.page.evaluate(PAGE_FACTS)
                    facts["foreign"] = visit.foreign_requests
                    results[width][address] = facts
    finally:
        server.shutdown()
    return results


def _failing(walk: dict, fact: str, bad) -> dict[str, object]:
    return {
        f"{width} {page}": facts[fact]
        for width, pages in walk.items()
        for page, facts in pages.items()
        if bad(facts[fact])
    }


def test_the_live_walk_covers_every_page(live_walk, live_sites):
    assert all(set(pages) == set(site_pages(live_sites["public"])) for pages in live_walk.values())


def test_no_live_page_requests_anything_from_another_host(live_walk):
    assert _failing(live_walk, "foreign", bool) == {}


def test_no_live_page_scrolls_sideways(live_walk):
    assert _failing(live_walk, "overflow", lambda pixels: pixels > 0) == {}


def test_no_drawing_of_a_live_page_is_wider_than_its_column(live_walk):
    assert _failing(live_walk, "wide", bool) == {}
