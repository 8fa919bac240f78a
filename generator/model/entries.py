"""The entries of the directory: what one profile's pages get, frozen and free of private fields."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from generator.german import enumeration
from generator.model.gaps import GapPlan, LandCount
from generator.model.requests import RequestLog
from generator.records.history import RecordHistory
from generator.records.schema import (
    AgreementFile,
    Consent,
    LegalFile,
    NetworkContact,
    OfficeContact,
    ProcessFile,
    Role,
)
from generator.settings import Profile, Settings


@dataclass(frozen=True)
class Contact:
    """A person as the profile may show them; email and phone None where only a name may show."""

    name: str
    function: str | None
    email: str | None
    phone: str | None
    example: bool
    # When and how the person consented: the internal review page shows it; public pages never do.
    consent: Consent | None = None
    # Path of the person's vCard below docs/, only when email or phone may appear
    card: str | None = None


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
    """A link target: id and display name of a network or partner (of a partner also its level)."""

    id: str
    name: str
    # A network's members: "national" or "regional", so its page can tell them apart
    scope: str = ""


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
    # The record's last changes from git: internal profile only (None on the public site).
    history: RecordHistory | None = None
    # The liaison's deputy as the profile may show them (like `liaison`), and the function mailbox.
    liaison_deputy: Contact | None = None
    # Whether the liaison has a deputy: every profile may say so, like liaison_named
    deputy_named: bool = False
    liaison_mailbox: str | None = None
    # The day the partner left the OM: listed nowhere, its page says so, its requests stay history.
    left_on: date | None = None
    former_ids: tuple[str, ...] = ()  # earlier ids: their addresses forward to this page


@dataclass(frozen=True)
class AmbassadorEntry:
    """A Botschafterin or Botschafter of a network; `person` is None where they may not be named."""

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
    status_as_of: date | None
    description: str | None
    website: str | None
    contact: NetworkContact
    members: tuple[Ref, ...]
    regional_contacts: tuple[RegionalContactEntry, ...]
    verified_on: date | None
    agreement: SignatureEntry | None = None
    ambassadors: tuple[AmbassadorEntry, ...] = ()
    # "data/networks.yaml#L12": where the record is written, for „Seite bearbeiten“
    source: str = ""
    # National partners present in the network's Länder and the gaps among them
    # (partners: internal only).
    planner: GapPlan | None = None
    # The record's last changes from git: internal profile only (None on the public site).
    history: RecordHistory | None = None
    # Every signature of the agreement, the oldest first; `agreement` is the last of them.
    signatures: tuple[SignatureEntry, ...] = ()
    former_ids: tuple[str, ...] = ()  # earlier ids: their addresses forward to this page

    @property
    def states_label(self) -> str:
        """The network's Länder as a sentence: „Sachsen-Anhalt, Niedersachsen und Thüringen“."""
        return enumeration(self.state_labels)


@dataclass(frozen=True)
class ReviewRow:
    """A partner or network whose entry should be checked again (internal profile)."""

    kind: str
    id: str
    name: str
    page: str
    verified_on: date | None
    age_days: int | None
    source: str


@dataclass(frozen=True)
class Directory:
    """Everything the pages of one profile may show."""

    profile: Profile
    networks: tuple[NetworkEntry, ...]
    partners: tuple[PartnerEntry, ...]
    # The handbook's data holds no personal field, so pages get the validated records as they are.
    agreement: AgreementFile
    process: ProcessFile
    # Operator, host and authority for the legal pages: organisations and legally required names.
    legal: LegalFile
    # The request log is coordination work: only the internal profile gets it.
    requests: RequestLog | None = None
    # The run's settings: only internal pages (overdue requests, entries to check) need the day.
    settings: Settings | None = None
    # Partners and networks never checked, or longer ago than the settings allow, oldest first.
    review: tuple[ReviewRow, ...] = ()
    # Version id → "data/agreement.yaml#L14": where each version of the agreement is written.
    version_sources: dict[str, str] = field(default_factory=dict)
    # Networks, named contacts and gaps per Land (counts only), for the map of gaps.
    lands: tuple[LandCount, ...] = ()
    # National partners represented in the regions whose Länder are not recorded yet (present_in).
    unplaced: tuple[Ref, ...] = ()
    # Partners that left the OM (`left_on`): listed nowhere as partners; their pages stay, say so.
    former_partners: tuple[PartnerEntry, ...] = ()

    @property
    def intern(self) -> bool:
        return self.profile == Profile.INTERN

    @property
    def office_role(self) -> Role:
        """The coordination office: the procedure's one role with a contact (a rule ensures it)."""
        return next(role for role in self.process.roles if role.contact is not None)

    @property
    def office(self) -> OfficeContact | None:
        """The coordination office's public contact: the one route to a contact person."""
        return self.office_role.contact

    @property
    def report_email(self) -> str | None:
        """Where „Fehler melden“ sends a visitor's mail: the office, else the site's operator."""
        if self.office is not None:
            return self.office.email
        return self.legal.operator.email if self.legal else None
