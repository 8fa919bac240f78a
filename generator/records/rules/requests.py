"""Rules of the request log (requests.yaml): process.yaml's procedure, record by record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.german import did_you_mean
from generator.problems import Problem
from generator.records.document import Document
from generator.records.loaded import Docs, Loaded
from generator.records.rules.crossref import duplicates, known_ids, raw_ids, raw_members, unknown
from generator.records.schema import Partner, Request, Step
from generator.records.schema.process import (
    STEP_ASKED,
    STEP_INFORMED,
    STEP_NAMED,
    STEP_PASSED,
    logged_steps,
)

RULE_STEPS = (STEP_ASKED, STEP_NAMED, STEP_INFORMED, STEP_PASSED)
DECISION = (
    "laut Beschluss gibt die Koordinierungsstelle die Kontaktdaten erst weiter, "
    "wenn die Person informiert ist"
)


@dataclass(frozen=True)
class _Context:
    """What the rules of one request need to know about the other files."""

    doc: Document
    steps: dict[str, Step]
    logged: tuple[str, ...]
    partners: dict[str, Partner]
    partner_ids: set[str]
    network_ids: set[str]
    contacts: dict[str, tuple[str, str] | None]


def check_requests(loaded: Loaded, docs: Docs) -> list[Problem]:
    """Cross-record problems of the request log."""

    doc = docs["requests.yaml"]
    logged = logged_steps(loaded.steps)
    problems = _missing_rule_steps(docs["process.yaml"], logged)
    if problems:
        return problems
    partners = [p for p in loaded.partners if p is not None]
    context = _Context(
        doc=doc,
        steps={step.id: step for step in logged},
        logged=tuple(step.id for step in logged),
        partners={p.id: p for p in partners},
        partner_ids=known_ids(docs["partners.yaml"], "partners"),
        network_ids=known_ids(docs["networks.yaml"], "networks"),
        contacts=_raw_contacts(docs),
    )
    problems = duplicates(doc, "requests", raw_ids(doc, "requests"), "Anfrage")
    for i, request in enumerate(loaded.requests):
        if request is not None:
            problems += _check_request(context, i, request)
    return problems


def _raw_contacts(docs: Docs) -> dict[str, tuple[str, str] | None]:
    """Regional contact id → (partner id, network id) as written; None if partners.yaml has errors.

    Reading what is written keeps one invalid partner from faking an unknown person; None
    keeps a wrong contact (unknown network, network the partner is not in, id used twice) to
    its own message.
    """

    networks, members = (
        set(raw_ids(docs["networks.yaml"], "networks")),
        raw_members(docs["networks.yaml"]),
    )
    data = docs["partners.yaml"].data
    contacts: dict[str, tuple[str, str] | None] = {}
    for partner in data.get("partners") or [] if isinstance(data, dict) else []:
        for contact in partner.get("regional_contacts") or [] if isinstance(partner, dict) else []:
            if not isinstance(contact, dict) or not isinstance(contact.get("id"), str):
                continue
            partner_id, network_id = str(partner.get("id")), str(contact.get("network"))
            consistent = network_id in networks and network_id in members.get(partner_id, set())
            twice = contact["id"] in contacts
            contacts[contact["id"]] = (partner_id, network_id) if consistent and not twice else None
    return contacts


def _missing_rule_steps(doc: Document, logged: tuple[Step, ...]) -> list[Problem]:
    ids = {step.id for step in logged}
    return [
        doc.problem(
            ("steps",),
            f"Schritt „{step_id}“ fehlt oder hat kein „logged: true“; "
            f"die Regeln des Anfragen-Protokolls (requests.yaml) beziehen sich auf ihn",
        )
        for step_id in RULE_STEPS
        if step_id not in ids
    ]


def _check_request(c: _Context, i: int, request: Request) -> list[Problem]:
    problems = _references(c, i, request)
    problems += _step_names(c, i, request)
    problems += _step_order(c, i, request)
    problems += _liaison(c, i, request)
    problems += _person(c, i, request)
    problems += _status(c, i, request)
    return problems


def _references(c: _Context, i: int, request: Request) -> list[Problem]:
    problems = []
    if request.network not in c.network_ids:
        message = unknown(
            "Netzwerk", request.network, c.network_ids, "networks.yaml", "unbekanntes"
        )
        problems.append(c.doc.problem(("requests", i, "network"), message))
    partner = c.partners.get(request.partner)
    if request.partner not in c.partner_ids:
        message = unknown("Partner", request.partner, c.partner_ids, "partners.yaml")
        problems.append(c.doc.problem(("requests", i, "partner"), message))
    elif partner is not None and partner.scope != "national":
        message = (
            f"„{partner.id}“ ist eine regionale Einrichtung; Anfragen richten sich an nationale "
            f"Partnerinstitutionen (scope: national)"
        )
        problems.append(c.doc.problem(("requests", i, "partner"), message))
    return problems


def _step_names(c: _Context, i: int, request: Request) -> list[Problem]:
    problems = []
    if not request.steps:
        first = c.logged[0]
        message = f"die Anfrage braucht mindestens das Datum des ersten Schritts „{first}“"
        problems.append(c.doc.problem(("requests", i, "steps"), message))
    for key in request.steps:
        if key not in c.steps:
            hint = did_you_mean(key, c.logged)
            message = f"unbekannter Schritt „{key}“; erfasst werden: {', '.join(c.logged)}{hint}"
            problems.append(c.doc.problem(("requests", i, "steps", key), message))
    return problems


def _step_order(c: _Context, i: int, request: Request) -> list[Problem]:
    """No step without the steps before it, no date before an earlier step's date."""
    problems = []
    previous: str | None = None
    for position, step_id in enumerate(c.logged):
        day = request.steps.get(step_id)
        if day is None:
            continue
        path = ("requests", i, "steps", step_id)
        missing = next((s for s in c.logged[:position] if s not in request.steps), None)
        if step_id == STEP_PASSED and STEP_INFORMED not in request.steps:
            message = "Kontaktdaten weitergegeben, aber die benannte Person ist nicht informiert "
            message += f"(Schritt „{STEP_INFORMED}“ fehlt); {DECISION}"
            problems.append(c.doc.problem(path, message))
        elif missing is not None:
            message = (
                f"Schritt „{step_id}“ hat ein Datum, aber der vorherige Schritt „{missing}“ "
                f"({c.steps[missing].title}) fehlt; die "
                "Schritte folgen der Reihenfolge des Verfahrens"
            )
            problems.append(c.doc.problem(path, message))
        elif previous is not None and day < request.steps[previous]:
            problems.append(
                c.doc.problem(path, _earlier(step_id, day, previous, request.steps[previous]))
            )
        previous = step_id
    return problems


