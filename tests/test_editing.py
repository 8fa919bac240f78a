"""Editing through pull requests: schemas for editors, annotations in CI, skeletons, freshness, the guide."""

from __future__ import annotations

import itertools
import json
import re
import types
import typing

import jsonschema
import pytest
from pydantic import BaseModel

from generator.messages import annotation
from generator.model.directory import build_directory
from generator.pages.render import render_pages
from generator.pages.schemas import SCHEMA_DIR, modeline, schema_name, schema_texts
from generator.problems import Problem
from generator.records.reader import load_file
from generator.records.schema import DATA_FILES, PARTNER_KINDS, SCOPES, STATES, Network, Partner
from generator.records.schema.kinds import KINDS
from generator.records.schema_docs import json_schemas, resolve
from generator.records.skeleton import NOT_FOR_NEW_RECORDS, skeleton, unedited_warnings
from generator.records.validate import check_data, load_records
from generator.site.hooks.editing import edit_label, edit_url
from generator.site.staging import GENERATED_ROOTS

from .support import DATA, ROOT, copy_data, replace_in, run_cli
from .yaml12 import load_as_editor

# --- JSON Schema: one source with the validator ---


def _validator(data_file: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / schema_name(data_file)).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_committed_schemas_are_the_generated_ones():
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMA_DIR.glob("*.schema.json")}
    assert committed == schema_texts(), "schemas/ is out of date: run `python -m generator schemas`"


def test_schema_files_are_deterministic_json_with_a_trailing_newline():
    texts = schema_texts()
    assert texts == schema_texts()
    for text in texts.values():
        assert text.endswith("}\n") and json.loads(text)["$schema"].endswith("/2020-12/schema")


@pytest.mark.parametrize("data_file", list(DATA_FILES))
def test_every_data_file_names_its_schema_in_the_first_line(data_file):
    first = (DATA / data_file).read_text(encoding="utf-8").splitlines()[0]
    assert first == modeline(data_file) == f"# yaml-language-server: $schema=../schemas/{schema_name(data_file)}"


@pytest.mark.parametrize("data_file", list(DATA_FILES))
def test_sample_data_as_an_editor_reads_it_matches_the_schema(data_file):
    errors = [
        (list(e.absolute_path), e.message) for e in _validator(data_file).iter_errors(load_as_editor(DATA / data_file))
    ]
    assert errors == []


def test_unquoted_postcode_is_flagged_in_the_editor_but_kept_by_check(data_dir):
    replace_in(data_dir / "networks.yaml", 'postcode: "01067"', "postcode: 01067")
    errors = list(_validator("networks.yaml").iter_errors(load_as_editor(data_dir / "networks.yaml")))
    assert [(list(e.absolute_path), e.instance) for e in errors] == [(["networks", 5, "contact", "postcode"], 1067)]
    assert check_data(data_dir) == []


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("partners.yaml", "email: c.beispielmann@example.org", "email: max@"),
        ("partners.yaml", "kind: unfallversicherung", "kind: versicherung"),
        ("partners.yaml", "short_name: DGUV", "kurzname: DGUV"),
        ("partners.yaml", "  - id: dguv\n", "  - id: DGUV\n"),
        ("networks.yaml", "    region: Region Hannover\n", ""),
        ("networks.yaml", "lat: 52.3759", "lat: 60.1"),
        ("networks.yaml", "status_as_of: 2021-06-23", "status_as_of: 23.06.2021"),
        ("requests.yaml", "status: eingestellt", "status: beendet"),
        ("requests.yaml", "overdue_after_days: 30", "overdue_after_days: 0"),
    ],
)
def test_schema_and_validator_reject_the_same_mistakes(data_dir, file, old, new):
    replace_in(data_dir / file, old, new)
    assert list(_validator(file).iter_errors(load_as_editor(data_dir / file)))
    assert check_data(data_dir)


def test_schemas_are_published_on_the_site(public_site):
    for name, text in schema_texts().items():
        assert (public_site / "schemas" / name).read_text(encoding="utf-8") == text


# --- every field documented ---


def _record_types(annotation) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    if typing.get_origin(annotation) in (list, dict, typing.Union, types.UnionType, typing.Annotated):
        return [m for arg in typing.get_args(annotation) for m in _record_types(arg)]
    return []


