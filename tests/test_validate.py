"""Every mistake an editor can make gets one German line naming file, line and field."""

from __future__ import annotations

import pytest

from generator.records.schema import DATA_FILES
from generator.records.validate import Records, check_data

from .support import replace_in, run_cli, sample_records


def test_sample_data_is_valid(data_dir):
    assert check_data(data_dir) == []


def test_malformed_email_names_file_line_and_field(editor):
    assert editor("partners.yaml", "email: c.beispielmann@example.org", "email: max@") == [
        "data/partners.yaml:{line}: partners[0] „Deutsche Gesetzliche Unfallversicherung“ (dguv).liaison.email: "
        'keine gültige E-Mail-Adresse ("max@")'
    ]


def test_malformed_phone(editor):
    assert editor("partners.yaml", "phone: +49 30 0000 1001", "phone: Zentrale") == [
        "data/partners.yaml:{line}: partners[0] „Deutsche Gesetzliche Unfallversicherung“ (dguv).liaison.phone: "
        'keine gültige Telefonnummer, z. B. „+49 511 123456“ ("Zentrale")'
    ]


def _held(records: Records, name: str) -> dict[str, object]:
    """The sections of one data file as `Records` holds them, in one typed field per file."""
    return {
        "partners.yaml": {"partners": records.partners},
        "networks.yaml": {"networks": records.networks},
        "process.yaml": dict(records.process),
        "agreement.yaml": dict(records.agreement),
        "requests.yaml": dict(records.request_log),
        "legal.yaml": dict(records.legal),
    }[name]


@pytest.mark.parametrize("name", sorted(DATA_FILES))
def test_records_hold_each_data_file_as_validating_it_whole_would(name):
    """Sections are validated one by one and put together unchecked; the result is what one validation gives."""
    records = sample_records()
    whole = DATA_FILES[name].model_validate(records.documents[name].data)
    assert _held(records, name) == dict(whole)


def test_postcode_with_leading_zero_stays_a_string(data_dir):
    from generator.records.validate import load_records

    dresden = next(n for n in load_records(data_dir).networks if n.id == "beispiel-dresden")
    assert dresden.contact.postcode == "01067"


def test_malformed_postcode(editor):
    assert editor("networks.yaml", 'postcode: "30159"', 'postcode: "3015"') == [
        "data/networks.yaml:{line}: networks[2] „Musternetzwerk Hannover“ (hannover).contact.postcode: "
        'keine gültige Postleitzahl; fünf Ziffern, z. B. „01067“ ("3015")'
    ]


def test_malformed_date(editor):
    assert editor("partners.yaml", "named_on: 2021-10-04", "named_on: 04.10.2021") == [
        "data/partners.yaml:{line}: partners[0] „Deutsche Gesetzliche Unfallversicherung“ "
        "(dguv).regional_contacts[0].named_on: kein gültiges Datum; "
        'bitte JJJJ-MM-TT schreiben, z. B. „2021-06-21“ ("04.10.2021")'
    ]


def test_impossible_date(editor):
    assert editor("partners.yaml", "named_on: 2021-10-04", "named_on: 2021-02-30") == [
        "data/partners.yaml:{line}: partners[0] „Deutsche Gesetzliche Unfallversicherung“ "
        "(dguv).regional_contacts[0].named_on: "
        'diesen Tag gibt es im Kalender nicht ("2021-02-30")'
    ]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://www.dguv.de", "www.dguv.de", "https://exa mple.org"])
def test_only_http_and_https_urls(editor, url):
    assert editor("partners.yaml", "website: https://www.dguv.de", f"website: {url}") == [
        "data/partners.yaml:{line}: partners[0] „Deutsche Gesetzliche Unfallversicherung“ (dguv).website: keine "
        "gültige Webadresse; "
        f'erlaubt sind nur Adressen mit http:// oder https:// ("{url}")'
    ]


