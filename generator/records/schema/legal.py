"""The records of legal.yaml: who runs the site, for Impressum and Datenschutzerklärung."""

from __future__ import annotations

from pydantic import Field, StrictBool

from generator.records.fieldtypes import Day, DayCount, Email, Phone, Postcode, Text, Url
from generator.records.schema.base import Record


class Operator(Record):
    """The organisation that runs the site (Diensteanbieter nach § 5 DDG, Verantwortlicher nach Art. 4 DSGVO)."""  # noqa: E501

    organisation: Text = Field(
        title="Name",
        description="Name der Einrichtung, die die Website betreibt.",
        examples=["Beispiel-Stiftung"],
    )
    legal_form: Text | None = Field(
        None,
        title="Rechtsform",
        description="Rechtsform, z. B. „eingetragener Verein“.",
        examples=["Stiftung"],
    )
    street: Text = Field(
        title="Straße",
        description="Straße und Hausnummer (ladungsfähige Anschrift).",
        examples=["Musterstraße 1"],
    )
    postcode: Postcode = Field(
        title="PLZ", description="Fünfstellige Postleitzahl.", examples=["10115"]
    )
    city: Text = Field(title="Ort", description="Ort der Anschrift.", examples=["Berlin"])
    email: Email = Field(
        title="E-Mail",
        description=(
            "Adresse für die schnelle Kontaktaufnahme (§ 5 "
            "DDG); hierhin gehen auch „Fehler melden“-Mails."
        ),
        examples=["geschaeftsstelle@example.org"],
    )
    phone: Phone | None = Field(
        None, title="Telefon", description="Telefonnummer.", examples=["+49 30 0000 0000"]
    )
    represented_by: list[Text] = Field(
        title="Vertreten durch",
        description=(
            "Vertretungsberechtigte Personen mit Funktion (bei juristischen Personen Pflicht)."
        ),
        examples=[["Erika Beispiel (Vorstand)"]],
    )
    registry_entry: Text | None = Field(
        None,
        title="Registereintrag",
        description="Register, Registergericht und Nummer, falls eingetragen.",
        examples=["Vereinsregister beim Amtsgericht Beispielstadt, VR 0000"],
    )
    vat_id: Text | None = Field(
        None,
        title="Umsatzsteuer-Identifikationsnummer",
        description="Umsatzsteuer-Identifikationsnummer, falls vorhanden.",
        examples=["DE000000000"],
    )


class Responsible(Record):
    """The person responsible for the content (§ 18 Abs. 2 MStV)."""

    name: Text = Field(title="Name", description="Vor- und Nachname.", examples=["Erika Beispiel"])
    street: Text = Field(
        title="Straße", description="Straße und Hausnummer.", examples=["Musterstraße 1"]
    )
    postcode: Postcode = Field(
        title="PLZ", description="Fünfstellige Postleitzahl.", examples=["10115"]
    )
    city: Text = Field(title="Ort", description="Ort der Anschrift.", examples=["Berlin"])


class Host(Record):
    """The static host that serves the public site and keeps its server logs (Auftragsverarbeiter)."""  # noqa: E501

    organisation: Text = Field(
        title="Name", description="Name des Hosting-Anbieters.", examples=["Beispiel-Hosting GmbH"]
    )
    address: Text = Field(
        title="Anschrift",
        description="Anschrift in einer Zeile.",
        examples=["Beispielweg 2, 20095 Hamburg"],
    )
    country: Text = Field(title="Land", description="Land des Sitzes.", examples=["Deutschland"])
    log_retention_days: DayCount = Field(
        title="Aufbewahrung der Server-Protokolle",
        description="Nach wie vielen Tagen der Anbieter die Server-Protokolle löscht (1 bis 365).",
        examples=["7"],
    )
    transfer: Text | None = Field(
        None,
        title="Übermittlung in ein Drittland",
        description=(
            "Nur bei Sitz außerhalb der EU: die Grundlage der Übermittlung (Art. 13 Abs. 1 f "
            "DSGVO), z. B. „Angemessenheitsbeschluss der EU-Kommission für die USA“."
        ),
        examples=["Angemessenheitsbeschluss der EU-Kommission"],
    )


class Authority(Record):
    """The data protection supervisory authority responsible for the operator."""

    organisation: Text = Field(
        title="Name",
        description="Name der Aufsichtsbehörde.",
        examples=["Landesbeauftragte für Datenschutz"],
    )
    address: Text = Field(
        title="Anschrift",
        description="Anschrift in einer Zeile.",
        examples=["Beispielplatz 3, 10115 Berlin"],
    )
    website: Url = Field(
        title="Website", description="Website der Behörde.", examples=["https://www.example.org"]
    )


class LegalFile(Record):
    """The file data/legal.yaml: the facts behind the Impressum and the Datenschutzerklärung."""

    example: StrictBool = Field(
        False,
        title="Beispiel",
        description=(
            "`true`, solange die Angaben Musterangaben sind; beide Seiten zeigen dann einen "
            "deutlichen Hinweis. Vor der Veröffentlichung durch die echten Angaben ersetzen und "
            "das Feld löschen (auf der Redaktionsseite die Auswahl leeren)."
        ),
        examples=[True],
    )
    updated_on: Day = Field(
        title="Stand",
        description="Datum der letzten Änderung der Angaben (JJJJ-MM-TT).",
        examples=["2026-11-30"],
    )
    operator: Operator = Field(
        title="Betreiber", description="Wer die Website betreibt und verantwortet."
    )
    responsible: Responsible = Field(
        title="Verantwortlich für den Inhalt",
        description="Verantwortliche Person nach § 18 Abs. 2 MStV.",
    )
    privacy_officer_email: Email | None = Field(
        None,
        title="Datenschutzbeauftragte Stelle",
        description="E-Mail-Adresse der oder des Datenschutzbeauftragten, falls benannt.",
        examples=["datenschutz@example.org"],
    )
    host: Host = Field(title="Hosting", description="Wer die öffentliche Website ausliefert.")
    supervisory_authority: Authority = Field(
        title="Aufsichtsbehörde",
        description="Zuständige Datenschutz-Aufsichtsbehörde (Beschwerderecht).",
    )
