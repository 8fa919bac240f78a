"""The second engine: Zensical builds the same site from the same pages, as strictly and as safely as MkDocs."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.pipeline import build_with
from generator.problems import DataInvalid
from generator.site.engines import DEFAULT_ENGINE, BuildFailed
from generator.site.zensical_dialog import GERMAN, DialogUnchanged, german_dialog
from generator.site.zensical_meta import split, with_meta
from generator.site.zensical_search import with_ascii_spellings

from .browser import DESKTOP, PHONE, open_page
from .sitewalk import broken_links, forwarding_pages
from .support import DATA, ROOT, replace_in, run_cli, serve
from .walk import arrive, site_pages

pytestmark = pytest.mark.engine  # builds whole sites

# Files each engine adds for its own search and sitemap; everything else must be the same.
ENGINE_FILES = {"search/search_index.json", "sitemap.xml.gz", "search.json"}
ENGINE_ASSETS = re.compile(
    r"assets/(javascripts/(bundle|workers|lunr|LICENSE)|stylesheets/(main|palette|classic|modern))"
)
# Loads something: a stylesheet, script, image, frame or font (links to other sites are fine).
LOADING = re.compile(r"<(?:script|img|iframe|source|link)\b[^>]*\b(?:src|href)=\"(?:https?:)?//", re.IGNORECASE)
LINK_TAG = re.compile(r"<link\b[^>]*>", re.IGNORECASE)


def _site_files(site: Path) -> set[str]:
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    return {f for f in files if f not in ENGINE_FILES and not ENGINE_ASSETS.match(f)}


def test_zensical_builds_the_same_pages_and_files_as_mkdocs(public_site, zensical_site):
    assert _site_files(zensical_site) == _site_files(public_site)
    # 16 partners (the one that left keeps its page) and one former address that forwards
    assert len(list((zensical_site / "partner").glob("*/index.html"))) == 17


def test_zensical_pages_are_german_and_keep_their_schema_org_data(zensical_site):
    page = (zensical_site / "netzwerke" / "muenchen" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in page
    assert '<script type="application/ld+json">' in page
    assert "noindex" not in page and "Intern</strong>" not in page


def test_zensical_internal_site_has_its_banner_noindex_and_internal_pages(zensical_intern, zensical_site):
    start = (zensical_intern / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in start
    assert "<strong>Intern</strong>" in start
    assert 'href="./intern/anfragen/"' in start  # the internal section of the navigation
    assert (zensical_intern / "intern" / "anfragen" / "index.html").is_file()
    assert not (zensical_site / "intern").exists()


def test_no_zensical_page_loads_anything_from_another_host(zensical_site):
    loading = {}
    for page in zensical_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        found = LOADING.findall(text) + [tag for tag in LINK_TAG.findall(text) if "fonts.g" in tag]
        found = [tag for tag in found if 'rel="canonical"' not in tag]
        if found:
            loading[page.relative_to(zensical_site).as_posix()] = found
    assert loading == {}


def test_zensical_index_gets_the_ascii_spellings_without_changing_what_results_show():
    page = {"location": "netzwerke/muenchen/", "level": 1, "title": "Musternetzwerk München", "text": "<p>Straße</p>"}
    section = {"location": "netzwerke/muenchen/#kontakt", "level": 2, "title": "Kontakt", "text": "<p>Köln</p>"}
    other = {"location": "partner/", "level": 1, "title": "Partner", "text": ""}
    index = with_ascii_spellings({"config": {"lang": ["de"]}, "items": [page, section, other]})
    first, second, third = index["items"]
    assert first["title_ascii"] == "Muenchen Munchen"
    assert first["text_ascii"] == "Koeln Koln Strasse"  # the page's spellings once, on its entry
    assert {key: first[key] for key in page} == page and second == section and third == other


def test_built_zensical_index_and_worker_carry_the_spellings(zensical_site):
    index = json.loads((zensical_site / "search.json").read_text(encoding="utf-8"))
    muenchen = next(item for item in index["items"] if item["location"] == "netzwerke/muenchen/")
    assert set(muenchen["title_ascii"].split()) == {"Muenchen", "Munchen"}
    (worker,) = (zensical_site / "assets" / "javascripts" / "workers").glob("search.*.js")
    assert "title_ascii" in worker.read_text(encoding="utf-8")


# The browser walk of tests/test_browser.py (axe at both widths, reflow, requests) runs over this site too.


def test_no_page_of_the_internal_zensical_site_has_an_axe_violation_at_either_width(browser, zensical_intern):
    """The public site of both engines is walked in tests/test_browser.py; this is the other profile's walk."""
    server, url = serve(zensical_intern)
    # A page at a former address forwards at once: axe reads the page the visitor lands on (tests/walk.arrive).
    forwards = forwarding_pages(zensical_intern)
    found = {}
    try:
        for width, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            with open_page(browser, url, viewport, axe=True) as visit:
                for address in site_pages(zensical_intern):
                    arrive(visit, url, address, forwards)
                    found[f"{width} {address}"] = visit.axe_violations()
    finally:
        server.shutdown()
    assert len(found) > 100
    assert {page: violations for page, violations in found.items() if violations} == {}


