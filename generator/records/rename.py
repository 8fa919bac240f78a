"""A new id for a partner or network (`rename`): every reference changed, the old id kept.

The files are edited as text, line by line, like `new --append` does: comments, quotes, blank lines
and the order of fields stay as the office wrote them. Every changed file is checked by the rules of
`check` before any file is written, and then all are replaced together.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tempfile
from datetime import date
from pathlib import Path

from generator.addresses import FIXED_NAMES, RECORD_FOLDERS
from generator.problems import DataInvalid, Problem, display_name
from generator.problems import Path as DataPath
from generator.records.document import Document
from generator.records.fieldtypes import is_valid_id
from generator.records.reader import load_file
from generator.records.schema.kinds import KINDS
from generator.records.validate import Records, load_records

WHAT = {"partner": "Partner", "network": "Netzwerk"}


def rename_record(kind: str, data_dir: Path, old: str, new: str, today: date) -> str:
    """Give the record `old` the id `new` in every file that names it; return the German report."""
    data_dir = Path(data_dir)
    # Only valid data is renamed: every error first, as `check` shows
    records = load_records(data_dir, today=today)
    file, section, _ = KINDS[kind]
    docs = records.documents
    index = _index_of(docs[file], section, old, kind)
    _check_new_id(records, kind, file, section, new)
    texts: dict[str, list[str]] = {}
    changed: dict[str, list[int]] = {}
    for name, path in _references(records, kind, old, index):
        lines = texts.setdefault(name, _lines(data_dir / name))
        line = _replace_at(lines, docs[name].line_of(path) - 1, old, new)
        if line is None:
            where = f"{docs[name].file}, Zeile {docs[name].line_of(path)}"
            raise DataInvalid(
                [Problem(docs[name].file, docs[name].line_of(path), "", _not_found(old, where))]
            )
        changed.setdefault(name, []).append(line + 1)
    _add_former_id(texts[file], docs[file], section, index, old)
    _validate(data_dir, texts, today)
    _write_all(data_dir, texts)
    places = "; ".join(
        f"{docs[name].file}: {_count(len(lines))} (Zeile {', '.join(map(str, sorted(set(lines))))})"
        for name, lines in sorted(changed.items())
    )
    return (
        f"{WHAT[kind]} „{old}“ heißt jetzt „{new}“. Geändert: {places}. "
        f"„{old}“ steht unter former_ids; "
        f"die alte Adresse leitet auf die neue weiter. Bitte mit „make check“ prüfen.\n"
    )


def _count(number: int) -> str:
    return "1 Stelle" if number == 1 else f"{number} Stellen"


def _not_found(old: str, where: str) -> str:
    return f"„{old}“ ließ sich in {where} nicht sicher ersetzen; bitte dort von Hand ändern"


def _index_of(doc: Document, section: str, old: str, kind: str) -> int:
    ids = _raw_ids(doc, section)
    if old not in ids:
        article = "keinen Partner" if kind == "partner" else "kein Netzwerk"
        message = f"es gibt {article} mit der Kennung „{old}“"
        raise DataInvalid([Problem(doc.file, 1, "", message)])
    return ids.index(old)


def _raw_ids(doc: Document, section: str) -> list[str]:
    items = doc.data.get(section) if isinstance(doc.data, dict) else None
    return [str(item.get("id")) if isinstance(item, dict) else "" for item in items or []]


def _check_new_id(records: Records, kind: str, file: str, section: str, new: str) -> None:
    """The new id is valid, free, no record's former id and no name of a page the site writes."""
    doc = records.documents[file]
    problem = None
    if not is_valid_id(new):
        problem = (
            f"„{new}“ ist keine gültige Kennung; erlaubt sind a–z, 0–9 und einzelne Bindestriche"
        )
    elif new in _raw_ids(doc, section):
        problem = f"die Kennung „{new}“ ist schon vergeben"
    elif any(new in record.former_ids for record in records.of_kind(kind)):
        problem = (
            f"„{new}“ ist die frühere Kennung eines Eintrags; "
            "unter ihr steht schon eine Weiterleitung"
        )
    elif any(
        new in FIXED_NAMES.get(folder, ())
        for folder, (data, _) in RECORD_FOLDERS.items()
        if data == file
    ):
        problem = (
            f"„{new}“ ist nicht möglich: unter dieser Kennung "
            "steht schon eine Seite der Website selbst"
        )
    if problem:
        raise DataInvalid([Problem(doc.file, 1, "", problem)])


