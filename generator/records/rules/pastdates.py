"""Dates of what has happened (checks, namings, consents, signatures, steps) can't lie ahead."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from generator.problems import Path, Problem, shown
from generator.records.loaded import Docs, Loaded
from generator.records.people import person_records


def check_past_dates(loaded: Loaded, docs: Docs, today: date) -> list[Problem]:
    """A problem for each recorded date after the run's day."""
    return [
        docs[file].problem(
            path,
            f"Datum liegt in der Zukunft ({shown(day.isoformat())}); "
            "eingetragen wird, was schon geschehen ist",
        )
        for file, path, day in _recorded_dates(loaded)
        if day > today
    ]


def _recorded_dates(loaded: Loaded) -> Iterator[tuple[str, Path, date]]:
    for i, partner in enumerate(loaded.partners):
        if partner is None:
            continue
        yield from _dated("partners.yaml", ("partners", i, "verified_on"), partner.verified_on)
        yield from _dated("partners.yaml", ("partners", i, "left_on"), partner.left_on)
        for j, contact in enumerate(partner.regional_contacts):
            yield from _dated(
                "partners.yaml",
                ("partners", i, "regional_contacts", j, "named_on"),
                contact.named_on,
            )
    for i, network in enumerate(loaded.networks):
        if network is None:
            continue
        yield from _dated("networks.yaml", ("networks", i, "verified_on"), network.verified_on)
        yield from _dated("networks.yaml", ("networks", i, "status_since"), network.status_since)
        yield from _dated("networks.yaml", ("networks", i, "status_as_of"), network.status_as_of)
        for j, signature in enumerate(network.agreement):
            # The signature's line: a list item, or the one section of the earlier form (no item 0).
            yield from _dated(
                "networks.yaml", ("networks", i, "agreement", j, "signed_on"), signature.signed_on
            )
    for file, path, person in person_records(loaded.partners, loaded.networks):
        if person.consent is not None:
            yield from _dated(file, (*path, "consent", "given_on"), person.consent.given_on)
            yield from _dated(file, (*path, "consent", "withdrawn_on"), person.consent.withdrawn_on)
    for i, request in enumerate(loaded.requests):
        for step, day in request.steps.items() if request is not None else ():
            yield from _dated("requests.yaml", ("requests", i, "steps", step), day)


def _dated(file: str, path: Path, day: date | None) -> Iterator[tuple[str, Path, date]]:
    if day is not None:
        yield file, path, day
