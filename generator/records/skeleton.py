"""Commented skeleton records for new entries, from the JSON Schema of the field reference."""

from __future__ import annotations

import functools
import json
import re
from datetime import date

from pydantic.json_schema import JsonSchemaValue

from generator.problems import Path, Problem
from generator.records.document import Document
from generator.records.loaded import Records
from generator.records.schema.kinds import KINDS
from generator.records.schema_docs import field_reference, json_schemas, resolve

# Field path („location.lat“) → the value a skeleton writes there, as the editor would type it.
Overrides = dict[str, str]

# Fields that record a record's past (`rename`, leaving): a new record has none.
NOT_FOR_NEW_RECORDS = frozenset({"former_ids", "left_on"})
LABELS = {"partner": "Neuer Partner", "network": "Neues Netzwerk"}
SKELETON_OF = {"partner": "eines neuen Partners", "network": "eines neuen Netzwerks"}
# Plain scalars that YAML 1.2 (the editor) or our loader would not read as text.
_NOT_TEXT = re.compile(
    r"^(?:[-+]?[0-9.][0-9._:eE+-]*|true|false|null|yes|no|on|off|~)$", re.IGNORECASE
)
_INDICATORS = tuple("-?:,[]{}#&*!|>'\"%@`")


# Values of a new record that name no real place, so `check` can point at each one until it is
# replaced. (The schema's examples name Hannover, which is a real network's city and position.)
PLACEHOLDERS: dict[str, dict[str, object]] = {
    "partner": {},
    "network": {
        "region": "Region bitte eintragen",
        # The geographic centre of Germany: a point on the map, but no network's place.
        "location.lat": 51.1634,
        "location.lon": 10.4477,
        "contact.organisation": "Kontaktstelle bitte eintragen",
        "contact.city": "Ort bitte eintragen",
    },
}
# Choices a skeleton must make for the schema; `check` names them while it is still a skeleton.
CHOICES = {"partner": ("kind", "scope"), "network": ("states", "status")}


def skeleton(
    kind: str,
    taken_ids: set[str] | frozenset[str] = frozenset(),
    today: date | None = None,
    record_id: str | None = None,
    teaching: bool = True,
) -> str:
    """A record of the given kind, indented for its list; valid as soon as it is appended.

    `teaching`: with a comment before every field and the optional fields commented out, to copy
    from; without, only the fields to fill in (`new --append` writes that into the data file: the
    descriptions belong in the field reference, not in the data).
    """
    file, section, placeholder = KINDS[kind]
    root = json_schemas()[file]
    item = resolve(root, resolve(root, root["properties"][section])["items"])
    new_id = record_id or _free_id(placeholder, taken_ids)
    overrides = {
        "id": new_id,
        # Not the schema's example name: that names an existing record, and look-alikes are refused.
        "name": yaml_value(placeholder_name(kind, new_id)),
        "verified_on": (today or _example_day(item)).isoformat(),
        **{path: yaml_value(value) for path, value in PLACEHOLDERS[kind].items()},
    }
    lines = []
    if teaching:
        lines = [
            f"  # {LABELS[kind]}: bitte alle Werte anpassen. Optionale Felder sind",
            "  # auskommentiert (bis auf die empfohlenen); "
            "zum Verwenden das „# “ vor dem Feld entfernen.",
            "  # Alle Felder beschreibt die Seite „Datenfelder“.",
        ]
    lines += _fields(root, item, "  ", True, overrides, commented=False)
    if not teaching:
        lines = [line for line in lines if not line.lstrip().startswith("#")]
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


def _example_day(item: JsonSchemaValue) -> date:
    return date.fromisoformat(item["properties"]["verified_on"]["examples"][0])


def _fields(
    root: JsonSchemaValue,
    schema: JsonSchemaValue,
    indent: str,
    dash: bool,
    overrides: Overrides,
    commented: bool,
    prefix: str = "",
) -> list[str]:
    """The lines of one record at `indent`; a list item (`dash`) starts its first field with „- “.

    A commented-out line carries „# “ right after its indentation, so an editor's
    „toggle comment“ turns it back into a field.
    """
    lines: list[str] = []
    required = set(schema.get("required", []))
    fields = [
        (key, prop) for key, prop in schema["properties"].items() if key not in NOT_FOR_NEW_RECORDS
    ]
    for position, (key, prop) in enumerate(fields):
        column = indent + ("  " if dash and position > 0 else "")
        lead = "- " if dash and position == 0 else ""
        # A value filled in for an optional field (verified_on) is a recommendation; the label
        # follows the schema.
        optional = key not in required
        path = f"{prefix}{key}"
        off = commented or (optional and path not in overrides)
        need = (
            "Pflicht"
            if not optional
            else "optional, empfohlen"
            if path in overrides
            else "optional"
        )
        description = " ".join(prop.get("description", "").split())
        title = f"{prop.get('title', key)} ({need}): {description}"
        lines.append(_line(column, f"# {title}", commented))
        lines += _field(root, path, prop, column, lead, overrides, off)
    return lines


