"""Downloadable data: JSON, XLSX and CSV for Excel, GeoJSON, with organisations' public fields only.

No export holds a field of a person, whatever the profile: the records below are built field by
field from the directory's organisations, so a new private field can never slip into a file.
Every export names pages by their full address (`site_url` from mkdocs.yml), so it is useful
outside the site.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from datetime import date

from generator.addresses import DOWNLOADS, DOWNLOADS_INDEX, NETWORK_PAGES, PARTNER_PAGES
from generator.model.directory import Directory, NetworkEntry, PartnerEntry
from generator.pages.family import Deferred, Renderer
from generator.pages.workbook import workbook
from generator.records.fieldtypes import PHONE_PATTERN

# Excel reads a cell starting with these as a formula (CSV injection); an apostrophe makes it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A phone number as the data allows (digits, spaces, / ( ) -) can't be a formula: it keeps its „+“.
_PHONE = re.compile(PHONE_PATTERN)
# Codes and numbers with leading zeros or plus signs: text cells in the workbook, even when edited.
TEXT_COLUMNS = {"Kennung", "PLZ", "Telefon"}
LICENCE = (
    "Datenlizenz Deutschland – Namensnennung – Version 2.0",
    "https://www.govdata.de/dl-de/by-2-0",
)
# The workbook's date when no record has a check date yet: the date of the
# agreement's first version.
FALLBACK_DAY = date(2021, 6, 21)


def network_record(n: NetworkEntry, site_url: str) -> dict:
    """The public fields of a network, named as in networks.yaml."""
    c = n.contact
    return {
        "id": n.id,
        "name": n.name,
        "region": n.region,
        "states": list(n.states),
        "state_labels": list(n.state_labels),
        "location": {"lat": n.lat, "lon": n.lon},
        "status": n.status,
        "status_label": n.status_label,
        "status_since": _iso(n.status_since),
        "status_as_of": _iso(n.status_as_of),
        "description": n.description,
        "website": n.website,
        "contact": {
            "organisation": c.organisation,
            "email": c.email,
            "phone": c.phone,
            "street": c.street,
            "postcode": c.postcode,
            "city": c.city,
        },
        "partners": [m.id for m in n.members],
        "agreement": [
            {"version": s.version_id, "signed_on": _iso(s.signed_on)} for s in n.signatures
        ],
        "verified_on": _iso(n.verified_on),
        "former_ids": list(n.former_ids),
        "page": page_url(site_url, NETWORK_PAGES, n.id),
    }


def partner_record(p: PartnerEntry, site_url: str) -> dict:
    """A partner's public fields, named as in partners.yaml; people only as „named: yes/no“."""
    return {
        "id": p.id,
        "name": p.name,
        "short_name": p.short_name,
        "kind": p.kind,
        "kind_label": p.kind_label,
        "scope": p.scope,
        "scope_label": p.scope_label,
        "represented_in_regions": p.represented_in_regions,
        "website": p.website,
        "description": p.description,
        "liaison_named": p.liaison_named,
        "liaison_deputy_named": p.deputy_named,
        "liaison_mailbox": p.liaison_mailbox,
        "networks": [r.id for r in p.networks],
        "verified_on": _iso(p.verified_on),
        "former_ids": list(p.former_ids),
        "page": page_url(site_url, PARTNER_PAGES, p.id),
    }


def page_url(site_url: str, section: str, entry_id: str) -> str:
    """The full address of an entry's page."""
    return f"{site_url}{section}/{entry_id}/"


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def to_json(key: str, records: list[dict]) -> str:
    """A JSON document holding the records under one key, like the data file it comes from."""
    return json.dumps({key: records}, ensure_ascii=False, indent=2) + "\n"


