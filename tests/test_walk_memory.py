"""The browser walk takes the facts of a page walked before only while the page and all it read are unchanged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .walk import WalkMemory

BASE = "http://127.0.0.1:8000/"
KEY = ("phone", "partner/", False)
REQUESTS = [BASE + "partner/", BASE + "assets/om.css", BASE + "bilder/karte.svg", BASE + "search/search_index.json"]
FACTS = {"axe": [], "overflow": 0}


def _site(folder: Path) -> Path:
    for path, text in {
        "partner/index.html": "<h1>Partner</h1>",
        "assets/om.css": "h1 {}",
        "bilder/karte.svg": "<svg/>",
        "search/search_index.json": "{}",
    }.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def sites(tmp_path) -> tuple[WalkMemory, Path]:
    """A memory that walked one site, and a byte-identical second site."""
    memory = WalkMemory()
    memory.remember(_site(tmp_path / "first"), KEY, BASE, REQUESTS, FACTS)
    return memory, shutil.copytree(tmp_path / "first", tmp_path / "second")


def test_a_page_with_the_same_bytes_and_files_is_not_walked_again(sites):
    memory, second = sites
    assert memory.recall(second, KEY) == FACTS
    (second / "search/search_index.json").write_text('{"docs": []}', encoding="utf-8")  # never opened by the walk
    assert memory.recall(second, KEY) == FACTS


@pytest.mark.parametrize("changed", ["partner/index.html", "assets/om.css", "bilder/karte.svg", "assets/neu.js"])
def test_a_changed_page_or_file_it_read_is_walked_again(sites, changed):
    memory, second = sites
    (second / changed).write_text("/* anders */", encoding="utf-8")
    assert memory.recall(second, KEY) is None


OTHER_KEYS = [("desktop", "partner/", False), ("phone", "netzwerke/", False), ("phone", "partner/", True)]


@pytest.mark.parametrize("key", OTHER_KEYS)
def test_another_width_address_or_wait_is_walked_again(sites, key):
    memory, second = sites
    assert memory.recall(second, key) is None