def test_unknown_field_suggests_the_closest_known_one(editor):
    assert editor("partners.yaml", "    website: https://www.dguv.de", "    webseite: https://www.dguv.de") == [
        "data/partners.yaml:{line}: partners[0] „Deutsche Gesetzliche Unfallversicherung“ (dguv).webseite: "
        "unbekanntes Feld „webseite“; meinten Sie „website“?"
    ]


def test_unknown_field_without_close_match_lists_the_known_ones(editor):
    found = editor("partners.yaml", "      example: true\n", "      geburtstag: 1970-01-01\n      example: true\n")
    assert found == [
        "data/partners.yaml:{line}: partners[0] „Deutsche Gesetzliche Unfallversicherung“ (dguv).liaison.geburtstag: "
        "unbekanntes Feld „geburtstag“; "
        "bekannt sind: name, function, email, phone, consent, example, deputy, mailbox"
    ]


def test_missing_required_field_is_reported_at_its_section(editor):
    contact_line = editor.line_of("networks.yaml", "organisation: Netzwerkbüro Hannover") - 1
    assert editor("networks.yaml", "      city: Hannover\n", "") == [
        f"data/networks.yaml:{contact_line}: networks[2] „Musternetzwerk Hannover“ (hannover).contact.city: "
        "Pflichtfeld fehlt"
    ]


def test_empty_required_field(editor):
    assert editor("networks.yaml", "region: Region Hannover", "region:") == [
        "data/networks.yaml:{line}: networks[2] „Musternetzwerk Hannover“ (hannover).region: darf nicht leer sein"
    ]


def test_yes_is_not_a_boolean(editor):
    assert editor("partners.yaml", "      example: true", "      example: yes") == [
        "data/partners.yaml:{line}: partners[0] „Deutsche Gesetzliche Unfallversicherung“ (dguv).liaison.example: "
        'muss true oder false sein ("yes")'
    ]


def test_quoted_true_is_not_a_boolean(editor):
    assert editor("partners.yaml", "      example: true", '      example: "true"') == [
        "data/partners.yaml:{line}: partners[0] „Deutsche Gesetzliche Unfallversicherung“ (dguv).liaison.example: "
        'muss true oder false sein ("true")'
    ]


def test_boolean_where_text_is_expected(editor):
    assert editor("partners.yaml", "short_name: DGUV", "short_name: true") == [
        "data/partners.yaml:{line}: partners[0] „Deutsche Gesetzliche Unfallversicherung“ (dguv).short_name: muss "
        "ein einzelner Text sein, ist aber ein Ja/Nein-Wert; "
        "Text mit true oder false bitte in Anführungszeichen setzen"
    ]


def test_list_where_text_is_expected(editor):
    assert editor("partners.yaml", "short_name: DGUV", "short_name: [DGUV, UV]") == [
        "data/partners.yaml:{line}: partners[0] „Deutsche Gesetzliche Unfallversicherung“ (dguv).short_name: muss "
        "ein einzelner Text sein, ist aber eine Liste"
    ]


def test_text_where_list_is_expected(editor):
    assert editor("networks.yaml", "partners: [dguv, zdh, aok]", "partners: dguv") == [
        "data/networks.yaml:{line}: networks[1] „Offensive Harzwirtschaft“ (harz).partners: muss eine Liste "
        "(Einträge mit „- “) sein, ist aber Text"
    ]


def test_unknown_choice_suggests_the_closest(editor):
    assert editor("partners.yaml", "kind: verband", "kind: verbände") == [
        "data/partners.yaml:{line}: partners[3] „Zentralverband des Deutschen Handwerks“ (zdh).kind: unbekannter "
        'Wert ("verbände"); erlaubt: kammer, verband, '
        "unfallversicherung, krankenversicherung, forschung, ministerium, arbeitsverwaltung, sozialpartner, "
        "beratung, sonstige; meinten Sie „verband“?"
    ]


