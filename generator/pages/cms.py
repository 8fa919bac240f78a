"""The editing page's configuration (Sveltia CMS), generated from the records' JSON Schema.

Every field of every data file becomes a form field with the schema's German title as label and its
description as hint; the walk is generic, so a field added to the schema appears in the form without
a change here. The few decisions the schema cannot carry (which ids point to which records, how a
list item is summarised) are the tables below. `python -m generator cms` writes
docs/redaktion/config.yml; a test fails when it has drifted.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from generator.files import write_if_changed
from generator.records.cmsform import dump
from generator.records.fieldtypes import DATE_PATTERN, ID_PATTERN, PHONE_PATTERN, POSTCODE_PATTERN
from generator.records.schema.agreement import AGREEMENT_STATUSES, TIMELINE_STATES
from generator.records.schema.requests import REQUEST_STATUSES
from generator.records.schema.vocabulary import NETWORK_STATUSES, PARTNER_KINDS, SCOPES, STATES
from generator.records.schema_docs import json_schemas, resolve
from generator.siteconfig import repository_url

ROOT = Path(__file__).resolve().parents[2]
EDITOR_DIR = ROOT / "docs" / "redaktion"
CONFIG_FILE = EDITOR_DIR / "config.yml"
COLLECTION = "daten"
# Labels of the allowed values: a select shows the German word and stores the value.
VOCABULARIES = (
    PARTNER_KINDS,
    SCOPES,
    NETWORK_STATUSES,
    STATES,
    AGREEMENT_STATUSES,
    TIMELINE_STATES,
    REQUEST_STATUSES,
)
# Id fields pointing to another file's records: field → (data file, list key, field in the picker).
REFERENCES = {
    "partner": ("partners.yaml", "partners", "name"),
    "partners": ("partners.yaml", "partners", "name"),
    "network": ("networks.yaml", "networks", "name"),
    "networks": ("networks.yaml", "networks", "name"),
}
# How a collapsed list item is named in the form: the first of these fields it has.
SUMMARY_FIELDS = ("name", "title", "id", "organisation")
FILE_LABELS = {
    "partners.yaml": "Partner",
    "networks.yaml": "Netzwerke",
    "requests.yaml": "Anfragen",
    "agreement.yaml": "Vereinbarung",
    "process.yaml": "Verfahren",
    "legal.yaml": "Impressum und Datenschutz",
}
PATTERN_MESSAGES = {
    "email": "keine gültige E-Mail-Adresse",
    PHONE_PATTERN: "keine gültige Telefonnummer, z. B. „+49 511 123456“",
    POSTCODE_PATTERN: "keine gültige Postleitzahl; fünf Ziffern, z. B. „01067“",
    ID_PATTERN: (
        "keine gültige Kennung; erlaubt sind a–z, 0–9 und Bindestriche, z. B. „hwk-hannover“"
    ),
    "^https?://": "keine gültige Webadresse; bitte mit https:// oder http:// beginnen",
}
HEADER = (
    "# Konfiguration der Redaktionsseite (Sveltia CMS), "
    "erzeugt aus dem Schema in generator/records/schema/\n"
    "# mit `python -m generator cms`; nicht von Hand ändern.\n"
)


def cms_config(repository: str | None = None) -> dict:
    """The whole configuration: backend, editorial workflow, output form, one form per data file."""
    repository = repository or _repository()
    return {
        "backend": {
            "name": "github",
            "repo": repository,
            "branch": "main",
            "cms_label_prefix": "redaktion/",
            "commit_messages": {
                "update": "Redaktion: {{collection}} „{{slug}}“ geändert",
                "create": "Redaktion: {{collection}} „{{slug}}“ angelegt",
                "delete": "Redaktion: {{collection}} „{{slug}}“ gelöscht",
            },
        },
        "publish_mode": "editorial_workflow",
        "app_title": "Redaktion – Offensive Mittelstand",
        "media_folder": "docs/redaktion/medien",
        "show_preview_links": False,
        # Exactly `python -m generator format`'s form: empty optionals left out, keys in form order.
        "output": {
            "omit_empty_optional_fields": True,
            "yaml": {"indent_size": 2, "indent_sequences": True},
        },
        "collections": [
            {
                "name": COLLECTION,
                "label": "Daten",
                "description": (
                    "Jede Datei in data/; gespeichert wird "
                    "als Pull Request, den die Prüfung abnimmt."
                ),
                "files": [_file(name, schema) for name, schema in json_schemas().items()],
            }
        ],
    }


def _repository() -> str:
    url = repository_url() or "https://github.com/OWNER/REPO"
    return url.removeprefix("https://github.com/")


def _file(name: str, schema: dict) -> dict:
    return {
        "name": _file_id(name),
        "label": FILE_LABELS.get(name, name),
        "file": f"data/{name}",
        "format": "yaml",
        "fields": _fields(schema, schema),
    }


def _file_id(name: str) -> str:
    return name.removesuffix(".yaml")


def _fields(root: dict, schema: dict) -> list[dict]:
    required = set(schema.get("required", []))
    return [
        _field(root, key, prop, key in required)
        for key, prop in schema.get("properties", {}).items()
    ]


def _field(root: dict, key: str, prop: dict, required: bool) -> dict:
    field: dict = {"name": key, "label": prop.get("title", key)}
    if prop.get("description"):
        field["hint"] = _hint(prop["description"])
    target = resolve(root, prop)
    field |= _widget(root, key, target)
    if not required:
        field["required"] = False
    return field


def _hint(description: str) -> str:
    # The hint shows limited Markdown; code spans read as plain quotes there.
    return re.sub(r"`([^`]+)`", r"„\1“", description)


def _widget(root: dict, key: str, schema: dict) -> dict:
    kind = schema.get("type")
    ids = resolve(root, schema["items"]) if kind == "array" else schema
    if key in REFERENCES and ids.get("pattern") == ID_PATTERN:
        return _relation(key, multiple=kind == "array")
    if kind == "array":
        return _list(root, schema)
    if "properties" in schema:
        return {"widget": "object", "collapsed": "auto", "fields": _fields(root, schema)}
    if isinstance(schema.get("additionalProperties"), dict):
        return _key_value(schema["additionalProperties"])
    if "enum" in schema:
        return {"widget": "select", "options": _options(schema["enum"])}
    if kind == "boolean":
        # A switch writes `false` into every record that lacks the field, and
        # `represented_in_regions: false` beside `present_in` is an error: a choice of „ja“ or
        # nothing writes `true` or leaves the field out.
        return {"widget": "select", "options": [{"label": "ja", "value": True}]}
    if kind in ("integer", "number"):
        return _number(schema)
    return _text(schema)


def _relation(key: str, multiple: bool) -> dict:
    data_file, section, shown = REFERENCES[key]
    widget = {
        "widget": "relation",
        "collection": COLLECTION,
        "file": _file_id(data_file),
        "value_field": f"{section}.*.id",
        "search_fields": [f"{section}.*.{shown}", f"{section}.*.id"],
        "display_fields": [f"{section}.*.{shown}"],
    }
    return widget | ({"multiple": True} if multiple else {})


def _list(root: dict, schema: dict) -> dict:
    item = resolve(root, schema["items"])
    if "enum" in item:
        return {"widget": "select", "multiple": True, "options": _options(item["enum"])}
    if "properties" in item:
        summary = next((name for name in SUMMARY_FIELDS if name in item["properties"]), None)
        widget = {"widget": "list", "collapsed": True, "fields": _fields(root, item)}
        return widget | ({"summary": "{{fields." + summary + "}}"} if summary else {})
    return {"widget": "list"} | _pattern(item)


def _key_value(value: dict) -> dict:
    kind = "Datum (JJJJ-MM-TT)" if value.get("pattern") == DATE_PATTERN else "Wert"
    return {"widget": "keyvalue", "key_label": "Kennung", "value_label": kind}


def _options(values: list) -> list[dict]:
    labels = next((table for table in VOCABULARIES if set(table) == set(values)), {})
    return [{"label": labels.get(value, value), "value": value} for value in values]


def _number(schema: dict) -> dict:
    widget: dict = {
        "widget": "number",
        "value_type": "int" if schema["type"] == "integer" else "float",
    }
    if schema["type"] == "number":
        widget["step"] = 0.0001
    bounds = {"minimum": "min", "maximum": "max"}
    return widget | {option: schema[bound] for bound, option in bounds.items() if bound in schema}


def _text(schema: dict) -> dict:
    if schema.get("format") == "date":
        return {"widget": "datetime", "type": "date", "format": "YYYY-MM-DD"}
    paragraph = schema.get("maxLength", 0) > 200 and not ("pattern" in schema or "format" in schema)
    widget: dict = {"widget": "text" if paragraph else "string"}
    if schema.get("format") == "email":
        widget["type"] = "email"
    elif schema.get("format") == "uri":
        widget["type"] = "url"
    if schema.get("maxLength"):
        widget["maxlength"] = schema["maxLength"]
    return widget | _pattern(schema)


def _pattern(schema: dict) -> dict:
    pattern = schema.get("pattern")
    if not pattern:
        return {}
    message = PATTERN_MESSAGES.get(
        "email" if schema.get("format") == "email" else pattern, "ungültige Eingabe"
    )
    return {"pattern": [pattern, message]}


def config_text(repository: str | None = None) -> str:
    """The configuration as YAML text; same schema → same bytes."""
    body = yaml.safe_dump(cms_config(repository), allow_unicode=True, sort_keys=False, width=120)
    return HEADER + body


def write_config(target: Path = CONFIG_FILE) -> bool:
    """Write docs/redaktion/config.yml; return whether it changed."""
    return write_if_changed(target, config_text().encode("utf-8"))


def form_fields(data_file: str) -> list[dict]:
    """The form fields of one data file, as the editing page shows them."""
    name = _file_id(data_file)
    files = cms_config("OWNER/REPO")["collections"][0]["files"]
    return next(file["fields"] for file in files if file["name"] == name)


def shaped(value: Any, fields: list[dict], in_list: bool = False) -> Any:
    """A loaded mapping as the form saves it: keys in form order, numbers as numbers, no empties.

    Below a list the CMS writes a key-value field (requests[].steps) after the other fields of its
    record, its keys sorted (it finds them only in its final sweep over the leftover keys, sorted
    with Intl.Collator).
    """
    known = {field["name"]: field for field in fields}
    names = [field["name"] for field in fields] + [key for key in value if key not in known]
    if in_list:
        late = sorted(
            (name for name in names if known.get(name, {}).get("widget") == "keyvalue"),
            key=collation_key,
        )
        names = [name for name in names if name not in late] + late
    out = {}
    for name in names:
        if name not in value:
            continue
        field = known.get(name, {})
        item = _shaped_value(value[name], field, in_list)
        if _empty(item) and (field.get("required") is False or item is None):
            continue
        out[name] = item
    return out


def _shaped_value(value: Any, field: dict, in_list: bool) -> Any:
    widget = field.get("widget")
    if widget == "object" and isinstance(value, dict):
        return shaped(value, field["fields"], in_list)
    if widget == "object" and value is False:
        # `consent: false` means what a missing field means; the form has no word for it
        return None
    if widget == "list" and isinstance(value, list) and "fields" in field:
        return [
            shaped(item, field["fields"], in_list=True) if isinstance(item, dict) else item
            for item in value
        ]
    if widget == "keyvalue" and in_list and isinstance(value, dict):
        return {key: value[key] for key in sorted(value, key=collation_key)}
    if widget == "number" and isinstance(value, str):
        return _as_number(value, field["value_type"])
    return value


def collation_key(text: str) -> list[tuple[int, int | str]]:
    """Sort order of `Intl.Collator(undefined, {numeric: true, sensitivity: "base"})` for ids
    (a–z, 0–9, „-“): punctuation before digits before letters, digit runs by their value,
    letters without case."""
    key: list[tuple[int, int | str]] = []
    for run in re.findall(r"[0-9]+|.", text):
        if run.isdigit():
            key.append((1, int(run)))
        elif run.isalpha():
            key.append((2, run.casefold()))
        else:
            key.append((0, run))
    return key


def _as_number(text: str, value_type: str) -> int | float | str:
    try:
        return int(text) if value_type == "int" else float(text)
    except ValueError:
        return text


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def formatted_files(records, data_dir: Path) -> dict[Path, tuple[str, str]]:
    """Each data file → (its text now, its text as the editing page saves it)."""
    out = {}
    for name, doc in records.documents.items():
        file = data_dir / name
        out[file] = (file.read_text(encoding="utf-8"), dump(shaped(doc.data, form_fields(name))))
    return out
