"""Commented skeleton records for new entries, built from the same JSON Schema as the field reference."""

from __future__ import annotations

import functools
import json
import os
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from generator.problems import DataInvalid, Problem, display_name
from generator.records.fieldtypes import ID_PATTERN
from generator.records.reader import load_file
from generator.records.rules.crossref import raw_ids
from generator.records.schema_docs import field_reference, json_schemas, resolve

if TYPE_CHECKING:
    from generator.records.validate import Records

# Kind of entry → (data file, list section, placeholder id).
KINDS = {
    "partner": ("partners.yaml", "partners", "neuer-partner"),
    "network": ("networks.yaml", "networks", "neues-netzwerk"),
}
LABELS = {"partner": "Neuer Partner", "network": "Neues Netzwerk"}
SKELETON_OF = {"partner": "eines neuen Partners", "network": "eines neuen Netzwerks"}
# Plain scalars that YAML 1.2 (the editor) or our loader would not read as text.
_NOT_TEXT = re.compile(r"^(?:[-+]?[0-9.][0-9._:eE+-]*|true|false|null|yes|no|on|off|~)$", re.IGNORECASE)
_INDICATORS = tuple("-?:,[]{}#&*!|>'\"%@`")


def skeleton(
    kind: str,
    taken_ids: set[str] | frozenset[str] = frozenset(),
    today: date | None = None,
    record_id: str | None = None,
) -> str:
    """A commented record of the given kind, indented for its list; valid as soon as it is appended."""
    file, section, placeholder = KINDS[kind]
    root = json_schemas()[file]
    item = resolve(root, resolve(root, root["properties"][section])["items"])
    new_id = record_id or _free_id(placeholder, taken_ids)
    overrides = {
        "id": new_id,
        # Not the schema's example name: that names an existing record, and look-alike names are refused.
        "name": yaml_value(placeholder_name(kind, new_id)),
        "verified_on": (today or _example_day(item)).isoformat(),
    }
    lines = [
        f"  # {LABELS[kind]}: bitte alle Werte anpassen. Optionale Felder sind",
        "  # auskommentiert (bis auf die empfohlenen); zum Verwenden das „# “ vor dem Feld entfernen.",
        "  # Alle Felder beschreibt die Seite „Datenfelder“.",
    ]
    lines += _fields(root, item, "  ", True, overrides, commented=False)
    return "\n".join(lines) + "\n"


def placeholder_name(kind: str, record_id: str) -> str:
    """The name a new skeleton carries until the editor types the real one; unique like its id."""
    return f"{LABELS[kind]} {record_id} (Name bitte eintragen)"


def _free_id(placeholder: str, taken: set[str] | frozenset[str]) -> str:
    candidate, number = placeholder, 1
    while candidate in taken:
        number += 1
        candidate = f"{placeholder}-{number}"
    return candidate


def _example_day(item: dict) -> date:
    return date.fromisoformat(item["properties"]["verified_on"]["examples"][0])


def _fields(root: dict, schema: dict, indent: str, dash: bool, overrides: dict, commented: bool) -> list[str]:
    """The lines of one record at `indent`; a list item (`dash`) starts its first field with „- “.

    A commented-out line carries „# “ right after its indentation, so an editor's
    „toggle comment“ turns it back into a field.
    """
    lines: list[str] = []
    required = set(schema.get("required", []))
    for position, (key, prop) in enumerate(schema["properties"].items()):
        column = indent + ("  " if dash and position > 0 else "")
        lead = "- " if dash and position == 0 else ""
        # A value filled in for an optional field (verified_on) is a recommendation; the label follows the schema.
        optional = key not in required
        off = commented or (optional and key not in overrides)
        need = "Pflicht" if not optional else "optional, empfohlen" if key in overrides else "optional"
        description = " ".join(prop.get("description", "").split())
        title = f"{prop.get('title', key)} ({need}): {description}"
        lines.append(_line(column, f"# {title}", commented))
        lines += _field(root, key, prop, column, lead, overrides, off)
    return lines


def _field(root: dict, key: str, prop: dict, column: str, lead: str, overrides: dict, off: bool) -> list[str]:
    target = resolve(root, prop)
    item = resolve(root, target["items"]) if target.get("type") == "array" else None
    inner = column + ("  " if lead else "") + "  "
    if key in overrides:
        return [_line(column, f"{lead}{key}: {overrides[key]}", off)]
    if item is not None and "properties" in item:
        return [_line(column, f"{lead}{key}:", off), *_fields(root, item, inner, True, {}, off)]
    if "properties" in target:
        return [_line(column, f"{lead}{key}:", off), *_fields(root, target, inner, False, {}, off)]
    example = prop.get("examples", [""])[0]
    if isinstance(example, list) and all(isinstance(value, str) for value in example):
        # One id per line: two pull requests that each add one to the list merge without conflict.
        items = [_line(inner, f"- {yaml_value(value)}", off) for value in example]
        return [_line(column, f"{lead}{key}:", off), *items]
    return [_line(column, f"{lead}{key}: {yaml_value(example)}", off)]


