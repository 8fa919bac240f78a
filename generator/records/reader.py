"""Read a YAML data file into plain values, with the line of every key and list item.

The loader is stricter than YAML: every scalar stays a string except `true`, `false`
and `null`, so postcodes, phone numbers, times and `no`/`on` keep what the editor typed.
Duplicate keys, anchors, aliases, explicit tags, tabs, absurd nesting, the characters of the
text policy (`textpolicy.py`) and the invalid YAML that libyaml lets through are rejected.

libyaml's parser reads the text (fast, and its event stream needs no recursion); the values are
composed from its events with an explicit stack (composer.py), so no nesting can overflow a stack.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path as FilePath

from generator.problems import Problem, display_name, system_error
from generator.records import textpolicy
from generator.records.composer import compose
from generator.records.document import Document
from generator.records.yamlerrors import Refused

MAX_BYTES = 2 * 1024 * 1024
# Reads one data file: as load_file does, or a stand-in (the preview reuses an unchanged parse).
Loader = Callable[[FilePath], tuple[Document, list[Problem]]]


def load_file(file: str | FilePath) -> tuple[Document, list[Problem]]:
    """Load one data file; return the document and the problems found while reading it."""
    doc = Document(display_name(file))
    problems: list[Problem] = []
    try:
        text = read_text(FilePath(file))
        doc.lines[()] = 1
        doc.data = compose(text, doc, problems)
    except Refused as refused:
        return Document(doc.file), [Problem(doc.file, refused.line, "", refused.message)]
    return doc, problems


def read_text(file: FilePath) -> str:
    """The file as text, after the checks needing no parser: size, encoding, tabs, text policy."""
    # It could point anywhere on the building machine, and its keys would appear in messages
    if file.is_symlink():
        raise Refused(
            1,
            "Datei ist ein symbolischer Verweis (Symlink); "
            "bitte die Datei selbst in den Datenordner legen",
        )
    try:
        raw = file.read_bytes()
    except OSError as error:
        raise Refused(
            1, f"Datei kann nicht gelesen werden ({system_error(error).rsplit(': ', 1)[-1]})"
        ) from error
    if len(raw) > MAX_BYTES:
        raise Refused(
            1, f"Datei ist zu groß ({len(raw) // 1024} KiB; höchstens {MAX_BYTES // 1024} KiB)"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = len(textpolicy.LINE_BREAK.findall(raw[: error.start].decode("utf-8", "replace"))) + 1
        raise Refused(
            line, "Datei ist nicht in UTF-8 gespeichert; bitte als UTF-8 speichern"
        ) from error
    tab = text.find("\t")
    if tab >= 0:
        line, column = textpolicy.line_and_column(text, tab)
        raise Refused(line, f"Tabulatorzeichen in Spalte {column}; bitte Leerzeichen verwenden")
    bad = textpolicy.first_forbidden(text)
    if bad:
        line, column = textpolicy.line_and_column(text, bad.start())
        raise Refused(line, textpolicy.refused_character(bad.group(), column=column))
    return text
