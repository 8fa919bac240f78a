"""The weekly report as Markdown for a GitHub issue: overdue requests and records due for review.

Every data value is made inert for Markdown and HTML (as on the site), and `@`
cannot mention anyone.
"""

from __future__ import annotations

from datetime import date

from generator.model.directory import Directory, build_directory
from generator.model.requests import RequestEntry, status_board
from generator.pages.render import inert
from generator.records.validate import Records
from generator.settings import Profile, Settings


def _text(value: object) -> str:
    return str(inert(value)).replace("@", "&#64;")


def _row(cells: tuple) -> str:
    return "| " + " | ".join(_text(cell) for cell in cells) + " |"


def report(records: Records, today: date, max_age: int) -> tuple[str, int]:
    """The report's Markdown and how many items it lists (0: nothing due)."""
    directory = build_directory(records, Profile.INTERN, settings=Settings(today, max_age))
    log = directory.requests
    assert log is not None  # the internal profile always has the request log
    overdue = [row for row in status_board(log, today) if row.overdue]
    review = directory.review
    lines = [
        f"Stand: {today.isoformat()}. Erzeugt mit `python -m generator report` aus `data/`.",
        "",
        f"## Überfällige Anfragen ({len(overdue)})",
        "",
        f"Überfällig heißt: Seit dem letzten Schritt sind mehr als {log.overdue_after_days} Tage "
        "vergangen (`overdue_after_days` in `data/requests.yaml`).",
        "",
    ]
    if overdue:
        lines += [
            "| Anfrage | Netzwerk | Partner | Nächster Schritt | "
            "Am Zug | Schreiben an | Letzter Schritt am | Tage |"
        ]
        lines += ["| --- | --- | --- | --- | --- | --- | --- | ---: |"]
        for row in overdue:
            r = row.request
            step = r.next_step.title if r.next_step else "–"
            since = r.since.isoformat() if r.since else "–"
            actor, address = who_acts(r, directory)
            cells = (
                r.id,
                r.network_name,
                r.partner_name,
                step,
                actor,
                address,
                since,
                row.waiting_days,
            )
            lines.append(_row(cells))
    else:
        lines.append("Keine Anfrage ist überfällig.")
    lines += [
        "",
        f"## Zu prüfende Einträge ({len(review)})",
        "",
        f"Nie geprüft oder zuletzt vor mehr als {max_age} Tagen (`verified_on`).",
        "",
    ]
    if review:
        lines += [
            "| Eintrag | Art | Zuletzt geprüft | Tage | Stelle |",
            "| --- | --- | --- | ---: | --- |",
        ]
        for entry in review:
            checked = entry.verified_on.isoformat() if entry.verified_on else "nie"
            age = entry.age_days if entry.age_days is not None else "–"
            lines.append(_row((entry.name, entry.kind, checked, age, entry.source)))
    else:
        lines.append("Kein Eintrag ist fällig.")
    return "\n".join(lines) + "\n", len(overdue) + len(review)


def who_acts(request: RequestEntry, directory: Directory) -> tuple[str, str]:
    """The role the procedure gives the next step, and whom the office writes to about it.

    The office takes its own steps and writes to the role they are addressed to; a step of the
    partner or the network is theirs to take, and the office reminds them.
    """
    step = request.next_step
    if step is None:
        return "–", "–"
    role = step.actor
    target = step.to_id if step.actor_id == directory.office_role.id else step.actor_id
    return role, _address(target, request, directory)


def _address(role: str | None, request: RequestEntry, directory: Directory) -> str:
    """The person or mailbox of a role for this request: the liaison (or mailbox), the office."""
    if role == "network":
        network = next((n for n in directory.networks if n.id == request.network_id), None)
        return f"{network.contact.organisation}, {network.contact.email}" if network else "–"
    if role == "partner":
        partners = (*directory.partners, *directory.former_partners)
        partner = next((p for p in partners if p.id == request.partner_id), None)
        if partner is None:
            return "–"
        people = [f"{c.name}, {c.email}" for c in (partner.liaison,) if c and c.email]
        deputy = partner.liaison_deputy
        people += [f"Vertretung: {deputy.name}, {deputy.email}"] if deputy and deputy.email else []
        if partner.liaison_mailbox:
            people.append(f"Funktionspostfach {partner.liaison_mailbox}")
        return "; ".join(people) or "keine nationale Ansprechperson eingetragen"
    office = directory.office
    return f"{office.organisation}, {office.email}" if office else "–"
