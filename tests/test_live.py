"""The preview's build renders only what a save changed, and the site it leaves equals a full build's."""

from __future__ import annotations

import json
import logging
import os

import pytest

from generator.pages.family import PageCache
from generator.preview import Preview

from .support import replace_in

pytestmark = pytest.mark.engine  # builds whole sites

NEW_PARTNER = """
  - id: ihk-hannover
    name: Industrie- und Handelskammer Hannover (Beispiel)
    kind: kammer
    scope: regional
    represented_in_regions: false
    verified_on: 2026-10-01
"""


@pytest.fixture
def preview(data_dir):
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    preview = Preview(data_dir)
    assert preview.rebuild().startswith("Vorschau aktualisiert")
    yield preview
    preview.close()


def _search_docs(preview: Preview) -> list[dict]:
    return json.loads((preview.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def _html(preview: Preview, page: str) -> str:
    return (preview.site / page / "index.html").read_text(encoding="utf-8")


def test_an_edit_renders_only_the_pages_that_show_it(preview, data_dir):
    untouched = preview.site / "partner" / "ifaa" / "index.html"
    before = untouched.stat().st_mtime_ns
    replace_in(data_dir / "partners.yaml", "name: Deutsche Gesetzliche Unfallversicherung", "name: DGUV Geändert")
    preview.rebuild()
    assert "DGUV Geändert" in _html(preview, "partner/dguv")
    assert "DGUV Geändert" in _html(preview, "partner")
    assert untouched.stat().st_mtime_ns == before


def test_after_an_edit_the_search_index_still_holds_every_page(preview, data_dir):
    before = _search_docs(preview)
    replace_in(data_dir / "partners.yaml", "name: Deutsche Gesetzliche Unfallversicherung", "name: DGUV Geändert")
    preview.rebuild()
    after = _search_docs(preview)
    assert len(after) == len(before)
    assert {doc["location"] for doc in after} == {doc["location"] for doc in before}
    assert any("DGUV Geändert" in doc["title"] for doc in after)
    assert all("title_ascii" in doc or "text_ascii" in doc or doc["location"] for doc in after)


def test_a_new_record_gets_its_page_and_a_removed_one_loses_it_without_a_full_build(preview, data_dir):
    partners = data_dir / "partners.yaml"
    original = partners.read_text(encoding="utf-8")
    partners.write_text(original + NEW_PARTNER, encoding="utf-8")
    assert preview.live.build([]) is False  # the loaded build is there to update
    preview.rebuild()
    assert "Industrie- und Handelskammer Hannover (Beispiel)" in _html(preview, "partner/ihk-hannover")
    assert any(doc["location"].startswith("partner/ihk-hannover/") for doc in _search_docs(preview))
    partners.write_text(original, encoding="utf-8")
    preview.rebuild()
    assert not (preview.site / "partner" / "ihk-hannover" / "index.html").exists()
    assert not any(doc["location"].startswith("partner/ihk-hannover/") for doc in _search_docs(preview))


def test_a_change_to_the_theme_builds_in_full(preview, data_dir, monkeypatch):
    calls = []
    monkeypatch.setattr(preview.live, "build", lambda changed=None: calls.append(changed))
    replace_in(data_dir / "partners.yaml", "name: Deutsche Gesetzliche Unfallversicherung", "name: DGUV Geändert")
    preview.rebuild()
    assert "partner/dguv.md" in calls[0]
    calls.clear()
    preview.theme_changed = True
    replace_in(data_dir / "partners.yaml", "name: DGUV Geändert", "name: DGUV noch einmal")
    preview.rebuild()
    assert calls[0] is None


def test_downloads_follow_the_pages_and_equal_a_full_builds(preview, data_dir):
    replace_in(data_dir / "partners.yaml", "name: Deutsche Gesetzliche Unfallversicherung", "name: DGUV Geändert")
    preview.rebuild_pages()
    assert "DGUV Geändert" in _html(preview, "partner/dguv")
    assert "DGUV Geändert" not in (preview.site / "daten" / "partners.csv").read_text(encoding="utf-8")
    preview.finish()
    assert "DGUV Geändert" in (preview.site / "daten" / "partners.csv").read_text(encoding="utf-8")
    assert "DGUV Geändert" in (preview.docs / "daten" / "partners.json").read_text(encoding="utf-8")


def test_the_page_cache_renders_again_when_a_template_changes(tmp_path):
    template = tmp_path / "page.md.j2"
    template.write_text("eins", encoding="utf-8")
    cache, made = PageCache(tmp_path), []
    for _ in range(2):
        cache.start()
        cache.get("key", lambda: made.append(1) or "text")
    assert made == [1]
    template.write_text("zwei!", encoding="utf-8")
    os.utime(template, ns=(1, 1))
    cache.start()
    cache.get("key", lambda: made.append(2) or "text")
    assert made == [1, 2]


def test_the_page_cache_keeps_only_what_the_last_render_used(tmp_path):
    cache = PageCache(tmp_path)
    cache.start()
    cache.get("old", lambda: "old")
    cache.start()
    cache.get("new", lambda: "new")
    cache.start()
    assert cache.get("old", lambda: "made again") == "made again"


def test_after_edits_the_preview_site_equals_a_full_build(preview, data_dir, tmp_path):
    partners = data_dir / "partners.yaml"
    replace_in(partners, "name: Deutsche Gesetzliche Unfallversicherung", "name: DGUV Geändert")
    partners.write_text(partners.read_text(encoding="utf-8") + NEW_PARTNER, encoding="utf-8")
    preview.rebuild()
    fresh = Preview(data_dir)
    try:
        fresh.rebuild()
        pages = sorted(path.relative_to(fresh.site) for path in fresh.site.rglob("*.html"))
        assert pages == sorted(path.relative_to(preview.site) for path in preview.site.rglob("*.html"))
        for page in pages:
            assert (preview.site / page).read_bytes() == (fresh.site / page).read_bytes(), page
        docs = sorted(json.dumps(doc, sort_keys=True) for doc in _search_docs(preview))
        assert docs == sorted(json.dumps(doc, sort_keys=True) for doc in _search_docs(fresh))
    finally:
        fresh.close()


def test_the_page_open_in_the_browser_is_built_first_and_the_rest_before_anyone_sees_it(preview, data_dir):
    preview.saw("/partner/dguv/")
    replace_in(data_dir / "partners.yaml", "name: Deutsche Gesetzliche Unfallversicherung", "name: DGUV Geändert")
    preview.rebuild_pages()
    assert "DGUV Geändert" in _html(preview, "partner/dguv")
    assert "DGUV Geändert" not in _html(preview, "partner")
    assert preview.pending("/partner/") and not preview.pending("/partner/dguv/")
    preview.finish()
    assert "DGUV Geändert" in _html(preview, "partner")
    assert preview.settled.is_set() and not preview.pending("/partner/")