def _all_fields():
    seen, todo = set(), list(DATA_FILES.values())
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            nested = _record_types(info.annotation)
            todo += nested
            yield f"{model.__name__}.{name}", info, bool(nested)


def test_every_field_has_a_german_title_description_and_example():
    undocumented = [
        name
        for name, info, is_section in _all_fields()
        if not info.title or not info.description or not (is_section or info.examples)
    ]
    assert undocumented == [], "each field needs title=, description= and (unless it is a section) examples="


def test_every_example_is_a_valid_value():
    """Uncommenting every optional field of a skeleton still gives a valid record: all examples validate."""
    for kind, model in (("partner", Partner), ("network", Network)):
        model.model_validate(_skeleton_record(kind))


def _load_yaml(text: str):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "x.yaml"
        file.write_text(text, encoding="utf-8")
        doc, problems = load_file(file)
    assert problems == []
    return doc.data


# --- `new`: skeleton records ---


@pytest.mark.parametrize(("kind", "file"), [("partner", "partners.yaml"), ("network", "networks.yaml")])
def test_new_prints_a_skeleton_that_is_valid_when_appended(data_dir, kind, file):
    result = run_cli("new", kind, "--data", str(data_dir))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith(f"  # {'Neuer Partner' if kind == 'partner' else 'Neues'}")
    with (data_dir / file).open("a", encoding="utf-8") as stream:
        stream.write("\n" + result.stdout)
    assert check_data(data_dir) == []


@pytest.mark.parametrize("kind", ["partner", "network"])
def test_skeleton_labels_a_field_required_only_when_the_schema_requires_it(kind):
    file, section, _ = KINDS[kind]
    root = json_schemas()[file]
    item = resolve(root, resolve(root, root["properties"][section])["items"])
    lines = skeleton(kind).splitlines()
    field = re.compile(r"^  (?:- |  )(?:# )?([a-z_]+):")
    label = re.compile(r"^ +# .+? \((Pflicht|optional|optional, empfohlen)\): ")
    labels = {field.match(b)[1]: label.match(a)[1] for a, b in itertools.pairwise(lines) if field.match(b)}
    assert set(labels) == set(item["properties"]) - NOT_FOR_NEW_RECORDS  # a new record has no past
    for key, text in labels.items():
        assert (text == "Pflicht") == (key in item.get("required", [])), key
    assert labels["verified_on"] == "optional, empfohlen"
    assert "verified_on" not in item.get("required", [])


def test_new_appends_with_a_free_id_and_todays_date(data_dir, monkeypatch):
    monkeypatch.setenv("OM_TODAY", "2026-12-01")
    first = run_cli("new", "network", "--append", "--data", str(data_dir))
    second = run_cli("new", "network", "--append", "--data", str(data_dir))
    assert first.returncode == second.returncode == 0
    assert first.stdout.startswith(f"Neues Netzwerk in {data_dir}/networks.yaml eingefügt (ab Zeile ")
    networks = {n.id: n for n in load_records(data_dir).networks}
    assert networks["neues-netzwerk"].verified_on.isoformat() == "2026-12-01"
    assert "neues-netzwerk-2" in networks


def test_new_refuses_to_append_to_a_file_with_a_stray_section(data_dir):
    file = data_dir / "partners.yaml"
    file.write_text(file.read_text(encoding="utf-8") + "extra: 1\n", encoding="utf-8")
    before = file.read_bytes()
    result = run_cli("new", "partner", "--append", "--data", str(data_dir))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "partners.yaml:" in result.stderr and "extra" in result.stderr
    assert file.read_bytes() == before


def test_new_names_a_missing_data_file_in_german_as_check_does(data_dir):
    (data_dir / "partners.yaml").unlink()
    new = run_cli("new", "partner", "--append", "--data", str(data_dir))
    check = run_cli("check", "--data", str(data_dir))
    missing = f"{data_dir}/partners.yaml:1: Datei fehlt"
    assert new.returncode == check.returncode == 1
    assert new.stderr.splitlines()[0] == missing and missing in check.stderr.splitlines()
    assert "No such file" not in new.stderr


def _skeleton_record(kind: str) -> dict:
    """The skeleton as an editor would fill it in, with every optional field uncommented."""
    lines = skeleton(kind).splitlines()
    field = re.compile(r"^(\s*)# ((?:- )?[a-z_]+:.*|- [A-Za-z0-9-]+)$")
    while any(field.match(line) for line in lines):
        lines = [field.sub(r"\1\2", line) for line in lines]
    return _load_yaml("items:\n" + "\n".join(lines) + "\n")["items"][0]


