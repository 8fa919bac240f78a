"""Check the data files against the schema and against each other; report every problem at once."""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import dataclass
from pathlib import Path as FilePath

from pydantic import BaseModel, ValidationError

from .load import Document, load_file
from .problems import DataInvalid, Path, Problem, display_name, shown
from .rules import check_references
from .schema import DATA_FILES, Network, Partner


@dataclass(frozen=True)
class Records:
    """The validated records of all data files, with the documents they came from."""

    partners: list[Partner]
    networks: list[Network]
    documents: dict[str, Document]


def load_records(data_dir: str | FilePath) -> Records:
    """Load and validate every data file; raise DataInvalid listing all problems."""
    data_dir = FilePath(data_dir)
    problems: list[Problem] = []
    documents: dict[str, Document] = {}
    sections: dict[str, list] = {}
    for name, model in DATA_FILES.items():
        file = data_dir / name
        if not file.is_file():
            problems.append(Problem(display_name(file), 1, "", "Datei fehlt"))
            continue
        doc, found = load_file(file)
        documents[name] = doc
        problems += found
        if doc.data is None and not found:
            problems.append(doc.problem((), "Datei ist leer"))
        elif doc.data is not None:
            items, found = check_schema(doc, model)
            problems += found
            sections[name] = items
    if len(sections) == len(DATA_FILES):
        problems += check_references(sections["partners.yaml"], sections["networks.yaml"], documents)
    if problems:
        raise DataInvalid(problems)
    return Records(sections["partners.yaml"], sections["networks.yaml"], documents)


def check_schema(doc: Document, model: type[BaseModel]) -> tuple[list, list[Problem]]:
    """Validate a document record by record, so one bad record hides no error of another.

    Returns the records (None where a record is invalid) and the problems in German.
    """
    (section,) = model.model_fields
    item_type = _record_type(model.model_fields[section].annotation)
    data = doc.data
    if not isinstance(data, dict) or section not in data:
        return [], [doc.problem((), f"die Datei muss mit dem Abschnitt „{section}:“ beginnen")]
    problems = [doc.problem((key,), _unknown_field((key,), model)) for key in data if key != section]
    if not isinstance(data[section], list):
        return [], [*problems, doc.problem((section,), explain({"type": "list_type", "input": data[section]}, model))]
    items = []
    for index, raw in enumerate(data[section]):
        try:
            items.append(item_type.model_validate(raw))
        except ValidationError as error:
            items.append(None)
            for e in error.errors():
                loc = (section, index, *e["loc"])
                problems.append(doc.problem(loc, explain(e | {"loc": loc}, model)))
    return items, problems


def explain(error: dict, model: type[BaseModel]) -> str:
    """A German message for one pydantic error."""
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    if kind.startswith("om_"):
        return error["msg"]
    if kind == "missing":
        return "Pflichtfeld fehlt"
    if kind == "extra_forbidden":
        return _unknown_field(tuple(error["loc"]), model)
    if value is None:
        return "darf nicht leer sein"
    if kind == "literal_error":
        return _unknown_choice(value, ctx.get("expected", ""))
    if kind == "bool_type":
        return f"muss true oder false sein ({shown(value)})"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"liegt nicht in Deutschland ({shown(value)})"
    if kind == "string_too_long":
        return f"ist zu lang (höchstens {ctx.get('max_length')} Zeichen)"
    return _wrong_type(kind, value)


def _wrong_type(kind: str, value: object) -> str:
    given = {bool: "ein Ja/Nein-Wert", list: "eine Liste", dict: "ein Abschnitt mit Feldern"}.get(type(value), "Text")
    wanted = {
        "string_type": "ein einzelner Text",
        "list_type": "eine Liste (Einträge mit „- “)",
        "model_type": "ein Abschnitt mit Feldern",
        "dict_type": "ein Abschnitt mit Feldern",
        "float_type": "eine Zahl",
        "date_type": "ein Datum (JJJJ-MM-TT)",
    }.get(kind, "ein anderer Wert")
    hint = "; Text mit true oder false bitte in Anführungszeichen setzen" if isinstance(value, bool) else ""
    return f"muss {wanted} sein, ist aber {given}{hint}"


def _unknown_choice(value: object, expected: str) -> str:
    allowed = [part.strip(" '") for part in expected.replace(" or ", ", ").split(",")]
    close = difflib.get_close_matches(str(value), allowed, n=1)
    hint = f"; meinten Sie „{close[0]}“?" if close else ""
    return f"unbekannter Wert ({shown(value)}); erlaubt: {', '.join(allowed)}{hint}"


def _unknown_field(loc: Path, model: type[BaseModel]) -> str:
    known = list(_model_at(model, loc[:-1]).model_fields)
    close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.5)
    hint = f"meinten Sie „{close[0]}“?" if close else f"bekannt sind: {', '.join(known)}"
    return f"unbekanntes Feld „{loc[-1]}“; {hint}"


def _model_at(model: type[BaseModel], path: Path) -> type[BaseModel]:
    """Follow a data path through the record types to the record that holds its last key."""
    current: object = model
    for part in path:
        if isinstance(part, str):
            current = _record_type(current).model_fields[part].annotation
        current = _unwrap(current)
    return _record_type(current)


def _unwrap(annotation: object) -> object:
    while True:
        origin = typing.get_origin(annotation)
        if origin in (list, typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        elif origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        else:
            return annotation


def _record_type(annotation: object) -> type[BaseModel]:
    annotation = _unwrap(annotation)
    assert isinstance(annotation, type) and issubclass(annotation, BaseModel)
    return annotation


def check_data(data_dir: str | FilePath) -> list[Problem]:
    """All problems of the data in a folder (empty when it is valid)."""
    try:
        load_records(data_dir)
    except DataInvalid as invalid:
        return invalid.problems
    return []
