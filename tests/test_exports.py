"""Downloadable data: JSON, CSV for Excel and GeoJSON parse, match the directory and hold no field of a person."""

from __future__ import annotations

import csv
import io
import json

import pytest

from generator.exports import csv_cell, export_files
from generator.model import build_directory
from generator.render import make_environment
from generator.validate import load_records

from .support import DATA, replace_in

PERSON_KEYS = {"liaison", "regional_contacts", "person", "consent", "example", "function"}


@pytest.fixture(scope="module")
def records():
    return load_records(DATA)


@pytest.fixture(scope="module")
def files(records):
    return export_files(make_environment(), build_directory(records, "public"))


def _keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for item in value.values() for k in _keys(item)}
    if isinstance(value, list):
        return {k for item in value for k in _keys(item)}
    return set()


def _csv_rows(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff"), "Excel needs the byte order mark to read UTF-8"
    return list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))


def test_networks_json_holds_every_network_with_its_public_fields(files, records):
    networks = json.loads(files["daten/networks.json"])["networks"]
    assert sorted(n["id"] for n in networks) == sorted(n.id for n in records.networks)
    assert [n["name"] for n in networks] == sorted((n["name"] for n in networks), key=str.casefold)
    muenchen = next(n for n in networks if n["id"] == "muenchen")
    assert muenchen["location"] == {"lat": 48.1372, "lon": 11.5755}
    assert muenchen["state_labels"] == ["Bayern"] and muenchen["contact"]["email"] == "muenchen@example.org"
    assert muenchen["partners"] == ["ba", "dguv", "dihk", "ihk-muenchen", "rkw"]
    assert muenchen["page"] == "netzwerke/muenchen/"


def test_partners_json_tells_whether_a_liaison_is_named_but_not_who(files, records):
    partners = json.loads(files["daten/partners.json"])["partners"]
    assert {p["id"] for p in partners} == {p.id for p in records.partners}
    dguv = next(p for p in partners if p["id"] == "dguv")
    assert dguv["liaison_named"] is True and dguv["networks"][0] == "beispiel-dresden"
    assert not _keys(partners) & PERSON_KEYS


def test_exports_are_the_same_for_the_internal_profile_so_no_person_can_enter_them(files, records):
    intern = export_files(make_environment(), build_directory(records, "intern"))
    assert intern == files


def test_no_person_of_the_sample_data_appears_in_any_export(files, records):
    people = [p.liaison for p in records.partners if p.liaison] + [
        c for p in records.partners for c in p.regional_contacts
    ]
    text = "\n".join(files.values())
    for person in people:
        assert person.name not in text and person.email not in text
        assert not person.phone or person.phone not in text


def test_csv_opens_in_excel_semicolons_bom_crlf_and_decimal_commas(files, records):
    raw = files["daten/networks.csv"]
    assert "\r\n" in raw and "\n" not in raw.replace("\r\n", "")
    header, *rows = _csv_rows(raw)
    assert header[:4] == ["Kennung", "Name", "Region", "Bundesländer"]
    assert len(rows) == len(records.networks)
    muenchen = dict(zip(header, next(r for r in rows if r[0] == "muenchen"), strict=True))
    assert muenchen["Breitengrad"] == "48,1372" and muenchen["Längengrad"] == "11,5755"
    assert muenchen["Telefon"] == "'+49 89 0000 0100"  # a leading + would start a formula
    assert muenchen["PLZ"] == "80331" and muenchen["Ort"] == "München"
    partners_header, *partner_rows = _csv_rows(files["daten/partners.csv"])
    assert len(partner_rows) == len(records.partners)
    assert "Nationale Ansprechperson benannt" in partners_header


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x.example")', '\'=HYPERLINK("http://x.example")'),
        ("+49 30 1234", "'+49 30 1234"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("IHK für München", "IHK für München"),
        ("zwei\nZeilen", "zwei Zeilen"),
        (True, "ja"),
        (None, ""),
        (51.05, "51,0500"),
    ],
)
def test_csv_cells_never_start_a_formula(value, cell):
    assert csv_cell(value) == cell


def test_a_formula_in_the_data_arrives_in_the_csv_as_text(data_dir):
    replace_in(data_dir / "partners.yaml", "name: RKW Kompetenzzentrum", "name: \"=cmd|' /C calc'!A0\"")
    files = export_files(make_environment(), build_directory(load_records(data_dir), "public"))
    _, *rows = _csv_rows(files["daten/partners.csv"])
    rkw = next(r for r in rows if r[0] == "rkw")
    assert rkw[1] == "'=cmd|' /C calc'!A0"
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_geojson_has_a_point_per_network_in_longitude_latitude_order(files, records):
    geo = json.loads(files["daten/networks.geojson"])
    assert geo["type"] == "FeatureCollection"
    assert len(geo["features"]) == len(records.networks)
    feature = next(f for f in geo["features"] if f["id"] == "beispiel-dresden")
    assert feature["geometry"] == {"type": "Point", "coordinates": [13.7373, 51.0504]}
    assert feature["properties"]["page"] == "netzwerke/beispiel-dresden/"


def test_built_site_serves_the_exports_and_links_them_from_the_overviews(public_site):
    for name in ("networks.json", "partners.json", "networks.csv", "partners.csv", "networks.geojson"):
        assert (public_site / "daten" / name).is_file()
    networks = (public_site / "netzwerke" / "index.html").read_text(encoding="utf-8")
    partners = (public_site / "partner" / "index.html").read_text(encoding="utf-8")
    for name in ("networks.json", "networks.csv", "networks.geojson"):
        assert f'href="../daten/{name}"' in networks
    for name in ("partners.json", "partners.csv"):
        assert f'href="../daten/{name}"' in partners
    assert (public_site / "daten" / "networks.csv").read_bytes().startswith(b"\xef\xbb\xbfKennung;Name;")
