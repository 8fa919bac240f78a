"""No page shows mojibake: UTF-8 read as Windows-1252 or Latin-1 („Ã¼“, „â€““), or a character that slipped into
another script („3 ד for „3 ד). hunspell does not see these inside names and captions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .support import ROOT, sample_pages

# UTF-8 bytes of German text decoded as Windows-1252/Latin-1 (ä ö ü ß Ä „ “ – …), a BOM read the same way, the
# replacement character, Hebrew letters (× and “ decoded crosswise), and combining marks (ä typed decomposed,
# or a sign followed by a stray accent).
MOJIBAKE = re.compile("Ã[^A-Za-z\\s]|Â[^A-Za-z]|â€|ï»¿|\ufffd|[\u0590-\u05ff]|[\u0300-\u036f]")
HAND_WRITTEN = ["README.md", "docs", "generator/templates", "overrides"]
# Third-party files kept as their packages ship them (scripts/vendor_cms.py, overrides/…/vendor/): not our text.
VENDORED = ("docs/redaktion/sveltia-cms.js", "docs/redaktion/locales/", "overrides/assets/javascripts/vendor/")


def _found(text: str) -> list[str]:
    return [text[max(0, m.start() - 20) : m.end() + 5] for m in MOJIBAKE.finditer(text)]


@pytest.mark.parametrize("profile", ["public", "intern"])
def test_no_generated_page_contains_mojibake(profile):
    found = {
        path: _found(text) for path, text in sample_pages(profile).items() if isinstance(text, str) and _found(text)
    }
    assert found == {}


def test_no_hand_written_text_contains_mojibake():
    files = [ROOT / name for name in HAND_WRITTEN if (ROOT / name).is_file()]
    files += [file for name in HAND_WRITTEN for file in sorted((ROOT / name).rglob("*")) if file.is_file()]
    files = [file for file in files if not file.relative_to(ROOT).as_posix().startswith(VENDORED)]
    found = {
        str(file.relative_to(ROOT)): _found(file.read_text(encoding="utf-8"))
        for file in files
        if file.suffix in {".md", ".j2", ".html", ".css", ".js"} and _found(file.read_text(encoding="utf-8"))
    }
    assert found == {}


@pytest.mark.parametrize("text", ["„3 ד", "Ã¼ber", "GrÃ¶ÃŸe", "â€“", "Ma\u0308rz", "ï»¿Titel", "Stra\ufffde"])
def test_mojibake_pattern_finds_the_usual_forms(text):
    assert _found(text)


@pytest.mark.parametrize("text", ["„3 ×“", "São Paulo", "Größe – März", "Ölmühle à la carte"])
def test_mojibake_pattern_leaves_correct_text_alone(text):
    assert not _found(text)


def test_map_caption_names_the_cluster_sign_correctly():
    caption = (ROOT / "generator" / "templates" / "network_map.md.j2").read_text(encoding="utf-8")
    assert "„3 ×“ steht für drei Netzwerke" in caption
    assert Path(ROOT / "README.md").read_text(encoding="utf-8").count("„3 ×“") == 1
