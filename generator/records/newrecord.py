"""A new record in its data file: the skeleton in id order, and the new partner in a network."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

from generator.problems import DataInvalid, Problem, display_name
from generator.records.document import Document
from generator.records.fieldtypes import ID_PATTERN
from generator.records.reader import load_file
from generator.records.rules.crossref import raw_ids
from generator.records.schema.kinds import KINDS
from generator.records.skeleton import LABELS, skeleton


def new_record(
    kind: str,
    data_dir: Path,
    today: date,
    append: bool = False,
    record_id: str | None = None,
    network: str | None = None,
) -> str:
    """The skeleton of a new record with a free id and today's date; inserted on request.

    The record goes to its place in id order and a membership (`network`) into that network's list,
    one id per line: two pull requests that each add a record in this way merge without conflict.
    """
    file, section, _ = KINDS[kind]
    doc = _loaded(Path(data_dir) / file)
    taken = set(raw_ids(doc, section))
    if record_id is not None:
        _check_new_id(doc, record_id, taken)
    # Into the file without the teaching comments: 120 comment lines per entry would bury the data.
    text = skeleton(kind, taken, today, record_id, teaching=not append)
    from generator.records.validate import load_records

    # A skeleton goes only into valid data: every error first, as `check` shows it
    load_records(data_dir, today=today)
    if not append:
        return text
    if not isinstance(doc.data, dict) or list(doc.data)[-1:] != [section]:
        message = (
            f"der Abschnitt „{section}:“ muss am Ende der Datei stehen, "
            "damit ein Eintrag angehängt werden kann"
        )
        raise DataInvalid([Problem(doc.file, 1, "", message)])
    new_id = first_id(text)
    networks = _loaded(Path(data_dir) / KINDS["network"][0]) if network else None
    if network and networks:
        _check_network(networks, network)
    first_line = _insert_record(Path(data_dir) / file, doc, section, new_id, text)
    report = (
        f"{LABELS[kind]} in {doc.file} eingefügt (ab Zeile {first_line}, nach Kennungen geordnet)."
    )
    if network and networks:
        line = _insert_member(Path(data_dir) / KINDS["network"][0], networks, network, new_id)
        report += (
            f" „{new_id}“ steht in der Liste „partners“ von "
            f"„{network}“ in {networks.file} (Zeile {line})."
        )
    return report + " Bitte die Werte anpassen und mit „make check“ prüfen.\n"


def _loaded(path: Path) -> Document:
    if not path.is_file():
        # The words of `check`
        raise DataInvalid([Problem(display_name(path), 1, "", "Datei fehlt")])
    doc, problems = load_file(path)
    if problems:
        raise DataInvalid(problems)
    return doc


def _check_new_id(doc: Document, record_id: str, taken: set[str]) -> None:
    if not re.fullmatch(ID_PATTERN, record_id):
        message = (
            f"„{record_id}“ ist keine gültige Kennung; "
            "erlaubt sind a–z, 0–9 und einzelne Bindestriche"
        )
        raise DataInvalid([Problem(doc.file, 1, "", message)])
    if record_id in taken:
        raise DataInvalid(
            [Problem(doc.file, 1, "", f"die Kennung „{record_id}“ ist schon vergeben")]
        )


def _check_network(networks: Document, network: str) -> None:
    if network not in raw_ids(networks, "networks"):
        raise DataInvalid(
            [Problem(networks.file, 1, "", f"es gibt kein Netzwerk mit der Kennung „{network}“")]
        )


def first_id(text: str) -> str:
    """The id of the first record in a skeleton's text."""
    ids: list[str] = re.findall(r"^ *- id: (\S+)$", text, re.MULTILINE)
    return ids[0]


def _insert_record(path: Path, doc: Document, section: str, new_id: str, text: str) -> int:
    """Insert `text` before the first record whose id sorts after `new_id` (with its comments)."""
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
    write_lines(path, lines)
    return at + 1 + (block[0] == "\n")


def _insert_member(path: Path, doc: Document, network: str, member: str) -> int:
    """Add `member` to a network's `partners:` list (one id per line, id order); return its line."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = raw_ids(doc, "networks").index(network)
    start = doc.lines[("networks", index)] - 1
    field = " " * (len(lines[start]) - len(lines[start].lstrip(" -")))
    members = doc.value_at(("networks", index, "partners"))
    if not isinstance(members, list):
        anchor = (
            doc.lines.get(
                ("networks", index, "verified_on"), doc.lines[("networks", index, "id")] + 1
            )
            - 1
        )
        lines[anchor:anchor] = [f"{field}partners:\n", f"{field}  - {member}\n"]
        write_lines(path, lines)
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
    write_lines(path, lines)
    return at + 1


def write_lines(path: Path, lines: list[str]) -> None:
    """Replace the file in one step, so an interrupted command never leaves half a file."""
    temporary = path.with_name(f".{path.name}.neu")
    try:
        temporary.write_text("".join(lines), encoding="utf-8")
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        # The editor knows the data file, not our temporary copy: the message names the file.
        raise type(error)(error.errno, error.strerror, str(path)) from None
