"""Rules across records and files: unique ids, existing references, the liaison rule."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from datetime import date

from generator.problems import Path as DataPath
from generator.problems import Problem
from generator.records.document import Document
from generator.records.loaded import Docs, Loaded
from generator.records.rules.crossref import (
    duplicates,
    known_ids,
    raw_ids,
    raw_members,
    unclear_memberships,
    unknown,
)
from generator.records.rules.handbook import check_agreement, check_ambassadors, check_process
from generator.records.rules.lookalike import foreign_lookalikes, skeleton
from generator.records.rules.overtime import check_former_ids, check_withdrawals
from generator.records.rules.pastdates import check_past_dates
from generator.records.rules.requests import check_requests
from generator.records.schema import Network, Partner
from generator.records.schema.kinds import KINDS
from generator.records.schema.partners import represented_in_regions


def check_rules(loaded: Loaded, docs: Docs, today: date) -> tuple[list[Problem], bool]:
    """Cross-record problems of the files loaded; True when a rule waits for a file that didn't."""
    problems: list[Problem] = []
    waiting = False
    # The one rule that depends on the day gets it here, so no rule reads the clock.
    dated: Rule = functools.partial(check_past_dates, today=today)
    for needs, rule in [*RULES, (PAST_DATE_FILES, dated)]:
        if all(name in loaded.files for name in needs):
            problems += rule(loaded, docs)
        else:
            waiting = True
    return problems, waiting


def check_directory(loaded: Loaded, docs: Docs) -> list[Problem]:
    """Cross-record problems of the partner and network files (invalid records are None)."""
    partners, networks = loaded.partners, loaded.networks
    pdoc, ndoc = docs["partners.yaml"], docs["networks.yaml"]
    problems = duplicates(pdoc, "partners", raw_ids(pdoc, "partners"), "Partner")
    problems += duplicates(ndoc, "networks", raw_ids(ndoc, "networks"), "Netzwerk")
    partner_ids, network_ids = known_ids(pdoc, "partners"), known_ids(ndoc, "networks")
    problems += _duplicate_contacts(pdoc, partners)
    problems += lookalike_names(pdoc, "partners", partners, "Partner")
    problems += lookalike_names(ndoc, "networks", networks, "Netzwerk")
    for i, network in enumerate(networks):
        if network is None:
            continue
        seen: set[str] = set()
        for j, partner_id in enumerate(network.partners):
            path = ("networks", i, "partners", j)
            if partner_id in seen:
                problems.append(
                    ndoc.problem(path, f"Partner „{partner_id}“ ist doppelt eingetragen")
                )
            elif partner_id not in partner_ids:
                problems.append(
                    ndoc.problem(path, unknown("Partner", partner_id, partner_ids, "partners.yaml"))
                )
            seen.add(partner_id)
    members, unclear = raw_members(ndoc), unclear_memberships(ndoc)
    for i, partner in enumerate(partners):
        if partner is not None:
            problems += _check_partner(
                pdoc, i, partner, network_ids, members.get(partner.id, set()), unclear
            )
    return problems


def _check_partner(
    doc: Document,
    i: int,
    partner: Partner,
    network_ids: set[str],
    networks: set[str],
    unclear: set[str],
) -> list[Problem]:
    """Rules of one partner; membership in `unclear` networks (bad partner lists) is not judged."""
    problems = []
    for j, contact in enumerate(partner.regional_contacts):
        path = ("partners", i, "regional_contacts", j, "network")
        if contact.network not in network_ids:
            problems.append(
                doc.problem(
                    path,
                    unknown(
                        "Netzwerk", contact.network, network_ids, "networks.yaml", "unbekanntes"
                    ),
                )
            )
        elif contact.network not in networks | unclear:
            message = (
                f"„{partner.id}“ ist am Netzwerk „{contact.network}“ nicht beteiligt; "
                f"bitte in networks.yaml bei diesem Netzwerk unter partners eintragen"
            )
            problems.append(doc.problem(path, message))
    problems += _presence(doc, i, partner)
    if partner.scope == "regional":
        if partner.liaison is not None:
            message = (
                "nur nationale Partnerinstitutionen (scope: "
                "national) benennen eine nationale Ansprechperson"
            )
            problems.append(doc.problem(("partners", i, "liaison"), message))
        if partner.regional_contacts:
            message = (
                "regionale Ansprechpersonen benennen nur "
                "nationale Partnerinstitutionen (scope: national)"
            )
            problems.append(doc.problem(("partners", i, "regional_contacts"), message))
    elif partner.liaison is None and (
        represented_in_regions(partner) or networks or partner.regional_contacts
    ):
        problems.append(
            doc.problem(("partners", i, "liaison"), _missing_liaison(partner, networks))
        )
    return problems