def test_the_old_single_state_field_says_how_to_write_the_list(editor):
    record = editor.line_of("networks.yaml", "- id: hannover")
    assert editor("networks.yaml", "states: [NI]", "state: NI") == [
        f"data/networks.yaml:{record}: networks[2] „Musternetzwerk Hannover“ (hannover).states: Pflichtfeld fehlt",
        "data/networks.yaml:{line}: networks[2] „Musternetzwerk Hannover“ (hannover).state: das Feld „state“ heißt "
        "jetzt „states“ und ist eine Liste: "
        "bitte „states: [NI]“ schreiben; ein Netzwerk über mehrere Länder nennt alle, z. B. „states: [ST, NI, TH]“",
    ]


@pytest.mark.parametrize("value", ["NI", "[]"])
def test_states_must_be_a_list_of_at_least_one(editor, value):
    assert editor("networks.yaml", "states: [NI]", f"states: {value}") == [
        "data/networks.yaml:{line}: networks[2] „Musternetzwerk Hannover“ (hannover).states: muss eine Liste von "
        "Bundesländern sein, z. B. „states: [NI]“"
    ]


def test_a_state_named_twice_is_an_error(editor):
    assert editor("networks.yaml", "states: [ST, NI, TH]", "states: [ST, NI, ST]") == [
        "data/networks.yaml:{line}: networks[1] „Offensive Harzwirtschaft“ (harz).states: Bundesland doppelt "
        "genannt: ST"
    ]


def test_unknown_state_in_the_list(editor):
    found = editor("networks.yaml", "states: [RP, HE]", "states: [RP, HS]")
    assert found[0].startswith(
        "data/networks.yaml:{line}: networks[4] „Musternetzwerk Mainz/Wiesbaden“ (mainz-wiesbaden).states[1]: "
        'unbekannter Wert ("HS"); erlaubt: BW'
    )


def test_location_outside_germany(editor):
    assert editor("networks.yaml", "lat: 52.3759", "lat: 40.4168") == [
        "data/networks.yaml:{line}: networks[2] „Musternetzwerk Hannover“ (hannover).location.lat: liegt nicht in "
        "Deutschland; "
        'der Breitengrad muss zwischen 47 und 55,1 liegen ("40.4168")'
    ]


def test_coordinate_must_be_a_number(editor):
    assert editor("networks.yaml", "lat: 52.3759", "lat: 52,3759") == [
        "data/networks.yaml:{line}: networks[2] „Musternetzwerk Hannover“ (hannover).location.lat: keine gültige "
        'Dezimalzahl, z. B. „52.3759“ ("52,3759")'
    ]


def test_invalid_id(editor):
    found = editor("partners.yaml", "id: bmas\n", "id: BMAS Berlin\n")
    assert found == [
        "data/partners.yaml:{line}: partners[7] „Bundesministerium für Arbeit und Soziales“ (BMAS Berlin).id: keine "
        "gültige Kennung; erlaubt sind a–z, 0–9 und Bindestriche, "
        'z. B. „hwk-hannover“ ("BMAS Berlin")'
    ]


def test_duplicate_partner_id_names_the_first(editor):
    first = editor.line_of("partners.yaml", "  - id: baua")
    assert editor("partners.yaml", "  - id: bmas\n", "  - id: baua\n") == [
        f"data/partners.yaml:{{line}}: partners[7] „Bundesministerium für Arbeit und Soziales“ (baua).id: Kennung "
        f"„baua“ ist doppelt vergeben (Partner in Zeile {first})"
    ]


def test_duplicate_network_id(editor):
    found = editor("networks.yaml", "  - id: owl\n", "  - id: harz\n")
    assert found[0].startswith(
        "data/networks.yaml:{line}: networks[3] „Musternetzwerk Ostwestfalen-Lippe“ (harz).id: Kennung „harz“ ist "
        "doppelt vergeben"
    )


