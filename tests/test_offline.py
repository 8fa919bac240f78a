"""The offline build (`build --offline`): a site opened from a folder on disk works without a server."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.pipeline import build_with
from generator.site.offline import SHIM

from .browser import PHONE, open_page
from .support import DATA, FIXED_SETTINGS, run_cli

pytestmark = pytest.mark.engine


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The public site of the fixture data, built for opening from disk."""
    site = tmp_path_factory.mktemp("offline") / "site"
    return build_with("mkdocs", "public", DATA, site, FIXED_SETTINGS, offline=True)


@pytest.fixture(scope="module")
def offline_intern(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The internal site of the fixture data, built for opening from disk (the pull request's bundle)."""
    site = tmp_path_factory.mktemp("offline-intern") / "site"
    return build_with("mkdocs", "intern", DATA, site, FIXED_SETTINGS, offline=True)


@pytest.mark.parametrize("profile", ["public", "intern"])
def test_every_link_of_the_offline_site_lands_on_a_file(request, profile):
    site = request.getfixturevalue("offline_site" if profile == "public" else "offline_intern")
    broken = {}
    for page in site.rglob("*.html"):
        if page.name == "404.html":  # served by a web server only, with addresses from the site's root
            continue
        for address in re.findall(r'(?:href|src)="([^"]*)"', page.read_text(encoding="utf-8")):
            parts = urlsplit(address)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if not target.is_file():  # a folder opens as a directory listing from disk
                broken.setdefault(str(page.relative_to(site)), []).append(address)
    assert broken == {}


def test_the_offline_site_serves_its_own_search_shim_and_index(offline_site):
    home = (offline_site / "index.html").read_text(encoding="utf-8")
    assert f'<script src="{SHIM}"></script>' in home and "unpkg" not in home
    assert (offline_site / SHIM).is_file()
    assert (offline_site / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = ")


def test_offline_is_refused_with_zensical_in_german(tmp_path):
    result = run_cli("build", "--offline", "--engine", "zensical", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 2
    assert "--offline gibt es nur mit der Engine mkdocs" in result.stderr


def test_offline_site_from_disk_links_searches_maps_and_filters(browser, offline_site):
    """Opened from file://: a link to a network page, the search finding Hannover, the map, the filters."""
    with open_page(browser, (offline_site / "index.html").as_uri(), viewport=PHONE) as visit:
        page = visit.page
        page.locator("article a[href='netzwerke/index.html']").first.click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/netzwerke/index.html")

        # The filters: one land keeps its networks only.
        page.locator("select[name='bundesland']").select_option(label="Bayern (1)")
        shown = page.locator(".om-entries > :is(ul, ol) > li:visible").all_inner_texts()
        assert len(shown) == 1 and "Musternetzwerk München" in shown[0]
        assert "bundesland=bayern" in page.url  # the choice is kept in the address, from disk too
        page.locator("select[name='bundesland']").select_option(label="alle")

        # The map: its markers lead to the network pages, the list shows the name at the marker.
        marker = page.locator(".om-map__marker[href='hannover.html']")
        assert marker.count() == 1
        page.locator(".om-entries a[href='hannover.html']").first.focus()
        assert "is-active" in (marker.get_attribute("class") or "")

        page.locator(".om-entries a", has_text="Musternetzwerk Hannover").first.click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/netzwerke/hannover.html")
        assert page.locator("h1").first.inner_text().startswith("Musternetzwerk Hannover")

        # The search runs in the iframe shim and finds the network by name.
        page.locator("label.md-search__icon, label[for='__search']").first.click()
        field = page.locator("input.md-search__input")
        field.fill("Hannover")
        field.press("End")  # Material searches on keyup
        titles = "[...document.querySelectorAll('.md-search-result__item h1')]"
        found = f"t => {titles}.some(h => h.textContent.trim() === t)"
        page.wait_for_function(found, arg="Musternetzwerk Hannover", timeout=30_000)
        page.locator(".md-search-result__item a", has_text="Musternetzwerk Hannover").first.click()
        page.wait_for_load_state("load")
        assert urlsplit(page.url).path.endswith("/netzwerke/hannover.html")  # with ?h=hannover to highlight
        assert all(urlsplit(url).scheme in ("file", "data", "blob", "about") for url in visit.requests), visit.requests
