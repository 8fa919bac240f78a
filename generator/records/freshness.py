"""Freshness: records whose last check (`verified_on`) is too old, as warnings and a list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.problems import Path, Problem
from generator.records.loaded import Records
from generator.records.schema.kinds import KINDS
from generator.settings import outdated

# Data file → folder of the record's page, so the internal list can link to it.
PAGES = {"partners.yaml": "partner", "networks.yaml": "netzwerke"}


@dataclass(frozen=True)
class StaleRecord:
    """A record that should be checked again."""

    file: str
    line: int
    path: Path
    id: str
    name: str
    page: str | None
    verified_on: date | None
    age_days: int | None
    record_line: int = 1  # where the record starts (its verified_on may be missing)


def stale_records(records: Records, today: date, max_age: int) -> list[StaleRecord]:
    """Every record with a `verified_on` missing or older than max_age days, in file order."""
    stale = []
    # Partners and networks, the records that carry verified_on
    for kind, (file, section, _) in KINDS.items():
        doc = records.documents[file]
        for i, item in enumerate(records.of_kind(kind)):
            verified = item.verified_on
            if outdated(verified, today, max_age):
                path = (section, i, "verified_on")
                stale.append(
                    StaleRecord(
                        file=f"data/{file}",
                        line=doc.line_of(path),
                        path=path,
                        id=item.id,
                        name=item.name,
                        page=f"{PAGES[file]}/{item.id}.md",
                        verified_on=verified,
                        age_days=(today - verified).days if verified else None,
                        record_line=doc.line_of((section, i)),
                    )
                )
    return stale


def freshness_warnings(records: Records, today: date, max_age: int) -> list[Problem]:
    """German warnings for `check`: one per outdated record, at its verified_on line."""
    warnings = []
    for record in stale_records(records, today, max_age):
        doc = records.documents[record.file.removeprefix("data/")]
        if record.verified_on is None:
            message = (
                "noch nie geprüft (verified_on fehlt); bitte "
                "prüfen und das Datum der Prüfung eintragen"
            )
        else:
            message = (
                f"zuletzt geprüft am {record.verified_on.isoformat()}, vor {record.age_days} Tagen "
                f"(mehr als {max_age}); bitte prüfen und verified_on aktualisieren"
            )
        warnings.append(doc.problem(record.path, message, warning=True))
    return warnings
