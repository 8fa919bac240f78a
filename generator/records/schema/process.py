"""The records of process.yaml: the contact procedure as decided by the coordination team."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import Field, StrictBool

from generator.records.fieldtypes import Email, Id, Paragraph, Text
from generator.records.schema.base import Record


class OfficeContact(Record):
    """The public address of the coordination office."""

    organisation: Text = Field(
        title="Organisation", description="Name der Stelle.", examples=["OM-Geschäftsstelle"]
    )
    email: Email = Field(
        title="E-Mail", description="Funktionsadresse der Stelle.", examples=["kontakt@example.org"]
    )


class Role(Record):
    """A role in the contact procedure."""

    id: Id = Field(title="Kennung", description="Kennung der Rolle.", examples=["office"])
    name: Text = Field(
        title="Name", description="Bezeichnung der Rolle.", examples=["OM-Koordinierungsstelle"]
    )
    short_name: Text | None = Field(
        None,
        title="Kurzname",
        description=(
            "Kurze Bezeichnung für das Ablaufdiagramm und die Schritte des Verfahrens; "
            "ohne Kurzname steht dort der Name."
        ),
        examples=["Koordinierungsstelle"],
    )
    description: Paragraph = Field(
        title="Beschreibung",
        description="Was die Rolle im Verfahren ausmacht.",
        examples=["Alle Kontakte laufen über sie."],
    )
    contact: OfficeContact | None = Field(
        None, title="Kontakt", description="Öffentliche Adresse (nur bei der Koordinierungsstelle)."
    )

    @property
    def label(self) -> str:
        """The short name, if any: in the diagram, beside each step, on the status board."""
        return self.short_name or self.name


class Step(Record):
    """A step of the contact procedure, in the order of the decision."""

    id: Id = Field(title="Kennung", description="Kennung des Schritts.", examples=["requested"])
    actor: Id = Field(
        title="Wer",
        description="Kennung der Rolle, die den Schritt ausführt.",
        examples=["network"],
    )
    to: Id | None = Field(
        None,
        title="An wen",
        description="Kennung der Rolle, an die sich der Schritt richtet.",
        examples=["office"],
    )
    title: Text = Field(
        title="Titel",
        description="Kurzer Titel des Schritts.",
        examples=["Bitte an die Koordinierungsstelle"],
    )
    text: Paragraph = Field(
        title="Text",
        description="Wortlaut des Beschlusses zu diesem Schritt.",
        examples=["Das regionale Netzwerk teilt …"],
    )
    logged: StrictBool = Field(
        False,
        title="Im Protokoll",
        description=(
            "`true`, wenn das Anfragen-Protokoll (requests.yaml) "
            "für diesen Schritt ein Datum erfasst."
        ),
        examples=[True],
    )


class ProcessFile(Record):
    """The file data/process.yaml: the contact procedure as decided by the coordination team."""

    title: Text = Field(
        title="Titel",
        description="Name des Verfahrens.",
        examples=["Verfahren zur Unterstützung der regionalen Netzwerke"],
    )
    problem: Paragraph = Field(
        title="Problem",
        description="Die Frage, die das Verfahren beantwortet.",
        examples=["Wie gewinnen wir …?"],
    )
    decided_by: Text = Field(
        title="Beschlossen von",
        description="Gremium, das das Verfahren beschlossen hat.",
        examples=["Koordinierungsteam der Offensive Mittelstand"],
    )
    roles: list[Role] = Field(title="Rollen", description="Die Beteiligten des Verfahrens.")
    steps: list[Step] = Field(title="Schritte", description="Die Schritte in ihrer Reihenfolge.")


# Steps the request log's rules name; their order comes from process.yaml (`logged: true` steps).
STEP_ASKED, STEP_NAMED = "liaison-asked", "person-named"
STEP_INFORMED, STEP_PASSED = "person-informed", "contact-passed"


def logged_steps(steps: Sequence[Step | None]) -> tuple[Step, ...]:
    """The steps the request log records a date for, in the order of the procedure."""
    return tuple(step for step in steps if step is not None and step.logged)
