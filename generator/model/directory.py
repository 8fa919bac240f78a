"""The directory as the pages show it: records joined across files, people filtered by profile."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import TypeVar

from generator.model import privacy
from generator.model.entries import (
    AmbassadorEntry,
    Contact,
    Directory,
    NetworkEntry,
    PartnerEntry,
    Ref,
    RegionalContactEntry,
    ReviewRow,
    SignatureEntry,
)
from generator.model.gaps import GapPlan, land_counts, plan, unplaced
from generator.model.privacy import may_be_named_publicly, unconsented_people
from generator.model.requests import request_log
from generator.model.sources import record_sources, version_sources
from generator.records.freshness import stale_records
from generator.records.history import DataHistory
from generator.records.history import unknown as unknown_history
from generator.records.loaded import Records
from generator.records.schema import (
    NETWORK_STATUSES,
    PARTNER_KINDS,
    SCOPES,
    STATES,
    Ambassador,
    Network,
    Partner,
    RegionalContact,
)
from generator.records.schema.partners import represented_in_regions
from generator.settings import Profile, Settings, read_settings

# Regional contacts by ("partner", partner id) and ("network", network id), in list order.
ContactsByRecord = dict[tuple[str, str], list[RegionalContactEntry]]
_Entry = TypeVar("_Entry", PartnerEntry, NetworkEntry)


@dataclass(frozen=True)
class _Joins:
    """What partner and network entries look up in each other, joined once for the whole directory.

    Joined once both ways, each in the directory's order: 200 networks × 1,000 partners would be
    200,000 lookups.
    """

    profile: Profile
    sources: dict[str, str]  # record id → "data/FILE#LLINE"
    contacts: ContactsByRecord
    memberships: dict[str, list[Ref]]  # partner id → the networks it takes part in
    members: dict[str, list[Ref]]  # network id → its current partners
    # Every partner, also one that left: a Botschafter may still name it
    partner_names: dict[str, str]
    plans: dict[str, GapPlan]  # network id → its gap plan


def build_directory(
    records: Records,
    profile: Profile = Profile.PUBLIC,
    history: DataHistory | None = None,
    settings: Settings | None = None,
) -> Directory:
    """Join validated records into a profile's directory; `history` (git) is for the internal one.

    `settings` are the run's (read here when not given); only the internal pages depend on them.
    """
    # Callers may pass the plain text; anything else is a programming error
    profile = Profile(profile)
    settings = settings or read_settings()
    intern = profile == Profile.INTERN
    everyone = sorted(records.partners, key=_by_name)
    # A partner that left is listed nowhere; its page stays (requests name it) and says it left.
    partners = [partner for partner in everyone if partner.left_on is None]
    former = [partner for partner in everyone if partner.left_on is not None]
    networks = sorted(records.networks, key=_by_name)
    joins = _join(records, profile, everyone, partners, networks)
    network_entries = tuple(_network(network, joins) for network in networks)
    partner_entries = tuple(
        _partner(partner, joins, joins.memberships.get(partner.id, ())) for partner in partners
    )
    former_entries = tuple(_partner(partner, joins, ()) for partner in former)
    return Directory(
        profile=profile,
        networks=_with_history(network_entries, "networks.yaml", profile, history),
        partners=_with_history(partner_entries, "partners.yaml", profile, history),
        agreement=records.agreement,
        process=records.process,
        legal=records.legal,
        requests=request_log(records) if intern else None,
        settings=settings if intern else None,
        review=_review(records, settings) if intern else (),
        version_sources=version_sources(records),
        lands=land_counts(
            ((n, joins.plans[n.id]) for n in networks), partners, _contact_counts(partners)
        ),
        unplaced=tuple(Ref(id=partner.id, name=partner.name) for partner in unplaced(partners)),
        former_partners=_with_history(former_entries, "partners.yaml", profile, history),
    )


def _by_name(record: Partner | Network) -> str:
    return record.name.casefold()


def _join(
    records: Records,
    profile: Profile,
    everyone: list[Partner],
    partners: list[Partner],
    networks: list[Network],
) -> _Joins:
    """The lookups of the entries; `everyone` includes partners that left, `partners` does not."""
    network_names = {network.id: network.name for network in networks}
    contacts = [
        _regional_contact(partner, contact, network_names[contact.network], profile)
        for partner in partners
        for contact in partner.regional_contacts
    ]
    memberships = _memberships(networks)
    return _Joins(
        profile=profile,
        sources=record_sources(records),
        contacts=_grouped(contacts),
        memberships=memberships,
        members=_members(networks, partners, memberships),
        partner_names={partner.id: partner.name for partner in everyone},
        plans=_plans(records, networks, partners, profile),
    )


def _regional_contact(
    partner: Partner, contact: RegionalContact, network_name: str, profile: Profile
) -> RegionalContactEntry:
    return RegionalContactEntry(
        partner_id=partner.id,
        partner_name=partner.name,
        network_id=contact.network,
        network_name=network_name,
        named_on=contact.named_on,
        person=privacy.contact(contact, profile, privacy.card_path("kontakt", contact.id)),
    )


def _grouped(contacts: list[RegionalContactEntry]) -> ContactsByRecord:
    """Regional contacts by ("partner", id) and by ("network", id), each in the list's order."""
    groups: ContactsByRecord = {}
    for contact in contacts:
        groups.setdefault(("partner", contact.partner_id), []).append(contact)
        groups.setdefault(("network", contact.network_id), []).append(contact)
    return groups


