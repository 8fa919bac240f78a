"""Read a YAML data file into plain values, with the line of every key and list item.

The loader is stricter than YAML: every scalar stays a string except `true`, `false`
and `null`, so postcodes, phone numbers, times and `no`/`on` keep what the editor typed.
Duplicate keys, anchors, aliases, explicit tags, tabs and absurd nesting are rejected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path as FilePath
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from .problems import Path, Problem, display_name, format_path

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 12


class _Resolver(BaseResolver):
    """Resolve only the three words the schema may need; everything else is text."""


_Resolver.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))
_Resolver.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:null|~|)$"), ["n", "~", ""])


class _Refused(Exception):
    """A construct the data files must not use; stops reading that file."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


class _StrictComposer(Reader, Scanner, Parser, Composer, _Resolver):
    """PyYAML's pure-Python composer (libyaml crashes on deep nesting) with guards."""

    def __init__(self, text: str):
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        _Resolver.__init__(self)
        self._depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        line = event.start_mark.line + 1
        if isinstance(event, AliasEvent):
            raise _Refused(line, f"Verweise (*{event.anchor}) sind nicht erlaubt; bitte den Inhalt ausschreiben")
        if isinstance(event, (ScalarEvent, CollectionStartEvent)):
            if event.anchor is not None:
                raise _Refused(line, f"Anker (&{event.anchor}) sind nicht erlaubt; bitte den Inhalt ausschreiben")
            if event.tag not in (None, "!"):
                tag = event.tag.replace("tag:yaml.org,2002:", "!!")
                raise _Refused(
                    line, f"Typangaben wie {tag} sind nicht erlaubt; bitte den Wert ohne Typangabe schreiben"
                )
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Refused(line, f"zu tief verschachtelt (mehr als {MAX_DEPTH} Ebenen)")
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


