"""The request log as the internal pages show it: each request with its steps, and the status board of a day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from generator.records.rules.requests import logged_steps

if TYPE_CHECKING:
    from generator.records.validate import Records


@dataclass(frozen=True)
class StepDate:
    """A logged step of one request: its date, or None while it is still to come."""

    id: str
    title: str
    actor: str
    day: date | None


@dataclass(frozen=True)
class RequestEntry:
    """A request of a network for a regional contact person of a partner; it holds no personal data."""

    id: str
    network_id: str
    network_name: str
    partner_id: str
    partner_name: str
    topic: str | None
    status: str
    steps: tuple[StepDate, ...]
    note: str | None
    line: int

    @property
    def done(self) -> tuple[StepDate, ...]:
        return tuple(step for step in self.steps if step.day is not None)

    @property
    def next_step(self) -> StepDate | None:
        return next((step for step in self.steps if step.day is None), None)

    @property
    def since(self) -> date | None:
        return self.done[-1].day if self.done else None


@dataclass(frozen=True)
class RequestLog:
    """All requests of the log, oldest first, and the days after which an open one is overdue."""

    overdue_after_days: int
    requests: tuple[RequestEntry, ...]

    @property
    def open(self) -> tuple[RequestEntry, ...]:
        return tuple(r for r in self.requests if r.status == "offen")


@dataclass(frozen=True)
class BoardRow:
    """An open request on the status board of one day."""

    request: RequestEntry
    waiting_days: int
    overdue: bool


def request_log(records: Records) -> RequestLog:
    """The validated request log joined with the names of networks, partners, steps and roles."""
    process = records.sections["process.yaml"]
    roles = {role.id: role.label for role in process["roles"] if role is not None}
    steps = logged_steps(process["steps"])
    networks = {n.id: n.name for n in records.networks}
    partners = {p.id: p.name for p in records.partners}
    doc = records.documents["requests.yaml"]
    log = records.sections["requests.yaml"]
    entries = tuple(
        RequestEntry(
            id=r.id,
            network_id=r.network,
            network_name=networks[r.network],
            partner_id=r.partner,
            partner_name=partners[r.partner],
            topic=r.topic,
            status=r.status,
            steps=tuple(StepDate(s.id, s.title, roles.get(s.actor, s.actor), r.steps.get(s.id)) for s in steps),
            note=r.note,
            line=doc.line_of(("requests", i)),
        )
        for i, r in enumerate(log["requests"])
    )
    return RequestLog(log["overdue_after_days"], entries)


def status_board(log: RequestLog, today: date) -> tuple[BoardRow, ...]:
    """The open requests on a given day, the longest-waiting first."""
    rows = []
    for request in log.open:
        since = request.since or today
        waiting = (today - since).days
        rows.append(BoardRow(request, waiting, waiting > log.overdue_after_days))
    return tuple(sorted(rows, key=lambda row: (-row.waiting_days, row.request.id)))