def _line(column: str, text: str, commented: bool) -> str:
    return f"{column}{'# ' if commented else ''}{text}"


def yaml_value(value: object) -> str:
    """A value as the editor should type it: text that would read as a number or a yes/no is quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(yaml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {yaml_value(v)}" for k, v in value.items()) + "}"
    text = str(value)
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return text  # dates stay plain, as in every data file
    if not text or _NOT_TEXT.match(text) or text.startswith(_INDICATORS) or text != text.strip():
        return json.dumps(text, ensure_ascii=False)
    if ": " in text or " #" in text or text.endswith(":"):
        return json.dumps(text, ensure_ascii=False)
    return text


def new_record(
    kind: str,
    data_dir: Path,
    today: date,
    append: bool = False,
    record_id: str | None = None,
    network: str | None = None,
) -> str:
    """The skeleton of a new record with a free id and today's date; inserted into its data file on request.

    The record goes to its place in id order and a membership (`network`) into that network's list, one id
    per line: two pull requests that each add a record in this way merge without conflict.
    """
    file, section, _ = KINDS[kind]
    doc = _loaded(Path(data_dir) / file)
    taken = set(raw_ids(doc, section))
    if record_id is not None:
        _check_new_id(doc, record_id, taken)
    text = skeleton(kind, taken, today, record_id)
    from generator.records.validate import load_records

    load_records(data_dir, today=today)  # a skeleton goes only into valid data: every error first, as `check` shows it
    if not append:
        return text
    if not isinstance(doc.data, dict) or list(doc.data)[-1:] != [section]:
        message = f"der Abschnitt „{section}:“ muss am Ende der Datei stehen, damit ein Eintrag angehängt werden kann"
        raise DataInvalid([Problem(doc.file, 1, "", message)])
    new_id = _first_id(text)
    networks = _loaded(Path(data_dir) / KINDS["network"][0]) if network else None
    if network and networks:
        _check_network(networks, network)
    first_line = _insert_record(Path(data_dir) / file, doc, section, new_id, text)
    report = f"{LABELS[kind]} in {doc.file} eingefügt (ab Zeile {first_line}, nach Kennungen geordnet)."
    if network and networks:
        line = _insert_member(Path(data_dir) / KINDS["network"][0], networks, network, new_id)
        report += f" „{new_id}“ steht in der Liste „partners“ von „{network}“ in {networks.file} (Zeile {line})."
    return report + " Bitte die Werte anpassen und mit „make check“ prüfen.\n"


def _loaded(path: Path):
    if not path.is_file():
        raise DataInvalid([Problem(display_name(path), 1, "", "Datei fehlt")])  # the words of `check`
    doc, problems = load_file(path)
    if problems:
        raise DataInvalid(problems)
    return doc


def _check_new_id(doc, record_id: str, taken: set[str]) -> None:
    if not re.fullmatch(ID_PATTERN, record_id):
        message = f"„{record_id}“ ist keine gültige Kennung; erlaubt sind a–z, 0–9 und einzelne Bindestriche"
        raise DataInvalid([Problem(doc.file, 1, "", message)])
    if record_id in taken:
        raise DataInvalid([Problem(doc.file, 1, "", f"die Kennung „{record_id}“ ist schon vergeben")])


def _check_network(networks, network: str) -> None:
    if network not in raw_ids(networks, "networks"):
        raise DataInvalid([Problem(networks.file, 1, "", f"es gibt kein Netzwerk mit der Kennung „{network}“")])


def _first_id(text: str) -> str:
    return re.findall(r"^ *- id: (\S+)$", text, re.MULTILINE)[0]


def _insert_record(path: Path, doc, section: str, new_id: str, text: str) -> int:
    """Insert `text` before the first record whose id sorts after `new_id` (with its leading comments)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    ids = raw_ids(doc, section)
    later = [i for i, other in enumerate(ids) if other > new_id]
    if not later:
        separator = "" if not lines or lines[-1].endswith("\n") else "\n"
        lines[-1:] = [lines[-1] + separator] if lines else []
        at = len(lines)
        block = ["\n", *text.splitlines(keepends=True)]
    else:
        at = doc.lines[(section, later[0])] - 1
        while at > 0 and lines[at - 1].lstrip().startswith("#"):
            at -= 1  # the comment lines above a record belong to it
        block = [*text.splitlines(keepends=True), "\n"]
    lines[at:at] = block
    _write(path, lines)
    return at + 1 + (block[0] == "\n")


