"""Check the data files against the schema and against each other; report every problem at once."""

from __future__ import annotations

import os
import types
import typing
from datetime import date
from pathlib import Path as FilePath

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from generator.german import did_you_mean
from generator.problems import DataInvalid, Path, Problem, display_name, shown
from generator.records.document import Document

# Records is defined beside the rules' view, which imports no rule; later stages import it here.
from generator.records.loaded import Records as Records
from generator.records.loaded import loaded_files
from generator.records.reader import Loader, load_file
from generator.records.rules.registry import check_rules
from generator.records.schema import (
    DATA_FILES,
    AgreementFile,
    LegalFile,
    NetworksFile,
    PartnersFile,
    ProcessFile,
    Record,
    RequestsFile,
)
from generator.settings import read_settings

_File = typing.TypeVar("_File", bound=Record)
# Problems one file may show; beyond them its records go unchecked (a machine-made or garbled file).
MAX_PROBLEMS = 200


def load_records(
    data_dir: str | os.PathLike[str], load: Loader = load_file, today: date | None = None
) -> Records:
    """Load and validate every data file; raise DataInvalid listing all problems.

    `load` parses one file (the preview passes one that reuses the parse of an unchanged file);
    `today` is the run's day (the settings' when not given): no recorded date may lie after it.
    """
    today = today or read_settings().today
    data_dir = FilePath(data_dir)
    problems: list[Problem] = []
    documents: dict[str, Document] = {}
    sections: dict[str, dict[str, object]] = {}
    for name, model in DATA_FILES.items():
        file = data_dir / name
        if not file.is_file():
            problems.append(Problem(display_name(file), 1, "", _not_a_file(file)))
            continue
        doc, found = load(file)
        documents[name] = doc
        problems += found
        if doc.data is None and not found:
            problems.append(doc.problem((), "Datei ist leer"))
        elif doc.data is not None:
            content, found = check_schema(doc, model)
            problems += found
            if content is not None:
                sections[name] = content
    found, waiting = check_rules(loaded_files(sections), documents, today)
    problems += found
    if problems:
        raise DataInvalid(problems, incomplete=waiting)
    # Each section was validated on its own: the files are put together without validating
    # anything twice. (No set of fields given: pydantic counts every section passed as set, as a
    # validation would.)
    files = [
        DATA_FILES[name].model_construct(None, **content) for name, content in sections.items()
    ]
    return _records(files, documents)


def _records(files: list[Record], documents: dict[str, Document]) -> Records:
    """The typed records of valid data, each file found by its record type."""

    def file(kind: type[_File]) -> _File:
        return next(found for found in files if isinstance(found, kind))

    return Records(
        partners=file(PartnersFile).partners,
        networks=file(NetworksFile).networks,
        process=file(ProcessFile),
        agreement=file(AgreementFile),
        request_log=file(RequestsFile),
        legal=file(LegalFile),
        documents=documents,
    )


def _not_a_file(file: FilePath) -> str:
    if file.is_symlink() and not file.exists():
        return "ist ein Verweis (Symlink) auf eine Datei, die es nicht gibt"
    if file.is_dir():
        return "ist ein Ordner; hier gehört die Datendatei hin"
    if file.exists():
        return "ist keine gewöhnliche Datei (etwa eine Pipe oder ein Gerät)"
    return "Datei fehlt"


def check_schema(
    doc: Document, model: type[BaseModel]
) -> tuple[dict[str, object] | None, list[Problem]]:
    """Validate a document section by section and list item by list item.

    One bad record hides no error of another. Returns the sections (None in place of an
    invalid record, None for the whole file when its shape is wrong) and German problems.
    """
    data = doc.data
    names = ", ".join(f"„{name}:“" for name in model.model_fields)
    if not isinstance(data, dict):
        return None, [doc.problem((), f"die Datei muss aus den Abschnitten {names} bestehen")]
    unknown = [key for key in data if key not in model.model_fields][:MAX_PROBLEMS]
    problems = [doc.problem((key,), _unknown_field((key,), model)) for key in unknown]
    content: dict[str, object] = {}
    for section, info in model.model_fields.items():
        if section not in data:
            if info.is_required():
                problems.append(doc.problem((section,), f"Pflichtabschnitt „{section}:“ fehlt"))
                content[section] = None  # the file's rules wait until the section is there
            else:
                content[section] = info.get_default(call_default_factory=True)
            continue
        budget = MAX_PROBLEMS - len(problems)
        content[section], found = _check_section(doc, model, section, data[section], budget)
        problems += found
    return (None if any(p is None for p in content.values()) else content), problems