def _presence(doc: Document, i: int, partner: Partner) -> list[Problem]:
    """`present_in` belongs to national partners and must not contradict the flag it replaces."""
    if not partner.present_in:
        return []
    path = ("partners", i, "present_in")
    if partner.scope != "national":
        message = (
            "nur nationale Partnerinstitutionen (scope: national) "
            "nennen die Länder, in denen sie vertreten sind"
        )
        return [doc.problem(path, message)]
    if "represented_in_regions" in partner.model_fields_set and not partner.represented_in_regions:
        message = (
            "„represented_in_regions: false“ widerspricht den hier genannten Ländern; das Feld "
            "„represented_in_regions“ bitte löschen, es ergibt sich aus present_in"
        )
        return [doc.problem(("partners", i, "represented_in_regions"), message)]
    return []


def _missing_liaison(partner: Partner, networks: set[str]) -> str:
    if networks:
        reason = "ist an regionalen Netzwerken beteiligt (" + ", ".join(sorted(networks)) + ")"
    else:
        reason = "ist in den Regionen vertreten"
    return (
        f"nationale Ansprechperson fehlt: „{partner.id}“ {reason} und muss laut Beschluss "
        f"des Koordinierungsteams eine Ansprechperson auf nationaler Ebene benennen"
    )


def lookalike_names(
    doc: Document, section: str, records: Sequence[Partner | Network | None], what: str
) -> list[Problem]:
    """Two records whose names a reader can't tell apart (case, normalisation, other scripts)."""
    # A record appended by `python -m generator new` carries the example name; `check` warns.
    skeletons = re.compile(
        "|".join(rf"{re.escape(placeholder)}(?:-[0-9]+)?" for _, _, placeholder in KINDS.values())
    )
    first: dict[str, tuple[int, str]] = {}
    problems = []
    for i, record in enumerate(records):
        if record is None or skeletons.fullmatch(record.id):
            continue
        key = skeleton(record.name)
        if key in first:
            j, other = first[key]
            message = (
                f"Name „{record.name}“ ist von „{other}“ "
                f"({what} in Zeile {doc.line_of((section, j))}) "
            )
            message += "kaum zu unterscheiden; zwei Einträge brauchen verschiedene Namen"
            foreign = foreign_lookalikes(record.name) or foreign_lookalikes(other)
            message += f" ({'; '.join(foreign)})" if foreign else ""
            problems.append(doc.problem((section, i, "name"), message))
        else:
            first[key] = (i, record.name)
    return problems


def _duplicate_contacts(doc: Document, partners: Sequence[Partner | None]) -> list[Problem]:
    first: dict[str, DataPath] = {}
    problems = []
    for i, partner in enumerate(partners):
        for j, contact in enumerate(partner.regional_contacts if partner else ()):
            path = ("partners", i, "regional_contacts", j)
            if contact.id in first:
                line = doc.line_of(first[contact.id])
                message = (
                    f"Kennung „{contact.id}“ ist doppelt vergeben (Ansprechperson in Zeile {line})"
                )
                problems.append(doc.problem((*path, "id"), message))
            else:
                first[contact.id] = path
    return problems


def check_page_names(loaded: Loaded, docs: Docs) -> list[Problem]:
    """Ids that would replace a page the site writes itself (`index`, `bundesland`, …), per file."""
    from generator.addresses import FIXED_NAMES, RECORD_FOLDERS

    problems = []
    for folder, (file, section) in sorted(RECORD_FOLDERS.items()):
        if file not in loaded.files:
            continue
        doc = docs[file]
        for i, item_id in enumerate(raw_ids(doc, section)):
            if item_id in FIXED_NAMES.get(folder, ()):
                message = (
                    f"Kennung „{item_id}“ ist nicht möglich: unter {folder}/{item_id} steht schon "
                    "eine Seite der Website selbst; bitte eine andere Kennung wählen"
                )
                problems.append(doc.problem((section, i, "id"), message))
    return sorted(set(problems))


Rule = Callable[[Loaded, Docs], list[Problem]]
# Each rule names the data files it needs; it runs when those files loaded, whatever else failed.
RULES: list[tuple[tuple[str, ...], Rule]] = [
    ((), check_page_names),
    (("partners.yaml", "networks.yaml"), check_directory),
    (("process.yaml",), check_process),
    (("agreement.yaml", "networks.yaml"), check_agreement),
    (("networks.yaml", "partners.yaml"), check_ambassadors),
    (("requests.yaml", "process.yaml", "partners.yaml", "networks.yaml"), check_requests),
    (("partners.yaml", "networks.yaml"), check_withdrawals),
    (("partners.yaml", "networks.yaml"), check_former_ids),
]
PAST_DATE_FILES = ("partners.yaml", "networks.yaml", "requests.yaml")