def _memberships(networks: list[Network]) -> dict[str, list[Ref]]:
    """Partner id → the networks listing it, in directory order (once, even if listed twice)."""
    memberships: dict[str, list[Ref]] = {}
    for network in networks:
        for partner_id in frozenset(network.partners):
            memberships.setdefault(partner_id, []).append(Ref(id=network.id, name=network.name))
    return memberships


def _members(
    networks: list[Network], partners: list[Partner], memberships: dict[str, list[Ref]]
) -> dict[str, list[Ref]]:
    """Network id → its partners that have not left, in directory order, each with its level."""
    members: dict[str, list[Ref]] = {network.id: [] for network in networks}
    for partner in partners:
        for network in memberships.get(partner.id, ()):
            members[network.id].append(Ref(id=partner.id, name=partner.name, scope=partner.scope))
    return members


def _plans(
    records: Records, networks: list[Network], partners: list[Partner], profile: Profile
) -> dict[str, GapPlan]:
    """The gap plan of each network; only the internal profile knows the open requests."""
    named: dict[str, set[str]] = {network.id: set() for network in networks}
    for partner in partners:
        for contact in partner.regional_contacts:
            named[contact.network].add(partner.id)
    requested = _open_requests(records, networks) if profile == Profile.INTERN else None
    office = _office_email(records)
    # The others are present nowhere: once, not per network
    nationals = [p for p in partners if p.scope == "national"]
    return {
        network.id: plan(
            network,
            nationals,
            named[network.id],
            None if requested is None else requested[network.id],
            office,
        )
        for network in networks
    }


def _open_requests(records: Records, networks: list[Network]) -> dict[str, set[str]]:
    """Network id → the partners asked for a contact there and not answered yet."""
    requested: dict[str, set[str]] = {network.id: set() for network in networks}
    for request in records.request_log.requests:
        if request.status == "offen":
            requested[request.network].add(request.partner)
    return requested


def _with_history(
    entries: tuple[_Entry, ...], file: str, profile: Profile, history: DataHistory | None
) -> tuple[_Entry, ...]:
    """The entries with their last changes in the internal profile; the public site shows none."""
    if profile != Profile.INTERN:
        return entries
    known = history if history is not None else unknown_history()
    return tuple(
        replace(entry, history=known.of(file, entry.id, *entry.former_ids)) for entry in entries
    )


