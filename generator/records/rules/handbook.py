"""Rules of the handbook data: the procedure, the agreement and its signatures, the Botschafter."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from generator.problems import Path, Problem
from generator.records.document import Document
from generator.records.loaded import Docs, Loaded
from generator.records.rules.crossref import duplicates, known_ids, raw_ids, unknown
from generator.records.schema import AgreementSignature, AgreementVersion, Role, TimelineStep


def check_process(loaded: Loaded, docs: Docs) -> list[Problem]:
    """Unique roles and steps, steps between known roles, one role with a contact (the office)."""
    doc = docs["process.yaml"]
    role_ids = raw_ids(doc, "roles")
    problems = duplicates(doc, "roles", role_ids, "Rolle")
    problems += duplicates(doc, "steps", raw_ids(doc, "steps"), "Schritt")
    problems += _not_empty(
        doc,
        {"roles": loaded.roles, "steps": loaded.steps},
        {"roles": "eine Rolle", "steps": "ein Schritt"},
    )
    for i, step in enumerate(loaded.steps):
        if step is None:
            continue
        for key in ("actor", "to"):
            role = getattr(step, key)
            if role is not None and role not in role_ids:
                message = unknown("Rolle", role, role_ids, "roles", unknown="unbekannte")
                problems.append(doc.problem(("steps", i, key), message))
        if step.to is not None and step.to == step.actor:
            message = f"der Schritt richtet sich an dieselbe Rolle, die ihn ausführt („{step.to}“)"
            problems.append(doc.problem(("steps", i, "to"), message))
    return problems + _office_contact(doc, loaded.roles)


def _office_contact(doc: Document, roles: Sequence[Role | None]) -> list[Problem]:
    with_contact = [
        i for i, role in enumerate(roles) if role is not None and role.contact is not None
    ]
    if not with_contact:
        message = (
            "keine Rolle hat einen Kontakt; die Koordinierungsstelle "
            "(OM-Geschäftsstelle) braucht „contact“"
        )
        return [doc.problem(("roles",), message)]
    first = doc.line_of(("roles", with_contact[0]))
    message = (
        "nur die Koordinierungsstelle hat einen Kontakt, "
        f"und das ist schon die Rolle in Zeile {first}"
    )
    return [doc.problem(("roles", i, "contact"), message) for i in with_contact[1:]]


def check_agreement(loaded: Loaded, docs: Docs) -> list[Problem]:
    """Unique versions and clauses in order, a timeline in order, signatures of adopted versions."""
    doc = docs["agreement.yaml"]
    problems = duplicates(doc, "versions", raw_ids(doc, "versions"), "Fassung")
    lists: dict[str, Sequence[object]] = {"versions": loaded.versions, "timeline": loaded.timeline}
    problems += _not_empty(doc, lists, {"versions": "eine Fassung", "timeline": "ein Schritt"})
    previous: AgreementVersion | None = None
    for i, version in enumerate(loaded.versions):
        if version is None:
            continue
        if previous is not None and version.date <= previous.date:
            message = (
                f"Datum {version.date} liegt nicht nach dem der vorigen Fassung „{previous.id}“ "
                f"({previous.date}); Fassungen stehen in zeitlicher Reihenfolge, die älteste zuerst"
            )
            problems.append(doc.problem(("versions", i, "date"), message))
        problems += _clauses(doc, i, version)
        previous = version
    return problems + _timeline(doc, loaded.timeline) + _signatures(loaded, docs)


def _clauses(doc: Document, i: int, version: AgreementVersion) -> list[Problem]:
    path = ("versions", i, "clauses")
    problems = _not_empty(
        doc, {"clauses": version.clauses}, {"clauses": "ein Abschnitt"}, prefix=("versions", i)
    )
    problems += duplicates(doc, path, [c.id for c in version.clauses], "Abschnitt")
    problems += duplicates(
        doc, path, [c.number for c in version.clauses], "Abschnitt", "number", "Nummer"
    )
    for j in range(1, len(version.clauses)):
        before, clause = version.clauses[j - 1], version.clauses[j]
        if int(clause.number) < int(before.number):
            message = (
                f"Nummer {clause.number} folgt auf Nummer {before.number}; "
                "Abschnitte stehen aufsteigend nummeriert"
            )
            problems.append(doc.problem((*path, j, "number"), message))
    return problems


def _timeline(doc: Document, steps: Sequence[TimelineStep | None]) -> list[Problem]:
    problems = []
    previous: TimelineStep | None = None
    open_index: int | None = None
    for i, step in enumerate(steps):
        if step is None:
            continue
        if previous is not None and step.date < previous.date:
            message = (
                f"Datum {step.date} liegt vor dem des vorigen Schritts ({previous.date}); "
                "der Zeitplan steht in zeitlicher Reihenfolge"
            )
            problems.append(doc.problem(("timeline", i, "date"), message))
        if step.state == "erledigt" and open_index is not None:
            line = doc.line_of(("timeline", open_index))
            message = (
                "ein erledigter Schritt kann nicht auf einen "
                f"offenen folgen (offener Schritt in Zeile {line})"
            )
            problems.append(doc.problem(("timeline", i, "state"), message))
        if step.state == "offen" and open_index is None:
            open_index = i
        previous = step
    return problems


def _signatures(loaded: Loaded, docs: Docs) -> list[Problem]:
    ndoc, adoc = docs["networks.yaml"], docs["agreement.yaml"]
    version_ids = raw_ids(adoc, "versions")
    versions = {v.id: v for v in loaded.versions if v is not None}
    problems = []
    for i, network in enumerate(loaded.networks):
        previous: AgreementSignature | None = None
        single = _single_signature(ndoc, i)
        for j, signed in enumerate(network.agreement if network is not None else ()):
            path = ("networks", i, "agreement") if single else ("networks", i, "agreement", j)
            problems += _signature(ndoc, path, signed, versions.get(signed.version), version_ids)
            if previous is not None and signed.signed_on < previous.signed_on:
                message = (
                    f"unterzeichnet am {signed.signed_on}, vor der "
                    f"Unterschrift davor ({previous.signed_on}); "
                    "die Unterschriften stehen in zeitlicher Reihenfolge, die älteste zuerst"
                )
                problems.append(ndoc.problem((*path, "signed_on"), message))
            previous = signed
    return problems


def _single_signature(doc: Document, i: int) -> bool:
    """Whether the network writes its signature in the earlier form, one section, not a list."""
    items = doc.data.get("networks") if isinstance(doc.data, dict) else None
    item = items[i] if isinstance(items, list) and i < len(items) else None
    return isinstance(item, dict) and isinstance(item.get("agreement"), dict)


def _signature(
    ndoc: Document,
    path: Path,
    signed: AgreementSignature,
    version: AgreementVersion | None,
    version_ids: list[str],
) -> list[Problem]:
    """One signature names an adopted version and is not dated before it."""
    if signed.version not in version_ids:
        message = unknown(
            "Fassung", signed.version, version_ids, "agreement.yaml", unknown="unbekannte"
        )
        return [ndoc.problem((*path, "version"), message)]
    if version is not None and version.status != "verabschiedet":
        message = (
            f"die Fassung „{version.id}“ ist nicht verabschiedet (Status „{version.status}“); "
            "unterzeichnet wird nur eine verabschiedete Fassung"
        )
        return [ndoc.problem((*path, "version"), message)]
    if version is not None and signed.signed_on < version.date:
        message = f"unterzeichnet am {signed.signed_on}, vor dem Datum der Fassung ({version.date})"
        return [ndoc.problem((*path, "signed_on"), message)]
    return []


def check_ambassadors(loaded: Loaded, docs: Docs) -> list[Problem]:
    """Every Botschafter names a partner institution that exists."""
    ndoc = docs["networks.yaml"]
    partner_ids = known_ids(docs["partners.yaml"], "partners")
    problems = []
    for i, network in enumerate(loaded.networks):
        for j, person in enumerate(network.ambassadors if network else ()):
            if person.partner is not None and person.partner not in partner_ids:
                message = unknown("Partner", person.partner, partner_ids, "partners.yaml")
                problems.append(ndoc.problem(("networks", i, "ambassadors", j, "partner"), message))
    return problems


def _not_empty(
    doc: Document,
    values: Mapping[str, Sequence[object]],
    needed: Mapping[str, str],
    prefix: Path = (),
) -> list[Problem]:
    """A problem for each list in `needed` that is empty; the text says what it needs at least."""
    return [
        doc.problem((*prefix, key), f"mindestens {what} ist nötig")
        for key, what in needed.items()
        if not values[key]
    ]
