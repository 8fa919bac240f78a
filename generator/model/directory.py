"""The directory as the pages show it: records joined across files, people filtered by profile (model/privacy.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

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
from generator.records.schema import (
    NETWORK_STATUSES,
    PARTNER_KINDS,
    SCOPES,
    STATES,
    AgreementFile,
    LegalFile,
    Network,
    Partner,
    ProcessFile,
)
from generator.records.schema.partners import represented_in_regions
from generator.records.validate import Records
from generator.settings import Profile, Settings, read_settings


def build_directory(
    records: Records,
    profile: Profile = Profile.PUBLIC,
    history: DataHistory | None = None,
    settings: Settings | None = None,
) -> Directory:
    """Join validated records into the directory of one profile; `history` (git) reaches the internal one only.

    `settings` are the run's (read here when not given); only the internal pages depend on them.
    """
    profile = Profile(profile)  # callers may pass the plain text; anything else is a programming error
    settings = settings or read_settings()
    intern = profile == Profile.INTERN
    everyone = sorted(records.partners, key=lambda p: p.name.casefold())
    # A partner that left is listed nowhere; its page stays (requests name it) and says that it left.
    partners = [p for p in everyone if p.left_on is None]
    former = [p for p in everyone if p.left_on is not None]
    networks = sorted(records.networks, key=lambda n: n.name.casefold())
    network_names = {n.id: n.name for n in networks}
    contacts = [
        RegionalContactEntry(
            p.id,
            p.name,
            c.network,
            network_names[c.network],
            c.named_on,
            privacy.contact(c, profile, privacy.card_path("kontakt", c.id)),
        )
        for p in partners
        for c in p.regional_contacts
    ]
    sources, by_record = record_sources(records), _grouped(contacts)
    # Joined once both ways, each in the directory's order (200 networks × 1,000 partners would be 200,000 lookups).
    memberships: dict[str, list[Ref]] = {}
    for n in networks:
        for partner_id in frozenset(n.partners):
            memberships.setdefault(partner_id, []).append(Ref(n.id, n.name))
    member_refs: dict[str, list[Ref]] = {n.id: [] for n in networks}
    for p in partners:
        for network in memberships.get(p.id, ()):
            member_refs[network.id].append(Ref(p.id, p.name, p.scope))
    partner_names = {p.id: p.name for p in everyone}
    plans = _plans(records, networks, partners, profile)
    return Directory(
        profile,
        _with_history(
            tuple(
                _network(n, partner_names, by_record, profile, sources[n.id], plans[n.id], tuple(member_refs[n.id]))
                for n in networks
            ),
            "networks.yaml",
            profile,
            history,
        ),
        _with_history(
            tuple(_partner(p, by_record, profile, sources[p.id], memberships.get(p.id, ())) for p in partners),
            "partners.yaml",
            profile,
            history,
        ),
        agreement=AgreementFile(**records.sections["agreement.yaml"]),
        process=ProcessFile(**records.sections["process.yaml"]),
        requests=request_log(records) if intern else None,
        settings=settings if intern else None,
        review=_review(records, settings) if intern else (),
        version_sources=version_sources(records),
        legal=LegalFile.model_construct(**records.sections["legal.yaml"]),  # validated already
        lands=land_counts(((n, plans[n.id]) for n in networks), partners, _contact_counts(partners)),
        unplaced=tuple(Ref(p.id, p.name) for p in unplaced(partners)),
        former_partners=_with_history(
            tuple(_partner(p, by_record, profile, sources[p.id], ()) for p in former), "partners.yaml", profile, history
        ),
    )


def _grouped(contacts: list[RegionalContactEntry]) -> dict[tuple[str, str], list[RegionalContactEntry]]:
    """The regional contacts by ("partner", id) and by ("network", id), each in the order of the list."""
    groups: dict[tuple[str, str], list[RegionalContactEntry]] = {}
    for contact in contacts:
        groups.setdefault(("partner", contact.partner_id), []).append(contact)
        groups.setdefault(("network", contact.network_id), []).append(contact)
    return groups


def _plans(records: Records, networks: list[Network], partners: list[Partner], profile: Profile) -> dict[str, GapPlan]:
    """The gap plan of each network; only the internal profile knows the open requests."""
    named: dict[str, set[str]] = {n.id: set() for n in networks}
    for partner in partners:
        for contact in partner.regional_contacts:
            named[contact.network].add(partner.id)
    requested: dict[str, set[str]] | None = None
    if profile == Profile.INTERN:
        requested = {n.id: set() for n in networks}
        for request in records.sections["requests.yaml"]["requests"]:
            if request.status == "offen":
                requested[request.network].add(request.partner)
    office = _office_email(records)
    nationals = [p for p in partners if p.scope == "national"]  # the others are present nowhere: once, not per network
    return {
        n.id: plan(n, nationals, named[n.id], None if requested is None else requested[n.id], office) for n in networks
    }


def _with_history(entries: tuple, file: str, profile: Profile, history: DataHistory | None) -> tuple:
    """The entries with their last changes in the internal profile; the public site shows no history."""
    if profile != Profile.INTERN:
        return entries
    known = history if history is not None else unknown_history()
    return tuple(replace(entry, history=known.of(file, entry.id, *entry.former_ids)) for entry in entries)


def _contact_counts(partners: list[Partner]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for partner in partners:
        for contact in partner.regional_contacts:
            counts[contact.network] = counts.get(contact.network, 0) + 1
    return counts


def _office_email(records: Records) -> str | None:
    """The coordination office's address (role `office` in process.yaml): the one route to a regional contact."""
    roles = records.sections["process.yaml"]["roles"]
    return next((r.contact.email for r in roles if r is not None and r.id == "office" and r.contact), None)


