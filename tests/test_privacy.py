"""The public site publishes no private personal field; the internal site does, for the Geschäftsstelle."""

from __future__ import annotations

import re

import pytest

from generator.records.reader import load_file

from .sitewalk import people, readable_texts
from .support import DATA, sample_directory

PERSONAL_FIELDS = ("name", "email", "phone")


def _forms(value: str) -> set[str]:
    """A value as it could appear: as typed, folded, as a slug, and phone numbers as bare digits."""
    folded = value.casefold()
    forms = {folded, re.sub(r"[^a-z0-9äöüß]+", "-", folded).strip("-")}
    digits = re.sub(r"\D", "", value)
    if len(digits) >= 6 and not re.search(r"[a-z]", folded):
        forms.add(digits)
    return forms


def _people_of_sample_data(consented: bool) -> dict[str, set[str]]:
    values: dict[str, set[str]] = {}
    for file in sorted(DATA.glob("*.yaml")):
        doc, _ = load_file(file)
        for person in people(doc.data):
            if isinstance(person.get("consent"), dict) == consented:
                for field in PERSONAL_FIELDS:
                    if isinstance(person.get(field), str):
                        values[person[field]] = _forms(person[field])
    return values


PRIVATE = _people_of_sample_data(consented=False)
CONSENTED = _people_of_sample_data(consented=True)


def _leaks(site, values: dict[str, set[str]]) -> set[str]:
    found = set()
    for _, text in readable_texts(site):
        folded = text.casefold()
        found |= {value for value, forms in values.items() if any(form in folded for form in forms)}
    return found


def test_sample_data_has_private_and_public_people():
    assert len(PRIVATE) >= 20 and len(CONSENTED) >= 4


def test_public_site_contains_no_private_personal_field(public_site):
    assert _leaks(public_site, PRIVATE) == set()


def test_public_site_shows_people_who_consented(public_site):
    shown = _leaks(public_site, CONSENTED)
    assert {"Carla Beispielmann", "Lena Attrappe", "l.attrappe@example.org"} <= shown


def test_public_site_routes_national_liaisons_through_the_office_even_with_consent(public_site):
    # The decision: all contacts between networks and national partners run through the coordination office.
    assert _leaks(public_site, {"c.beispielmann@example.org": {"c.beispielmann@example.org"}}) == set()
    assert _leaks(public_site, {"+49 30 0000 1001": _forms("+49 30 0000 1001")}) == set()


def test_internal_site_shows_the_liaisons_contact_data(intern_site):
    shown = _leaks(intern_site, PRIVATE)
    assert {"Greta Schablone", "g.schablone@example.org", "Tobias Musterhans", "0511 0000 1002"} <= shown


@pytest.mark.parametrize("name", ["search/search_index.json", "sitemap.xml", "sitemap.xml.gz"])
def test_public_search_index_and_sitemap_are_checked(public_site, name):
    assert (public_site / name).is_file()


def test_internal_site_is_marked_and_not_indexed(intern_site):
    page = (intern_site / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "<strong>Intern</strong>" in page


def test_public_site_is_indexable_and_has_no_intern_banner(public_site):
    page = (public_site / "index.html").read_text(encoding="utf-8")
    assert "noindex" not in page
    assert "<strong>Intern</strong>" not in page


def test_docs_folder_never_holds_private_data_after_an_internal_build(intern_site):
    from .support import ROOT

    generated = {p: p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md")}
    leaked = {value for text in generated.values() for value in PRIVATE if value.casefold() in text.casefold()}
    assert leaked == set()


@pytest.mark.parametrize("profile", ["public", "intern"])
def test_the_model_decides_what_a_partner_page_says_about_the_national_liaison(profile):

    for p in sample_directory(profile).partners:
        if p.scope != "national":
            assert p.liaison is None and p.liaison_note is None and not p.liaison_via_office
            continue
        assert (p.liaison is None) == (p.liaison_note is not None)
        assert p.liaison_via_office == (p.liaison_named and not (p.liaison and p.liaison.email))
        if profile == "public" and p.liaison is not None:
            assert p.liaison.email is None and p.liaison.phone is None  # a liaison is reached through the office
