"""The records of agreement.yaml: versions, clauses and adoption timeline of the agreement."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field, StrictBool

from generator.records.fieldtypes import ClauseNumber, Day, Id, Paragraph, Text
from generator.records.schema.base import Record, choices

AGREEMENT_STATUSES = {
    "entwurf": "Entwurf",
    "final": "finale Fassung",
    "verabschiedet": "verabschiedet",
}


TIMELINE_STATES = {"erledigt": "erledigt", "offen": "offen", "geplant": "geplant"}


# mypy reads no Literal built from a table's keys; to it the choices are plain text
if TYPE_CHECKING:
    AgreementStatus = str
    TimelineState = str
else:
    AgreementStatus = Literal[tuple(AGREEMENT_STATUSES)]
    TimelineState = Literal[tuple(TIMELINE_STATES)]


class Clause(Record):
    """A numbered section of the agreement."""

    id: Id = Field(
        title="Kennung",
        description=(
            "Bleibende Kennung über alle Fassungen; daran "
            "erkennt die Änderungsseite den Abschnitt wieder."
        ),
        examples=["koordinierungsstelle"],
    )
    number: ClauseNumber = Field(
        title="Nummer", description="Nummer des Abschnitts (§ 1, § 2, …).", examples=["3"]
    )
    title: Text = Field(
        title="Überschrift",
        description="Überschrift des Abschnitts.",
        examples=["Koordinierungsstelle"],
    )
    text: Paragraph = Field(
        title="Text", description="Wortlaut des Abschnitts.", examples=["Die Partner …"]
    )
    basis: Text | None = Field(
        None,
        title="Grundlage",
        description="Quelle, auf der der Inhalt beruht.",
        examples=["Beschluss des Koordinierungsteams"],
    )


class AgreementVersion(Record):
    """One version of the agreement with its clauses."""

    id: Id = Field(
        title="Kennung", description="Eindeutige Kennung der Fassung.", examples=["2021-06-21"]
    )
    date: Day = Field(
        title="Datum", description="Datum der Fassung (JJJJ-MM-TT).", examples=["2021-06-21"]
    )
    status: AgreementStatus = Field(
        title="Status",
        description="Stand der Fassung: " + choices(AGREEMENT_STATUSES) + ".",
        examples=["entwurf"],
    )
    draft_wording: StrictBool = Field(
        False,
        title="Wortlaut im Entwurf",
        description=(
            "`true`, wenn der Wortlaut ein Formulierungsvorschlag "
            "ist, den die Quellen so nicht enthalten."
        ),
        examples=[True],
    )
    example: StrictBool = Field(
        False,
        title="Beispiel",
        description="`true` kennzeichnet eine erfundene Beispielfassung der Musterdaten.",
        examples=[False],
    )
    note: Paragraph | None = Field(
        None,
        title="Hinweis",
        description="Hinweis zur Fassung, etwa was sich geändert hat.",
        examples=["Neu ist Abschnitt 3."],
    )
    preamble: Paragraph | None = Field(
        None,
        title="Präambel",
        description="Einleitender Text vor den Abschnitten.",
        examples=["Die Partner …"],
    )
    clauses: list[Clause] = Field(
        title="Abschnitte", description="Die nummerierten Abschnitte in ihrer Reihenfolge."
    )


class TimelineStep(Record):
    """A step on the way to the adopted agreement."""

    title: Text = Field(
        title="Titel", description="Was geschieht.", examples=["Rückmeldung der Partner"]
    )
    text: Paragraph | None = Field(
        None,
        title="Text",
        description="Erläuterung des Schritts.",
        examples=["Die Partner melden …"],
    )
    date: Day = Field(
        title="Datum",
        description="Datum oder Frist des Schritts (JJJJ-MM-TT).",
        examples=["2021-08-31"],
    )
    assumed: StrictBool = Field(
        False,
        title="Datum angenommen",
        description=(
            "`true`, wenn die Quellen für den Schritt kein Datum nennen und das Datum nur "
            "angenommen ist; die Seite der Vereinbarung zeigt dann „Datum angenommen“."
        ),
        examples=[True],
    )
    deadline: StrictBool = Field(
        False,
        title="Frist",
        description="`true`, wenn das Datum eine Frist ist („bis …“).",
        examples=[True],
    )
    state: TimelineState = Field(
        title="Stand",
        description=(
            "Stand des Schritts: "
            + choices(TIMELINE_STATES)
            + "; `geplant`, wenn eine Quelle den Schritt plant, "
            "aber nicht sagt, ob er stattfand."
        ),
        examples=["erledigt"],
    )


class AgreementFile(Record):
    """The file data/agreement.yaml: the agreement on cooperation in the regions, its versions and its adoption."""  # noqa: E501

    title: Text = Field(
        title="Titel",
        description="Name der Vereinbarung.",
        examples=["Vereinbarung zur Zusammenarbeit in den Regionen"],
    )
    versions: list[AgreementVersion] = Field(
        title="Fassungen", description="Alle Fassungen, die älteste zuerst."
    )
    timeline: list[TimelineStep] = Field(
        title="Zeitplan", description="Die Schritte bis zur Verabschiedung in ihrer Reihenfolge."
    )
