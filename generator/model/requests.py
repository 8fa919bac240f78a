"""The request log as internal pages show it: each request with its steps, a day's status board."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from generator.records.schema import Request, Step
from generator.records.schema.process import logged_steps

if TYPE_CHECKING:
    from generator.records.loaded import Records


@dataclass(frozen=True)
class StepDate:
    """A logged step of one request: its date, or None while it is still to come."""

    id: str
    title: str
    actor: str
    day: date | None
    actor_id: str = ""  # the roles of process.yaml: who takes the step, and whom it is addressed to
    to_id: str | None = None


@dataclass(frozen=True)
class RequestEntry:
    """A network's request for a regional contact person of a partner; it holds no personal data."""

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
    roles = {role.id: role.label for role in records.process.roles}
    steps = logged_steps(records.process.steps)
    networks = {network.id: network.name for network in records.networks}
    partners = {partner.id: partner.name for partner in records.partners}
    doc = records.documents["requests.yaml"]
    log = records.request_log
    entries = tuple(
        RequestEntry(
            id=request.id,
            network_id=request.network,
            network_name=networks[request.network],
            partner_id=request.partner,
            partner_name=partners[request.partner],
            topic=request.topic,
            status=request.status,
            steps=tuple(_step_date(step, request, roles) for step in steps),
            note=request.note,
            line=doc.line_of(("requests", i)),
        )
        for i, request in enumerate(log.requests)
    )
    return RequestLog(overdue_after_days=log.overdue_after_days, requests=entries)


def _step_date(step: Step, request: Request, roles: dict[str, str]) -> StepDate:
    """A logged step as a request has reached it (or not yet), with its role's label."""
    return StepDate(
        id=step.id,
        title=step.title,
        actor=roles.get(step.actor, step.actor),
        day=request.steps.get(step.id),
        actor_id=step.actor,
        to_id=step.to,
    )


def status_board(log: RequestLog, today: date) -> tuple[BoardRow, ...]:
    """The open requests on a given day, the longest-waiting first."""
    rows = []
    for request in log.open:
        since = request.since or today
        waiting = (today - since).days
        rows.append(
            BoardRow(
                request=request, waiting_days=waiting, overdue=waiting > log.overdue_after_days
            )
        )
    return tuple(sorted(rows, key=lambda row: (-row.waiting_days, row.request.id)))


@dataclass(frozen=True)
class StepDuration:
    """How long one step took: the median of days since the step before, over `count` requests."""

    id: str
    title: str
    median_days: float | None
    count: int

    @property
    def label(self) -> str:
        """The median as German text („4“, „2,5“), or „–“ where no request has reached the step."""
        if self.median_days is None:
            return "–"
        return f"{self.median_days:g}".replace(".", ",")


@dataclass(frozen=True)
class PartnerDurations:
    """The durations of the steps for the requests to one partner, and of the whole procedure."""

    partner_id: str
    partner_name: str
    steps: tuple[StepDuration, ...]
    total: StepDuration


def step_durations(requests: tuple[RequestEntry, ...]) -> tuple[StepDuration, ...]:
    """Per step after the first, median days since the step before, over requests with both."""
    if not requests:
        return ()
    durations = []
    for position in range(1, len(requests[0].steps)):
        days = _days_between(requests, position - 1, position)
        step = requests[0].steps[position]
        durations.append(
            StepDuration(id=step.id, title=step.title, median_days=_median(days), count=len(days))
        )
    return tuple(durations)


def total_duration(requests: tuple[RequestEntry, ...]) -> StepDuration:
    """Median days from the request to the contact passed on, over the requests that got so far."""
    days = _days_between(requests, 0, -1) if requests and requests[0].steps else []
    return StepDuration(
        id="total", title="Anfrage bis Weitergabe", median_days=_median(days), count=len(days)
    )


def partner_durations(log: RequestLog) -> tuple[PartnerDurations, ...]:
    """Durations per partner asked, partners in the order of their names."""
    partners = sorted(
        {(r.partner_name, r.partner_id) for r in log.requests},
        key=lambda p: (p[0].casefold(), p[1]),
    )
    rows = []
    for name, partner_id in partners:
        mine = tuple(r for r in log.requests if r.partner_id == partner_id)
        rows.append(
            PartnerDurations(
                partner_id=partner_id,
                partner_name=name,
                steps=step_durations(mine),
                total=total_duration(mine),
            )
        )
    return tuple(rows)


def _days_between(requests: tuple[RequestEntry, ...], first: int, then: int) -> list[int]:
    """Days from step `first` to step `then` (procedure positions) per request with both dates."""
    days = []
    for request in requests:
        start, end = request.steps[first].day, request.steps[then].day
        if start is not None and end is not None:
            days.append((end - start).days)
    return days


def _median(days: list[int]) -> float | None:
    return statistics.median(days) if days else None
