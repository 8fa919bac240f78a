"""The generated pages of the sample data match the reviewed golden files byte for byte."""

from __future__ import annotations

from .golden import GOLDEN, sample_pages


def test_generated_pages_match_golden_files():
    pages = sample_pages()
    golden = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()}
    assert sorted(pages) == sorted(golden), "set of pages changed: run `make golden` and review the diff"
    for path, text in pages.items():
        expected = (GOLDEN / path).read_bytes().decode("utf-8")
        assert text == expected, f"{path} differs from its golden file: run `make golden` and review the diff"


def test_generation_is_deterministic():
    assert sample_pages() == sample_pages()
