"""The preview's update is planned before anything is touched: what went, what came, what changed, whether in full."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files

from generator.site.live import plan_update

from .support import ROOT


@pytest.fixture
def loaded(tmp_path):
    """mkdocs.yml with a small docs folder, and the files a build loaded from it."""
    docs, site = tmp_path / "docs", tmp_path / "site"
    for path in ("index.md", "partner/index.md", "partner/dguv.md", "partner/alt.md", "daten/partners.csv"):
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text("inhalt\n", encoding="utf-8")
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(site))
    files = Files([File(path, str(docs), str(site), True) for path in _sources(docs)])
    return config, files, docs


def _sources(docs: Path) -> list[str]:
    return sorted(path.relative_to(docs).as_posix() for path in docs.rglob("*") if path.is_file())


def test_a_plan_names_what_went_what_came_and_what_changed_and_touches_nothing(loaded):
    config, files, docs = loaded
    (docs / "partner" / "alt.md").unlink()
    (docs / "partner" / "neu.md").write_text("neu\n", encoding="utf-8")
    before = [file.src_uri for file in files]
    changed = ["partner/dguv.md", "partner/alt.md", "partner/neu.md", "daten/partners.csv", "partner/nie.md"]
    plan = plan_update(config, files, changed)
    assert [file.src_uri for file in plan.gone] == ["partner/alt.md"]
    assert [file.src_uri for file in plan.new] == ["partner/neu.md"]
    assert [file.src_uri for file in plan.changed] == ["partner/dguv.md", "partner/neu.md", "daten/partners.csv"]
    assert plan.changed[0] is files.get_file_from_path("partner/dguv.md")  # the loaded file, rendered again
    assert not plan.full_build
    assert [file.src_uri for file in files] == before and files.get_file_from_path("partner/neu.md") is None
    assert all(file.page is None for file in files) and not Path(config.site_dir).exists()


def test_adding_or_removing_a_page_the_navigation_names_needs_a_full_build(loaded):
    config, files, docs = loaded
    (docs / "daten" / "index.md").write_text("neu\n", encoding="utf-8")
    assert plan_update(config, files, ["daten/index.md"]).full_build
    (docs / "partner" / "index.md").unlink()
    assert plan_update(config, files, ["partner/index.md"]).full_build
    assert not plan_update(config, files, ["index.md"]).full_build  # edited, not added or removed
