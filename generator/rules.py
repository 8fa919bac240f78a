"""Rules across records and files: unique ids, existing references, the liaison rule."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from .load import Document
from .problems import Path, Problem


def check_rules(sections: dict[str, dict], docs: dict[str, Document]) -> list[Problem]:
    """Every cross-record problem of all data files; runs once each file has its expected shape."""
    return [problem for rule in RULES for problem in rule(sections, docs)]


def check_directory(sections: dict[str, dict], docs: dict[str, Document]) -> list[Problem]:
    """Cross-record problems of the partner and network files (invalid records are None)."""
    partners, networks = sections["partners.yaml"]["partners"], sections["networks.yaml"]["networks"]
    pdoc, ndoc = docs["partners.yaml"], docs["networks.yaml"]
    partner_ids = raw_ids(pdoc, "partners")
    network_ids = raw_ids(ndoc, "networks")
    problems = _duplicates(pdoc, "partners", partner_ids, "Partner")
    problems += _duplicates(ndoc, "networks", network_ids, "Netzwerk")
    problems += _duplicate_contacts(pdoc, partners)
    for i, network in enumerate(networks):
        if network is None:
            continue
        seen: set[str] = set()
        for j, partner_id in enumerate(network.partners):
            path = ("networks", i, "partners", j)
            if partner_id in seen:
                problems.append(ndoc.problem(path, f"Partner „{partner_id}“ ist doppelt eingetragen"))
            elif partner_id not in partner_ids:
                problems.append(ndoc.problem(path, _unknown("Partner", partner_id, partner_ids, "partners.yaml")))
            seen.add(partner_id)
    members = _raw_members(ndoc)
    for i, partner in enumerate(partners):
        if partner is not None:
            problems += _check_partner(pdoc, i, partner, network_ids, members.get(partner.id, set()))
    return problems


def raw_ids(doc: Document, section: str) -> list[str]:
    """The ids as written, also of records that failed validation, so references to them still resolve."""
    items = doc.data.get(section) if isinstance(doc.data, dict) else None
    if not isinstance(items, list):
        return []
    return [item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else "" for item in items]


def _raw_members(doc: Document) -> dict[str, set[str]]:
    """Networks of each partner as written, so one invalid network does not fake a missing membership."""
    members: dict[str, set[str]] = {}
    for item in doc.data.get("networks") or [] if isinstance(doc.data, dict) else []:
        if isinstance(item, dict) and isinstance(item.get("partners"), list):
            for partner_id in item["partners"]:
                if isinstance(partner_id, str):
                    members.setdefault(partner_id, set()).add(str(item.get("id")))
    return members


def _check_partner(doc: Document, i: int, partner, network_ids: list[str], networks: set[str]) -> list[Problem]:
    problems = []
    for j, contact in enumerate(partner.regional_contacts):
        path = ("partners", i, "regional_contacts", j, "network")
        if contact.network not in network_ids:
            problems.append(
                doc.problem(path, _unknown("Netzwerk", contact.network, network_ids, "networks.yaml", "unbekanntes"))
            )
        elif contact.network not in networks:
            message = (
                f"„{partner.id}“ ist am Netzwerk „{contact.network}“ nicht beteiligt; "
                f"bitte in networks.yaml bei diesem Netzwerk unter partners eintragen"
            )
            problems.append(doc.problem(path, message))
    if partner.scope == "regional":
        if partner.liaison is not None:
            message = "nur nationale Partnerinstitutionen (scope: national) benennen eine nationale Ansprechperson"
            problems.append(doc.problem(("partners", i, "liaison"), message))
        if partner.regional_contacts:
            message = "regionale Ansprechpersonen benennen nur nationale Partnerinstitutionen (scope: national)"
            problems.append(doc.problem(("partners", i, "regional_contacts"), message))
    elif partner.liaison is None and (partner.represented_in_regions or networks or partner.regional_contacts):
        problems.append(doc.problem(("partners", i, "liaison"), _missing_liaison(partner, networks)))
    return problems


def _missing_liaison(partner, networks: set[str]) -> str:
    if networks:
        reason = "ist an regionalen Netzwerken beteiligt (" + ", ".join(sorted(networks)) + ")"
    else:
        reason = "ist in den Regionen vertreten"
    return (
        f"nationale Ansprechperson fehlt: „{partner.id}“ {reason} und muss laut Beschluss "
        f"des Koordinierungsteams eine Ansprechperson auf nationaler Ebene benennen"
    )


def _duplicates(
    doc: Document, section: str | Path, ids: Iterable[str], what: str, key: str = "id", label: str = "Kennung"
) -> list[Problem]:
    """A problem for each value of `key` used twice in the list at `section` (a key or a data path)."""
    base = (section,) if isinstance(section, str) else tuple(section)
    first: dict[str, int] = {}
    problems = []
    for i, item_id in enumerate(ids):
        if not item_id:
            continue
        if item_id in first:
            line = doc.line_of((*base, first[item_id]))
            message = f"{label} „{item_id}“ ist doppelt vergeben ({what} in Zeile {line})"
            problems.append(doc.problem((*base, i, key), message))
        else:
            first[item_id] = i
    return problems


def _duplicate_contacts(doc: Document, partners: list) -> list[Problem]:
    first: dict[str, tuple] = {}
    problems = []
    for i, partner in enumerate(partners):
        for j, contact in enumerate(partner.regional_contacts if partner else ()):
            path = ("partners", i, "regional_contacts", j)
            if contact.id in first:
                line = doc.line_of(first[contact.id])
                message = f"Kennung „{contact.id}“ ist doppelt vergeben (Ansprechperson in Zeile {line})"
                problems.append(doc.problem((*path, "id"), message))
            else:
                first[contact.id] = path
    return problems


def _unknown(what: str, value: str, known: list[str], file: str, unknown: str = "unbekannter") -> str:
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    hint = f"; meinten Sie „{close[0]}“?" if close else ""
    return f"{unknown} {what} „{value}“ (nicht in {file}){hint}"


# Rule modules use the helpers above, so they are imported after them.
from .handbook_rules import check_agreement, check_ambassadors, check_process  # noqa: E402
from .requestrules import check_requests  # noqa: E402

# Each rule takes (sections, documents) and returns problems; modules of later data files add theirs here.
RULES = [check_directory, check_process, check_agreement, check_ambassadors, check_requests]
