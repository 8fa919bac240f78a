"""Pages of the contact procedure's results: public gaps per network, internal status pages."""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.addresses import (
    COVERAGE,
    KIT_INDEX,
    NETWORK_PAGES,
    PARTNER_PAGES,
    PLANNER,
    REQUESTS,
    REVIEW,
    record_page,
)
from generator.german import stripped
from generator.model.directory import Contact, Directory, NetworkEntry, PartnerEntry
from generator.model.privacy import still_held
from generator.model.requests import (
    BoardRow,
    partner_durations,
    status_board,
    step_durations,
    total_duration,
)
from generator.pages.family import Renderer
from generator.pages.gaps import gap_maps
from generator.records.schema import Consent

INTERN_PAGES = {
    REQUESTS: "Anfragen",
    PLANNER: "Lückenplaner",
    REVIEW: "Einträge prüfen",
    KIT_INDEX: "Mappen zum Treffen",
}


@dataclass(frozen=True)
class Gap:
    """A national partner of a network without a regional contact; `requested` internally only."""

    partner: PartnerEntry
    requested: bool


@dataclass(frozen=True)
class CoverageRow:
    """One network: its national partners with a regional contact, and those without one yet."""

    network: NetworkEntry
    named: tuple[PartnerEntry, ...]
    gaps: tuple[Gap, ...]

    @property
    def partners(self) -> int:
        return len(self.named) + len(self.gaps)

    @property
    def complete(self) -> bool:
        """All national partners of the network named a regional contact (and there are some)."""
        return bool(self.named) and not self.gaps


@dataclass(frozen=True)
class ConsentRow:
    """A person the data names, where, and their consent to be named publicly (None: not given)."""

    name: str
    role: str
    record: str
    page: str
    consent: Consent | None
    # For a withdrawn consent: the personal fields the record still holds (empty otherwise).
    still_held: tuple[str, ...] = ()

    @property
    def withdrawn(self) -> bool:
        return self.consent is not None and self.consent.withdrawn_on is not None


def _row(person: Contact, role: str, record: str, page: str) -> ConsentRow:
    row = ConsentRow(person.name, role, record, page, person.consent)
    return replace(row, still_held=still_held(person)) if row.withdrawn else row


def consent_rows(directory: Directory) -> tuple[ConsentRow, ...]:
    """Everyone in the internal directory with their consent on record, those without first."""
    rows = []
    for partner in (*directory.partners, *directory.former_partners):
        page, name = f"../{record_page(PARTNER_PAGES, partner.id)}", partner.name
        if partner.liaison is not None:
            rows.append(_row(partner.liaison, "Nationale Ansprechperson", name, page))
        if partner.liaison_deputy is not None:
            rows.append(
                _row(partner.liaison_deputy, "Vertretung der nationalen Ansprechperson", name, page)
            )
        for contact in partner.regional_contacts:
            if contact.person is not None:
                rows.append(
                    _row(
                        contact.person,
                        f"Regionale Ansprechperson ({contact.network_name})",
                        name,
                        page,
                    )
                )
    for network in directory.networks:
        page = f"../{record_page(NETWORK_PAGES, network.id)}"
        for ambassador in network.ambassadors:
            if ambassador.person is not None:
                rows.append(
                    _row(ambassador.person, "Botschafterin oder Botschafter", network.name, page)
                )
    # Without consent first: withdrawn, then never given; then the consents in force.
    return tuple(
        sorted(
            rows,
            key=lambda r: (
                r.consent is not None and not r.withdrawn,
                stripped(r.name).casefold(),
                r.role,
            ),
        )
    )


def coverage_columns(directory: Directory) -> tuple[PartnerEntry, ...]:
    """The partners that can name regional contacts: national and represented in the regions."""
    columns = [p for p in directory.partners if p.scope == "national" and p.represented_in_regions]
    return tuple(sorted(columns, key=lambda p: (p.short_name or p.name).casefold()))


def coverage(directory: Directory) -> tuple[CoverageRow, ...]:
    """Per network, which national partners named a regional contact and which not yet (gaps)."""
    columns = coverage_columns(directory)
    asked = set()
    if directory.requests is not None:
        asked = {(r.network_id, r.partner_id) for r in directory.requests.open}
    rows = []
    for network in directory.networks:
        named = {c.partner_id for c in network.regional_contacts}
        members = {m.id for m in network.members}
        mine = [p for p in columns if p.id in members | named or (network.id, p.id) in asked]
        rows.append(
            CoverageRow(
                network,
                tuple(p for p in mine if p.id in named),
                tuple(Gap(p, (network.id, p.id) in asked) for p in mine if p.id not in named),
            )
        )
    return tuple(rows)


def coverage_pages(renderer: Renderer, directory: Directory) -> dict[str, str]:
    """The gaps per network; public and internal (the internal one also marks running requests)."""
    page = renderer.render(
        "coverage.md.j2",
        COVERAGE,
        directory=directory,
        intern=directory.intern,
        rows=coverage(directory),
        maps=gap_maps(directory),
        lands=directory.lands,
    )
    return {COVERAGE: page}


def intern_pages(renderer: Renderer, directory: Directory) -> dict[str, str]:
    """The status board of open requests and the entries to check; internal profile only."""
    if not directory.intern or directory.requests is None or directory.settings is None:
        return {}
    today, max_age = directory.settings.today, directory.settings.max_age_days
    board = status_board(directory.requests, today)
    shared = {"directory": directory, "intern": True, "today": today}
    return {
        REQUESTS: renderer.render(
            "intern_requests.md.j2",
            REQUESTS,
            shared,
            log=directory.requests,
            board=board,
            by_network=_grouped(board, [(n.id, n.name) for n in directory.networks], "network_id"),
            by_partner=_grouped(
                board,
                [(p.id, p.name) for p in (*directory.partners, *directory.former_partners)],
                "partner_id",
            ),
            durations=step_durations(directory.requests.requests),
            total=total_duration(directory.requests.requests),
            by_partner_durations=partner_durations(directory.requests),
        ),
        REVIEW: renderer.render(
            "intern_review.md.j2",
            REVIEW,
            shared,
            rows=directory.review,
            max_age=max_age,
            consents=consent_rows(directory),
        ),
    }


def _grouped(
    board: tuple[BoardRow, ...], keys: list[tuple[str, str]], field: str
) -> list[tuple[str, str, list]]:
    """(id, name, rows) for every key that has open requests, in the order of keys."""
    groups = [
        (key, name, [row for row in board if getattr(row.request, field) == key])
        for key, name in keys
    ]
    return [group for group in groups if group[2]]
