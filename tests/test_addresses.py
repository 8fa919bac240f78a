"""Every page the site writes has its address declared in generator/addresses.py, the one list of addresses."""

from __future__ import annotations

import pytest

from generator.addresses import FIXED_PAGES, RECORD_FOLDERS
from generator.site.staging import GENERATED_ROOTS
from tests.support import sample_pages


def _declared(path: str) -> bool:
    """A record's page in a record folder, or a page declared as fixed or in a folder declared as fixed."""
    folder, _, name = path.rpartition("/")
    if folder in RECORD_FOLDERS or (name == "index.md" and folder.rsplit("/", 1)[0] in RECORD_FOLDERS):
        return True
    return path in FIXED_PAGES or any(path.startswith(fixed) for fixed in FIXED_PAGES if fixed.endswith("/"))


@pytest.mark.parametrize("profile", ["public", "intern"])
def test_every_generated_page_has_a_declared_address(profile):
    undeclared = [path for path in sample_pages(profile) if not _declared(path)]
    assert not undeclared


def test_staging_keeps_hand_written_pages_out_of_exactly_the_folders_the_site_writes():
    written = {path.split("/", 1)[0] for profile in ("public", "intern") for path in sample_pages(profile)}
    assert set(GENERATED_ROOTS) == written
