"""Commented skeleton records for new entries, built from the same JSON Schema as the field reference."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .clock import today as current_day
from .fielddocs import json_schemas, resolve
from .load import load_file
from .problems import DataInvalid, Problem, display_name

if TYPE_CHECKING:
    from .validate import Records

# Kind of entry → (data file, list section, placeholder id).
KINDS = {
    "partner": ("partners.yaml", "partners", "neuer-partner"),
    "network": ("networks.yaml", "networks", "neues-netzwerk"),
}
LABELS = {"partner": "Neuer Partner", "network": "Neues Netzwerk"}
# Plain scalars that YAML 1.2 (the editor) or our loader would not read as text.
_NOT_TEXT = re.compile(r"^(?:[-+]?[0-9.][0-9._:eE+-]*|true|false|null|yes|no|on|off|~)$", re.IGNORECASE)
_INDICATORS = tuple("-?:,[]{}#&*!|>'\"%@`")


def skeleton(kind: str, taken_ids: set[str] | frozenset[str] = frozenset(), today: date | None = None) -> str:
    """A commented record of the given kind, indented for its list; valid as soon as it is appended."""
    file, section, placeholder = KINDS[kind]
    root = json_schemas()[file]
    item = resolve(root, resolve(root, root["properties"][section])["items"])
    overrides = {"id": _free_id(placeholder, taken_ids), "verified_on": (today or _example_day(item)).isoformat()}
    lines = [
        f"  # {LABELS[kind]} (python -m generator new {kind}): bitte die Werte anpassen. Optionale Felder sind",
        "  # auskommentiert (bis auf die empfohlenen); zum Verwenden das „# “ vor dem Feld entfernen.",
        "  # Alle Felder beschreibt die Seite „Datenfelder“.",
    ]
    lines += _fields(root, item, "  ", True, overrides, commented=False)
    return "\n".join(lines) + "\n"


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
    return [_line(column, f"{lead}{key}: {yaml_value(prop.get('examples', [''])[0])}", off)]


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


def new_record(kind: str, data_dir: Path, append: bool = False) -> str:
    """The skeleton of a new record with a free id and today's date; appended to its data file on request."""
    from .rules import raw_ids  # rules import the record modules; load lazily to keep imports one-way

    file, section, _ = KINDS[kind]
    path = Path(data_dir) / file
    if not path.is_file():
        raise DataInvalid([Problem(display_name(path), 1, "", "Datei fehlt")])  # the words of `check`
    doc, problems = load_file(path)
    if problems:
        raise DataInvalid(problems)
    text = skeleton(kind, set(raw_ids(doc, section)), current_day())
    if not append:
        return text
    if not isinstance(doc.data, dict) or list(doc.data)[-1:] != [section]:
        message = f"der Abschnitt „{section}:“ muss am Ende der Datei stehen, damit ein Eintrag angehängt werden kann"
        raise DataInvalid([Problem(doc.file, 1, "", message)])
    existing = path.read_text(encoding="utf-8")
    separator = "\n" if existing.endswith("\n") else "\n\n"
    first_line = existing.count("\n") + separator.count("\n") + 1
    with path.open("a", encoding="utf-8") as stream:
        stream.write(separator + text)
    return (
        f"{LABELS[kind]} an {doc.file} angehängt (ab Zeile {first_line}). Bitte die Werte anpassen und "
        f"mit „python -m generator check“ prüfen.\n"
    )


def unedited_warnings(records: Records) -> list[Problem]:
    """German warnings for `check`: one per record that still has the placeholder id of a skeleton."""
    warnings = []
    for kind, (file, section, placeholder) in KINDS.items():
        pattern = re.compile(rf"{re.escape(placeholder)}(?:-[0-9]+)?")
        for i, record in enumerate(records.sections.get(file, {}).get(section) or []):
            if record is not None and pattern.fullmatch(record.id):
                message = (
                    f"Eintrag ist noch das unveränderte Gerüst von „python -m generator new {kind}“; "
                    f"bitte Kennung und Angaben anpassen"
                )
                warnings.append(records.documents[file].problem((section, i, "id"), message, warning=True))
    return warnings
