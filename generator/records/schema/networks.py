"""The records of networks.yaml: regional networks with place, contact, members, Botschafter."""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field
from pydantic.json_schema import JsonSchemaValue

from generator.records.fieldtypes import (
    Day,
    Email,
    Id,
    Latitude,
    Longitude,
    Paragraph,
    Phone,
    Postcode,
    Text,
    Url,
)
from generator.records.schema.base import FormerIds, Person, Record, choices
from generator.records.schema.vocabulary import (
    NETWORK_STATUSES,
    STATES,
    NetworkStatus,
    RemovedState,
    States,
)


class Location(Record):
    """A point on the map."""

    lat: Latitude = Field(
        title="Breitengrad",
        description="Geografische Breite in Grad (Deutschland).",
        examples=[52.3759],
    )
    lon: Longitude = Field(
        title="Längengrad",
        description="Geografische Länge in Grad (Deutschland).",
        examples=[9.732],
    )


class NetworkContact(Record):
    """The public contact of a network as an organisation, never a private person."""

    organisation: Text = Field(
        title="Organisation",
        description="Stelle, die das Netzwerk koordiniert.",
        examples=["Netzwerkbüro Hannover"],
    )
    email: Email = Field(
        title="E-Mail",
        description="Funktionsadresse des Netzwerks, keine persönliche.",
        examples=["kontakt@example.org"],
    )
    phone: Phone | None = Field(
        None, title="Telefon", description="Telefonnummer der Stelle.", examples=["+49 511 0000"]
    )
    street: Text | None = Field(
        None, title="Straße", description="Straße und Hausnummer.", examples=["Musterstraße 1"]
    )
    postcode: Postcode | None = Field(
        None, title="PLZ", description="Fünfstellige Postleitzahl.", examples=["30159"]
    )
    city: Text = Field(title="Ort", description="Ort der Stelle.", examples=["Hannover"])


class AgreementSignature(Record):
    """Which version of the agreement a network signed, and when."""

    version: Id = Field(
        title="Fassung",
        description=(
            "Kennung der unterzeichneten Fassung aus "
            "`agreement.yaml` (nur verabschiedete Fassungen)."
        ),
        examples=["2021-11-11"],
    )
    signed_on: Day = Field(
        title="Unterzeichnet am",
        description="Datum der Unterzeichnung (JJJJ-MM-TT).",
        examples=["2026-04-20"],
    )


def _signatures(value: object) -> object:
    """The list of signatures; a single section (the form before a history) is its one entry."""
    return [value] if isinstance(value, dict) else value


def _signatures_schema(schema: JsonSchemaValue) -> None:
    # Editors accept what the loader accepts: the list, or the single section written before.
    items = schema.pop("items")
    schema.pop("type", None)
    schema["anyOf"] = [{"type": "array", "items": items}, items]


Signatures = Annotated[list[AgreementSignature], BeforeValidator(_signatures)]


class Ambassador(Person):
    """A Botschafterin or Botschafter of a network: an advisor who carries the OM idea into other networks."""  # noqa: E501

    partner: Id | None = Field(
        None,
        title="Partner",
        description="Kennung der Partnerinstitution aus `partners.yaml`, für die die Person berät.",
        examples=["hwk-hannover"],
    )


class Network(Record):
    """A regional network of the Offensive Mittelstand."""

    id: Id = Field(
        title="Kennung",
        description="Eindeutige Kennung; erscheint in der Adresse der Netzwerkseite.",
        examples=["hannover"],
    )
    name: Text = Field(
        title="Name",
        description="Name des Netzwerks.",
        examples=["Offensive Mittelstand Region Hannover"],
    )
    region: Text = Field(
        title="Region",
        description="Region, die das Netzwerk abdeckt.",
        examples=["Region Hannover"],
    )
    states: States = Field(
        title="Bundesländer",
        description=(
            "Kürzel der Bundesländer, in denen das Netzwerk arbeitet, als Liste; zuerst das Land "
            "des Sitzes. Das Netzwerk erscheint auf der Seite jedes genannten Landes. Erlaubt: "
            + choices(STATES)
            + "."
        ),
        examples=[["NI"], ["ST", "NI", "TH"]],
    )
    state: RemovedState = Field(
        None,
        exclude=True,
        title="Bundesland (alt)",
        description="Ersetzt durch `states`; wird als Fehler mit Hinweis gemeldet.",
        examples=["NI"],
    )
    location: Location = Field(
        title="Lage", description="Punkt für die Karte (meist der Sitz des Netzwerks)."
    )
    status: NetworkStatus = Field(
        title="Status",
        description="Stand des Netzwerks: " + choices(NETWORK_STATUSES) + ".",
        examples=["initiative"],
    )
    status_since: Day | None = Field(
        None,
        title="Status seit",
        description="Datum, seit dem der Status gilt.",
        examples=["2021-06-23"],
    )
    status_as_of: Day | None = Field(
        None,
        title="Status laut Stand",
        description=(
            "Datum einer Liste oder Quelle, die den Status an diesem Tag nennt "
            "(„Stand 23.06.2021“); sagt nicht, seit wann er gilt. Die Seite zeigt „Stand: …“."
        ),
        examples=["2021-06-23"],
    )
    description: Paragraph | None = Field(
        None,
        title="Beschreibung",
        description="Kurze Beschreibung für die Netzwerkseite.",
        examples=["Das Netzwerk …"],
    )
    website: Url | None = Field(
        None,
        title="Website",
        description="Öffentliche Website.",
        examples=["https://www.example.org"],
    )
    contact: NetworkContact = Field(
        title="Kontakt", description="Öffentlicher Kontakt des Netzwerks als Organisation."
    )
    partners: list[Id] = Field(
        default_factory=list,
        title="Beteiligte Partner",
        description="Kennungen der beteiligten Partnerinstitutionen aus `partners.yaml`.",
        examples=[["dguv", "hwk-hannover"]],
    )
    agreement: Signatures = Field(
        default_factory=list,
        title="Vereinbarung",
        description=(
            "Die Unterschriften unter die Vereinbarung zur Zusammenarbeit in den Regionen, "
            "als Liste, die älteste zuerst: Unterzeichnet das Netzwerk eine neue Fassung, "
            "kommt ein Eintrag dazu, der alte bleibt. Ein einzelner Abschnitt mit `version` und "
            "`signed_on` (die frühere Schreibweise) gilt weiter."
        ),
        json_schema_extra=_signatures_schema,
    )
    ambassadors: list[Ambassador] = Field(
        default_factory=list,
        title="Botschafterinnen und Botschafter",
        description=(
            "Beraterinnen und Berater, die die OM-Gedanken in andere Netzwerke tragen. Name, "
            "E-Mail und Telefon erscheinen öffentlich nur mit einer Einwilligung (`consent` mit "
            "`given_on` und `via`, nicht widerrufen)."
        ),
    )
    verified_on: Day | None = Field(
        None,
        title="Zuletzt geprüft",
        description="Datum der letzten Prüfung.",
        examples=["2026-10-01"],
    )
    former_ids: FormerIds = Field(
        default_factory=list,
        title="Frühere Kennungen",
        description=(
            "Kennungen, die das Netzwerk früher hatte (trägt der Befehl `rename` ein). "
            "Unter jeder früheren Adresse bleibt eine Seite, die "
            "auf die neue weiterleitet, damit gedruckte Links "
            "und QR-Codes gültig bleiben. Keine andere Kennung darf sie verwenden."
        ),
        examples=[["owl"]],
    )
