"""The gap planner: per network, national partners present in its Länder without a regional contact.

Decided here, in the model stage, for both profiles: the internal site gets the partners of each gap
and the open requests; the public site gets counts only (it knows no requests, so there a gap is any
present partner without a named contact).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.german import enumeration
from generator.problems import Problem
from generator.records.loaded import Records
from generator.records.schema import STATES, Network, Partner


@dataclass(frozen=True)
class GapEntry:
    """A national partner present in a network's Länder, without a regional contact or a request."""

    id: str
    name: str
    short_name: str | None
    states: tuple[str, ...]  # the network's Länder where the partner is present
    state_labels: tuple[str, ...]
    member: bool  # takes part in the network already

    @property
    def states_label(self) -> str:
        """The Länder as a sentence names them: „Sachsen-Anhalt, Niedersachsen und Thüringen“."""
        return enumeration(self.state_labels)


@dataclass(frozen=True)
class GapPlan:
    """One network's gap planner: counts for every profile, each gap's partners only internally."""

    present: int  # national partners present in the network's Länder
    named: int  # of them, with a named regional contact for the network
    requested: int  # of them, with an open request (internal profile; 0 on the public site)
    gaps: tuple[GapEntry, ...]  # internal profile only; () on the public site
    gap_count: int
    # Where a request goes: all contacts run through the coordination office
    office_email: str | None
    # The partner ids of the gaps, for the counts per Land; never shown (a page shows `gaps`).
    gap_ids: tuple[str, ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class LandCount:
    """One Land on the map of gaps: its networks, the regional contacts named for them, the gaps."""

    code: str
    label: str
    networks: int
    contacts: int
    gaps: int


def present_in(partner: Partner) -> frozenset[str]:
    """The Länder a national partner is present in, as the data name them (none for the flag)."""
    return frozenset(partner.present_in) if partner.scope == "national" else frozenset()


def unplaced(partners: Iterable[Partner]) -> tuple[Partner, ...]:
    """National partners represented in the regions without recorded Länder (only the old flag)."""
    return tuple(
        p
        for p in partners
        if p.scope == "national" and p.represented_in_regions and not p.present_in
    )


def plan(
    network: Network,
    nationals: Iterable[Partner],
    named: set[str],
    requested: set[str] | None,
    office_email: str | None,
) -> GapPlan:
    """A network's gap plan from the national partners (only they can be a gap: see present_in).

    `requested` is None for the public profile, which knows no requests.
    """
    states = set(network.states)
    present = [p for p in nationals if not states.isdisjoint(present_in(p))]
    without = [p for p in present if p.id not in named]
    gaps = [p for p in without if requested is None or p.id not in requested]
    entries = () if requested is None else tuple(_entry(p, network) for p in gaps)
    return GapPlan(
        present=len(present),
        named=len(present) - len(without),
        requested=len(without) - len(gaps),
        gaps=entries,
        gap_count=len(gaps),
        office_email=office_email,
        gap_ids=tuple(p.id for p in gaps),
    )


def _entry(partner: Partner, network: Network) -> GapEntry:
    states = tuple(s for s in network.states if s in present_in(partner))
    return GapEntry(
        id=partner.id,
        name=partner.name,
        short_name=partner.short_name,
        states=states,
        state_labels=tuple(STATES[state] for state in states),
        member=partner.id in network.partners,
    )


def land_counts(
    networks: Iterable[tuple[Network, GapPlan]],
    partners: Iterable[Partner],
    contacts: dict[str, int],
) -> tuple[LandCount, ...]:
    """Per Land (in STATES' order): its networks, their named contacts, gaps of partners there.

    `contacts` counts the named regional contacts per network id.
    """
    places = {p.id: present_in(p) for p in partners}
    counts = {code: [0, 0, 0] for code in STATES}
    for network, gap_plan in networks:
        for state in network.states:
            counts[state][0] += 1
            counts[state][1] += contacts.get(network.id, 0)
            counts[state][2] += sum(1 for partner in gap_plan.gap_ids if state in places[partner])
    return tuple(
        LandCount(
            code=code,
            label=STATES[code],
            networks=networks_there,
            contacts=contacts_there,
            gaps=gaps_there,
        )
        for code, (networks_there, contacts_there, gaps_there) in counts.items()
    )


def presence_warnings(records: Records) -> list[Problem]:
    """German warnings for `check`: national partners in the regions without their Länder."""
    doc = records.documents["partners.yaml"]
    return [
        doc.problem(
            ("partners", i, "represented_in_regions"),
            "in welchen Ländern? Bitte die Länder unter present_in eintragen (z. B. „present_in: "
            "[NI, HB]“), sonst kann der Lückenplaner den Partner keinem Netzwerk zuordnen",
            warning=True,
        )
        for i, partner in enumerate(records.partners)
        if partner in unplaced([partner])
    ]
