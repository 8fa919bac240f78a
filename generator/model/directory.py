"""The directory as the pages show it: records joined across files, people filtered by profile.

Privacy is decided here, once: in the public profile a person without consent on record
is replaced by None before any template sees the data; the same rule guards a public repository.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from generator.german import enumeration
from generator.model.gaps import GapPlan, LandCount, land_counts, plan, unplaced
from generator.model.requests import RequestLog, request_log
from generator.problems import Problem
from generator.records.history import DataHistory, RecordHistory
from generator.records.history import unknown as unknown_history
from generator.records.people import person_records
from generator.records.schema import (
    NETWORK_STATUSES,
    PARTNER_KINDS,
    SCOPES,
    STATES,
    AgreementFile,
    Consent,
    LegalFile,
    Network,
    NetworkContact,
    OfficeContact,
    Partner,
    Person,
    ProcessFile,
    Role,
)
from generator.records.schema.directory import represented_in_regions
from generator.records.validate import Records
from generator.settings import Profile, Settings, read_settings


@dataclass(frozen=True)
class Contact:
    """A person as the chosen profile may show them; email and phone are None where only the name may appear."""

    name: str
    function: str | None
    email: str | None
    phone: str | None
    example: bool
    # When and how the person consented: the internal review page shows it; public pages never get it.
    consent: Consent | None = None
    card: str | None = None  # path of the person's vCard below docs/, only when email or phone may appear


@dataclass(frozen=True)
class RegionalContactEntry:
    """A regional contact person named by a partner for a network."""

    partner_id: str
    partner_name: str
    network_id: str
    network_name: str
    named_on: date | None
    person: Contact | None


@dataclass(frozen=True)
class Ref:
    """A link target: the id and display name of a network or partner."""

    id: str
    name: str


@dataclass(frozen=True)
class PartnerEntry:
    """A partner with the networks it takes part in."""

    id: str
    name: str
    short_name: str | None
    kind: str
    kind_label: str
    scope: str
    scope_label: str
    represented_in_regions: bool
    website: str | None
    description: str | None
    liaison_named: bool
    liaison: Contact | None  # None where the profile may not name the national liaison
    # What the page says about the national liaison when it names nobody (national partners only).
    liaison_note: str | None
    # Networks reach the liaison through the office: their contact details are not shown.
    liaison_via_office: bool
    networks: tuple[Ref, ...]
    regional_contacts: tuple[RegionalContactEntry, ...]
    verified_on: date | None
    source: str = ""  # "data/partners.yaml#L8": where the record is written, for „Seite bearbeiten“
    present_in: tuple[str, ...] = ()  # Länder codes where a national partner is present
    present_in_labels: tuple[str, ...] = ()
    # The record's last changes from git: internal profile only (None on the public site).
    history: RecordHistory | None = None

    @property
    def present_in_label(self) -> str:
        """The Länder a partner is present in as a sentence names them."""
        return enumeration(self.present_in_labels)


@dataclass(frozen=True)
class AmbassadorEntry:
    """A Botschafterin or Botschafter of a network; `person` is None where the profile may not name them."""

    person: Contact | None
    partner: Ref | None


@dataclass(frozen=True)
class SignatureEntry:
    """The version of the agreement a network signed, and when."""

    version_id: str
    signed_on: date


@dataclass(frozen=True)
class NetworkEntry:
    """A regional network with its member partners and named regional contacts."""

    id: str
    name: str
    region: str
    states: tuple[str, ...]  # Länder codes, the seat's first
    state_labels: tuple[str, ...]
    lat: float
    lon: float
    status: str
    status_label: str
    status_since: date | None
    description: str | None
    website: str | None
    contact: NetworkContact
    members: tuple[Ref, ...]
    regional_contacts: tuple[RegionalContactEntry, ...]
    verified_on: date | None
    agreement: SignatureEntry | None = None
    ambassadors: tuple[AmbassadorEntry, ...] = ()
    source: str = ""  # "data/networks.yaml#L12": where the record is written, for „Seite bearbeiten“
    # National partners present in the network's Länder and the gaps among them (partners: internal only).
    planner: GapPlan | None = None
    # The record's last changes from git: internal profile only (None on the public site).
    history: RecordHistory | None = None

    @property
    def states_label(self) -> str:
        """The network's Länder as a sentence names them: „Sachsen-Anhalt, Niedersachsen und Thüringen“."""
        return enumeration(self.state_labels)


