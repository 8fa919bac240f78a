"""The base of every record, and the person record shared by several files."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from ..fields import Email, Phone, Text


def choices(values) -> str:
    """The allowed values of a choice field for its description, as code."""
    return ", ".join(f"`{value}`" for value in values)


class Record(BaseModel):
    """A record of a data file: unknown fields are errors, values never change after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class Person(Record):
    """A named person; name, email and phone are private unless `consent` is true."""

    name: Text = Field(title="Name", description="Vor- und Nachname.", examples=["Erika Beispiel"])
    function: Text | None = Field(
        None,
        title="Funktion",
        description="Funktion oder Stelle in der Einrichtung.",
        examples=["Referentin Prävention"],
    )
    email: Email = Field(title="E-Mail", description="Dienstliche E-Mail-Adresse.", examples=["e.beispiel@example.org"])
    phone: Phone | None = Field(
        None,
        title="Telefon",
        description="Dienstliche Telefonnummer, am besten mit Vorwahl.",
        examples=["+49 511 123456"],
    )
    consent: StrictBool = Field(
        False,
        title="Einwilligung",
        description=(
            "`true` nur, wenn die Person schriftlich eingewilligt hat, dass Name, E-Mail und Telefon öffentlich "
            "erscheinen. Ohne `true` stehen diese Angaben nur auf der internen Website. Von nationalen "
            "Ansprechpersonen zeigt die öffentliche Website auch mit `true` nur den Namen: Ihr Kontakt läuft "
            "immer über die OM-Geschäftsstelle."
        ),
        examples=[False],
    )
    example: StrictBool = Field(
        False,
        title="Beispiel",
        description="`true` kennzeichnet eine erfundene Beispielperson der Musterdaten.",
        examples=[True],
    )
