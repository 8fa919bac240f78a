"""The records of the data files: one source for validation, field documentation and JSON Schema."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from .fields import Day, Email, Id, Latitude, Longitude, Paragraph, Phone, Postcode, Text, Url

PARTNER_KINDS = {
    "kammer": "Kammer",
    "verband": "Verband",
    "unfallversicherung": "Unfallversicherungsträger",
    "krankenversicherung": "Krankenversicherung",
    "forschung": "Forschungseinrichtung",
    "ministerium": "Ministerium oder Bundesbehörde",
    "arbeitsverwaltung": "Arbeitsverwaltung",
    "sozialpartner": "Sozialpartner",
    "beratung": "Beratungsnetzwerk",
    "sonstige": "Sonstige Einrichtung",
}
SCOPES = {"national": "bundesweit", "regional": "regional"}
NETWORK_STATUSES = {
    "initiative": "Initiative zum Musternetzwerk",
    "musternetzwerk": "Musternetzwerk",
    "pausiert": "pausiert",
}
STATES = {
    "BW": "Baden-Württemberg",
    "BY": "Bayern",
    "BE": "Berlin",
    "BB": "Brandenburg",
    "HB": "Bremen",
    "HH": "Hamburg",
    "HE": "Hessen",
    "MV": "Mecklenburg-Vorpommern",
    "NI": "Niedersachsen",
    "NW": "Nordrhein-Westfalen",
    "RP": "Rheinland-Pfalz",
    "SL": "Saarland",
    "SN": "Sachsen",
    "ST": "Sachsen-Anhalt",
    "SH": "Schleswig-Holstein",
    "TH": "Thüringen",
}

PartnerKind = Literal[tuple(PARTNER_KINDS)]  # type: ignore[valid-type]
Scope = Literal[tuple(SCOPES)]  # type: ignore[valid-type]
NetworkStatus = Literal[tuple(NETWORK_STATUSES)]  # type: ignore[valid-type]
State = Literal[tuple(STATES)]  # type: ignore[valid-type]


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
            "erscheinen. Ohne `true` stehen diese Angaben nur auf der internen Website."
        ),
        examples=[False],
    )
    example: StrictBool = Field(
        False,
        title="Beispiel",
        description="`true` kennzeichnet eine erfundene Beispielperson der Musterdaten.",
        examples=[True],
    )


class RegionalContact(Person):
    """A regional contact person a partner named for one network (result of the contact procedure)."""

    id: Id = Field(
        title="Kennung",
        description="Eindeutige Kennung der Ansprechperson, ohne Namensbestandteile.",
        examples=["dguv-hannover"],
    )
    network: Id = Field(
        title="Netzwerk", description="Kennung des Netzwerks, für das die Person benannt ist.", examples=["hannover"]
    )
    named_on: Day | None = Field(
        None, title="Benannt am", description="Datum der Benennung (JJJJ-MM-TT).", examples=["2021-09-15"]
    )


class Partner(Record):
    """A partner institution of the Offensive Mittelstand."""

    id: Id = Field(
        title="Kennung",
        description="Eindeutige Kennung; erscheint in der Adresse der Partnerseite.",
        examples=["hwk-hannover"],
    )
    name: Text = Field(
        title="Name", description="Vollständiger Name der Einrichtung.", examples=["Handwerkskammer Hannover"]
    )
    short_name: Text | None = Field(None, title="Kurzname", description="Gebräuchliche Abkürzung.", examples=["HWK"])
    kind: PartnerKind = Field(
        title="Art", description="Art der Einrichtung: " + ", ".join(PARTNER_KINDS) + ".", examples=["kammer"]
    )
    scope: Scope = Field(
        title="Ebene",
        description="`national` für bundesweite Partnerinstitutionen, `regional` für regionale Einrichtungen.",
        examples=["national"],
    )
    represented_in_regions: StrictBool = Field(
        False,
        title="In den Regionen vertreten",
        description=(
            "`true`, wenn eine nationale Partnerinstitution Regionalstellen hat. Dann muss sie eine "
            "nationale Ansprechperson (`liaison`) benennen."
        ),
        examples=[True],
    )
    website: Url | None = Field(
        None,
        title="Website",
        description="Öffentliche Website (http:// oder https://).",
        examples=["https://www.example.org"],
    )
    description: Paragraph | None = Field(
        None, title="Beschreibung", description="Kurze Beschreibung für die Partnerseite.", examples=["Vertritt …"]
    )
    liaison: Person | None = Field(
        None,
        title="Nationale Ansprechperson",
        description=(
            "Die eine Ansprechperson auf nationaler Ebene für die Kontakte der regionalen Netzwerke "
            "(Beschluss des Koordinierungsteams)."
        ),
    )
    regional_contacts: list[RegionalContact] = Field(
        default_factory=list,
        title="Regionale Ansprechpersonen",
        description="Für ein Netzwerk benannte Ansprechpersonen in der Region (Ergebnis des Verfahrens).",
    )
    verified_on: Day | None = Field(
        None,
        title="Zuletzt geprüft",
        description="Datum, an dem der Eintrag zuletzt geprüft wurde (JJJJ-MM-TT).",
        examples=["2026-10-01"],
    )


class Location(Record):
    """A point on the map."""

    lat: Latitude = Field(
        title="Breitengrad", description="Geografische Breite in Grad (Deutschland).", examples=[52.3759]
    )
    lon: Longitude = Field(
        title="Längengrad", description="Geografische Länge in Grad (Deutschland).", examples=[9.732]
    )


class NetworkContact(Record):
    """The public contact of a network as an organisation, never a private person."""

    organisation: Text = Field(
        title="Organisation", description="Stelle, die das Netzwerk koordiniert.", examples=["Netzwerkbüro Hannover"]
    )
    email: Email = Field(
        title="E-Mail",
        description="Funktionsadresse des Netzwerks, keine persönliche.",
        examples=["kontakt@example.org"],
    )
    phone: Phone | None = Field(
        None, title="Telefon", description="Telefonnummer der Stelle.", examples=["+49 511 0000"]
    )
    street: Text | None = Field(None, title="Straße", description="Straße und Hausnummer.", examples=["Musterstraße 1"])
    postcode: Postcode | None = Field(None, title="PLZ", description="Fünfstellige Postleitzahl.", examples=["30159"])
    city: Text = Field(title="Ort", description="Ort der Stelle.", examples=["Hannover"])


class Network(Record):
    """A regional network of the Offensive Mittelstand."""

    id: Id = Field(
        title="Kennung", description="Eindeutige Kennung; erscheint in der Adresse der Netzwerkseite.", examples=["owl"]
    )
    name: Text = Field(
        title="Name", description="Name des Netzwerks.", examples=["Offensive Mittelstand Ostwestfalen-Lippe"]
    )
    region: Text = Field(
        title="Region", description="Region, die das Netzwerk abdeckt.", examples=["Ostwestfalen-Lippe"]
    )
    state: State = Field(
        title="Bundesland", description="Kürzel des Bundeslands: " + ", ".join(STATES) + ".", examples=["NW"]
    )
    location: Location = Field(title="Lage", description="Punkt für die Karte (meist der Sitz des Netzwerks).")
    status: NetworkStatus = Field(
        title="Status", description="Stand des Netzwerks: " + ", ".join(NETWORK_STATUSES) + ".", examples=["initiative"]
    )
    status_since: Day | None = Field(
        None, title="Status seit", description="Datum, seit dem der Status gilt.", examples=["2021-06-23"]
    )
    description: Paragraph | None = Field(
        None, title="Beschreibung", description="Kurze Beschreibung für die Netzwerkseite.", examples=["Das Netzwerk …"]
    )
    website: Url | None = Field(
        None, title="Website", description="Öffentliche Website.", examples=["https://www.example.org"]
    )
    contact: NetworkContact = Field(title="Kontakt", description="Öffentlicher Kontakt des Netzwerks als Organisation.")
    partners: list[Id] = Field(
        default_factory=list,
        title="Beteiligte Partner",
        description="Kennungen der beteiligten Partnerinstitutionen aus `partners.yaml`.",
        examples=[["dguv", "hwk-hannover"]],
    )
    verified_on: Day | None = Field(
        None, title="Zuletzt geprüft", description="Datum der letzten Prüfung.", examples=["2026-10-01"]
    )


class PartnersFile(Record):
    """The file data/partners.yaml."""

    partners: list[Partner] = Field(title="Partner", description="Alle Partnerinstitutionen.")


class NetworksFile(Record):
    """The file data/networks.yaml."""

    networks: list[Network] = Field(title="Netzwerke", description="Alle regionalen Netzwerke.")


DATA_FILES = {"partners.yaml": PartnersFile, "networks.yaml": NetworksFile}