def test_unknown_partner_reference_suggests_the_closest(editor):
    assert editor("networks.yaml", "partners: [dguv, zdh, aok]", "partners: [dguv, zhd, aok]") == [
        "data/networks.yaml:{line}: networks[1] „Offensive Harzwirtschaft“ (harz).partners[1]: unbekannter Partner "
        "„zhd“ (nicht in partners.yaml); "
        "meinten Sie „zdh“?"
    ]


def test_partner_listed_twice_in_a_network(editor):
    assert editor("networks.yaml", "partners: [dguv, zdh, aok]", "partners: [dguv, zdh, aok, zdh]") == [
        "data/networks.yaml:{line}: networks[1] „Offensive Harzwirtschaft“ (harz).partners[3]: Partner „zdh“ ist "
        "doppelt eingetragen"
    ]


def test_unknown_network_of_a_regional_contact(editor):
    assert editor("partners.yaml", "network: hannover", "network: hanover") == [
        "data/partners.yaml:{line}: partners[0] „Deutsche Gesetzliche Unfallversicherung“ "
        "(dguv).regional_contacts[0].network: unbekanntes Netzwerk „hanover“ "
        "(nicht in networks.yaml); meinten Sie „hannover“?"
    ]


def test_regional_contact_for_a_network_the_partner_is_not_in(editor):
    assert editor("partners.yaml", "network: owl", "network: muenchen") == [
        "data/partners.yaml:{line}: partners[2] „Verwaltungs-Berufsgenossenschaft“ "
        "(vbg).regional_contacts[0].network: „vbg“ ist am Netzwerk „muenchen“ "
        "nicht beteiligt; bitte in networks.yaml bei diesem Netzwerk unter partners eintragen"
    ]


def test_duplicate_regional_contact_id(editor):
    first = editor.line_of("partners.yaml", "      - id: dguv-hannover")
    problems = editor("partners.yaml", "- id: vbg-owl", "- id: dguv-hannover")
    # The request log (requests.yaml) still names vbg-owl and reports that on its own line.
    assert [p for p in problems if p.startswith("data/partners.yaml")] == [
        "data/partners.yaml:{line}: partners[2] „Verwaltungs-Berufsgenossenschaft“ (vbg).regional_contacts[0].id: "
        "Kennung „dguv-hannover“ ist doppelt "
        f"vergeben (Ansprechperson in Zeile {first})"
    ]


LIAISON_OF_IFAA = """    liaison:
      name: Greta Schablone
      function: Wissenschaftliche Mitarbeiterin
      email: g.schablone@example.org
      example: true
"""


def test_national_partner_in_a_network_must_name_a_liaison(editor):
    partner_line = editor.line_of("partners.yaml", "  - id: ifaa")
    assert editor("partners.yaml", LIAISON_OF_IFAA, "") == [
        f"data/partners.yaml:{partner_line}: partners[8] „ifaa – Institut für angewandte Arbeitswissenschaft“ "
        "(ifaa).liaison: nationale Ansprechperson fehlt: „ifaa“ ist an "
        "regionalen Netzwerken beteiligt (owl) und muss laut Beschluss des Koordinierungsteams eine "
        "Ansprechperson auf nationaler Ebene benennen"
    ]


def test_national_partner_represented_in_regions_must_name_a_liaison(editor):
    partner_line = editor.line_of("partners.yaml", "  - id: baua")
    assert editor(
        "partners.yaml",
        "    represented_in_regions: false\n    website: https://www.baua.de",
        "    represented_in_regions: true\n    website: https://www.baua.de",
    ) == [
        f"data/partners.yaml:{partner_line}: partners[6] „Bundesanstalt für Arbeitsschutz und Arbeitsmedizin“ "
        "(baua).liaison: nationale Ansprechperson fehlt: „baua“ ist in "
        "den Regionen vertreten und muss laut Beschluss des Koordinierungsteams eine Ansprechperson auf "
        "nationaler Ebene benennen"
    ]