@dataclass(frozen=True)
class Directory:
    """Everything the pages of one profile may show."""

    profile: Profile
    networks: tuple[NetworkEntry, ...]
    partners: tuple[PartnerEntry, ...]
    # The handbook's data holds no personal field, so the pages get the validated records as they are.
    agreement: AgreementFile
    process: ProcessFile
    # Operator, host and authority for the legal pages: organisations and the legally required names only.
    legal: LegalFile
    # The request log is coordination work: only the internal profile gets it.
    requests: RequestLog | None = None
    # The run's settings: only the internal pages (overdue requests, entries to check) depend on the day.
    settings: Settings | None = None
    # Version id → "data/agreement.yaml#L14": where each version of the agreement is written.
    version_sources: dict[str, str] = field(default_factory=dict)
    # Networks, named contacts and gaps per Land (counts only), for the map of gaps.
    lands: tuple[LandCount, ...] = ()
    # National partners represented in the regions whose Länder are not recorded yet (present_in).
    unplaced: tuple[Ref, ...] = ()

    @property
    def intern(self) -> bool:
        return self.profile == Profile.INTERN

    @property
    def office_role(self) -> Role:
        """The coordination office: the one role of the procedure with a contact (a rule makes sure of it)."""
        return next(role for role in self.process.roles if role.contact is not None)

    @property
    def office(self) -> OfficeContact | None:
        """The coordination office's public contact: the one route to a contact person."""
        return self.office_role.contact

    @property
    def report_email(self) -> str | None:
        """Where „Fehler melden“ sends a visitor's mail: the coordination office, else the site's operator."""
        if self.office is not None:
            return self.office.email
        return self.legal.operator.email if self.legal else None


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
    intern = profile == Profile.INTERN
    partners = sorted(records.partners, key=lambda p: p.name.casefold())
    networks = sorted(records.networks, key=lambda n: n.name.casefold())
    network_names = {n.id: n.name for n in networks}
    contacts = [
        RegionalContactEntry(
            p.id, p.name, c.network, network_names[c.network], c.named_on, _contact(c, profile, _card("kontakt", c.id))
        )
        for p in partners
        for c in p.regional_contacts
    ]
    sources, by_record = _sources(records), _grouped(contacts)
    # Looked up for every pair of network and partner: sets instead of the records' lists.
    members = {n.id: frozenset(n.partners) for n in networks}
    plans = _plans(records, networks, partners, profile)
    return Directory(
        profile,
        _with_history(
            tuple(
                _network(n, partners, by_record, profile, sources[n.id], plans[n.id], members[n.id]) for n in networks
            ),
            "networks.yaml",
            profile,
            history,
        ),
        _with_history(
            tuple(_partner(p, networks, by_record, profile, sources[p.id], members) for p in partners),
            "partners.yaml",
            profile,
            history,
        ),
        agreement=AgreementFile(**records.sections["agreement.yaml"]),
        process=ProcessFile(**records.sections["process.yaml"]),
        requests=request_log(records) if intern else None,
        settings=(settings or read_settings()) if intern else None,
        version_sources=_version_sources(records),
        legal=LegalFile.model_construct(**records.sections["legal.yaml"]),  # validated already
        lands=land_counts(((n, plans[n.id]) for n in networks), partners, _contact_counts(partners)),
        unplaced=tuple(Ref(p.id, p.name) for p in unplaced(partners)),
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
    return {
        n.id: plan(n, partners, named[n.id], None if requested is None else requested[n.id], office) for n in networks
    }


def _with_history(entries: tuple, file: str, profile: Profile, history: DataHistory | None) -> tuple:
    """The entries with their last changes in the internal profile; the public site shows no history."""
    if profile != Profile.INTERN:
        return entries
    known = history if history is not None else unknown_history()
    return tuple(replace(entry, history=known.of(file, entry.id)) for entry in entries)


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


def _sources(records: Records) -> dict[str, str]:
    """Where each partner and network is written: id → "data/FILE#LLINE" (ids are unique per file)."""
    sources = {}
    for file, section in (("networks.yaml", "networks"), ("partners.yaml", "partners")):
        for i, record in enumerate(records.sections[file][section]):
            sources[record.id] = f"data/{file}#L{records.documents[file].line_of((section, i))}"
    return sources


def _version_sources(records: Records) -> dict[str, str]:
    """Where each version of the agreement is written: version id → "data/agreement.yaml#LLINE"."""
    doc = records.documents["agreement.yaml"]
    versions = records.sections["agreement.yaml"]["versions"]
    return {v.id: f"data/agreement.yaml#L{doc.line_of(('versions', i))}" for i, v in enumerate(versions)}


def may_be_named_publicly(person: Person) -> bool:
    """A person appears on the public site, or in a public repository, only with their consent on record."""
    return person.consent is not None


def unconsented_people(records: Records) -> list[Problem]:
    """One problem per person the data names without consent: they must not stand in a public repository."""
    return [
        records.documents[file].problem(path, "Person ohne Einwilligung (consent)")
        for file, path, person in person_records(records.sections)
        if not may_be_named_publicly(person)
    ]


def _contact(person: Person | None, profile: Profile, card: str | None = None) -> Contact | None:
    if person is None or (profile == Profile.PUBLIC and not may_be_named_publicly(person)):
        return None
    consent = person.consent if profile == Profile.INTERN else None
    return Contact(person.name, person.function, person.email, person.phone, person.example, consent, card)


def _liaison(person: Person | None, profile: Profile, partner_id: str) -> Contact | None:
    """A national liaison: the public site names them at most; their contact runs through the office."""
    if person is None or profile == Profile.PUBLIC:
        shown = _contact(person, profile)
        return shown and Contact(shown.name, shown.function, None, None, shown.example)
    return _contact(person, profile, f"partner/vcard/{partner_id}.vcf")


def _liaison_note(p: Partner, in_networks: bool) -> str | None:
    """The national liaison as the page names them without a person: named, missing or not needed."""
    if p.scope != "national":
        return None
    if p.liaison is not None:
        return "benannt"
    if represented_in_regions(p) or in_networks:
        return "keine benannt"
    return "nicht erforderlich, da die Einrichtung nicht in den Regionen vertreten ist"


def _partner(
    p: Partner, networks: list[Network], contacts: dict, profile: Profile, source: str, members: dict[str, frozenset]
) -> PartnerEntry:
    liaison = _liaison(p.liaison, profile, p.id)
    member_of = tuple(Ref(n.id, n.name) for n in networks if p.id in members[n.id])
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
        liaison_note=None if liaison else _liaison_note(p, bool(member_of)),
        liaison_via_office=p.liaison is not None and not (liaison and liaison.email),
        networks=member_of,
        regional_contacts=tuple(contacts.get(("partner", p.id), ())),
        verified_on=p.verified_on,
        source=source,
        present_in=tuple(p.present_in),
        present_in_labels=tuple(STATES[s] for s in p.present_in),
    )


def _network(
    n: Network,
    partners: list[Partner],
    contacts: dict,
    profile: Profile,
    source: str,
    planner: GapPlan,
    members: frozenset[str],
) -> NetworkEntry:
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
        description=n.description,
        website=n.website,
        contact=n.contact,
        members=tuple(Ref(p.id, p.name) for p in partners if p.id in members),
        regional_contacts=tuple(contacts.get(("network", n.id), ())),
        verified_on=n.verified_on,
        source=source,
        agreement=SignatureEntry(n.agreement.version, n.agreement.signed_on) if n.agreement else None,
        ambassadors=tuple(
            _ambassador(a, partners, profile, _card("botschafter", f"{n.id}-{i}"))
            for i, a in enumerate(n.ambassadors, 1)
        ),
        planner=planner,
    )


def _ambassador(person, partners: list[Partner], profile: Profile, card: str) -> AmbassadorEntry:
    partner = next((Ref(p.id, p.name) for p in partners if p.id == person.partner), None)
    return AmbassadorEntry(_contact(person, profile, card), partner)


def _card(kind: str, key: str) -> str:
    """Where a person's vCard lives below docs/; one folder per kind keeps names from colliding."""
    return f"netzwerke/vcard/{kind}/{key}.vcf"
