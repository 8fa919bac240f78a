"""Downloadable data of the directory: JSON, CSV for Excel and GeoJSON, with organisations' public fields only.

No export holds a field of a person, whatever the profile: the records below are built field by
field from the directory's organisations, so a new private field can never slip into a file.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import date

from jinja2 import Environment

from .model import Directory, NetworkEntry, PartnerEntry

FOLDER = "daten"
# Excel reads a cell starting with one of these as a formula (CSV injection); an apostrophe makes it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def network_record(n: NetworkEntry) -> dict:
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
        "verified_on": _iso(n.verified_on),
        "page": _page("netzwerke", n.id),
    }


def partner_record(p: PartnerEntry) -> dict:
    """The public fields of a partner institution, named as in partners.yaml; people only as „named: yes/no“."""
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
        "networks": [r.id for r in p.networks],
        "verified_on": _iso(p.verified_on),
        "page": _page("partner", p.id),
    }


def _page(section: str, entry_id: str) -> str:
    """The address of an entry's page below the site's root."""
    return f"{section}/{entry_id}/"


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def to_json(key: str, records: list[dict]) -> str:
    """A JSON document holding the records under one key, like the data file it comes from."""
    return json.dumps({key: records}, ensure_ascii=False, indent=2) + "\n"


def networks_geojson(directory: Directory) -> str:
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
                "page": _page("netzwerke", n.id),
            },
        }
        for n in directory.networks
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=2) + "\n"


def csv_cell(value: object) -> str:
    """A value as Excel should show it: one line, ja/nein, decimal comma, never read as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, float):
        return f"{value:.4f}".replace(".", ",")
    text = " ".join(str(value).split())
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(header: list[str], rows: list[list[object]]) -> str:
    """CSV as German Excel opens it: semicolons, CRLF, UTF-8 with byte order mark."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([csv_cell(value) for value in row] for row in rows)
    return "\ufeff" + buffer.getvalue()


# Columns of the CSV files: German heading and the value of an entry.
NETWORK_COLUMNS: tuple[tuple[str, Callable[[NetworkEntry], object]], ...] = (
    ("Kennung", lambda n: n.id),
    ("Name", lambda n: n.name),
    ("Region", lambda n: n.region),
    ("Bundesländer", lambda n: ", ".join(n.state_labels)),
    ("Status", lambda n: n.status_label),
    ("Status seit", lambda n: _iso(n.status_since)),
    ("Breitengrad", lambda n: n.lat),
    ("Längengrad", lambda n: n.lon),
    ("Kontaktstelle", lambda n: n.contact.organisation),
    ("E-Mail", lambda n: n.contact.email),
    ("Telefon", lambda n: n.contact.phone),
    ("Straße", lambda n: n.contact.street),
    ("PLZ", lambda n: n.contact.postcode),
    ("Ort", lambda n: n.contact.city),
    ("Website", lambda n: n.website),
    ("Partner", lambda n: ", ".join(m.name for m in n.members)),
    ("Zuletzt geprüft", lambda n: _iso(n.verified_on)),
    ("Seite", lambda n: _page("netzwerke", n.id)),
)
PARTNER_COLUMNS: tuple[tuple[str, Callable[[PartnerEntry], object]], ...] = (
    ("Kennung", lambda p: p.id),
    ("Name", lambda p: p.name),
    ("Kurzname", lambda p: p.short_name),
    ("Art", lambda p: p.kind_label),
    ("Ebene", lambda p: p.scope_label),
    ("In den Regionen vertreten", lambda p: p.represented_in_regions),
    ("Website", lambda p: p.website),
    ("Beschreibung", lambda p: p.description),
    ("Nationale Ansprechperson benannt", lambda p: p.liaison_named),
    ("Netzwerke", lambda p: ", ".join(r.name for r in p.networks)),
    ("Zuletzt geprüft", lambda p: _iso(p.verified_on)),
    ("Seite", lambda p: _page("partner", p.id)),
)


def table_csv(columns: tuple, entries: tuple) -> str:
    """One row per entry with the given columns."""
    return to_csv([name for name, _ in columns], [[value(entry) for _, value in columns] for entry in entries])


def export_files(env: Environment, directory: Directory) -> dict[str, str]:
    """The download files and the page that describes them."""
    return {
        f"{FOLDER}/networks.json": to_json("networks", [network_record(n) for n in directory.networks]),
        f"{FOLDER}/partners.json": to_json("partners", [partner_record(p) for p in directory.partners]),
        f"{FOLDER}/networks.csv": table_csv(NETWORK_COLUMNS, directory.networks),
        f"{FOLDER}/partners.csv": table_csv(PARTNER_COLUMNS, directory.partners),
        f"{FOLDER}/networks.geojson": networks_geojson(directory),
        f"{FOLDER}/index.md": env.get_template("exports.md.j2").render(d=directory, intern=directory.intern),
    }
