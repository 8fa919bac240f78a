"""The office's live data/ is tested the way CI must test a data pull request, with rules true for any valid data.

No count, name or text of data/ appears here: any edit that `check` accepts keeps these tests green.
"""

from __future__ import annotations

import pytest

from generator.records.reader import load_file
from generator.records.validate import load_records

from .sitewalk import broken_links, people, readable_texts
from .support import LIVE_DATA, run_cli

pytestmark = [pytest.mark.engine, pytest.mark.live]  # builds whole sites; part of `make data-check`

PERSONAL_FIELDS = ("name", "email", "phone")


def test_live_data_passes_check():
    result = run_cli("check", "--data", str(LIVE_DATA))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Daten in Ordnung")


def test_every_record_of_the_live_data_has_its_page_in_both_sites(live_sites):
    records = load_records(LIVE_DATA)
    for site in live_sites.values():
        for network in records.networks:
            assert (site / "netzwerke" / network.id / "index.html").is_file(), network.id
        for partner in records.partners:
            assert (site / "partner" / partner.id / "index.html").is_file(), partner.id


def _values(value: object, inside_person: bool = False) -> set[str]:
    """Every text value of loaded data outside person records (these are public by nature)."""
    if isinstance(value, dict):
        is_person = isinstance(value.get("name"), str) and isinstance(value.get("email"), str)
        found = set()
        for key, item in value.items():
            if not (is_person and key in PERSONAL_FIELDS):
                found |= _values(item)
        return found
    if isinstance(value, list):
        return set().union(*(_values(item) for item in value)) if value else set()
    return {str(value).casefold()} if isinstance(value, str) else set()


def _private_values() -> set[str]:
    """Name, e-mail and phone of people without consent, unless the same value is public elsewhere."""
    private, public = set(), set()
    for file in sorted(LIVE_DATA.glob("*.yaml")):
        doc, _ = load_file(file)
        public |= _values(doc.data)
        for person in people(doc.data):
            values = {person[f].casefold() for f in PERSONAL_FIELDS if isinstance(person.get(f), str)}
            (public if isinstance(person.get("consent"), dict) else private).update(values)
    return {value for value in private - public if len(value) >= 4}


def test_no_private_field_of_the_live_data_reaches_the_public_site(live_sites):
    private = _private_values()
    leaks = {
        (path, value)
        for path, text in readable_texts(live_sites["public"])
        for value in private
        if value in text.casefold()
    }
    assert leaks == set()


@pytest.mark.parametrize("profile", ["public", "intern"])
def test_no_link_of_the_live_sites_is_broken(live_sites, profile):
    assert broken_links(live_sites[profile]) == []


def test_the_link_walk_finds_a_broken_link(tmp_path):
    (tmp_path / "index.html").write_text('<a href="fehlt/">x</a><img src="bild.png">', encoding="utf-8")
    (tmp_path / "bild.png").write_bytes(b"")
    assert broken_links(tmp_path) == ["index.html → fehlt/"]
    (tmp_path / "index.html").write_text('<h2 id="da">x</h2><a href="#da">x</a><a href="./#weg">x</a>', "utf-8")
    assert broken_links(tmp_path) == ["index.html → ./#weg"]