def test_skeleton_placeholders_name_no_real_place_but_a_plausible_partner():
    """The place of a new network is a placeholder no record holds (not Hannover's); the partner a regional Kammer."""
    records = load_records(DATA)
    network = _skeleton_record("network")
    for other in records.networks:
        assert network["region"] != other.region and network["contact"]["city"] != other.contact.city
        assert network["contact"]["organisation"] != other.contact.organisation
        assert (float(network["location"]["lat"]), float(network["location"]["lon"])) != (
            other.location.lat,
            other.location.lon,
        )
    assert network["name"] == "Neues Netzwerk neues-netzwerk (Name bitte eintragen)"  # never an existing name
    kammer = next(p for p in records.partners if p.id == "hwk-hannover")
    partner = _skeleton_record("partner")
    assert partner["name"] == "Neuer Partner neuer-partner (Name bitte eintragen)"
    assert (partner["short_name"], partner["kind"], partner["scope"]) == (
        kammer.short_name,
        kammer.kind,
        "regional",
    )
    known = {p.id for p in records.partners}
    assert set(network["partners"]) <= known and network["ambassadors"][0]["partner"] in known


def test_check_warns_while_a_record_is_still_an_unedited_skeleton(data_dir):
    for kind in ("partner", "partner", "network"):
        assert run_cli("new", kind, "--append", "--data", str(data_dir)).returncode == 0
    # An edited entry has its own id and name (two partners must not share a name).
    old = "  - id: neuer-partner\n    name: Neuer Partner neuer-partner (Name bitte eintragen)\n"
    new = old.replace("id: neuer-partner", "id: hwk-braunschweig").replace(
        "Neuer Partner neuer-partner (Name bitte eintragen)", "Handwerkskammer Braunschweig"
    )
    replace_in(data_dir / "partners.yaml", old, new)
    records = load_records(data_dir)

    def at(file: str, record_id: str) -> str:
        lines = (data_dir / file).read_text(encoding="utf-8").split("\n")
        return f"{data_dir}/{file}:{lines.index(f'  - id: {record_id}') + 1}"

    message = "Warnung: Eintrag ist noch das unveränderte Gerüst eines neuen {}; bitte Kennung und Angaben anpassen"
    partner = [p.id for p in records.partners].index("neuer-partner-2")
    network = [n.id for n in records.networks].index("neues-netzwerk")
    partner_label = "„Neuer Partner neuer-partner-2 (Name bitte eintragen)“ (neuer-partner-2)"
    network_label = "„Neues Netzwerk neues-netzwerk (Name bitte eintragen)“ (neues-netzwerk)"
    assert [str(w) for w in unedited_warnings(records) if w.path.endswith(".id")] == [
        f"{at('partners.yaml', 'neuer-partner-2')}: partners[{partner}] {partner_label}.id: "
        f"{message.format('Partners')}",
        f"{at('networks.yaml', 'neues-netzwerk')}: networks[{network}] {network_label}.id: "
        f"{message.format('Netzwerks')}",
    ]
    assert all(w.warning for w in unedited_warnings(records))


def test_new_inserts_records_and_memberships_in_id_order_one_id_per_line(data_dir):
    result = run_cli("new", "partner", "--append", "--id", "hwk-dresden", "--network", "harz", "--data", str(data_dir))
    assert result.returncode == 0, result.stderr
    assert "eingefügt" in result.stdout and "„hwk-dresden“ steht in der Liste „partners“ von „harz“" in result.stdout
    records = load_records(data_dir)
    ids = [p.id for p in records.partners]
    position = ids.index("hwk-dresden")
    assert ids[position + 1] > "hwk-dresden" and position < len(ids) - 1  # before the next id, not at the end
    harz = next(n for n in records.networks if n.id == "harz")
    assert "hwk-dresden" in harz.partners
    text = (data_dir / "networks.yaml").read_text(encoding="utf-8")
    assert "\n      - hwk-dresden\n" in text and "partners: [" in text.split("id: harz")[0]
    assert check_data(data_dir) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--id", "HWK Dresden"), "„HWK Dresden“ ist keine gültige Kennung"),
        (("--id", "dguv"), "die Kennung „dguv“ ist schon vergeben"),
        (("--id", "hwk-dresden", "--network", "atlantis"), "es gibt kein Netzwerk mit der Kennung „atlantis“"),
    ],
)
def test_new_refuses_a_bad_id_or_network_in_german(data_dir, args, message):
    before = (data_dir / "partners.yaml").read_bytes()
    result = run_cli("new", "partner", "--append", *args, "--data", str(data_dir))
    assert result.returncode == 1 and message in result.stderr and "Traceback" not in result.stderr
    assert (data_dir / "partners.yaml").read_bytes() == before