def _earlier(step_id: str, day: date, previous: str, previous_day: date) -> str:
    if step_id == STEP_PASSED and previous == STEP_INFORMED:
        return (
            f"Kontaktdaten am {day.isoformat()} weitergegeben, aber die Person erst am "
            f"{previous_day.isoformat()} informiert; {DECISION}"
        )
    return (
        f"Datum {day.isoformat()} liegt vor dem vorherigen Schritt „{previous}“ "
        f"({previous_day.isoformat()}); die Daten der Schritte dürfen nicht zurückgehen"
    )


def _liaison(c: _Context, i: int, request: Request) -> list[Problem]:
    partner = c.partners.get(request.partner)
    if STEP_ASKED not in request.steps or partner is None or partner.liaison is not None:
        return []
    message = (
        f"„{partner.id}“ hat keine nationale Ansprechperson (partners.yaml, liaison); "
        "die Koordinierungsstelle kann erst nachfragen, wenn der Partner eine benannt hat"
    )
    return [c.doc.problem(("requests", i, "steps", STEP_ASKED), message)]


def _person(c: _Context, i: int, request: Request) -> list[Problem]:
    if request.person is None:
        return []
    path = ("requests", i, "person")
    if STEP_NAMED not in request.steps:
        return [
            c.doc.problem(
                path, f"Ansprechperson eingetragen, aber der Schritt „{STEP_NAMED}“ hat kein Datum"
            )
        ]
    if request.person not in c.contacts:
        hint = did_you_mean(request.person, c.contacts)
        message = (
            f"unbekannte Ansprechperson „{request.person}“ (nicht "
            f"in partners.yaml unter regional_contacts){hint}"
        )
        return [c.doc.problem(path, message)]
    known = c.contacts[request.person]
    if known is None:
        return []  # partners.yaml reports what is wrong with this contact
    partner_id, network_id = known
    if partner_id != request.partner:
        message = (
            f"Ansprechperson „{request.person}“ gehört zu "
            f"„{partner_id}“, nicht zum angefragten Partner "
        )
        message += f"„{request.partner}“"
        return [c.doc.problem(path, message)]
    if network_id != request.network:
        message = f"Ansprechperson „{request.person}“ ist für das Netzwerk „{network_id}“ benannt, "
        message += f"nicht für „{request.network}“"
        return [c.doc.problem(path, message)]
    return []


def _status(c: _Context, i: int, request: Request) -> list[Problem]:
    path = ("requests", i, "status")
    last = c.logged[-1]
    if request.status == "erledigt":
        problems = []
        if last not in request.steps:
            message = (
                "Status „erledigt“ setzt voraus, dass alle Schritte ein Datum haben; "
                f"es fehlt „{last}“ ({c.steps[last].title})"
            )
            problems.append(c.doc.problem(path, message))
        if request.person is None:
            message = (
                "eine erledigte Anfrage muss die benannte Ansprechperson "
                "nennen (person: Kennung aus partners.yaml)"
            )
            problems.append(c.doc.problem(path, message))
        return problems
    # Only when every step has a date: undated steps between are reported at the step after them.
    if request.status == "offen" and all(step in request.steps for step in c.logged):
        return [
            c.doc.problem(path, "alle Schritte haben ein Datum; bitte „status: erledigt“ setzen")
        ]
    return []
