"""Field documentation for editors, read from the JSON Schema of the records (one source)."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from pydantic.json_schema import JsonSchemaValue

from generator.records.fieldtypes import (
    CLAUSE_NUMBER_PATTERN,
    ID_PATTERN,
    PHONE_PATTERN,
    POSTCODE_PATTERN,
)
from generator.records.schema import DATA_FILES


@dataclass(frozen=True)
class FieldDoc:
    """One documented field of a data file."""

    path: str
    title: str
    description: str
    kind: str
    required: bool
    example: str


@dataclass(frozen=True)
class FileDoc:
    """The documented fields of one data file."""

    name: str
    description: str
    fields: tuple[FieldDoc, ...]
    module: str


def json_schemas() -> dict[str, JsonSchemaValue]:
    """The JSON Schema of every data file by file name (a fresh copy: callers may change it)."""
    schemas: dict[str, JsonSchemaValue] = json.loads(_schemas_text())
    return schemas


@functools.cache
def _schemas_text() -> str:
    # pydantic takes a good second of CPU to derive them; the models never change in a process.
    return json.dumps({name: model.model_json_schema() for name, model in DATA_FILES.items()})


def field_reference() -> tuple[FileDoc, ...]:
    """Every field of every data file, in schema order."""
    docs = []
    for name, schema in json_schemas().items():
        rows: list[FieldDoc] = []
        _walk(schema, schema, "", rows)
        docs.append(FileDoc(name, schema.get("description", ""), tuple(rows), model_file(name)))
    return tuple(docs)


def model_file(data_file: str) -> str:
    """The module defining a data file's records: partners.yaml → records/schema/directory.py."""
    return DATA_FILES[data_file].__module__.replace(".", "/") + ".py"


def resolve(root: JsonSchemaValue, schema: JsonSchemaValue) -> JsonSchemaValue:
    """The schema a property points to: a `$ref`'s definition, the non-null option of `anyOf`."""
    if "$ref" in schema:
        definition: JsonSchemaValue = root["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
        return definition
    options = [s for s in schema.get("anyOf", []) if s.get("type") != "null"]
    return resolve(root, options[0]) if options else schema


def _walk(
    root: JsonSchemaValue, schema: JsonSchemaValue, prefix: str, rows: list[FieldDoc]
) -> None:
    required = set(schema.get("required", []))
    for key, prop in schema.get("properties", {}).items():
        path = f"{prefix}.{key}" if prefix else key
        target = resolve(root, prop)
        item = resolve(root, target["items"]) if target.get("type") == "array" else None
        rows.append(
            FieldDoc(
                path=path,
                title=prop.get("title", key),
                description=prop.get("description", ""),
                kind=_kind(target, item),
                required=key in required,
                example=_example(prop),
            )
        )
        if item is not None and "properties" in item:
            _walk(root, item, f"{path}[]", rows)
        elif "properties" in target:
            _walk(root, target, path, rows)


def _kind(schema: JsonSchemaValue, item: JsonSchemaValue | None) -> str:
    if item is not None:
        return "Liste von Abschnitten" if "properties" in item else f"Liste ({_kind(item, None)})"
    if "properties" in schema:
        return "Abschnitt"
    if isinstance(schema.get("additionalProperties"), dict):
        return f"Zuordnung: Kennung → {_kind(schema['additionalProperties'], None)}"
    if "enum" in schema or "const" in schema:
        return "Auswahl"
    formats = {
        "email": "E-Mail-Adresse",
        "idn-email": "E-Mail-Adresse",
        "date": "Datum (JJJJ-MM-TT)",
        "uri": "Webadresse (https://…)",
    }
    patterns = {
        ID_PATTERN: "Kennung",
        PHONE_PATTERN: "Telefonnummer",
        POSTCODE_PATTERN: "Postleitzahl",
        CLAUSE_NUMBER_PATTERN: "ganze Zahl",
    }
    if schema.get("format") in formats:
        return formats[schema["format"]]
    if schema.get("pattern") in patterns:
        return patterns[schema["pattern"]]
    return {
        "boolean": "true oder false",
        "integer": "ganze Zahl",
        "number": "Zahl",
        "string": "Text",
    }.get(str(schema.get("type")), "Wert")


def _example(prop: JsonSchemaValue) -> str:
    examples = prop.get("examples")
    if not examples:
        return ""
    value = examples[0]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    if isinstance(value, dict):
        return ", ".join(f"{key}: {item}" for key, item in value.items())
    return str(value)
