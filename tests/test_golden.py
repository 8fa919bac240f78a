"""The generated pages of the fixture data match the reviewed golden files byte for byte, in both profiles."""

from __future__ import annotations

import pytest

from generator.settings import Profile

from .golden import GOLDEN, sample_pages


@pytest.mark.parametrize("profile", list(Profile))
def test_generated_pages_match_golden_files(profile):
    pages = sample_pages(profile)
    folder = GOLDEN / profile
    golden = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert sorted(pages) == sorted(golden), "set of pages changed: run `make golden` and review the diff"
    for path, text in pages.items():
        expected = (folder / path).read_bytes()
        expected = expected if isinstance(text, bytes) else expected.decode("utf-8")
        assert text == expected, f"{path} differs from its golden file: run `make golden` and review the diff"


@pytest.mark.parametrize("profile", list(Profile))
def test_generation_is_deterministic(profile):
    assert sample_pages(profile) == sample_pages(profile)


def test_the_internal_golden_files_hold_what_the_public_ones_must_not():
    public, intern = sample_pages("public"), sample_pages("intern")
    assert set(intern) - set(public), "the internal profile has pages of its own"
    assert any(public[path] != intern[path] for path in set(public) & set(intern))
