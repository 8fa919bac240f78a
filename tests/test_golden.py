"""The generated pages of the fixture data match the reviewed golden files byte for byte, in both profiles."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from generator.settings import Profile

from .golden import GOLDEN, digests, sample_pages
from .support import ROOT


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


def test_generation_is_the_same_under_any_hash_seed():
    # Set iteration order follows the hash seed of the process, so only a second process can show an order leaking
    # out: one fresh process with a seed other than this one's must print the digests this process computes.
    seed = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"
    other = subprocess.run(
        [sys.executable, "-c", "from tests.golden import digests; print(digests(), end='')"],
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": seed},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert other == digests() and other.count("\n") > 100


def test_the_internal_golden_files_hold_what_the_public_ones_must_not():
    public, intern = sample_pages("public"), sample_pages("intern")
    assert set(intern) - set(public), "the internal profile has pages of its own"
    assert any(public[path] != intern[path] for path in set(public) & set(intern))