def test_two_branches_that_each_add_a_partner_and_a_membership_merge_without_conflict(tmp_path):
    import subprocess

    repo = copy_data(tmp_path / "repo" / "data").parent

    def git(*args: str) -> str:
        identity = ["-c", "user.name=Redaktion", "-c", "user.email=redaktion@example.org"]
        result = subprocess.run(["git", *identity, *args], cwd=repo, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    git("init", "-q", "-b", "main")
    git("add", ".")
    git("commit", "-q", "-m", "Daten")
    for branch, partner, network in (
        ("a", "aok-sachsen", "beispiel-dresden"),
        ("b", "ihk-dresden", "beispiel-dresden"),
    ):
        git("checkout", "-q", "-b", branch, "main")
        new = run_cli("new", "partner", "--append", "--id", partner, "--network", network, "--data", str(repo / "data"))
        assert new.returncode == 0, new.stderr
        git("commit", "-q", "-am", f"Neuer Partner {partner}")
    git("checkout", "-q", "main")
    git("merge", "-q", "--no-edit", "a")
    git("merge", "-q", "--no-edit", "b")  # fails the test on a conflict
    records = load_records(repo / "data")
    dresden = next(n for n in records.networks if n.id == "beispiel-dresden")
    assert {"aok-sachsen", "ihk-dresden"} <= set(dresden.partners)
    assert {"aok-sachsen", "ihk-dresden"} <= {p.id for p in records.partners}


def test_check_warns_about_sample_values_left_from_the_skeleton(data_dir):
    run_cli("new", "partner", "--append", "--id", "hwk-dresden", "--data", str(data_dir))
    # A field copied from the printed skeleton (`new partner` without --append) keeps its sample value.
    replace_in(
        data_dir / "partners.yaml",
        "    scope: regional\n",
        "    scope: regional\n    website: https://www.example.org\n",
    )
    records = load_records(data_dir)
    lines = (data_dir / "partners.yaml").read_text(encoding="utf-8").split("\n")
    line = lines.index("    website: https://www.example.org")
    index = [p.id for p in records.partners].index("hwk-dresden")
    name_line = lines.index("    name: Neuer Partner hwk-dresden (Name bitte eintragen)")
    label = "„Neuer Partner hwk-dresden (Name bitte eintragen)“ (hwk-dresden)"
    assert [str(w) for w in unedited_warnings(records)] == [
        f"{data_dir}/partners.yaml:{name_line + 1}: partners[{index}] {label}.name: Warnung: „Neuer Partner "
        "hwk-dresden (Name bitte eintragen)“ ist noch der Platzhalter aus dem Gerüst eines neuen Partners; bitte "
        "anpassen und dabei auch „kind“ und „scope“ prüfen (aus dem Gerüst übernommen)",
        f"{data_dir}/partners.yaml:{line + 1}: partners[{index}] {label}.website: Warnung: „https://www.example.org“ "
        "ist noch der Beispielwert aus dem Gerüst eines neuen Partners; bitte anpassen",
    ]


def test_sample_data_holds_no_unedited_skeleton():
    assert unedited_warnings(load_records(DATA)) == []


def test_help_names_the_editing_commands():
    result = run_cli("--help")
    assert "schemas" in result.stdout and "new" in result.stdout


# --- GitHub annotations ---


def test_check_annotates_errors_in_github_actions(data_dir):
    replace_in(data_dir / "partners.yaml", "email: c.beispielmann@example.org", "email: max@")
    line = (data_dir / "partners.yaml").read_text(encoding="utf-8").split("\n").index("      email: max@") + 1
    result = run_cli("check", "--data", "data", cwd=data_dir.parent, env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"::error file=data/partners.yaml,line={line},title=partners[0] „Deutsche Gesetzliche Unfallversicherung“ "
        "(dguv).liaison.email::"
        'keine gültige E-Mail-Adresse ("max@")'
    ]
    assert (
        f"data/partners.yaml:{line}: partners[0] „Deutsche Gesetzliche Unfallversicherung“ (dguv).liaison.email: "
        'keine gültige E-Mail-Adresse ("max@")' in (result.stderr)
    )


def test_check_prints_no_annotations_outside_github_actions(data_dir):
    replace_in(data_dir / "partners.yaml", "email: c.beispielmann@example.org", "email: max@")
    result = run_cli("check", "--data", "data", cwd=data_dir.parent)
    assert result.returncode == 1 and "::error" not in result.stdout + result.stderr


def test_annotation_escapes_what_would_end_it():
    problem = Problem("data/a,b.yaml", 3, "x", "50% falsch:\nzweite Zeile", warning=True)
    assert annotation(problem) == "::warning file=data/a%2Cb.yaml,line=3,title=x::50%25 falsch:%0Azweite Zeile"


# --- freshness ---


def test_check_warns_about_outdated_records_but_succeeds(data_dir, monkeypatch):
    monkeypatch.setenv("OM_TODAY", "2027-06-01")
    text = (data_dir / "partners.yaml").read_text(encoding="utf-8").split("\n")
    line = text.index("    verified_on: 2026-03-11") + 1
    result = run_cli("check", "--data", "data", cwd=data_dir.parent, env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 0
    assert (
        f"data/partners.yaml:{line}: partners[10] „Deutscher Gewerkschaftsbund“ (dgb).verified_on: Warnung: zuletzt "
        "geprüft am 2026-03-11, "
        "vor 447 Tagen (mehr als 365); bitte prüfen und verified_on aktualisieren"
    ) in result.stderr.splitlines()
    assert (
        f"::warning file=data/partners.yaml,line={line},title=partners[10] „Deutscher Gewerkschaftsbund“ "
        "(dgb).verified_on::" in result.stdout
    )
    assert "4 Warnungen: Einträge bitte prüfen (älter als 365 Tage)." in result.stdout


def test_freshness_age_is_configurable_and_a_missing_date_is_reported(data_dir, monkeypatch):
    monkeypatch.setenv("OM_TODAY", "2026-11-22")
    replace_in(data_dir / "networks.yaml", "    verified_on: 2026-10-05\n", "")
    result = run_cli("check", "--max-age", "180", "--data", "data", cwd=data_dir.parent)
    assert result.returncode == 0
    warnings = result.stderr.splitlines()
    assert any(
        w.endswith(
            "networks[2] „Musternetzwerk Hannover“ (hannover).verified_on: Warnung: noch nie geprüft (verified_on "
            "fehlt); "
            "bitte prüfen und das Datum der Prüfung eintragen"
        )
        for w in warnings
    )
    assert sum("Warnung: zuletzt geprüft" in w for w in warnings) == 4  # BAuA, BMAS, AOK, DGB
    monkeypatch.setenv("OM_MAX_AGE_DAYS", "180")
    assert run_cli("check", "--data", "data", cwd=data_dir.parent).stderr == result.stderr


@pytest.mark.parametrize(
    ("command", "variable", "value", "message"),
    [
        ("check", "OM_TODAY", "bad", "OM_TODAY muss ein Datum im Format JJJJ-MM-TT sein, nicht „bad“"),
        ("new", "OM_TODAY", "2026-13-01", "OM_TODAY muss ein Datum im Format JJJJ-MM-TT sein, nicht „2026-13-01“"),
        ("check", "OM_MAX_AGE_DAYS", "abc", "OM_MAX_AGE_DAYS muss eine ganze Zahl größer als 0 sein, nicht „abc“"),
        ("check", "OM_MAX_AGE_DAYS", "0", "OM_MAX_AGE_DAYS muss eine ganze Zahl größer als 0 sein, nicht „0“"),
    ],
)
def test_a_bad_setting_in_the_environment_is_one_german_line_and_exit_code_2(
    data_dir, command, variable, value, message
):
    args = ["new", "network"] if command == "new" else [command]
    result = run_cli(*args, "--data", str(data_dir), env={variable: value})
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"python -m generator: Fehler: {message}\n"


def test_internal_site_lists_outdated_records(monkeypatch):
    monkeypatch.setenv("OM_TODAY", "2027-06-01")
    page = render_pages(build_directory(load_records(DATA), "intern"))["intern/pruefen.md"]
    assert "| [Deutscher Gewerkschaftsbund](../partner/dgb.md) | Partner | 11&#46; März 2026 | 447 |" in page
    assert page.count("| Partner |") == 4


def test_review_list_says_when_all_records_are_current(monkeypatch):
    monkeypatch.setenv("OM_TODAY", "2026-11-22")
    page = render_pages(build_directory(load_records(DATA), "intern"))["intern/pruefen.md"]
    assert "Alle Einträge sind aktuell." in page


# --- „Seite bearbeiten“ ---


def test_edit_button_leads_to_the_record_in_the_data_file(intern_site):
    lines = (DATA / "partners.yaml").read_text(encoding="utf-8").split("\n")
    line = lines.index("  - id: vbg") + 1
    page = (intern_site / "partner" / "vbg" / "index.html").read_text(encoding="utf-8")
    target = f"https://github.com/offensive-mittelstand/om-netzwerke/blob/main/data/partners.yaml#L{line}"
    assert f'href="{target}" title="Seite bearbeiten: data/partners.yaml, Zeile {line}"' in page


def test_edit_button_of_a_hand_written_page_leads_to_its_markdown(intern_site):
    page = (intern_site / "handbuch" / "index.html").read_text(encoding="utf-8")
    assert 'blob/main/docs/handbuch/index.md" title="Seite bearbeiten: docs/handbuch/index.md"' in page
    home = (intern_site / "index.html").read_text(encoding="utf-8")  # generated from the data, written in code
    assert 'title="Seite bearbeiten: generator/templates/home.md.j2"' in home


SOURCE_URL = "https://github.com/offensive-mittelstand/om-netzwerke/blob/main/"
EDIT_LINK = re.compile(r'<a href="([^"]*)" title="Seite bearbeiten: [^"]*"[^>]* rel="edit"')
# Generated pages written from code, not from data: the field reference and the editing guide.
CODE_SOURCES = {
    "referenz/datenfelder/": "generator/records/schema/",
    "referenz/daten-pflegen/": "generator/templates/guide.md.j2",
}


def test_every_generated_page_of_the_internal_site_has_an_edit_link_into_data(intern_site):
    site, profile = intern_site, "intern"
    targets = {}
    for file in sorted(site.rglob("index.html")):
        address = file.parent.relative_to(site).as_posix() + "/"
        if address.split("/")[0] in GENERATED_ROOTS:
            found = EDIT_LINK.search(file.read_text(encoding="utf-8"))
            targets[address] = found[1].removeprefix(SOURCE_URL) if found else None
    pages = render_pages(build_directory(load_records(DATA), profile))
    # The home page is generated too; its edit link leads to its template (see the test above).
    generated = {path.removesuffix(".md").removesuffix("index") for path in pages if path.endswith(".md")} - {""}
    assert set(targets) == {address if address.endswith("/") else address + "/" for address in generated}
    assert {a: t for a, t in targets.items() if t is None} == {}
    assert {a: targets[a] for a in CODE_SOURCES if a in targets} == {a: s for a, s in CODE_SOURCES.items()}
    outside = {a: t for a, t in targets.items() if a not in CODE_SOURCES and not t.startswith("data/")}
    assert outside == {}
    for address, target in targets.items():
        path, _, line = target.partition("#L")
        assert (ROOT / path).exists(), address
        # The pages come from the fixture data: their lines are those of the fixture files.
        source = DATA / path.removeprefix("data/") if path.startswith("data/") else ROOT / path
        if line:  # a record's own line: the page of network „harz“ opens at „  - id: harz“
            lines = source.read_text(encoding="utf-8").split("\n")[int(line) - 1 :]
            key = address.rstrip("/").rsplit("/", 1)[-1]
            # A page at a former address opens the record under its new id, which lists the old one.
            record = lines[: next((i for i, text in enumerate(lines[1:], 1) if text.startswith("  - id: ")), None)]
            former = re.search(rf"former_ids: \[[^]]*\b{key}\b|^      - {key}$", "\n".join(record), re.MULTILINE)
            assert lines[0] == f"  - id: {key}" or former, address


def test_edit_links_of_the_handbook_pages_open_their_records(intern_site):
    def target(address: str) -> str:
        html = (intern_site / address / "index.html").read_text(encoding="utf-8")
        return EDIT_LINK.search(html)[1].removeprefix(SOURCE_URL)

    networks = (DATA / "networks.yaml").read_text(encoding="utf-8").split("\n")
    harz = f"data/networks.yaml#L{networks.index('  - id: harz') + 1}"
    assert target("vereinbarung/netzwerke/harz") == target("merkblaetter/harz") == harz
    assert target("partner/netzwerk/harz") == harz  # the network's record lists its partners
    assert target("vereinbarung") == "data/agreement.yaml" and target("verfahren") == "data/process.yaml"
    assert target("partner/art/kammer") == "data/partners.yaml"
    assert target("netzwerke/status/initiative") == target("botschafter") == "data/networks.yaml"


def test_edit_links_need_no_repo_url():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "repo_url" not in config.replace("not repo_url", "")
    assert edit_url("partner/vbg.md", {}, "https://example.org/blob/main") is None
    assert edit_url("partner/vbg.md", {"source": "data/partners.yaml#L5"}, None) is None
    assert edit_label("https://x.org/blob/main/data/p.yaml#L5", "https://x.org/blob/main") == (
        "Seite bearbeiten: data/p.yaml, Zeile 5"
    )


# --- pull-request workflow, templates and guide ---


def _yaml(path):
    doc, problems = load_file(path)
    assert problems == []
    return doc.data


def test_workflow_checks_builds_and_tests_every_pull_request():
    workflow = _yaml(ROOT / ".github" / "workflows" / "pruefen.yml")
    assert "pull_request" in workflow["on"]
    runs = " ".join(step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"])
    for command in ("make check", "generator build --offline", "--profile intern", "make data-walk", "make test"):
        assert command in runs


def test_issue_form_offers_the_choices_of_the_schema():
    form = _yaml(ROOT / ".github" / "ISSUE_TEMPLATE" / "neuer-eintrag.yml")
    assert form["name"] == "Neuen Partner / neues Netzwerk eintragen"
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    assert len(fields) == len([item for item in form["body"] if "id" in item])
    assert fields["kind"]["attributes"]["options"] == list(PARTNER_KINDS.values())
    assert fields["scope"]["attributes"]["options"] == list(SCOPES.values())
    assert fields["state"]["attributes"]["options"] == list(STATES.values())


def test_pull_request_template_asks_for_source_and_consent():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert "Woher stammen die Angaben?" in text and "`consent:` mit `given_on`" in text


def test_editing_guide_documents_files_steps_and_skeletons():
    directory = build_directory(load_records(DATA), "public")
    page = render_pages(directory)["referenz/daten-pflegen.md"]
    for data_file in DATA_FILES:
        assert modeline(data_file) in page
    for step in directory.process.steps:
        if step.logged:
            assert f"| `{step.id}` | {step.title} |" in page
    assert "\n  - id: neuer-partner\n" in page and "\n  - id: neues-netzwerk\n" in page
    assert 'postcode: "01067"' in page and "Incorrect type" in page


def test_editing_guide_leads_with_the_web_editor_and_types_commands_as_they_must_be():
    page = render_pages(build_directory(load_records(DATA), "public"))["referenz/daten-pflegen.md"]
    assert page.index("Edit this file") < page.index("```")  # the web editor comes before any command
    blocks = re.findall(r"^```[a-z]*\n(.*?)^```$", page, re.MULTILINE | re.DOTALL)
    commands = [line for block in blocks for line in block.splitlines() if "generator" in line or "make" in line]
    assert commands and all(re.match(r"^(make [a-z]+|\.venv/bin/python -m generator [a-z]+)", c) for c in commands)
    assert "python -m generator" not in re.sub(r"\.venv/bin/python -m generator", "", page)
    assert "    ```" not in page and "generator/" not in page.split("---", 2)[2]  # no extra indentation, no modules
    assert "`lat`" in page and "https://www.openstreetmap.org/" in page
    assert "content.code.copy" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_check_warns_about_an_unedited_skeleton_but_succeeds(data_dir):
    run_cli("new", "network", "--append", "--data", str(data_dir))
    result = run_cli("check", "--data", str(data_dir))
    assert result.returncode == 0
    assert "Warnung: Eintrag ist noch das unveränderte Gerüst eines neuen Netzwerks" in result.stderr
    assert "7 Warnungen: Werte aus dem Gerüst neuer Einträge bitte anpassen." in result.stdout
