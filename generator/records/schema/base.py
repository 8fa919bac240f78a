"""The base of every record, and the person record shared by several files."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError

from generator.problems import shown
from generator.records.fieldtypes import Day, Email, Id, Phone, Text


def choices(values: Iterable[str]) -> str:
    """The allowed values of a choice field for its description, as code."""
    return ", ".join(f"`{value}`" for value in values)


class Record(BaseModel):
    """A record of a data file: unknown fields are errors, values never change after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class Consent(Record):
    """A person's consent to be named on the public site: when and how it was given, for the record."""  # noqa: E501

    given_on: Day = Field(
        title="Eingewilligt am",
        description="Datum der schriftlichen Einwilligung (JJJJ-MM-TT).",
        examples=["2026-03-02"],
    )
    via: Text = Field(
        title="Wie",
        description=(
            "Wie die Einwilligung vorliegt und wo sie abgelegt ist, z. B. „E-Mail an die "
            "Geschäftsstelle“ oder „unterschriebenes Formular, Ordner Einwilligungen“."
        ),
        examples=["E-Mail an die Geschäftsstelle"],
    )
    withdrawn_on: Day | None = Field(
        None,
        title="Widerrufen am",
        description=(
            "Datum, an dem die Person ihre Einwilligung widerrufen hat (JJJJ-MM-TT). "
            "Ab diesem Tag gilt sie als Person ohne Einwilligung: Die öffentliche Website nennt "
            "sie nicht mehr. `given_on` und `via` bleiben als Nachweis stehen (Art. 7 Abs. 1 "
            "DSGVO); die interne Seite „Einträge prüfen“ zeigt, was noch zu löschen ist."
        ),
        examples=["2026-11-30"],
    )

    @property
    def in_force(self) -> bool:
        """Whether consent holds: given and not withdrawn (a withdrawal is never dated ahead)."""
        return self.withdrawn_on is None


def _consent(value: object) -> object:
    """`false` (or nothing) means no consent; consent on record is a section with date and route."""
    if value is False:
        return None
    if value is True:
        raise PydanticCustomError(
            "om_consent",
            "bitte festhalten, wann und wie die Person "
            "eingewilligt hat: unter „consent:“ die Felder "
            "„given_on: JJJJ-MM-TT“ und „via: …“ eintragen (ohne Einwilligung: „consent: false“)",
        )
    if value is not None and not isinstance(value, dict):
        raise PydanticCustomError(
            "om_consent",
            "muss false sein oder ein Abschnitt mit „given_on“, "
            "„via“ und gegebenenfalls „withdrawn_on“ ({value})",
            {"value": shown(value)},
        )
    return value


def _consent_schema(schema: JsonSchemaValue) -> None:
    # Editors see what the loader accepts: the section, or false for "no consent".
    schema["anyOf"] = [option for option in schema["anyOf"] if option.get("type") != "null"] + [
        {"const": False}
    ]


ConsentField = Annotated[Consent | None, BeforeValidator(_consent)]


class Person(Record):
    """A named person; name, email and phone are private unless `consent` records their consent."""

    name: Text = Field(title="Name", description="Vor- und Nachname.", examples=["Erika Beispiel"])
    function: Text | None = Field(
        None,
        title="Funktion",
        description="Funktion oder Stelle in der Einrichtung.",
        examples=["Referentin Prävention"],
    )
    email: Email = Field(
        title="E-Mail",
        description="Dienstliche E-Mail-Adresse.",
        examples=["e.beispiel@example.org"],
    )
    phone: Phone | None = Field(
        None,
        title="Telefon",
        description="Dienstliche Telefonnummer, am besten mit Vorwahl.",
        examples=["+49 511 123456"],
    )
    consent: ConsentField = Field(
        None,
        title="Einwilligung",
        description=(
            "Nur eintragen, wenn die Person schriftlich eingewilligt hat, dass Name, "
            "E-Mail und Telefon öffentlich erscheinen: ein Abschnitt mit `given_on` (Datum) "
            "und `via` (wie die Einwilligung vorliegt). Ohne Einwilligung fehlt das Feld oder "
            "steht `false`; dann stehen diese Angaben nur auf der internen Website. "
            "Bei einem Widerruf bleibt der Abschnitt stehen und bekommt `withdrawn_on`. "
            "Von nationalen Ansprechpersonen zeigt die öffentliche Website auch mit Einwilligung "
            "nur den Namen: Ihr Kontakt läuft immer über die OM-Geschäftsstelle."
        ),
        json_schema_extra=_consent_schema,
    )
    example: StrictBool = Field(
        False,
        title="Beispiel",
        description="`true` kennzeichnet eine erfundene Beispielperson der Musterdaten.",
        examples=[True],
    )


# The ids a record had before `rename`: a page at each old address forwards to the new one.
FormerIds = list[Id]
