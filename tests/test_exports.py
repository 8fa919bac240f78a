"""Downloadable data: JSON, CSV for Excel and GeoJSON parse, match the directory and hold no field of a person."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import openpyxl
import pytest

from generator.model.directory import build_directory
from generator.pages.exports import csv_cell, export_files
from generator.pages.render import make_renderer
from generator.records.validate import load_records

from .support import DATA, replace_in

PERSON_KEYS = {"liaison", "regional_contacts", "person", "consent", "example", "function"}


@pytest.fixture(scope="module")
def records():
    return load_records(DATA)


@pytest.fixture(scope="module")
def files(records):
    return export_files(make_renderer(), build_directory(records, "public"))


def _keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for item in value.values() for k in _keys(item)}
    if isinstance(value, list):
        return {k for item in value for k in _keys(item)}
    return set()


def _files_of(data_dir):
    return export_files(make_renderer(), build_directory(load_records(data_dir), "public"))


def _xlsx_rows(files) -> dict[str, list[list[object]]]:
    book = openpyxl.load_workbook(io.BytesIO(files["daten/verzeichnis.xlsx"]))
    return {sheet.title: [[cell.value for cell in row] for row in sheet.iter_rows()] for sheet in book}


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
    assert muenchen["page"] == "https://netzwerke.example.org/netzwerke/muenchen/"


def test_partners_json_tells_whether_a_liaison_is_named_but_not_who(files, records):
    partners = json.loads(files["daten/partners.json"])["partners"]
    # A partner that left (left_on) is listed nowhere, in the downloads neither.
    assert {p["id"] for p in partners} == {p.id for p in records.partners if p.left_on is None}
    dguv = next(p for p in partners if p["id"] == "dguv")
    assert dguv["liaison_named"] is True and dguv["networks"][0] == "beispiel-dresden"
    assert not _keys(partners) & PERSON_KEYS


def test_exports_are_the_same_for_the_internal_profile_so_no_person_can_enter_them(files, records):
    intern = export_files(make_renderer(), build_directory(records, "intern"))
    assert intern == files


def test_no_person_of_the_sample_data_appears_in_any_export(files, records):
    people = [p.liaison for p in records.partners if p.liaison] + [
        c for p in records.partners for c in p.regional_contacts
    ]
    text = "\n".join(text for text in files.values() if isinstance(text, str)) + "\n".join(
        str(cell) for row in _xlsx_rows(files).values() for line in row for cell in line
    )
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
    assert muenchen["Telefon"] == "+49 89 0000 0100"  # a phone number cannot carry a formula: no apostrophe
    assert muenchen["PLZ"] == "80331" and muenchen["Ort"] == "München"
    partners_header, *partner_rows = _csv_rows(files["daten/partners.csv"])
    assert len(partner_rows) == len([p for p in records.partners if p.left_on is None])
    assert "Nationale Ansprechperson benannt" in partners_header


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x.example")', '\'=HYPERLINK("http://x.example")'),
        ("+49 30 1234", "+49 30 1234"),
        ("+49 30 1234 HYPERLINK", "'+49 30 1234 HYPERLINK"),
        ("\t=1+1", "'=1+1"),
        ("=1+1", "'=1+1"),
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
    files = export_files(make_renderer(), build_directory(load_records(data_dir), "public"))
    _, *rows = _csv_rows(files["daten/partners.csv"])
    rkw = next(r for r in rows if r[0] == "rkw")
    assert rkw[1] == "'=cmd|' /C calc'!A0"
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_workbook_keeps_postcodes_and_phone_numbers_as_text_and_coordinates_as_numbers(files, records):
    book = openpyxl.load_workbook(io.BytesIO(files["daten/verzeichnis.xlsx"]))
    assert book.sheetnames == ["Netzwerke", "Partner"]
    sheet = book["Netzwerke"]
    header = [cell.value for cell in sheet[1]]
    rows = {row[0].value: dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2)}
    assert len(rows) == len(records.networks)
    dresden, muenchen = rows["beispiel-dresden"], rows["muenchen"]
    assert dresden["PLZ"].value == "01067" and dresden["PLZ"].data_type == "s"
    assert dresden["PLZ"].number_format == "@"
    assert muenchen["Telefon"].value == "+49 89 0000 0100" and muenchen["Telefon"].data_type == "s"
    assert muenchen["Breitengrad"].value == 48.1372 and muenchen["Breitengrad"].data_type == "n"
    assert muenchen["Seite"].value == "https://netzwerke.example.org/netzwerke/muenchen/"
    partner_header = [cell.value for cell in book["Partner"][1]]
    dguv = next(row for row in book["Partner"].iter_rows(min_row=2, values_only=True) if row[0] == "dguv")
    assert dict(zip(partner_header, dguv, strict=True))["In den Regionen vertreten"] == "ja"


def test_a_formula_in_the_data_is_a_text_cell_in_the_workbook(data_dir):
    payload = "=cmd|' /C calc'!A0"
    replace_in(data_dir / "partners.yaml", "name: RKW Kompetenzzentrum", f'name: "{payload}"')
    book = openpyxl.load_workbook(io.BytesIO(_files_of(data_dir)["daten/verzeichnis.xlsx"]))
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    assert any(cell.value == payload and cell.data_type == "s" for cell in cells)
    assert not any(cell.data_type == "f" for cell in cells)


def test_workbook_bytes_depend_on_the_data_only(files):
    assert _files_of(DATA)["daten/verzeichnis.xlsx"] == files["daten/verzeichnis.xlsx"]
    with zipfile.ZipFile(io.BytesIO(files["daten/verzeichnis.xlsx"])) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 10, 28, 0, 0, 0)}  # latest verified_on


def test_downloads_page_names_licence_and_the_date_of_the_data(files):
    page = files["daten/index.md"]
    assert "- **Stand der Daten:** 28&#46; Oktober 2026" in page
    assert "[Datenlizenz Deutschland – Namensnennung – Version 2.0](https://www.govdata.de/dl-de/by-2-0)" in page
    assert "[verzeichnis.xlsx](verzeichnis.xlsx)" in page


def test_geojson_has_a_point_per_network_in_longitude_latitude_order(files, records):
    geo = json.loads(files["daten/networks.geojson"])
    assert geo["type"] == "FeatureCollection"
    assert len(geo["features"]) == len(records.networks)
    feature = next(f for f in geo["features"] if f["id"] == "beispiel-dresden")
    assert feature["geometry"] == {"type": "Point", "coordinates": [13.7373, 51.0504]}
    assert feature["properties"]["page"] == "https://netzwerke.example.org/netzwerke/beispiel-dresden/"


def test_built_site_serves_the_exports_and_links_them_from_the_overviews(public_site):
    for name in ("networks.json", "partners.json", "networks.csv", "partners.csv", "networks.geojson"):
        assert (public_site / "daten" / name).is_file()
    assert (public_site / "daten" / "verzeichnis.xlsx").read_bytes() == _files_of(DATA)["daten/verzeichnis.xlsx"]
    networks = (public_site / "netzwerke" / "index.html").read_text(encoding="utf-8")
    partners = (public_site / "partner" / "index.html").read_text(encoding="utf-8")
    for name in ("networks.json", "networks.csv", "networks.geojson"):
        assert f'href="../daten/{name}"' in networks
    for name in ("partners.json", "partners.csv"):
        assert f'href="../daten/{name}"' in partners
    assert (public_site / "daten" / "networks.csv").read_bytes().startswith(b"\xef\xbb\xbfKennung;Name;")


def test_workbook_columns_are_as_wide_as_their_values_within_limits(files):
    book = openpyxl.load_workbook(io.BytesIO(files["daten/verzeichnis.xlsx"]))
    for sheet in book:
        header = [cell.value for cell in sheet[1]]
        for number, name in enumerate(header, start=1):
            letter = openpyxl.utils.get_column_letter(number)
            longest = max(len(str(cell.value)) for cell in sheet[letter] if cell.value is not None)
            width = sheet.column_dimensions[letter].width
            assert 8 <= width <= 60, (sheet.title, name, width)
            assert width >= min(longest, 58), (sheet.title, name, width, longest)
    partners = book["Partner"]
    assert partners.column_dimensions["B"].width > partners.column_dimensions["A"].width  # names beside ids