def _check_section(
    doc: Document, model: type[BaseModel], section: str, raw: object, budget: int = 0
) -> tuple[object, list[Problem]]:
    annotation = model.model_fields[section].annotation  # a section's field always has a type
    problems: list[Problem] = []
    if typing.get_origin(annotation) is list and isinstance(raw, list):
        item_adapter = TypeAdapter(typing.get_args(annotation)[0])
        items = []
        for index, item in enumerate(raw):
            if len(problems) >= budget:
                # A file this wrong is not fixed entry by entry; checking the rest would
                # only take time.
                message = (
                    "weitere Einträge ab hier nicht geprüft: mehr "
                    f"als {MAX_PROBLEMS} Fehler in dieser Datei"
                )
                problems.append(doc.problem((section, index), message))
                items += [None] * (len(raw) - index)
                break
            try:
                record = item_adapter.validate_python(item)
            except ValidationError as error:
                record = None
                problems += _problems(doc, model, (section, index), error)
            # A record that lost a duplicate key is likely two records run together: rules skip it.
            items.append(None if doc.is_damaged((section, index)) else record)
        return items, problems
    # The type with its own validators (Text, DayCount, …), kept by pydantic as field metadata.
    adapter = TypeAdapter(model.model_fields[section].rebuild_annotation())
    try:
        return adapter.validate_python(raw), []
    except ValidationError as error:
        return None, _problems(doc, model, (section,), error)


def _problems(
    doc: Document, model: type[BaseModel], prefix: Path, error: ValidationError
) -> list[Problem]:
    found = []
    for e in error.errors()[:MAX_PROBLEMS]:
        loc = (*prefix, *e["loc"])
        found.append(doc.problem(loc, explain({**e, "loc": loc}, model)))
    return found


def explain(error: ErrorDetails, model: type[BaseModel]) -> str:
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
    # The field types check text length themselves (fields.py)
    if kind in ("too_long", "string_too_long"):
        return f"ist zu lang (höchstens {ctx.get('max_length')})"
    return _wrong_type(kind, value)


def _wrong_type(kind: str, value: object) -> str:
    given = {bool: "ein Ja/Nein-Wert", list: "eine Liste", dict: "ein Abschnitt mit Feldern"}.get(
        type(value), "Text"
    )
    wanted = {
        "string_type": "ein einzelner Text",
        "list_type": "eine Liste (Einträge mit „- “)",
        "model_type": "ein Abschnitt mit Feldern",
        "dict_type": "ein Abschnitt mit Feldern",
        "float_type": "eine Zahl",
        "date_type": "ein Datum (JJJJ-MM-TT)",
    }.get(kind, "ein anderer Wert")
    hint = (
        "; Text mit true oder false bitte in Anführungszeichen setzen"
        if isinstance(value, bool)
        else ""
    )
    return f"muss {wanted} sein, ist aber {given}{hint}"


def _unknown_choice(value: object, expected: str) -> str:
    allowed = [part.strip(" '") for part in expected.replace(" or ", ", ").split(",")]
    return (
        f"unbekannter Wert ({shown(value)}); erlaubt: "
        f"{', '.join(allowed)}{did_you_mean(str(value), allowed)}"
    )


def _unknown_field(loc: Path, model: type[BaseModel]) -> str:
    known = list(_model_at(model, loc[:-1]).model_fields)
    hint = did_you_mean(str(loc[-1]), known, cutoff=0.5) or f"; bekannt sind: {', '.join(known)}"
    return f"unbekanntes Feld „{loc[-1]}“{hint}"


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


def check_data(data_dir: str | os.PathLike[str], today: date | None = None) -> list[Problem]:
    """All problems of the data in a folder (empty when it is valid)."""
    try:
        load_records(data_dir, today=today)
    except DataInvalid as invalid:
        return invalid.problems
    return []