def networks_geojson(directory: Directory, site_url: str) -> str:
    """The networks as a GeoJSON FeatureCollection of points (longitude, latitude)."""
    features = [
        {
            "type": "Feature",
            "id": n.id,
            "geometry": {"type": "Point", "coordinates": [n.lon, n.lat]},
            "properties": {
                "name": n.name,
                "region": n.region,
                "states": list(n.state_labels),
                "status": n.status_label,
                "partners": len(n.members),
                "page": page_url(site_url, NETWORK_PAGES, n.id),
            },
        }
        for n in directory.networks
    ]
    return (
        json.dumps(
            {"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=2
        )
        + "\n"
    )


def csv_cell(value: object) -> str:
    """A value as Excel should show it: one line, ja/nein, decimal comma, never read as formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, float):
        return f"{value:.4f}".replace(".", ",")
    text = " ".join(str(value).split())
    return "'" + text if text.startswith(FORMULA_STARTS) and not _PHONE.fullmatch(text) else text


def to_csv(header: list[str], rows: list[list[object]]) -> str:
    """CSV as German Excel opens it: semicolons, CRLF, UTF-8 with byte order mark."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([csv_cell(value) for value in row] for row in rows)
    return "\ufeff" + buffer.getvalue()


# Columns of the tables: German heading and the value of an entry (given the site's address).
NETWORK_COLUMNS: tuple[tuple[str, Callable[[NetworkEntry, str], object]], ...] = (
    ("Kennung", lambda n, _: n.id),
    ("Name", lambda n, _: n.name),
    ("Region", lambda n, _: n.region),
    ("Bundesländer", lambda n, _: ", ".join(n.state_labels)),
    ("Status", lambda n, _: n.status_label),
    ("Status seit", lambda n, _: _iso(n.status_since)),
    ("Status laut Stand", lambda n, _: _iso(n.status_as_of)),
    ("Breitengrad", lambda n, _: n.lat),
    ("Längengrad", lambda n, _: n.lon),
    ("Kontaktstelle", lambda n, _: n.contact.organisation),
    ("E-Mail", lambda n, _: n.contact.email),
    ("Telefon", lambda n, _: n.contact.phone),
    ("Straße", lambda n, _: n.contact.street),
    ("PLZ", lambda n, _: n.contact.postcode),
    ("Ort", lambda n, _: n.contact.city),
    ("Website", lambda n, _: n.website),
    ("Partner", lambda n, _: ", ".join(m.name for m in n.members)),
    ("Vereinbarung unterzeichnet", lambda n, _: _signatures(n)),
    ("Zuletzt geprüft", lambda n, _: _iso(n.verified_on)),
    ("Frühere Kennungen", lambda n, _: ", ".join(n.former_ids)),
    ("Seite", lambda n, site_url: page_url(site_url, NETWORK_PAGES, n.id)),
)
PARTNER_COLUMNS: tuple[tuple[str, Callable[[PartnerEntry, str], object]], ...] = (
    ("Kennung", lambda p, _: p.id),
    ("Name", lambda p, _: p.name),
    ("Kurzname", lambda p, _: p.short_name),
    ("Art", lambda p, _: p.kind_label),
    ("Ebene", lambda p, _: p.scope_label),
    ("In den Regionen vertreten", lambda p, _: p.represented_in_regions),
    ("Website", lambda p, _: p.website),
    ("Beschreibung", lambda p, _: p.description),
    ("Nationale Ansprechperson benannt", lambda p, _: p.liaison_named),
    ("Vertretung benannt", lambda p, _: p.deputy_named),
    ("Funktionspostfach", lambda p, _: p.liaison_mailbox),
    ("Netzwerke", lambda p, _: ", ".join(r.name for r in p.networks)),
    ("Zuletzt geprüft", lambda p, _: _iso(p.verified_on)),
    ("Frühere Kennungen", lambda p, _: ", ".join(p.former_ids)),
    ("Seite", lambda p, site_url: page_url(site_url, PARTNER_PAGES, p.id)),
)


def _signatures(n: NetworkEntry) -> str:
    """Every signature as „Fassung 2021-11-11 am 2026-04-20“, the newest first."""
    return ", ".join(
        f"Fassung {s.version_id} am {_iso(s.signed_on)}" for s in reversed(n.signatures)
    )


def _rows(columns: tuple, entries: tuple, site_url: str) -> list[list[object]]:
    return [[value(entry, site_url) for _, value in columns] for entry in entries]


def table_csv(columns: tuple, entries: tuple, site_url: str) -> str:
    """One row per entry with the given columns."""
    return to_csv([name for name, _ in columns], _rows(columns, entries, site_url))


def data_date(directory: Directory) -> date | None:
    """The date the data speaks for: the latest check of a network or partner, never the clock."""
    days = [n.verified_on for n in directory.networks] + [p.verified_on for p in directory.partners]
    return max((day for day in days if day), default=None)


def _one_of(files: Deferred, name: str) -> Deferred:
    """One download of several made together, deferred."""
    return Deferred(lambda: files()[name])


EXPORTS = (
    "networks.json",
    "partners.json",
    "verzeichnis.xlsx",
    "networks.csv",
    "partners.csv",
    "networks.geojson",
)


def export_files(renderer: Renderer, directory: Directory) -> dict[str, str | bytes | Deferred]:
    """The download files and the page that describes them."""
    site_url, day = renderer.site_url, data_date(directory)
    tables = {
        "Netzwerke": (NETWORK_COLUMNS, directory.networks),
        "Partner": (PARTNER_COLUMNS, directory.partners),
    }
    networks, partners = directory.networks, directory.partners

    def files() -> dict[str, str | bytes]:
        content: dict[str, str | bytes] = {
            "networks.json": to_json("networks", [network_record(n, site_url) for n in networks]),
            "partners.json": to_json("partners", [partner_record(p, site_url) for p in partners]),
            "verzeichnis.xlsx": workbook(
                {
                    title: ([name for name, _ in columns], _rows(columns, entries, site_url))
                    for title, (columns, entries) in tables.items()
                },
                TEXT_COLUMNS,
                day or FALLBACK_DAY,
            ),
            "networks.csv": table_csv(NETWORK_COLUMNS, networks, site_url),
            "partners.csv": table_csv(PARTNER_COLUMNS, partners, site_url),
            "networks.geojson": networks_geojson(directory, site_url),
        }
        assert tuple(content) == EXPORTS
        return content

    # Made again only when records changed; the preview makes them after the pages (Renderer.made).
    made = renderer.made(("exports", networks, partners, site_url, day), files, deferrable=True)
    pages: dict[str, str | bytes | Deferred]
    if isinstance(made, Deferred):
        pages = {f"{DOWNLOADS}/{name}": _one_of(made, name) for name in EXPORTS}
    else:
        pages = {f"{DOWNLOADS}/{name}": content for name, content in made.items()}
    pages[DOWNLOADS_INDEX] = renderer.render(
        "exports.md.j2",
        DOWNLOADS_INDEX,
        directory=directory,
        intern=directory.intern,
        data_date=day,
        licence=LICENCE,
    )
    return pages