def _insert_member(path: Path, doc, network: str, member: str) -> int:
    """Add `member` to the network's `partners:` list in id order, one id per line; return its line."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = raw_ids(doc, "networks").index(network)
    record = doc.data["networks"][index]
    start = doc.lines[("networks", index)] - 1
    field = " " * (len(lines[start]) - len(lines[start].lstrip(" -")))
    members = record.get("partners") if isinstance(record.get("partners"), list) else None
    if members is None:
        anchor = doc.lines.get(("networks", index, "verified_on"), doc.lines[("networks", index, "id")] + 1) - 1
        lines[anchor:anchor] = [f"{field}partners:\n", f"{field}  - {member}\n"]
        _write(path, lines)
        return anchor + 2
    key = doc.lines[("networks", index, "partners")] - 1
    if "[" in lines[key]:  # a list in brackets becomes one id per line
        lines[key : key + 1] = [f"{field}partners:\n", *(f"{field}  - {m}\n" for m in members)]
        item_line = [key + 1 + j for j in range(len(members))]
    else:
        item_line = [doc.lines[("networks", index, "partners", j)] - 1 for j in range(len(members))]
    later = [j for j, other in enumerate(members) if str(other) > member]
    at = item_line[later[0]] if later else (item_line[-1] + 1 if item_line else key + 1)
    lines[at:at] = [f"{field}  - {member}\n"]
    _write(path, lines)
    return at + 1


def _write(path: Path, lines: list[str]) -> None:
    """Replace the file in one step, so an interrupted command never leaves half a file."""
    temporary = path.with_name(f".{path.name}.neu")
    try:
        temporary.write_text("".join(lines), encoding="utf-8")
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        # The editor knows the data file, not our temporary copy: the message names the file.
        raise type(error)(error.errno, error.strerror, str(path)) from None


# Sample values of the skeleton that no real record keeps: people's details, addresses, placeholder texts.
# (A record's own name is left out: the partner skeleton names a real Kammer.)
_PLACEHOLDER_KEYS = ("function", "email", "phone", "website", "description", "street")


def unedited_warnings(records: Records) -> list[Problem]:
    """German warnings for `check`: records with the placeholder id of a skeleton, values left from its samples."""
    warnings = []
    for kind, (file, section, placeholder) in KINDS.items():
        pattern = re.compile(rf"{re.escape(placeholder)}(?:-[0-9]+)?")
        doc = records.documents.get(file)
        if doc is None:
            continue
        for i, record in enumerate(records.sections.get(file, {}).get(section) or []):
            if record is not None and pattern.fullmatch(record.id):
                message = (
                    f"Eintrag ist noch das unveränderte Gerüst {SKELETON_OF[kind]}; bitte Kennung und Angaben anpassen"
                )
                warnings.append(doc.problem((section, i, "id"), message, warning=True))
            elif record is not None:
                if record.name == placeholder_name(kind, record.id):
                    message = (
                        f"„{record.name}“ ist noch der Platzhalter aus dem Gerüst {SKELETON_OF[kind]}; bitte anpassen"
                    )
                    warnings.append(doc.problem((section, i, "name"), message, warning=True))
                warnings += _sample_values(doc, kind, (section, i), doc.data[section][i])
    return warnings


def _sample_values(doc, kind: str, path: tuple, value: object, schema_path: str = "") -> list[Problem]:
    """A warning for each value that is still the sample of the `new` skeleton."""
    samples = _samples(KINDS[kind][0])
    found = []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        inner = f"{schema_path}[]" if isinstance(key, int) else f"{schema_path}.{key}" if schema_path else key
        if isinstance(item, (dict, list)):
            found += _sample_values(doc, kind, (*path, key), item, inner)
        elif key in _PLACEHOLDER_KEYS and str(item) == samples.get(inner):
            message = f"„{item}“ ist noch der Beispielwert aus dem Gerüst {SKELETON_OF[kind]}; bitte anpassen"
            found.append(doc.problem((*path, key), message, warning=True))
    return found


@functools.cache
def _samples(file: str) -> dict[str, str]:
    """Field path inside one record (e.g. „liaison.phone“) → the skeleton's sample value."""
    section = KINDS[next(kind for kind, (name, _, _) in KINDS.items() if name == file)][1]
    reference = next(docs for docs in field_reference() if docs.name == file)
    prefix = f"{section}[]."
    return {doc.path.removeprefix(prefix): doc.example for doc in reference.fields if doc.path.startswith(prefix)}
