"""The fixture data set is small, fictional where it names people, and covers every field of every data file."""

from __future__ import annotations

from generator.records.reader import load_file
from generator.records.schema_docs import field_reference
from generator.records.validate import load_records

from .sitewalk import people
from .support import DATA


def _used_paths(value: object, prefix: str = "") -> set[str]:
    """Field paths as the field reference writes them („networks[].location.lat“)."""
    paths: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            paths |= {path} | _used_paths(item, path)
    elif isinstance(value, list):
        for item in value:
            paths |= _used_paths(item, f"{prefix}[]")
    return paths


# Fields the fixture cannot use without contradicting itself: a transfer basis only for a host outside the EU.
CONTRADICTORY = {"legal.yaml: host.transfer"}


def test_the_fixture_data_uses_every_field_of_every_file():
    missing = []
    for file in field_reference():
        doc, problems = load_file(DATA / file.name)
        assert problems == []
        used = _used_paths(doc.data)
        missing += [f"{file.name}: {field.path}" for field in file.fields if field.path not in used]
    assert sorted(set(missing) - CONTRADICTORY) == []


def test_the_fixture_people_are_fictional_with_example_addresses():
    for file in sorted(DATA.glob("*.yaml")):
        doc, _ = load_file(file)
        for person in people(doc.data):
            assert person["email"].endswith("example.org"), person["email"]
            assert person.get("example") is True, person["name"]


def test_the_fixture_data_shows_both_profiles_their_difference():
    """People with and without consent, and national partners with liaisons: what the profiles decide on."""
    records = load_records(DATA)
    files = sorted(DATA.glob("*.yaml"))
    consent = {isinstance(person.get("consent"), dict) for f in files for person in people(load_file(f)[0].data)}
    assert consent == {True, False}
    assert {partner.scope for partner in records.partners} == {"national", "regional"}
    assert len(records.partners) < 40 and len(records.networks) < 15  # small: fast tests, readable golden files
