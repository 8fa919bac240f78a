"""The records of partners.yaml and networks.yaml: the directory of partners and regional networks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, StrictBool
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from generator.records.fieldtypes import Day, Email, Id, Latitude, Longitude, Paragraph, Phone, Postcode, Text, Url
from generator.records.schema.base import Person, Record, choices

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


if TYPE_CHECKING:  # mypy reads no Literal built from a table's keys; to it the choices are plain text
    PartnerKind = str
    Scope = str
    NetworkStatus = str
    State = str
else:
    PartnerKind = Literal[tuple(PARTNER_KINDS)]
    Scope = Literal[tuple(SCOPES)]
    NetworkStatus = Literal[tuple(NETWORK_STATUSES)]
    State = Literal[tuple(STATES)]


def _state_list(value: object) -> object:
    # A single `states: NI` or an empty list: say how the list is written.
    if not isinstance(value, list) or not value:
        raise PydanticCustomError("om_states", "muss eine Liste von Bundesländern sein, z. B. „states: [NI]“")
    return value


def _distinct_states(value: list[str]) -> list[str]:
    doubled = sorted({state for state in value if value.count(state) > 1})
    if doubled:
        raise PydanticCustomError("om_states", "Bundesland doppelt genannt: " + ", ".join(doubled))
    return value


def _removed_state(value: object) -> None:
    example = value if isinstance(value, str) and value in STATES else "NI"
    raise PydanticCustomError(
        "om_state_removed",
        f"das Feld „state“ heißt jetzt „states“ und ist eine Liste: bitte „states: [{example}]“ schreiben; "
        "ein Netzwerk über mehrere Länder nennt alle, z. B. „states: [ST, NI, TH]“",
    )


States = Annotated[
    list[State],
    BeforeValidator(_state_list),
    Field(min_length=1),
    AfterValidator(_distinct_states),
]


def _presence_list(value: object) -> object:
    # `present_in: NI` instead of a list: say how the list is written (an empty list is allowed).
    if not isinstance(value, list):
        raise PydanticCustomError("om_states", "muss eine Liste von Bundesländern sein, z. B. „present_in: [NI, HB]“")
    return value


Presence = Annotated[list[State], BeforeValidator(_presence_list), AfterValidator(_distinct_states)]
# The old single field: never valid, kept out of the JSON Schema, so the editor gets the migration hint.
RemovedState = SkipJsonSchema[Annotated[None, BeforeValidator(_removed_state)]]


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
    short_name: Text | None = Field(
        None, title="Kurzname", description="Gebräuchliche Abkürzung.", examples=["HWK Hannover"]
    )
    kind: PartnerKind = Field(
        title="Art", description="Art der Einrichtung: " + choices(PARTNER_KINDS) + ".", examples=["kammer"]
    )
    scope: Scope = Field(
        title="Ebene",
        description="`national` für bundesweite Partnerinstitutionen, `regional` für regionale Einrichtungen.",
        examples=["regional"],
    )
    represented_in_regions: StrictBool = Field(
        False,
        title="In den Regionen vertreten",
        description=(
            "`true`, wenn eine nationale Partnerinstitution Regionalstellen hat. Dann muss sie eine "
            "nationale Ansprechperson (`liaison`) benennen. Stehen Länder unter `present_in`, ergibt es "
            "sich daraus und kann entfallen."
        ),
        examples=[True],
    )
    present_in: Presence = Field(
        default_factory=list,
        title="Vertreten in",
        description=(
            "Kürzel der Bundesländer, in denen eine nationale Partnerinstitution mit Regionalstellen vertreten "
            "ist, als Liste. Daraus folgt „In den Regionen vertreten“ (das Feld `represented_in_regions` kann "
            "dann entfallen), und der Lückenplaner der internen Website zeigt den Partner bei jedem Netzwerk "
            "in diesen Ländern. Erlaubt: " + choices(STATES) + "."
        ),
        examples=[["NI", "HB", "ST"]],
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
            "(Beschluss des Koordinierungsteams). Nur bei `scope: national`."
        ),
    )
    regional_contacts: list[RegionalContact] = Field(
        default_factory=list,
        title="Regionale Ansprechpersonen",
        description=(
            "Für ein Netzwerk benannte Ansprechpersonen in der Region (Ergebnis des Verfahrens). "
            "Nur bei `scope: national`."
        ),
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


class AgreementSignature(Record):
    """Which version of the agreement a network signed, and when."""

    version: Id = Field(
        title="Fassung",
        description="Kennung der unterzeichneten Fassung aus `agreement.yaml` (nur verabschiedete Fassungen).",
        examples=["2021-11-11"],
    )
    signed_on: Day = Field(
        title="Unterzeichnet am", description="Datum der Unterzeichnung (JJJJ-MM-TT).", examples=["2026-04-20"]
    )


class Ambassador(Person):
    """A Botschafterin or Botschafter of a network: an advisor who carries the OM idea into other networks."""

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
        title="Name", description="Name des Netzwerks.", examples=["Offensive Mittelstand Region Hannover"]
    )
    region: Text = Field(title="Region", description="Region, die das Netzwerk abdeckt.", examples=["Region Hannover"])
    states: States = Field(
        title="Bundesländer",
        description=(
            "Kürzel der Bundesländer, in denen das Netzwerk arbeitet, als Liste; zuerst das Land des Sitzes. "
            "Das Netzwerk erscheint auf der Seite jedes genannten Landes. Erlaubt: " + choices(STATES) + "."
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
    location: Location = Field(title="Lage", description="Punkt für die Karte (meist der Sitz des Netzwerks).")
    status: NetworkStatus = Field(
        title="Status", description="Stand des Netzwerks: " + choices(NETWORK_STATUSES) + ".", examples=["initiative"]
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
    agreement: AgreementSignature | None = Field(
        None,
        title="Vereinbarung",
        description="Die unterzeichnete Fassung der Vereinbarung zur Zusammenarbeit in den Regionen.",
    )
    ambassadors: list[Ambassador] = Field(
        default_factory=list,
        title="Botschafterinnen und Botschafter",
        description=(
            "Beraterinnen und Berater, die die OM-Gedanken in andere Netzwerke tragen. Name, E-Mail und Telefon "
            "erscheinen öffentlich nur mit `consent: true`."
        ),
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


def represented_in_regions(partner: Partner) -> bool:
    """A partner is represented in the regions when it names Länder (`present_in`) or says so with the flag."""
    return bool(partner.present_in) or partner.represented_in_regions
