"""Rules over time: withdrawn consents, former ids, partners who left, Botschafter elsewhere."""

from __future__ import annotations

from collections.abc import Sequence

from generator.addresses import FIXED_NAMES, RECORD_FOLDERS
from generator.problems import Problem
from generator.records.loaded import Docs, Loaded, Records
from generator.records.people import person_records
from generator.records.rules.crossref import raw_ids
from generator.records.schema import Network, Partner


def check_withdrawals(loaded: Loaded, docs: Docs) -> list[Problem]:
    """A consent cannot be withdrawn before it was given."""
    problems = []
    for file, path, person in person_records(loaded.partners, loaded.networks):
        consent = person.consent
        if (
            consent is not None
            and consent.withdrawn_on is not None
            and consent.withdrawn_on < consent.given_on
        ):
            message = (
                f"widerrufen am {consent.withdrawn_on}, vor der Einwilligung ({consent.given_on}); "
                "bitte beide Daten prüfen"
            )
            problems.append(docs[file].problem((*path, "consent", "withdrawn_on"), message))
    return problems


def check_former_ids(loaded: Loaded, docs: Docs) -> list[Problem]:
    """A former id keeps its address for a forwarding page: no record may reuse or repeat it."""
    directory: list[tuple[str, str, str, Sequence[Partner | Network | None]]] = [
        ("partners.yaml", "partners", "Partner", loaded.partners),
        ("networks.yaml", "networks", "Netzwerk", loaded.networks),
    ]
    problems = []
    for file, section, what, records in directory:
        doc = docs[file]
        current = {item_id: i for i, item_id in enumerate(raw_ids(doc, section)) if item_id}
        claimed: dict[str, int] = {}
        # A former id must not take a page name the site writes in the record's folder.
        taken_names = set[str]().union(
            *(FIXED_NAMES.get(f, set()) for f, (d, _) in RECORD_FOLDERS.items() if d == file)
        )
        for i, record in enumerate(records):
            for j, former in enumerate(record.former_ids if record is not None else ()):
                path = (section, i, "former_ids", j)
                if former in current:
                    other = current[former]
                    where = (
                        "dieser Eintrag selbst"
                        if other == i
                        else f"{what} in Zeile {doc.line_of((section, other))}"
                    )
                    message = (
                        f"frühere Kennung „{former}“ ist eine aktuelle "
                        f"Kennung ({where}); unter ihrer alten Adresse "
                        "steht eine Weiterleitung, deshalb darf kein Eintrag sie wieder verwenden"
                    )
                    problems.append(doc.problem(path, message))
                elif former in claimed:
                    line = doc.line_of((section, claimed[former]))
                    message = (
                        f"frühere Kennung „{former}“ nennt schon ein "
                        f"anderer Eintrag ({what} in Zeile {line})"
                    )
                    problems.append(doc.problem(path, message))
                elif former in taken_names:
                    message = (
                        f"frühere Kennung „{former}“ ist der Name einer Seite der Website selbst"
                    )
                    problems.append(doc.problem(path, message))
                claimed.setdefault(former, i)
    return problems


def left_partner_warnings(records: Records) -> list[Problem]:
    """German warnings for `check`: a partner that left is still listed by a network."""
    left = {p.id: p.left_on for p in records.partners if p.left_on is not None}
    doc = records.documents["networks.yaml"]
    warnings = []
    for i, network in enumerate(records.networks):
        for j, partner_id in enumerate(network.partners):
            if partner_id in left:
                message = (
                    f"„{partner_id}“ ist am {left[partner_id]} ausgetreten (left_on in "
                    "partners.yaml) und wird nicht mehr als Beteiligte gezeigt; "
                    f"bitte aus der Liste „partners“ von „{network.id}“ entfernen"
                )
                warnings.append(doc.problem(("networks", i, "partners", j), message, warning=True))
    return warnings


def ambassador_warnings(records: Records) -> list[Problem]:
    """German warnings for `check`: a Botschafterin or Botschafter for a partner elsewhere."""
    doc = records.documents["networks.yaml"]
    known = {p.id for p in records.partners}
    warnings = []
    for i, network in enumerate(records.networks):
        for j, person in enumerate(network.ambassadors):
            if (
                person.partner is not None
                and person.partner in known
                and person.partner not in network.partners
            ):
                message = (
                    f"„{person.partner}“ ist am Netzwerk „{network.id}“ "
                    "nicht beteiligt; bitte den Partner unter "
                    "„partners“ eintragen oder beim Botschafter den richtigen Partner nennen"
                )
                warnings.append(
                    doc.problem(("networks", i, "ambassadors", j, "partner"), message, warning=True)
                )
    return warnings
