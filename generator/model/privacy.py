"""Privacy, decided once: who a profile may name, and with which contact details.

In the public profile a person without consent on record becomes None before any template sees the
data; the same rule guards a public repository (`check --public-repo`).
"""

from __future__ import annotations

from generator.addresses import NETWORK_CARDS, PARTNER_CARDS
from generator.model.entries import Contact
from generator.problems import Problem
from generator.records.loaded import Records
from generator.records.people import person_records
from generator.records.schema import Liaison, Partner, Person
from generator.records.schema.partners import represented_in_regions
from generator.settings import Profile


def may_be_named_publicly(person: Person) -> bool:
    """A person appears on the public site, or in a public repository, only with consent on record.

    A withdrawn consent counts as none from its day on; that day is never ahead of the run
    (rules/pastdates.py), so the public pages do not depend on the calendar.
    """
    return person.consent is not None and person.consent.in_force


def unconsented_people(records: Records) -> list[Problem]:
    """One problem per person named without consent: they must not stand in a public repository."""
    return [
        records.documents[file].problem(
            path,
            "Person ohne Einwilligung (widerrufen)"
            if withdrawn(person)
            else "Person ohne Einwilligung (consent)",
        )
        for file, path, person in person_records(records.partners, records.networks)
        if not may_be_named_publicly(person)
    ]


def contact(person: Person | None, profile: Profile, card: str | None = None) -> Contact | None:
    """A person as the profile may show them: None without consent in public; consent internally."""
    if person is None or (profile == Profile.PUBLIC and not may_be_named_publicly(person)):
        return None
    consent = person.consent if profile == Profile.INTERN else None
    return Contact(
        name=person.name,
        function=person.function,
        email=person.email,
        phone=person.phone,
        example=person.example,
        consent=consent,
        card=card,
    )


def liaison(person: Person | None, profile: Profile, partner_id: str) -> Contact | None:
    """A national liaison: the public site names them at most; contact runs through the office."""
    if person is None or profile == Profile.PUBLIC:
        shown = contact(person, profile)
        return shown and _name_only(shown)
    return contact(person, profile, f"{PARTNER_CARDS}{partner_id}.vcf")


def _name_only(shown: Contact) -> Contact:
    """A person by name and function only: the way to them runs through the office."""
    return Contact(
        name=shown.name, function=shown.function, email=None, phone=None, example=shown.example
    )


def deputy(liaison: Liaison | None, profile: Profile, partner_id: str) -> Contact | None:
    """The liaison's deputy, by the liaison's rules: publicly at most the name, and with consent."""
    if liaison is None or liaison.deputy is None:
        return None
    if profile == Profile.PUBLIC:
        shown = contact(liaison.deputy, profile)
        return shown and _name_only(shown)
    return contact(liaison.deputy, profile, f"{PARTNER_CARDS}vertretung/{partner_id}.vcf")


def mailbox(liaison: Liaison | None) -> str | None:
    """The partner's function mailbox for the networks: no person's data, every profile shows it."""
    return liaison.mailbox if liaison is not None else None


def withdrawn(person: Person | None) -> bool:
    """Whether the person withdrew a consent (the office must still erase what it may not keep)."""
    return person is not None and person.consent is not None and not person.consent.in_force


def still_held(person: Contact) -> tuple[str, ...]:
    """Personal fields the data still hold on a person (what a withdrawal may oblige to erase)."""
    fields = (
        ("Name", person.name),
        ("Funktion", person.function),
        ("E-Mail", person.email),
        ("Telefon", person.phone),
    )
    return tuple(label for label, value in fields if value)


def liaison_note(p: Partner, in_networks: bool) -> str | None:
    """The national liaison as the page names them, without a person: named, missing, not needed."""
    if p.scope != "national":
        return None
    if p.liaison is not None:
        return "benannt"
    if represented_in_regions(p) or in_networks:
        return "keine benannt"
    return "nicht erforderlich, da die Einrichtung nicht in den Regionen vertreten ist"


def card_path(kind: str, key: str) -> str:
    """Where a person's vCard lives below docs/; one folder per kind keeps names from colliding."""
    return f"{NETWORK_CARDS}{kind}/{key}.vcf"