def _contact_counts(partners: list[Partner]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for partner in partners:
        for contact in partner.regional_contacts:
            counts[contact.network] = counts.get(contact.network, 0) + 1
    return counts


def _office_email(records: Records) -> str | None:
    """The coordination office's address (role `office`): the one route to a regional contact."""
    roles = records.process.roles
    return next(
        (role.contact.email for role in roles if role.id == "office" and role.contact), None
    )


def _partner(partner: Partner, joins: _Joins, networks: Iterable[Ref]) -> PartnerEntry:
    """`networks`: the networks the partner is a member of, in the order of the directory."""
    profile, liaison = joins.profile, partner.liaison
    shown_liaison = privacy.liaison(liaison, profile, partner.id)
    member_of = tuple(networks)
    return PartnerEntry(
        id=partner.id,
        name=partner.name,
        short_name=partner.short_name,
        kind=partner.kind,
        kind_label=PARTNER_KINDS[partner.kind],
        scope=partner.scope,
        scope_label=SCOPES[partner.scope],
        represented_in_regions=represented_in_regions(partner),
        website=partner.website,
        description=partner.description,
        liaison_named=liaison is not None,
        liaison=shown_liaison,
        liaison_note=None if shown_liaison else privacy.liaison_note(partner, bool(member_of)),
        liaison_via_office=liaison is not None and not (shown_liaison and shown_liaison.email),
        networks=member_of,
        regional_contacts=tuple(joins.contacts.get(("partner", partner.id), ())),
        verified_on=partner.verified_on,
        source=joins.sources[partner.id],
        present_in=tuple(partner.present_in),
        liaison_deputy=privacy.deputy(liaison, profile, partner.id),
        deputy_named=liaison is not None and liaison.deputy is not None,
        liaison_mailbox=privacy.mailbox(liaison),
        left_on=partner.left_on,
        former_ids=tuple(partner.former_ids),
    )


def _network(network: Network, joins: _Joins) -> NetworkEntry:
    signatures = tuple(
        SignatureEntry(version_id=signed.version, signed_on=signed.signed_on)
        for signed in network.agreement
    )
    return NetworkEntry(
        id=network.id,
        name=network.name,
        region=network.region,
        states=tuple(network.states),
        state_labels=tuple(STATES[state] for state in network.states),
        lat=network.location.lat,
        lon=network.location.lon,
        status=network.status,
        status_label=NETWORK_STATUSES[network.status],
        status_since=network.status_since,
        status_as_of=network.status_as_of,
        description=network.description,
        website=network.website,
        contact=network.contact,
        members=tuple(joins.members[network.id]),
        regional_contacts=tuple(joins.contacts.get(("network", network.id), ())),
        verified_on=network.verified_on,
        source=joins.sources[network.id],
        agreement=signatures[-1] if signatures else None,
        signatures=signatures,
        former_ids=tuple(network.former_ids),
        ambassadors=tuple(
            _ambassador(person, joins, privacy.card_path("botschafter", f"{network.id}-{number}"))
            for number, person in enumerate(network.ambassadors, 1)
        ),
        planner=joins.plans[network.id],
    )


def _review(records: Records, settings: Settings) -> tuple[ReviewRow, ...]:
    """The entries to check again, from the same computation as the warnings of `check`."""
    kinds = {"data/networks.yaml": "Netzwerk", "data/partners.yaml": "Partner"}
    rows = [
        ReviewRow(
            kind=kinds[stale.file],
            id=stale.id,
            name=stale.name,
            page=f"../{stale.page}",
            verified_on=stale.verified_on,
            age_days=stale.age_days,
            source=f"{stale.file}, Zeile {stale.record_line}",
        )
        for stale in stale_records(records, settings.today, settings.max_age_days)
        if stale.file in kinds and stale.page
    ]
    return tuple(sorted(rows, key=lambda row: (row.verified_on or date.min, row.kind, row.id)))


def _ambassador(person: Ambassador, joins: _Joins, card: str) -> AmbassadorEntry:
    name = joins.partner_names.get(person.partner) if person.partner else None
    partner = None if person.partner is None or name is None else Ref(id=person.partner, name=name)
    return AmbassadorEntry(person=privacy.contact(person, joins.profile, card), partner=partner)


# The entries are imported from here by the page families and the tests.
__all__ = [
    "AmbassadorEntry",
    "Contact",
    "Directory",
    "NetworkEntry",
    "PartnerEntry",
    "Ref",
    "RegionalContactEntry",
    "ReviewRow",
    "SignatureEntry",
    "build_directory",
    "may_be_named_publicly",
    "unconsented_people",
]
