"""Every person record of the data files with its place (for consent dates and the repo guard)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from generator.problems import Path
from generator.records.schema import Network, Partner, Person


def person_records(
    partners: Sequence[Partner | None], networks: Sequence[Network | None]
) -> Iterator[tuple[str, Path, Person]]:
    """(file, data path, person) for each liaison, deputy, regional contact, ambassador loaded."""
    for i, partner in enumerate(partners):
        if partner is None:
            continue
        if partner.liaison is not None:
            yield "partners.yaml", ("partners", i, "liaison"), partner.liaison
            if partner.liaison.deputy is not None:
                yield "partners.yaml", ("partners", i, "liaison", "deputy"), partner.liaison.deputy
        for j, contact in enumerate(partner.regional_contacts):
            yield "partners.yaml", ("partners", i, "regional_contacts", j), contact
    for i, network in enumerate(networks):
        for j, ambassador in enumerate(network.ambassadors if network is not None else ()):
            yield "networks.yaml", ("networks", i, "ambassadors", j), ambassador
