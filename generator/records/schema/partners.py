"""The records of partners.yaml: partners with their national liaison and regional contacts."""

from __future__ import annotations

from pydantic import Field, StrictBool

from generator.records.fieldtypes import Day, Email, Id, Paragraph, Text, Url
from generator.records.schema.base import FormerIds, Person, Record, choices
from generator.records.schema.vocabulary import PARTNER_KINDS, STATES, PartnerKind, Presence, Scope


class RegionalContact(Person):
    """A regional contact person a partner named for one network (result of the contact procedure)."""  # noqa: E501

    id: Id = Field(
        title="Kennung",
        description="Eindeutige Kennung der Ansprechperson, ohne Namensbestandteile.",
        examples=["dguv-hannover"],
    )
    network: Id = Field(
        title="Netzwerk",
        description="Kennung des Netzwerks, für das die Person benannt ist.",
        examples=["hannover"],
    )
    named_on: Day | None = Field(
        None,
        title="Benannt am",
        description="Datum der Benennung (JJJJ-MM-TT).",
        examples=["2021-09-15"],
    )


class Liaison(Person):
    """The national liaison of a partner, with a deputy and a function mailbox for when the person is away."""  # noqa: E501

    deputy: Person | None = Field(
        None,
        title="Vertretung",
        description=(
            "Die Person, die die nationale Ansprechperson vertritt, mit denselben Feldern und "
            "denselben Regeln zur Einwilligung (`consent`)."
        ),
    )
    mailbox: Email | None = Field(
        None,
        title="Funktionspostfach",
        description=(
            "Funktionsadresse der Einrichtung für die Kontakte der regionalen Netzwerke (z. "
            "B. „netzwerke@…“), ohne Namen einer Person. Sie erscheint auch auf der öffentlichen "
            "Website, und die Geschäftsstelle schreibt an sie, wenn die Ansprechperson nicht "
            "erreichbar ist."
        ),
        examples=["netzwerke@example.org"],
    )


class Partner(Record):
    """A partner institution of the Offensive Mittelstand."""

    id: Id = Field(
        title="Kennung",
        description="Eindeutige Kennung; erscheint in der Adresse der Partnerseite.",
        examples=["hwk-hannover"],
    )
    name: Text = Field(
        title="Name",
        description="Vollständiger Name der Einrichtung.",
        examples=["Handwerkskammer Hannover"],
    )
    short_name: Text | None = Field(
        None, title="Kurzname", description="Gebräuchliche Abkürzung.", examples=["HWK Hannover"]
    )
    kind: PartnerKind = Field(
        title="Art",
        description="Art der Einrichtung: " + choices(PARTNER_KINDS) + ".",
        examples=["kammer"],
    )
    scope: Scope = Field(
        title="Ebene",
        description=(
            "`national` für bundesweite Partnerinstitutionen, "
            "`regional` für regionale Einrichtungen."
        ),
        examples=["regional"],
    )
    represented_in_regions: StrictBool = Field(
        False,
        title="In den Regionen vertreten",
        description=(
            "`true`, wenn eine nationale Partnerinstitution Regionalstellen hat. "
            "Dann muss sie eine nationale Ansprechperson (`liaison`) benennen. "
            "Stehen Länder unter `present_in`, ergibt es sich daraus und kann entfallen."
        ),
        examples=[True],
    )
    present_in: Presence = Field(
        default_factory=list,
        title="Vertreten in",
        description=(
            "Kürzel der Bundesländer, in denen eine nationale "
            "Partnerinstitution mit Regionalstellen vertreten ist, "
            "als Liste. Daraus folgt „In den Regionen vertreten“ (das "
            "Feld `represented_in_regions` kann dann entfallen), "
            "und der Lückenplaner der internen Website zeigt den Partner "
            "bei jedem Netzwerk in diesen Ländern. Erlaubt: " + choices(STATES) + "."
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
        None,
        title="Beschreibung",
        description="Kurze Beschreibung für die Partnerseite.",
        examples=["Vertritt …"],
    )
    liaison: Liaison | None = Field(
        None,
        title="Nationale Ansprechperson",
        description=(
            "Die eine Ansprechperson auf nationaler Ebene für die Kontakte der regionalen "
            "Netzwerke (Beschluss des Koordinierungsteams). Nur bei `scope: national`."
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
    left_on: Day | None = Field(
        None,
        title="Ausgetreten am",
        description=(
            "Datum, an dem die Einrichtung die Offensive Mittelstand verlassen hat (JJJJ-MM-TT). "
            "Von da an erscheint sie nicht mehr als Partner und nicht mehr als Beteiligte eines "
            "Netzwerks; ihre Seite sagt, dass sie ehemaliger Partner ist, und ihre Anfragen "
            "bleiben im Protokoll. Die Prüfung warnt, solange ein Netzwerk sie noch unter "
            "`partners` führt."
        ),
        examples=["2026-12-31"],
    )
    former_ids: FormerIds = Field(
        default_factory=list,
        title="Frühere Kennungen",
        description=(
            "Kennungen, die der Partner früher hatte (trägt der Befehl `rename` ein). "
            "Unter jeder früheren Adresse bleibt eine Seite, die auf die neue weiterleitet. "
            "Keine andere Kennung darf sie verwenden."
        ),
        examples=[["owl-ihk"]],
    )


def represented_in_regions(partner: Partner) -> bool:
    """Represented in the regions: the partner names Länder (`present_in`) or sets the flag."""
    return bool(partner.present_in) or partner.represented_in_regions