@pytest.mark.parametrize("site", ["public_site", "intern_site", "zensical_site", "zensical_intern"])
def test_no_link_or_anchor_of_either_engines_sites_is_broken(request, site):
    assert broken_links(request.getfixturevalue(site)) == []


def _article_links(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    return re.findall(r'href="([^"#]+)"', text[text.index("<article") : text.index("</article>")])


def test_filter_pages_link_the_same_addresses_in_both_engines(public_site, zensical_site):
    pages = {"netzwerke/bundesland/bayern/": "../../muenchen/", "partner/netzwerk/muenchen/": "../../dguv/"}
    for page, entry in pages.items():
        mkdocs = _article_links(public_site / page / "index.html")
        assert _article_links(zensical_site / page / "index.html") == mkdocs
        assert entry in mkdocs


@pytest.mark.parametrize("query", ["München", "Muenchen", "Munchen", "muenchen"])
def test_zensical_search_finds_umlaut_words_from_ascii_spellings(browser, zensical_url, query):
    with open_page(browser, zensical_url) as visit:
        visit.page.click(".md-search__button")
        visit.page.keyboard.type(query)
        # Zensical's search dialog lives in an open shadow root, which Playwright's locators enter.
        visit.page.locator("ol[role=listbox] h2").first.wait_for()
        titles = visit.page.locator("ol[role=listbox] h2").all_inner_texts()
        assert "Musternetzwerk München" in titles[:3], titles
        previews = " ".join(visit.page.locator("ol[role=listbox] a").all_inner_texts())
        assert "Muenchen" not in previews and "Munchen" not in previews  # results show the pages as written
        assert visit.foreign_requests == []


def test_zensical_search_dialog_speaks_german_and_passes_axe_on_a_phone(browser, zensical_url):
    with open_page(browser, zensical_url, PHONE, axe=True) as visit:
        assert visit.page.locator(".md-search__button").text_content().strip() == "Suche"
        visit.page.click("label.md-header__button[for=__search]")  # the phone's search button
        field = visit.page.get_by_role("combobox", name="Suche")
        assert field.get_attribute("placeholder") == "Suche"
        visit.page.keyboard.type("Netzwerk")
        visit.page.locator("ol[role=listbox] h2").first.wait_for()
        assert re.fullmatch(r"\d+ Suchergebnisse", visit.page.locator("[role=status][aria-live]").inner_text().strip())
        assert visit.page.get_by_role("listbox", name="Suchergebnisse").count() == 1
        assert visit.page.get_by_role("button", name="Suche schließen").count() == 1
        assert visit.axe_violations() == []
        field.fill("xyzzy")
        visit.page.get_by_text("Keine Suchergebnisse").wait_for()


def test_zensical_script_keeps_no_english_label_of_the_search_dialog(zensical_site):
    (bundle,) = (zensical_site / "assets" / "javascripts").glob("bundle.*.js")
    script = bundle.read_text(encoding="utf-8")
    assert [english for english, _ in GERMAN if english in script] == []
    assert all(german in script for _, german in GERMAN)


def test_a_zensical_without_the_known_labels_stops_the_build_in_german():
    with pytest.raises(DialogUnchanged) as failed:
        german_dialog('N("input",{"aria-label":"Search","aria-autocomplete":"list"})')
    assert str(failed.value).startswith("Zensicals Suchdialog hat eine unbekannte Form: „placeholder:")


def test_zensical_header_has_no_palette_switch_nobody_can_use(zensical_site, public_site):
    for site in (zensical_site, public_site):
        assert 'name="__palette"' not in (site / "index.html").read_text(encoding="utf-8")


def _project_copy(target: Path) -> Path:
    """docs/, overrides/ and mkdocs.yml in a folder of their own, to break a hand-written page safely."""
    for name in ("docs", "overrides", "overrides-zensical"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target / "mkdocs.yml"


def test_broken_link_stops_zensical_with_a_german_line_and_keeps_the_last_site(tmp_path, zensical_site):
    config = _project_copy(tmp_path / "projekt")
    site = tmp_path / "site"
    shutil.copytree(zensical_site, site)
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    handbook = config.parent / "docs" / "handbuch" / "index.md"
    line = handbook.read_text(encoding="utf-8").count("\n") + 2
    handbook.write_text(handbook.read_text(encoding="utf-8") + "\n[kaputt](gibt-es-nicht.md)\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        build_with("zensical", "public", DATA, site, config_file=config)
    assert str(failed.value) == (
        f"Zensical meldet:\ndocs/handbuch/index.md:{line}: Link auf eine Seite, die es nicht gibt"
    )
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")]  # no work folder left


def test_bad_data_stops_zensical_before_anything_is_written(data_dir, tmp_path):
    replace_in(data_dir / "partners.yaml", "email: c.beispielmann@example.org", "email: max@")
    with pytest.raises(DataInvalid):
        build_with("zensical", "public", data_dir, tmp_path / "site")
    assert not (tmp_path / "site").exists()


def test_command_line_builds_with_zensical_and_says_so(tmp_path):
    result = run_cli("build", "--engine", "zensical", "--data", str(DATA), "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    label = "öffentlich" if DEFAULT_ENGINE == "zensical" else "öffentlich, Zensical"  # the default goes unnamed
    assert result.stdout.startswith(f"Website ({label}) gebaut in ")
    assert (tmp_path / "site" / "search.json").is_file()
    refused = run_cli("build", "--engine", "zensical", "--profile", "intern", "--site-dir", "site")
    assert refused.returncode == 1 and "gehört zur anderen Fassung der Website" in refused.stderr


NASTY = [
    "Seite bearbeiten: data/partners.yaml, Zeile 9",
    '"\n---\n<script>alert(1)</script>',
    "a: b # c\n- d",
    "\\ ' \" {{ page }} {% raw %}",
    "Zeile\x85umbruch\u2028und\u2029so",
    "München 😀 \t tab",
]


@settings(max_examples=300, deadline=None)
@given(value=st.one_of(st.text(), st.sampled_from(NASTY)), key=st.sampled_from(["edit_url", "edit_label"]))
def test_front_matter_values_read_back_exactly_and_never_end_the_front_matter(value, key):
    page = "---\ntitle: Start\n---\n\n# Start\n"
    meta, _, body = split(with_meta(page, {key: value}))
    assert meta == {"title": "Start", key: value}
    assert body == "\n# Start\n"
    meta, _, body = split(with_meta("# Ohne Kopf\n", {key: value}))
    assert meta == {key: value} and body == "# Ohne Kopf\n"


BUTTON = re.compile(r'<a href="([^"]*)"(?: title="([^"]*)")? class="md-content__button[^"]*"')
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)"')


def _page_links(site: Path) -> dict[str, list]:
    """Per page: its edit or „Fehler melden“ buttons (address and title) and its canonical address."""
    links = {}
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        buttons = [tuple(html.unescape(part) for part in button) for button in BUTTON.findall(text)]
        links[page.relative_to(site).as_posix()] = buttons + CANONICAL.findall(text)
    return links


def test_zensical_pages_link_like_mkdocs_pages_on_both_sites(public_site, zensical_site, intern_site, zensical_intern):
    public = _page_links(zensical_site)
    assert public == _page_links(public_site)
    assert any(link[0].startswith("mailto:") for links in public.values() for link in links)  # „Fehler melden“
    intern = _page_links(zensical_intern)
    assert intern == _page_links(intern_site)
    assert any(link[1].startswith("Seite bearbeiten: data/") for links in intern.values() for link in links)


def test_zensical_sites_tell_search_engines_what_mkdocs_sites_tell_them(
    public_site, zensical_site, intern_site, zensical_intern
):
    for mkdocs, zensical in ((public_site, zensical_site), (intern_site, zensical_intern)):
        assert (zensical / "robots.txt").read_text(encoding="utf-8") == (mkdocs / "robots.txt").read_text("utf-8")
    assert (zensical_site / "sitemap.xml").is_file() and not (zensical_intern / "sitemap.xml").exists()


def test_zensical_reads_the_staged_front_matter_exactly_as_written(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "overrides").mkdir()
    for number, value in enumerate(NASTY):
        page = with_meta("# Seite\n", {"edit_label": value})
        (tmp_path / "docs" / f"p{number}.md").write_text(page, encoding="utf-8")
    (tmp_path / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")
    (tmp_path / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}{% block content %}<pre>{{ page.meta.edit_label | tojson }}</pre>{% endblock %}',
        encoding="utf-8",
    )
    (tmp_path / "mkdocs.yml").write_text("site_name: t\ntheme:\n  name: material\n  custom_dir: overrides\n")
    result = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--strict"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    for number, value in enumerate(NASTY):
        built = (tmp_path / "site" / f"p{number}" / "index.html").read_text(encoding="utf-8")
        assert json.loads(html.unescape(re.search(r"<pre>(.*?)</pre>", built, re.S)[1])) == value