@dataclass
class Document:
    """A loaded data file: its values and the line where each path starts."""

    file: str
    data: Any = None
    lines: dict[Path, int] = field(default_factory=dict)
    # Mappings that lost a duplicate key: their records are not trusted for rules across records.
    damaged: set[Path] = field(default_factory=set)
    # Ids that lost to an earlier `id` in the same mapping (a missing „- “): references to them are not errors.
    dropped_ids: set[str] = field(default_factory=set)

    def is_damaged(self, path: Path) -> bool:
        """Whether the record at path, or anything inside it, had a duplicate key."""
        return any(damaged[: len(path)] == tuple(path) for damaged in self.damaged)

    def line_of(self, path: Path) -> int:
        """Line of the path, or of its nearest parent that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)

    def problem(self, path: Path, message: str, *, warning: bool = False) -> Problem:
        """A problem located at the given data path of this file."""
        return Problem(self.file, self.line_of(path), format_path(path), message, warning)


def load_file(file: str | FilePath) -> tuple[Document, list[Problem]]:
    """Load one data file; return the document and the problems found while reading it."""
    doc = Document(display_name(file))
    try:
        text = _read_text(FilePath(file))
        node = _StrictComposer(text).get_single_node()
    except _Refused as refused:
        return doc, [Problem(doc.file, refused.line, "", refused.message)]
    except yaml.MarkedYAMLError as error:
        return doc, [_syntax_problem(doc.file, error)]
    problems: list[Problem] = []
    doc.lines[()] = 1
    doc.data = _to_value(node, (), doc, problems) if node is not None else None
    return doc, problems


def _read_text(file: FilePath) -> str:
    try:
        raw = file.read_bytes()
    except OSError as error:
        raise _Refused(1, f"Datei kann nicht gelesen werden ({error.strerror})") from error
    if len(raw) > MAX_BYTES:
        raise _Refused(1, f"Datei ist zu groß ({len(raw) // 1024} KiB; höchstens {MAX_BYTES // 1024} KiB)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise _Refused(line, "Datei ist nicht in UTF-8 gespeichert; bitte als UTF-8 speichern") from error
    for number, content in enumerate(text.splitlines(), start=1):
        if "\t" in content:
            column = content.index("\t") + 1
            raise _Refused(number, f"Tabulatorzeichen in Spalte {column}; bitte Leerzeichen verwenden")
    return text


# PyYAML's problem texts, explained for editors; the first matching fragment wins.
_SYNTAX_HINTS = (
    ("another document", "die Datei darf nur ein Dokument enthalten; bitte die Zeile mit --- entfernen"),
    ("could not find expected ':'", "nach einem Feldnamen fehlt der Doppelpunkt oder das Leerzeichen danach"),
    (
        "mapping values are not allowed",
        "unerwarteter Doppelpunkt; bitte die Einrückung prüfen und Text mit Doppelpunkt in Anführungszeichen setzen",
    ),
    ("end of stream", "ein Anführungszeichen oder eine Klammer wird nicht geschlossen"),
    ("expected ',' or ']'", "eine Liste in eckigen Klammern wird nicht richtig geschlossen"),
    ("expected ',' or '}'", "ein Abschnitt in geschweiften Klammern wird nicht richtig geschlossen"),
    ("expected <block end>", "die Einrückung passt nicht zu den Zeilen davor"),
    (
        "block sequence entries are not allowed",
        "ein Listeneintrag („- “) steht an falscher Stelle oder falsch eingerückt",
    ),
    (
        "found character",
        "dieses Zeichen darf hier nicht am Anfang eines Werts stehen; bitte den Wert in Anführungszeichen setzen",
    ),
)


def _syntax_problem(file: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    starts = ("simple key", "quoted scalar", "flow sequence", "flow mapping")
    if error.context_mark and any(part in (error.context or "") for part in starts):
        mark = error.context_mark  # where the key, quote or bracket starts, not where PyYAML gave up
    line = mark.line + 1 if mark else 1
    detail = error.problem or ""
    hint = next((text for fragment, text in _SYNTAX_HINTS if fragment in detail), None)
    message = hint or f"{detail} (Einrückung, Doppelpunkte und Anführungszeichen prüfen)"
    return Problem(file, line, "", f"YAML-Syntaxfehler: {message}")


def _to_value(node: Node, path: Path, doc: Document, problems: list[Problem]) -> Any:
    if isinstance(node, ScalarNode):
        if node.tag == "tag:yaml.org,2002:bool":
            return node.value == "true"
        if node.tag == "tag:yaml.org,2002:null":
            return None
        return node.value
    if isinstance(node, SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            doc.lines[(*path, index)] = item.start_mark.line + 1
            items.append(_to_value(item, (*path, index), doc, problems))
        return items
    assert isinstance(node, MappingNode)
    return _mapping(node, path, doc, problems)


def _mapping(node: MappingNode, path: Path, doc: Document, problems: list[Problem]) -> dict:
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
            problems.append(Problem(doc.file, line, format_path(path), "Feldnamen müssen einfacher Text sein"))
            continue
        key = key_node.value
        if key in result:
            first = doc.lines[(*path, key)]
            message = f"doppelter Schlüssel „{key}“ (zuerst in Zeile {first})"
            if key == "id":
                message += f"; fehlt vor Zeile {line} ein „- “ für einen neuen Eintrag?"
            problems.append(Problem(doc.file, line, format_path((*path, key)), message))
            doc.damaged.add(path)
            if key == "id" and isinstance(value_node, ScalarNode):
                doc.dropped_ids.add(value_node.value)
            continue
        doc.lines[(*path, key)] = line
        if _comment_as_value(key_node, value_node):
            message = (
                "Wert fehlt, dahinter steht ein Kommentar: Ein Wert, der mit # beginnt, gehört in Anführungszeichen"
            )
            problems.append(Problem(doc.file, line, format_path((*path, key)), message))
        result[key] = _to_value(value_node, (*path, key), doc, problems)
    return result


def _comment_as_value(key_node: ScalarNode, value_node: Node) -> bool:
    """`phone: #49 …` reads as an empty value plus a comment; editors mean the text."""
    if not (isinstance(value_node, ScalarNode) and value_node.tag == "tag:yaml.org,2002:null" and not value_node.value):
        return False
    mark = key_node.end_mark
    if mark.buffer is None:
        return False
    end = mark.buffer.find("\n", mark.pointer)
    rest = mark.buffer[mark.pointer : end if end >= 0 else None]
    return rest.lstrip(":").strip().startswith("#")