def _partner(p: Partner, contacts: dict, profile: Profile, source: str, networks: Iterable[Ref]) -> PartnerEntry:
    """`networks`: the networks the partner is a member of, in the order of the directory."""
    liaison = privacy.liaison(p.liaison, profile, p.id)
    member_of = tuple(networks)
    return PartnerEntry(
        id=p.id,
        name=p.name,
        short_name=p.short_name,
        kind=p.kind,
        kind_label=PARTNER_KINDS[p.kind],
        scope=p.scope,
        scope_label=SCOPES[p.scope],
        represented_in_regions=represented_in_regions(p),
        website=p.website,
        description=p.description,
        liaison_named=p.liaison is not None,
        liaison=liaison,
        liaison_note=None if liaison else privacy.liaison_note(p, bool(member_of)),
        liaison_via_office=p.liaison is not None and not (liaison and liaison.email),
        networks=member_of,
        regional_contacts=tuple(contacts.get(("partner", p.id), ())),
        verified_on=p.verified_on,
        source=source,
        present_in=tuple(p.present_in),
        liaison_deputy=privacy.deputy(p.liaison, profile, p.id),
        deputy_named=p.liaison is not None and p.liaison.deputy is not None,
        liaison_mailbox=privacy.mailbox(p.liaison),
        left_on=p.left_on,
        former_ids=tuple(p.former_ids),
    )


def _network(
    n: Network,
    partner_names: dict[str, str],
    contacts: dict,
    profile: Profile,
    source: str,
    planner: GapPlan,
    members: tuple[Ref, ...],
) -> NetworkEntry:
    signatures = tuple(SignatureEntry(s.version, s.signed_on) for s in n.agreement)
    return NetworkEntry(
        id=n.id,
        name=n.name,
        region=n.region,
        states=tuple(n.states),
        state_labels=tuple(STATES[s] for s in n.states),
        lat=n.location.lat,
        lon=n.location.lon,
        status=n.status,
        status_label=NETWORK_STATUSES[n.status],
        status_since=n.status_since,
        status_as_of=n.status_as_of,
        description=n.description,
        website=n.website,
        contact=n.contact,
        members=members,
        regional_contacts=tuple(contacts.get(("network", n.id), ())),
        verified_on=n.verified_on,
        source=source,
        agreement=signatures[-1] if signatures else None,
        signatures=signatures,
        former_ids=tuple(n.former_ids),
        ambassadors=tuple(
            _ambassador(a, partner_names, profile, privacy.card_path("botschafter", f"{n.id}-{i}"))
            for i, a in enumerate(n.ambassadors, 1)
        ),
        planner=planner,
    )


def _review(records: Records, settings: Settings) -> tuple[ReviewRow, ...]:
    """The entries to check again, from the same computation as the warnings of `check`."""
    kinds = {"data/networks.yaml": "Netzwerk", "data/partners.yaml": "Partner"}
    rows = [
        ReviewRow(
            kinds[r.file], r.id, r.name, f"../{r.page}", r.verified_on, r.age_days, f"{r.file}, Zeile {r.record_line}"
        )
        for r in stale_records(records, settings.today, settings.max_age_days)
        if r.file in kinds and r.page
    ]
    return tuple(sorted(rows, key=lambda r: (r.verified_on or date.min, r.kind, r.id)))


def _ambassador(person, partner_names: dict[str, str], profile: Profile, card: str) -> AmbassadorEntry:
    name = partner_names.get(person.partner) if person.partner else None
    partner = None if name is None else Ref(person.partner, name)
    return AmbassadorEntry(privacy.contact(person, profile, card), partner)


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