def _references(records: Records, kind: str, old: str, index: int) -> list[tuple[str, DataPath]]:
    """(data file, path of the value) of the record's id and of every reference to it."""
    found: list[tuple[str, DataPath]] = []
    if kind == "partner":
        found.append(("partners.yaml", ("partners", index, "id")))
        for i, network in enumerate(records.networks):
            found += [
                ("networks.yaml", ("networks", i, "partners", j))
                for j, p in enumerate(network.partners)
                if p == old
            ]
            found += [
                ("networks.yaml", ("networks", i, "ambassadors", j, "partner"))
                for j, person in enumerate(network.ambassadors)
                if person.partner == old
            ]
        key = "partner"
    else:
        found.append(("networks.yaml", ("networks", index, "id")))
        for i, partner in enumerate(records.partners):
            found += [
                ("partners.yaml", ("partners", i, "regional_contacts", j, "network"))
                for j, contact in enumerate(partner.regional_contacts)
                if contact.network == old
            ]
        key = "network"
    for i, request in enumerate(records.request_log.requests):
        if (request.partner if key == "partner" else request.network) == old:
            found.append(("requests.yaml", ("requests", i, key)))
    return found


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines(keepends=True)


def _token(old: str) -> re.Pattern[str]:
    # An id as a whole word: `owl` but not `owl-nord` or `2022-owl-vbg`.
    return re.compile(rf"(?<![A-Za-z0-9_-]){re.escape(old)}(?![A-Za-z0-9_-])")


def _code(line: str) -> str:
    """The part of a line before its comment (`#` after a space), where values stand."""
    match = re.search(r"(?:^|\s)#", line)
    return line[: match.start()] if match else line


def _replace_at(lines: list[str], start: int, old: str, new: str) -> int | None:
    """Replace the first `old` from line `start` on (a value may follow on the next line)."""
    token = _token(old)
    for number in range(start, min(start + 3, len(lines))):
        code = _code(lines[number])
        match = token.search(code)
        if match:
            lines[number] = lines[number][: match.start()] + new + lines[number][match.end() :]
            return number
    return None


def _add_former_id(lines: list[str], doc: Document, section: str, index: int, old: str) -> None:
    """Record the old id under the renamed record's `former_ids`: appended, or a line after `id`."""
    formers = doc.value_at((section, index, "former_ids"))
    id_line = doc.lines[(section, index, "id")] - 1
    indent = " " * (len(lines[id_line]) - len(lines[id_line].lstrip(" -")))
    if not isinstance(formers, list):
        lines.insert(id_line + 1, f"{indent}former_ids: [{old}]\n")
        return
    key_line = doc.lines[(section, index, "former_ids")] - 1
    code = _code(lines[key_line])
    if "[" in code:  # a list in brackets: the old id goes before the closing bracket
        close = code.rindex("]")
        separator = ", " if formers else ""
        lines[key_line] = lines[key_line][:close] + separator + old + lines[key_line][close:]
        return
    last = doc.lines[(section, index, "former_ids", len(formers) - 1)] - 1
    item_indent = lines[last][: len(lines[last]) - len(lines[last].lstrip(" "))]
    lines.insert(last + 1, f"{item_indent}- {old}\n")


def _validate(data_dir: Path, texts: dict[str, list[str]], today: date) -> None:
    """Check the data with the changed files by `check`'s rules, before a real file is touched."""
    with tempfile.TemporaryDirectory(prefix="om-umbenennen-") as folder:
        shown: dict[str, str] = {}
        for name, lines in texts.items():
            (Path(folder) / name).write_text("".join(lines), encoding="utf-8")
            shown[name] = display_name(data_dir / name)

        def load(file: Path) -> tuple[Document, list[Problem]]:
            name = Path(file).name
            if name not in texts:
                return load_file(file)
            doc, problems = load_file(Path(folder) / name)
            doc.file = shown[name]
            return doc, [dataclasses.replace(p, file=shown[name]) for p in problems]

        try:
            load_records(data_dir, load=load, today=today)
        except DataInvalid as invalid:
            names = {str(Path(folder) / name): shown[name] for name in texts}
            problems = [
                dataclasses.replace(p, file=names.get(p.file, p.file)) for p in invalid.problems
            ]
            raise DataInvalid(problems, invalid.incomplete) from None


def _write_all(data_dir: Path, texts: dict[str, list[str]]) -> None:
    """Write every changed file next to its original first, then replace them one by one."""
    written: list[tuple[Path, Path]] = []
    try:
        for name, lines in texts.items():
            target = data_dir / name
            temporary = target.with_name(f".{name}.neu")
            temporary.write_text("".join(lines), encoding="utf-8")
            written.append((temporary, target))
    except OSError:
        for temporary, _ in written:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, target in written:
        os.replace(temporary, target)