def test_liaison_must_be_one_person_not_a_list(editor):
    listed = LIAISON_OF_IFAA.replace("      ", "        ").replace("        name:", "      - name:")
    found = editor("partners.yaml", LIAISON_OF_IFAA, listed)
    assert found[0] == (
        "data/partners.yaml:{line}: partners[8] „ifaa – Institut für angewandte Arbeitswissenschaft“ (ifaa).liaison: "
        "muss ein Abschnitt mit Feldern sein, ist aber eine Liste"
    )


def test_regional_partner_names_no_national_liaison(editor):
    found = editor(
        "partners.yaml",
        "    website: https://www.hwk-hannover.de\n",
        LIAISON_OF_IFAA + "    website: https://www.hwk-hannover.de\n",
    )
    assert found == [
        "data/partners.yaml:{line}: partners[12] „Handwerkskammer Hannover“ (hwk-hannover).liaison: nur nationale "
        "Partnerinstitutionen (scope: national) "
        "benennen eine nationale Ansprechperson"
    ]


def test_missing_file(data_dir, monkeypatch):
    monkeypatch.chdir(data_dir.parent)
    (data_dir / "networks.yaml").unlink()
    assert [str(p) for p in check_data("data")] == ["data/networks.yaml:1: Datei fehlt"]


def test_empty_file(data_dir, monkeypatch):
    monkeypatch.chdir(data_dir.parent)
    (data_dir / "networks.yaml").write_text("# nur ein Kommentar\n", encoding="utf-8")
    assert [str(p) for p in check_data("data")] == ["data/networks.yaml:1: Datei ist leer"]


def test_file_without_its_section(data_dir, monkeypatch):
    monkeypatch.chdir(data_dir.parent)
    (data_dir / "networks.yaml").write_text("- id: owl\n", encoding="utf-8")
    assert [str(p) for p in check_data("data")] == [
        "data/networks.yaml:1: die Datei muss aus den Abschnitten „networks:“ bestehen"
    ]


def test_unknown_section(editor):
    assert editor("networks.yaml", "networks:\n", "netzwerke: []\nnetworks:\n") == [
        "data/networks.yaml:{line}: netzwerke: unbekanntes Feld „netzwerke“; meinten Sie „networks“?"
    ]


BROKEN = [
    ("partners.yaml", "email: c.beispielmann@example.org", "email: max@"),
    ("partners.yaml", "kind: verband", "kind: verbnd"),
    ("networks.yaml", 'postcode: "80331"', 'postcode: "8033"'),
    ("networks.yaml", "partners: [dguv, zdh, aok]", "partners: [dguv, zhd, aok]"),
]


def test_check_lists_every_error_at_once_and_exits_1(data_dir):
    for file, old, new in BROKEN:
        replace_in(data_dir / file, old, new)
    result = run_cli("check", "--data", "data", cwd=data_dir.parent)
    lines = result.stderr.splitlines()
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(lines) == 5
    assert (
        lines[0].startswith("data/networks.yaml:")
        and "networks[0] „Musternetzwerk München“ (muenchen).contact.postcode" in lines[0]
    )
    assert "networks[1] „Offensive Harzwirtschaft“ (harz).partners[1]: unbekannter Partner „zhd“" in lines[1]
    assert (
        "partners[0] „Deutsche Gesetzliche Unfallversicherung“ (dguv).liaison.email: keine gültige E-Mail-Adresse "
        '("max@")' in lines[2]
    )
    assert "partners[3] „Zentralverband des Deutschen Handwerks“ (zdh).kind: unbekannter Wert" in lines[3]
    # `check` never writes; the hint about rules that wait appears only when a whole file did not load.
    assert lines[4] == "4 Fehler gefunden."


