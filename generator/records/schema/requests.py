"""The records of requests.yaml: the log of requests for regional contact persons."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from generator.records.fieldtypes import Day, DayCount, Id, Paragraph, Text
from generator.records.schema.base import Record

REQUEST_STATUSES = {"offen": "offen", "erledigt": "erledigt", "eingestellt": "eingestellt"}


# mypy reads no Literal built from a table's keys; to it the choices are plain text
if TYPE_CHECKING:
    RequestStatus = str
else:
    RequestStatus = Literal[tuple(REQUEST_STATUSES)]


class Request(Record):
    """A network's request for a regional contact person of a national partner, with the dates of its steps."""  # noqa: E501

    id: Id = Field(
        title="Kennung",
        description="Eindeutige Kennung der Anfrage, am besten Jahr, Netzwerk und Partner.",
        examples=["2026-harz-zdh"],
    )
    network: Id = Field(
        title="Netzwerk",
        description="Kennung des anfragenden Netzwerks aus `networks.yaml`.",
        examples=["harz"],
    )
    partner: Id = Field(
        title="Partner",
        description="Kennung der angefragten nationalen Partnerinstitution.",
        examples=["zdh"],
    )
    topic: Text | None = Field(
        None,
        title="Thema",
        description="Wofür das Netzwerk eine Ansprechperson sucht (ohne Namen von Personen).",
        examples=["Betriebsnachfolge im Handwerk"],
    )
    status: RequestStatus = Field(
        "offen",
        title="Status",
        description=(
            "`offen`, solange das Verfahren läuft; `erledigt`, wenn die Kontaktdaten "
            "weitergegeben sind; `eingestellt`, wenn die Anfrage ohne Ergebnis endet."
        ),
        examples=["offen"],
    )
    steps: dict[str, Day] = Field(
        default_factory=dict,
        title="Schritte",
        description=(
            "Datum jedes erledigten Schritts: Kennung des Schritts aus `process.yaml` (nur "
            "Schritte mit `logged: true`, in ihrer Reihenfolge), Doppelpunkt, Datum (JJJJ-MM-TT)."
        ),
        examples=[{"requested": "2026-10-12"}],
    )
    person: Id | None = Field(
        None,
        title="Benannte Person",
        description=(
            "Kennung der benannten regionalen Ansprechperson aus `partners.yaml` "
            "(regional_contacts), sobald der Partner sie benannt hat. Hier steht nie ein Name."
        ),
        examples=["zdh-harz"],
    )
    note: Paragraph | None = Field(
        None,
        title="Notiz",
        description=(
            "Kurze Notiz zum Stand, etwa warum eine Anfrage eingestellt wurde (ohne Personendaten)."
        ),
        examples=["Der Partner hat in der Region keine Stelle."],
    )


class RequestsFile(Record):
    """The file data/requests.yaml: the log of requests for regional contact persons."""

    overdue_after_days: DayCount = Field(
        30,
        title="Überfällig nach (Tagen)",
        description=(
            "Nach wie vielen Tagen ohne neuen Schritt eine offene "
            "Anfrage auf der internen Website als überfällig gilt."
        ),
        examples=[30],
    )
    requests: list[Request] = Field(
        default_factory=list, title="Anfragen", description="Alle Anfragen, die älteste zuerst."
    )
