"""The browser walk over the office's live data/ (marker `live`): an ordinary edit that breaks a page on a phone
fails the pull request that makes it.

Run in the data check of a pull request with the other `live` tests (`make data-walk`; needs chromium).
The same rules as over the fixtures (tests/test_browser.py), none of them about the contents of data/: no
WCAG 2.1 A/AA violation at 375 and 1280 px, no sideways scrolling at 320, 375 and 1280 px, no drawing wider
than its column, every control the Tab key reaches on screen when focused, nothing requested from other hosts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .support import serve, site_files
from .walk import failing, walk_site

pytestmark = [pytest.mark.live, pytest.mark.engine]


@pytest.fixture(scope="module")
def live_site(live_sites) -> Path:
    """The public site of the live data, built strictly once into a temporary folder (never into the project)."""
    return live_sites["public"]


@pytest.fixture(scope="module")
def live_walk(browser, live_site, walk_memory) -> dict[str, dict[str, dict]]:
    server, url = serve(live_site)
    try:  # an office's `rename` leaves forwarding pages: followed too
        return walk_site(browser, url, live_site, walk_memory)
    finally:
        server.shutdown()


def test_live_walk_covers_every_page(live_walk, live_site):
    assert len(live_walk["phone"]) == len(site_files(live_site, "*.html"))


def test_live_pages_have_no_axe_violation(live_walk):
    assert failing(live_walk, "axe", bool) == {}


def test_live_pages_do_not_scroll_sideways_at_320_375_or_1280_px(live_walk):
    assert failing(live_walk, "overflow", lambda pixels: pixels > 0) == {}
    assert failing(live_walk, "reflow", lambda pixels: pixels > 0) == {}


def test_live_pages_keep_every_focused_control_on_screen(live_walk):
    assert failing(live_walk, "focus", bool) == {}


def test_live_figures_fit_their_column(live_walk):
    assert failing(live_walk, "wide", bool) == {}


def test_live_pages_request_nothing_from_other_hosts(live_walk):
    assert failing(live_walk, "foreign", bool) == {}
