"""The public site publishes no private personal field; the internal site does, for the Geschäftsstelle."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.addresses import NETWORK_CARDS, PARTNER_CARDS
from generator.model import privacy
from generator.model.entries import Contact
from generator.records.reader import load_file
from generator.records.schema import Liaison, Partner, Person
from generator.settings import Profile

from .sitewalk import people, readable_texts
from .support import DATA, sample_directory, sample_records

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


# --- the rules themselves, on records made here (fast: no site is built) -------------------------------------------

GIVEN = {"given_on": "2026-03-02", "via": "E-Mail an die Geschäftsstelle"}
CONSENTS = {"none": None, "given": GIVEN, "withdrawn": {**GIVEN, "withdrawn_on": "2026-10-01"}}


def _record(consent: str, **fields) -> dict:
    person = {"name": "Erika Beispiel", "function": "Referentin", "email": "e.beispiel@example.org"}
    return {**person, "phone": "+49 511 123456", "example": True, **fields, "consent": CONSENTS[consent]}


def _person(consent: str = "given", **fields) -> Person:
    return Person.model_validate(_record(consent, **fields))


def _liaison(consent: str = "given", deputy: str | None = "given", **fields) -> Liaison:
    substitute = deputy and {
        "name": "Max Vertreter",
        "function": "Referent",
        "email": "m.vertreter@example.org",
        "consent": CONSENTS[deputy],
    }
    return Liaison.model_validate({**_record(consent, **fields), "deputy": substitute})


def _partner(scope: str = "national", **fields) -> Partner:
    return Partner.model_validate({"id": "dguv", "name": "DGUV", "kind": "kammer", "scope": scope, **fields})


@pytest.mark.parametrize(
    ("consent", "named", "withdrew"), [("none", False, False), ("given", True, False), ("withdrawn", False, True)]
)
def test_only_a_consent_in_force_lets_a_person_be_named(consent, named, withdrew):
    assert privacy.may_be_named_publicly(_person(consent)) is named
    assert privacy.withdrawn(_person(consent)) is withdrew


def test_nobody_has_withdrawn_where_nobody_is_named():
    assert privacy.withdrawn(None) is False


persons = st.builds(
    _person,
    consent=st.sampled_from(sorted(CONSENTS)),
    function=st.none() | st.just("Referentin"),
    phone=st.none() | st.just("+49 511 123456"),
    example=st.booleans(),
)


@given(persons, st.sampled_from(Profile), st.none() | st.just("netzwerke/vcard/botschafter/erika.vcf"))
def test_a_contact_shows_a_person_only_as_the_profile_allows(person, profile, card):
    shown = privacy.contact(person, profile, card)
    in_force = person.consent is not None and person.consent.withdrawn_on is None
    if profile == Profile.PUBLIC and not in_force:
        assert shown is None
        return
    consent = person.consent if profile == Profile.INTERN else None
    assert shown == Contact(person.name, person.function, person.email, person.phone, person.example, consent, card)


@pytest.mark.parametrize("profile", Profile)
def test_no_person_no_contact(profile):
    assert privacy.contact(None, profile) is None
    assert privacy.liaison(None, profile, "dguv") is None
    assert privacy.deputy(None, profile, "dguv") is None
    assert privacy.deputy(_liaison(deputy=None), profile, "dguv") is None
    assert privacy.mailbox(None) is None


def test_the_public_site_names_a_consenting_liaison_and_deputy_but_gives_no_contact():
    person = _liaison(example=False)
    assert privacy.liaison(person, Profile.PUBLIC, "dguv") == Contact("Erika Beispiel", "Referentin", None, None, False)
    assert privacy.deputy(person, Profile.PUBLIC, "dguv") == Contact("Max Vertreter", "Referent", None, None, False)


@pytest.mark.parametrize("consent", ["none", "withdrawn"])
def test_the_public_site_leaves_out_a_liaison_and_deputy_without_consent(consent):
    person = _liaison(consent, deputy=consent)
    assert privacy.liaison(person, Profile.PUBLIC, "dguv") is None
    assert privacy.deputy(person, Profile.PUBLIC, "dguv") is None


@pytest.mark.parametrize("consent", ["none", "given", "withdrawn"])
def test_the_internal_site_gives_liaison_and_deputy_with_contact_and_card(consent):
    person = _liaison(consent, deputy=consent)
    expected = CONSENTS[consent] and person.consent
    assert privacy.liaison(person, Profile.INTERN, "dguv") == Contact(
        "Erika Beispiel",
        "Referentin",
        "e.beispiel@example.org",
        "+49 511 123456",
        True,
        expected,
        f"{PARTNER_CARDS}dguv.vcf",
    )
    deputy = privacy.deputy(person, Profile.INTERN, "dguv")
    assert deputy == Contact(
        "Max Vertreter",
        "Referent",
        "m.vertreter@example.org",
        None,
        False,
        person.deputy.consent,
        "partner/vcard/vertretung/dguv.vcf",
    )


def test_the_function_mailbox_is_the_liaisons_and_holds_no_person():
    assert privacy.mailbox(_liaison(mailbox="netzwerke@example.org")) == "netzwerke@example.org"
    assert privacy.mailbox(_liaison()) is None


@pytest.mark.parametrize(
    ("fields", "held"),
    [
        ({}, ("Name", "Funktion", "E-Mail", "Telefon")),
        ({"function": None, "phone": None}, ("Name", "E-Mail")),
        ({"name": "", "email": None}, ("Funktion", "Telefon")),
    ],
)
def test_still_held_lists_the_personal_fields_with_a_value(fields, held):
    person = {"name": "Erika Beispiel", "function": "Referentin", "email": "e@example.org", "phone": "0511 1", **fields}
    assert privacy.still_held(Contact(**person, example=True)) == held


@pytest.mark.parametrize(
    ("fields", "in_networks", "note"),
    [
        ({"scope": "regional"}, True, None),
        ({"liaison": {"name": "Erika Beispiel", "email": "e@example.org"}}, False, "benannt"),
        ({"represented_in_regions": True}, False, "keine benannt"),
        ({"present_in": ["NI"]}, False, "keine benannt"),
        ({}, True, "keine benannt"),
        ({}, False, "nicht erforderlich, da die Einrichtung nicht in den Regionen vertreten ist"),
    ],
    ids=["regional", "named", "flag", "present-in", "in-networks", "not-needed"],
)
def test_the_liaison_note_says_named_missing_or_not_needed(fields, in_networks, note):
    assert privacy.liaison_note(_partner(**fields), in_networks) == note


def test_each_kind_of_person_has_its_own_card_folder():
    assert privacy.card_path("botschafter", "erika") == f"{NETWORK_CARDS}botschafter/erika.vcf"


def test_every_person_without_consent_in_force_is_a_problem_for_a_public_repository():
    found = {
        (Path(p.file).name, p.line, p.path.split(" ", 1)[0] + p.path.rsplit(")", 1)[-1], p.message)
        for p in privacy.unconsented_people(sample_records())
    }
    assert {
        ("partners.yaml", 39, "partners[0].regional_contacts[0]", "Person ohne Einwilligung (consent)"),
        ("partners.yaml", 59, "partners[1].liaison", "Person ohne Einwilligung (widerrufen)"),
        ("partners.yaml", 69, "partners[1].liaison.deputy", "Person ohne Einwilligung (widerrufen)"),
        ("networks.yaml", 175, "networks[5].ambassadors[1]", "Person ohne Einwilligung (widerrufen)"),
    } <= found
    # The liaison of partners[0] consented: of the fixture's people only those without consent in force are listed.
    assert len(found) == 14 and not any(path == "partners[0].liaison" for _, _, path, _ in found)