def _field(
    root: JsonSchemaValue,
    path: str,
    prop: JsonSchemaValue,
    column: str,
    lead: str,
    overrides: Overrides,
    off: bool,
) -> list[str]:
    key = path.rsplit(".", 1)[-1]
    target = resolve(root, prop)
    item = resolve(root, target["items"]) if target.get("type") == "array" else None
    inner = column + ("  " if lead else "") + "  "
    if path in overrides:
        return [_line(column, f"{lead}{key}: {overrides[path]}", off)]
    if item is not None and "properties" in item:
        # Items of a list are no record's own fields: the placeholders stop here.
        return [_line(column, f"{lead}{key}:", off), *_fields(root, item, inner, True, {}, off)]
    if "properties" in target:
        return [
            _line(column, f"{lead}{key}:", off),
            *_fields(root, target, inner, False, overrides, off, f"{path}."),
        ]
    example = prop.get("examples", [""])[0]
    if isinstance(example, list) and all(isinstance(value, str) for value in example):
        # One id per line: two pull requests that each add one to the list merge without conflict.
        items = [_line(inner, f"- {yaml_value(value)}", off) for value in example]
        return [_line(column, f"{lead}{key}:", off), *items]
    return [_line(column, f"{lead}{key}: {yaml_value(example)}", off)]


def _line(column: str, text: str, commented: bool) -> str:
    return f"{column}{'# ' if commented else ''}{text}"


def yaml_value(value: object) -> str:
    """A value as the editor should type it: text that reads as a number or yes/no is quoted."""
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


# Sample values of the skeleton that no real record keeps: people's details, addresses, placeholder
# texts. (A record's own name is left out: the partner skeleton names a real Kammer.)
_PLACEHOLDER_KEYS = ("function", "email", "phone", "website", "description", "street")


def unedited_warnings(records: Records) -> list[Problem]:
    """German warnings for `check`: records with a skeleton's placeholder id or sample values."""
    warnings = []
    for kind, (file, section, placeholder) in KINDS.items():
        pattern = re.compile(rf"{re.escape(placeholder)}(?:-[0-9]+)?")
        doc = records.documents[file]
        for i, record in enumerate(records.of_kind(kind)):
            if pattern.fullmatch(record.id):
                message = (
                    f"Eintrag ist noch das unveränderte Gerüst {SKELETON_OF[kind]}; "
                    "bitte Kennung und Angaben anpassen"
                )
                warnings.append(doc.problem((section, i, "id"), message, warning=True))
            if record.name == placeholder_name(kind, record.id):
                choices = " und ".join(f"„{key}“" for key in CHOICES[kind])
                message = (
                    f"„{record.name}“ ist noch der Platzhalter aus dem Gerüst {SKELETON_OF[kind]}; "
                    f"bitte anpassen und dabei auch {choices} prüfen (aus dem Gerüst übernommen)"
                )
                warnings.append(doc.problem((section, i, "name"), message, warning=True))
            written = doc.value_at((section, i))
            warnings += _sample_values(doc, kind, (section, i), written)
            warnings += _placeholders(doc, kind, (section, i), written)
    return warnings


def _sample_values(
    doc: Document, kind: str, path: Path, value: object, schema_path: str = ""
) -> list[Problem]:
    """A warning for each value that is still the sample of the `new` skeleton."""
    samples = _samples(KINDS[kind][0])
    found = []
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, item in items:
        inner = (
            f"{schema_path}[]"
            if isinstance(key, int)
            else f"{schema_path}.{key}"
            if schema_path
            else key
        )
        if isinstance(item, (dict, list)):
            found += _sample_values(doc, kind, (*path, key), item, inner)
        elif key in _PLACEHOLDER_KEYS and str(item) == samples.get(inner):
            message = (
                f"„{item}“ ist noch der Beispielwert aus dem "
                f"Gerüst {SKELETON_OF[kind]}; bitte anpassen"
            )
            found.append(doc.problem((*path, key), message, warning=True))
    return found


def _placeholders(doc: Document, kind: str, path: Path, record: object) -> list[Problem]:
    """A warning for each value still a placeholder of the skeleton (region, map position, city)."""
    found: dict[Path, str] = {}
    for dotted, placeholder in PLACEHOLDERS[kind].items():
        value: object = record
        for key in dotted.split("."):
            value = value.get(key) if isinstance(value, dict) else None
        if value is None or str(value) != str(placeholder):
            continue
        if dotted.startswith("location."):  # one warning for the position, at its line
            found[(*path, "location")] = "die Kartenposition (Mitte Deutschlands)"
        else:
            found[(*path, *dotted.split("."))] = f"„{value}“"
    message = "{} ist noch der Platzhalter aus dem Gerüst {}; bitte eintragen"
    return [
        doc.problem(at, message.format(what, SKELETON_OF[kind]), warning=True)
        for at, what in found.items()
    ]


@functools.cache
def _samples(file: str) -> dict[str, str]:
    """Field path inside one record (e.g. „liaison.phone“) → the skeleton's sample value."""
    section = KINDS[next(kind for kind, (name, _, _) in KINDS.items() if name == file)][1]
    reference = next(docs for docs in field_reference() if docs.name == file)
    prefix = f"{section}[]."
    return {
        doc.path.removeprefix(prefix): doc.example
        for doc in reference.fields
        if doc.path.startswith(prefix)
    }
