"""The records of the data files: one source for validation, field documentation and JSON Schema."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from .fields import ClauseNumber, Day, DayCount, Email, Id, Latitude, Longitude, Paragraph, Phone, Postcode, Text, Url

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
AGREEMENT_STATUSES = {"entwurf": "Entwurf", "final": "finale Fassung", "verabschiedet": "verabschiedet"}
TIMELINE_STATES = {"erledigt": "erledigt", "offen": "offen"}
AgreementStatus = Literal[tuple(AGREEMENT_STATUSES)]  # type: ignore[valid-type]
TimelineState = Literal[tuple(TIMELINE_STATES)]  # type: ignore[valid-type]


def _choices(values) -> str:
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
        title="Art", description="Art der Einrichtung: " + _choices(PARTNER_KINDS) + ".", examples=["kammer"]
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
        title="Kennung", description="Eindeutige Kennung; erscheint in der Adresse der Netzwerkseite.", examples=["owl"]
    )
    name: Text = Field(
        title="Name", description="Name des Netzwerks.", examples=["Offensive Mittelstand Ostwestfalen-Lippe"]
    )
    region: Text = Field(
        title="Region", description="Region, die das Netzwerk abdeckt.", examples=["Ostwestfalen-Lippe"]
    )
    state: State = Field(
        title="Bundesland", description="Kürzel des Bundeslands: " + _choices(STATES) + ".", examples=["NW"]
    )
    location: Location = Field(title="Lage", description="Punkt für die Karte (meist der Sitz des Netzwerks).")
    status: NetworkStatus = Field(
        title="Status", description="Stand des Netzwerks: " + _choices(NETWORK_STATUSES) + ".", examples=["initiative"]
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


class OfficeContact(Record):
    """The public address of the coordination office."""

    organisation: Text = Field(title="Organisation", description="Name der Stelle.", examples=["OM-Geschäftsstelle"])
    email: Email = Field(title="E-Mail", description="Funktionsadresse der Stelle.", examples=["kontakt@example.org"])


class Role(Record):
    """A role in the contact procedure."""

    id: Id = Field(title="Kennung", description="Kennung der Rolle.", examples=["office"])
    name: Text = Field(title="Name", description="Bezeichnung der Rolle.", examples=["OM-Koordinierungsstelle"])
    short_name: Text | None = Field(
        None,
        title="Kurzname",
        description="Kurze Bezeichnung für das Ablaufdiagramm; ohne Kurzname steht dort der Name.",
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


class Step(Record):
    """A step of the contact procedure, in the order of the decision."""

    id: Id = Field(title="Kennung", description="Kennung des Schritts.", examples=["requested"])
    actor: Id = Field(title="Wer", description="Kennung der Rolle, die den Schritt tut.", examples=["network"])
    to: Id | None = Field(
        None, title="An wen", description="Kennung der Rolle, an die sich der Schritt richtet.", examples=["office"]
    )
    title: Text = Field(
        title="Titel", description="Kurzer Titel des Schritts.", examples=["Bitte an die Koordinierungsstelle"]
    )
    text: Paragraph = Field(
        title="Text",
        description="Wortlaut des Beschlusses zu diesem Schritt.",
        examples=["Das regionale Netzwerk teilt …"],
    )
    logged: StrictBool = Field(
        False,
        title="Im Protokoll",
        description="`true`, wenn das Anfragen-Protokoll (requests.yaml) für diesen Schritt ein Datum erfasst.",
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
        title="Problem", description="Die Frage, die das Verfahren beantwortet.", examples=["Wie gewinnen wir …?"]
    )
    decided_by: Text = Field(
        title="Beschlossen von",
        description="Gremium, das das Verfahren beschlossen hat.",
        examples=["Koordinierungsteam der Offensive Mittelstand"],
    )
    roles: list[Role] = Field(title="Rollen", description="Die Beteiligten des Verfahrens.")
    steps: list[Step] = Field(title="Schritte", description="Die Schritte in ihrer Reihenfolge.")


class Clause(Record):
    """A numbered section of the agreement."""

    id: Id = Field(
        title="Kennung",
        description="Bleibende Kennung über alle Fassungen; daran erkennt die Änderungsseite den Abschnitt wieder.",
        examples=["koordinierungsstelle"],
    )
    number: ClauseNumber = Field(title="Nummer", description="Nummer des Abschnitts (§ 1, § 2, …).", examples=["3"])
    title: Text = Field(
        title="Überschrift", description="Überschrift des Abschnitts.", examples=["Koordinierungsstelle"]
    )
    text: Paragraph = Field(title="Text", description="Wortlaut des Abschnitts.", examples=["Die Partner …"])
    basis: Text | None = Field(
        None,
        title="Grundlage",
        description="Quelle, auf der der Inhalt beruht.",
        examples=["Beschluss des Koordinierungsteams"],
    )


class AgreementVersion(Record):
    """One version of the agreement with its clauses."""

    id: Id = Field(title="Kennung", description="Eindeutige Kennung der Fassung.", examples=["2021-06-21"])
    date: Day = Field(title="Datum", description="Datum der Fassung (JJJJ-MM-TT).", examples=["2021-06-21"])
    status: AgreementStatus = Field(
        title="Status", description="Stand der Fassung: " + _choices(AGREEMENT_STATUSES) + ".", examples=["entwurf"]
    )
    draft_wording: StrictBool = Field(
        False,
        title="Wortlaut im Entwurf",
        description="`true`, wenn der Wortlaut ein Formulierungsvorschlag ist, den die Quellen so nicht enthalten.",
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
        None, title="Präambel", description="Einleitender Text vor den Abschnitten.", examples=["Die Partner …"]
    )
    clauses: list[Clause] = Field(title="Abschnitte", description="Die nummerierten Abschnitte in ihrer Reihenfolge.")


class TimelineStep(Record):
    """A step on the way to the adopted agreement."""

    title: Text = Field(title="Titel", description="Was geschieht.", examples=["Rückmeldung der Partner"])
    text: Paragraph | None = Field(
        None, title="Text", description="Erläuterung des Schritts.", examples=["Die Partner melden …"]
    )
    date: Day = Field(title="Datum", description="Datum oder Frist des Schritts (JJJJ-MM-TT).", examples=["2021-08-31"])
    deadline: StrictBool = Field(
        False, title="Frist", description="`true`, wenn das Datum eine Frist ist („bis …“).", examples=[True]
    )
    state: TimelineState = Field(
        title="Stand", description="Stand des Schritts: " + _choices(TIMELINE_STATES) + ".", examples=["erledigt"]
    )


class AgreementFile(Record):
    """The file data/agreement.yaml: the agreement on cooperation in the regions, its versions and its adoption."""

    title: Text = Field(
        title="Titel",
        description="Name der Vereinbarung.",
        examples=["Vereinbarung zur Zusammenarbeit in den Regionen"],
    )
    versions: list[AgreementVersion] = Field(title="Fassungen", description="Alle Fassungen, die älteste zuerst.")
    timeline: list[TimelineStep] = Field(
        title="Zeitplan", description="Die Schritte bis zur Verabschiedung in ihrer Reihenfolge."
    )


REQUEST_STATUSES = {"offen": "offen", "erledigt": "erledigt", "eingestellt": "eingestellt"}
RequestStatus = Literal[tuple(REQUEST_STATUSES)]  # type: ignore[valid-type]


class Request(Record):
    """A network's request for a regional contact person of a national partner, with the dates of its steps."""

    id: Id = Field(
        title="Kennung",
        description="Eindeutige Kennung der Anfrage, am besten Jahr, Netzwerk und Partner.",
        examples=["2026-harz-zdh"],
    )
    network: Id = Field(
        title="Netzwerk", description="Kennung des anfragenden Netzwerks aus `networks.yaml`.", examples=["harz"]
    )
    partner: Id = Field(
        title="Partner", description="Kennung der angefragten nationalen Partnerinstitution.", examples=["zdh"]
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
            "`offen`, solange das Verfahren läuft; `erledigt`, wenn die Kontaktdaten weitergegeben sind; "
            "`eingestellt`, wenn die Anfrage ohne Ergebnis endet."
        ),
        examples=["offen"],
    )
    steps: dict[str, Day] = Field(
        default_factory=dict,
        title="Schritte",
        description=(
            "Datum jedes erledigten Schritts: Kennung des Schritts aus `process.yaml` (nur Schritte mit "
            "`logged: true`, in ihrer Reihenfolge), Doppelpunkt, Datum (JJJJ-MM-TT)."
        ),
        examples=[{"requested": "2026-10-12"}],
    )
    person: Id | None = Field(
        None,
        title="Benannte Person",
        description=(
            "Kennung der benannten regionalen Ansprechperson aus `partners.yaml` (regional_contacts), "
            "sobald der Partner sie benannt hat. Hier steht nie ein Name."
        ),
        examples=["zdh-harz"],
    )
    note: Paragraph | None = Field(
        None,
        title="Notiz",
        description="Kurze Notiz zum Stand, etwa warum eine Anfrage eingestellt wurde (ohne Personendaten).",
        examples=["Der Partner hat in der Region keine Stelle."],
    )


class RequestsFile(Record):
    """The file data/requests.yaml: the log of requests for regional contact persons."""

    overdue_after_days: DayCount = Field(
        30,
        title="Überfällig nach (Tagen)",
        description=(
            "Nach wie vielen Tagen ohne neuen Schritt eine offene Anfrage auf der internen Website als überfällig gilt."
        ),
        examples=[30],
    )
    requests: list[Request] = Field(
        default_factory=list, title="Anfragen", description="Alle Anfragen, die älteste zuerst."
    )


DATA_FILES = {
    "partners.yaml": PartnersFile,
    "networks.yaml": NetworksFile,
    "process.yaml": ProcessFile,
    "agreement.yaml": AgreementFile,
    "requests.yaml": RequestsFile,
}