def test_check_of_valid_data_says_so(data_dir):
    result = run_cli("check", "--data", str(data_dir))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Daten in Ordnung: 16 Partner, 6 Netzwerke (")


def test_a_file_that_cannot_be_read_does_not_hide_errors_of_the_others(editor, data_dir):
    replace_in(data_dir / "agreement.yaml", "versions:\n", "versions:\n\t\n")
    found = editor("networks.yaml", "partners: [dguv, zdh, aok]", "partners: [dguv, zhd, aok]")
    assert [line.split(": ", 1)[1] for line in found] == [
        "Tabulatorzeichen in Spalte 1; bitte Leerzeichen verwenden",
        "networks[1] „Offensive Harzwirtschaft“ (harz).partners[1]: unbekannter Partner „zhd“ (nicht in "
        "partners.yaml); meinten Sie „zdh“?",
    ]


def test_check_says_when_rules_across_records_still_wait(data_dir):
    replace_in(data_dir / "agreement.yaml", "versions:\n", "versions:\n\t\n")
    result = run_cli("check", "--data", str(data_dir))
    assert result.stderr.splitlines()[-1] == (
        "Hinweis: Weitere Prüfungen über Datensätze hinweg folgen, sobald diese Fehler behoben sind."
    )


def test_invalid_partner_list_does_not_fake_a_missing_membership(editor):
    assert editor("networks.yaml", "partners: [dguv, dihk, ihk-muenchen, rkw, ba]", "partners: dguv, dihk") == [
        "data/networks.yaml:{line}: networks[0] „Musternetzwerk München“ (muenchen).partners: muss eine Liste "
        "(Einträge mit „- “) sein, ist aber Text"
    ]


@pytest.mark.parametrize(
    ("file", "old", "new", "path"),
    [
        (
            "partners.yaml",
            "verified_on: 2026-10-01",
            "verified_on: 2027-01-01",
            "partners[0] „Deutsche Gesetzliche Unfallversicherung“ (dguv).verified_on",
        ),
        (
            "partners.yaml",
            "named_on: 2021-10-04",
            "named_on: 2027-01-01",
            "partners[0] „Deutsche Gesetzliche Unfallversicherung“ (dguv).regional_contacts[0].named_on",
        ),
        (
            "networks.yaml",
            "status_as_of: 2021-06-23",
            "status_as_of: 2027-01-01",
            "networks[0] „Musternetzwerk München“ (muenchen).status_as_of",
        ),
        (
            "networks.yaml",
            "status_since: 2026-05-01",
            "status_since: 2027-01-01",
            "networks[5] „Beispielnetzwerk Dresden“ (beispiel-dresden).status_since",
        ),
    ],
)
def test_recorded_dates_cannot_lie_in_the_future(editor, monkeypatch, file, old, new, path):
    monkeypatch.setenv("OM_TODAY", "2026-11-22")
    assert editor(file, old, new) == [
        f'data/{file}:{{line}}: {path}: Datum liegt in der Zukunft ("2027-01-01"); eingetragen wird, was schon '
        "geschehen ist"
    ]


def test_a_future_request_step_is_an_error(editor, monkeypatch):
    monkeypatch.setenv("OM_TODAY", "2026-11-22")
    found = editor("requests.yaml", "requested: 2026-10-20", "requested: 2031-11-10")
    assert found[0].endswith(
        'requests[5] (2026-muenchen-rkw).steps.requested: Datum liegt in der Zukunft ("2031-11-10"); eingetragen '
        "wird, was schon "
        "geschehen ist"
    )


def test_missing_dash_is_reported_at_the_cause_not_as_a_dangling_reference(editor):
    found = editor("partners.yaml", "  - id: bg-etem\n", "    id: bg-etem\n")
    assert found[0].startswith("data/partners.yaml:{line}: partners[0].id: doppelter Schlüssel „id“ (zuerst in Zeile ")
    line = editor.line_of("partners.yaml", "    id: bg-etem")
    assert found[0].endswith(f"; fehlt vor Zeile {line} ein „- “ für einen neuen Eintrag?")
    assert not any("unbekannter Partner" in line for line in found)
