"""Read a YAML data file into plain values, with the line of every key and list item.

The loader is stricter than YAML: every scalar stays a string except `true`, `false`
and `null`, so postcodes, phone numbers, times and `no`/`on` keep what the editor typed.
Duplicate keys, anchors, aliases, explicit tags, tabs, absurd nesting, the characters of the
text policy (`textpolicy.py`) and the invalid YAML that libyaml lets through are rejected.

libyaml's parser reads the text (fast, and its event stream needs no recursion); the values are
composed here from its events with an explicit stack, so no nesting can overflow a stack.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path as FilePath
from typing import Any

import yaml
from yaml._yaml import CParser
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from . import textpolicy
from .problems import Path, Problem, display_name, format_path, system_error
from .yamlerrors import curly_quote_hint, syntax_message, unclosed_quote_line

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 12
# About ten times the keys and values of 1,000 partners with their contacts: more is machine-made, not edited.
MAX_VALUES = 200_000
# Typographic quotes an editor may type around a value, meaning YAML's straight ones.
_OPENING_QUOTES = "„“”‚‘’«»"
_CLOSING_QUOTES = "“”‘’«»"


class Refused(Exception):
    """A construct the data files must not use; stops reading that file."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


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

    # Every path that holds a damaged mapping (the mapping itself and its parents).
    damaged_within: set[Path] = field(default_factory=set)
    # What rules derive from the raw data more than once (the data never changes after loading).
    cache: dict = field(default_factory=dict, repr=False, compare=False)

    def mark_damaged(self, path: Path) -> None:
        self.damaged.add(path)
        self.damaged_within.update(path[:end] for end in range(len(path) + 1))

    def is_damaged(self, path: Path) -> bool:
        """Whether the record at path, or anything inside it, had a duplicate key."""
        return tuple(path) in self.damaged_within

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
    problems: list[Problem] = []
    try:
        text = read_text(FilePath(file))
        doc.lines[()] = 1
        doc.data = compose(text, doc, problems)
    except Refused as refused:
        return Document(doc.file), [Problem(doc.file, refused.line, "", refused.message)]
    return doc, problems


def read_text(file: FilePath) -> str:
    """The file as text, after the checks that need no parser: size, encoding, tabs and the text policy."""
    try:
        raw = file.read_bytes()
    except OSError as error:
        raise Refused(1, f"Datei kann nicht gelesen werden ({system_error(error).rsplit(': ', 1)[-1]})") from error
    if len(raw) > MAX_BYTES:
        raise Refused(1, f"Datei ist zu groß ({len(raw) // 1024} KiB; höchstens {MAX_BYTES // 1024} KiB)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = len(textpolicy.LINE_BREAK.findall(raw[: error.start].decode("utf-8", "replace"))) + 1
        raise Refused(line, "Datei ist nicht in UTF-8 gespeichert; bitte als UTF-8 speichern") from error
    tab = text.find("\t")
    if tab >= 0:
        line, column = textpolicy.line_and_column(text, tab)
        raise Refused(line, f"Tabulatorzeichen in Spalte {column}; bitte Leerzeichen verwenden")
    bad = textpolicy.FORBIDDEN_IN_TEXT.search(text)
    if bad:
        line, column = textpolicy.line_and_column(text, bad.start())
        raise Refused(line, textpolicy.refused_character(bad.group(), column=column))
    return text


def plain_value(value: str, style: str | None) -> Any:
    """Our schema of scalars: only plain true, false, null (or nothing) are not text."""
    if style is None:
        if value in ("true", "false"):
            return value == "true"
        if value in ("null", "~", ""):
            return None
    return value


class _Frame:
    """A mapping or sequence being composed."""

    __slots__ = ("container", "discard", "flow", "indent", "is_map", "key", "key_end", "path", "start_line")

    def __init__(self, container, path, is_map, indent, flow, start_line, discard=False):
        self.container = container
        self.path = path
        self.is_map = is_map
        self.indent = indent  # column of the innermost block collection, for the indentation of flow lines
        self.flow = flow
        self.key = _NO_KEY
        self.key_end = 0
        self.discard = discard
        self.start_line = start_line


_NO_KEY = object()
_BAD_KEY = object()  # a key that is not text, or a duplicate: its value is read and dropped


def compose(
    text: str, doc: Document | None = None, problems: list[Problem] | None = None, scalar: Callable = plain_value
) -> Any:
    """The values of one YAML document, composed from libyaml's events without recursion.

    Records the line of every key and list item in doc.lines and non-fatal problems in problems;
    raises Refused for what stops reading (syntax errors, anchors, tags, depth, forbidden characters).
    """
    doc = doc if doc is not None else Document("")
    problems = problems if problems is not None else []
    parser = CParser(text)
    lines = doc.lines
    stack: list[_Frame] = []
    root: list[Any] = []
    documents = 0
    values = 0
    try:
        while True:
            event = parser.get_event()
            if event is None:
                break
            kind = type(event)
            if kind is ScalarEvent:
                values += 1
                if values > MAX_VALUES:
                    raise Refused(event.start_mark.line + 1, _too_many_values())
                _check_node(event, len(stack))
                style = event.style or None
                value = event.value
                if style == '"' and "\\" in text[event.start_mark.index : event.end_mark.index]:
                    _check_escapes(value, event.start_mark.line + 1)
                frame = stack[-1] if stack else None
                if style is not None or (frame is not None and frame.flow):
                    _check_scalar_syntax(text, event, frame)
                elif value and value[0] in _OPENING_QUOTES and value[-1] in _CLOSING_QUOTES and len(value) > 1:
                    raise Refused(event.start_mark.line + 1, _curly_quotes(value))
                _add(scalar(value, style), event, stack, root, lines, doc, problems, text)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                values += 1
                if values > MAX_VALUES:
                    raise Refused(event.start_mark.line + 1, _too_many_values())
                _check_node(event, len(stack))
                is_map = kind is MappingStartEvent
                container: Any = {} if is_map else []
                path = _add(container, event, stack, root, lines, doc, problems, text)
                parent = stack[-1] if stack else None
                flow = bool(event.flow_style)
                indent = parent.indent if flow and parent else (-1 if flow else event.start_mark.column)
                discard = path is None or (parent is not None and parent.discard)
                stack.append(_Frame(container, path, is_map, indent, flow, event.start_mark.line, discard))
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                frame = stack.pop()
                if frame.flow:
                    _check_flow_line(event, frame)
                    _check_comment_after(text, event.end_mark.index, event.end_mark.line + 1)
            elif kind is AliasEvent:
                raise Refused(
                    event.start_mark.line + 1,
                    f"Verweise (*{event.anchor}) sind nicht erlaubt; bitte den Inhalt ausschreiben",
                )
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise Refused(
                        event.start_mark.line + 1,
                        "YAML-Syntaxfehler: die Datei darf nur ein Dokument enthalten; "
                        "bitte die Zeile mit --- entfernen",
                    )
    except yaml.MarkedYAMLError as error:
        raise Refused(*_syntax_problem(text, error)) from None
    finally:
        parser.dispose()
    return root[0] if root else None


def _too_many_values() -> str:
    return (
        f"Datei enthält mehr als {MAX_VALUES:,} Werte".replace(",", ".")
        + "; so viele Einträge schreibt kein Mensch, bitte den Inhalt der Datei prüfen"
    )


def _add(value, event, stack, root, lines, doc, problems, text) -> Path | None:
    """Put a value into the collection being composed; return its path (None when it is dropped)."""
    if not stack:
        root.append(value)
        return ()
    frame = stack[-1]
    line = event.start_mark.line + 1
    if frame.flow:
        _check_flow_line(event, frame)
    if frame.discard:
        return None
    if not frame.is_map:
        path = (*frame.path, len(frame.container))
        lines[path] = line
        frame.container.append(value)
        return path
    if frame.key is _NO_KEY:
        _take_key(value, event, frame, lines, doc, problems)
        return None
    key, frame.key = frame.key, _NO_KEY
    if key is _BAD_KEY:
        return None
    if isinstance(key, _DuplicateId):
        if isinstance(value, str):
            doc.dropped_ids.add(value)
        return None
    if value is None and type(event) is ScalarEvent and not event.value and _comment_follows(text, frame.key_end):
        message = "Wert fehlt, dahinter steht ein Kommentar: Ein Wert, der mit # beginnt, gehört in Anführungszeichen"
        problems.append(Problem(doc.file, lines[(*frame.path, key)], format_path((*frame.path, key)), message))
    frame.container[key] = value
    return (*frame.path, key)


def _take_key(key, event, frame: _Frame, lines, doc: Document, problems: list[Problem]) -> None:
    line = event.start_mark.line + 1
    path = frame.path
    if type(event) is not ScalarEvent or not isinstance(key, str):
        problems.append(Problem(doc.file, line, format_path(path), "Feldnamen müssen einfacher Text sein"))
        frame.key = _BAD_KEY
        return
    if key in frame.container:
        first = lines[(*path, key)]
        message = f"doppelter Schlüssel „{key}“ (zuerst in Zeile {first})"
        if key == "id":
            message += f"; fehlt vor Zeile {line} ein „- “ für einen neuen Eintrag?"
        problems.append(Problem(doc.file, line, format_path((*path, key)), message))
        doc.mark_damaged(path)
        frame.key = _DuplicateId(path) if key == "id" else _BAD_KEY
        return
    lines[(*path, key)] = line
    frame.key = key
    frame.key_end = event.end_mark.index


class _DuplicateId:
    """The value of a second `id` in a mapping: dropped, but remembered (see Document.dropped_ids)."""

    def __init__(self, path):
        self.path = path


def _comment_follows(text: str, position: int) -> bool:
    """`phone: #49 …` reads as an empty value plus a comment; editors mean the text."""
    end = text.find("\n", position)
    rest = text[position : end if end >= 0 else None]
    return rest.lstrip(":").strip().startswith("#")


def _check_node(event, depth: int) -> None:
    line = event.start_mark.line + 1
    if event.anchor is not None:
        raise Refused(line, f"Anker (&{event.anchor}) sind nicht erlaubt; bitte den Inhalt ausschreiben")
    if event.tag not in (None, "!"):
        tag = event.tag.replace("tag:yaml.org,2002:", "!!")
        raise Refused(line, f"Typangaben wie {tag} sind nicht erlaubt; bitte den Wert ohne Typangabe schreiben")
    if depth >= MAX_DEPTH:
        raise Refused(line, f"zu tief verschachtelt (mehr als {MAX_DEPTH} Ebenen)")


def _check_escapes(value: str, line: int) -> None:
    bad = textpolicy.FORBIDDEN_IN_VALUE.search(value)
    if bad:
        raise Refused(line, textpolicy.refused_character(bad.group(), escaped=True))


def _curly_quotes(value: str) -> str:
    return (
        f"typografische Anführungszeichen um den Wert ({value[0]}…{value[-1]}): YAML schließt Werte nur in "
        'gerade Anführungszeichen ("…") ein; bitte ersetzen oder weglassen'
    )


# Invalid YAML that libyaml accepts (yaml-test-suite 9C9N, 9JBA, CVW2, G5U8, QB6E, S98Z, SU5Z, YJV2).


def _check_scalar_syntax(text: str, event, frame: _Frame | None) -> None:
    line = event.start_mark.line + 1
    style = event.style or None
    if style in ('"', "'"):
        _check_comment_after(text, event.end_mark.index, event.end_mark.line + 1)
        if event.end_mark.line > event.start_mark.line:
            _check_continuation(text, event, frame.indent if frame else -1)
    elif style in ("|", ">"):
        _check_block_scalar(text, event)
    elif frame is not None and frame.flow:
        value = event.value
        if value == "-" or value.startswith("- "):
            raise Refused(line, "YAML-Syntaxfehler: ein „-“ in eckigen Klammern muss in Anführungszeichen stehen")
        _check_comment_after(text, event.end_mark.index, event.end_mark.line + 1)


_COMMENT_AFTER = re.compile(r"(?:[ ]*,)?#")


def _check_comment_after(text: str, position: int, line: int) -> None:
    if _COMMENT_AFTER.match(text, position):
        raise Refused(line, "YAML-Syntaxfehler: vor einem Kommentar (#) muss ein Leerzeichen stehen")


def _check_flow_line(event, frame: _Frame) -> None:
    """Lines inside brackets must be indented further than the field they belong to."""
    mark = event.start_mark
    if mark.line > frame.start_line and mark.column <= frame.indent:
        raise Refused(
            mark.line + 1,
            "YAML-Syntaxfehler: die Fortsetzung einer Liste in Klammern muss weiter eingerückt sein als ihr Feldname",
        )


def _check_continuation(text: str, event, indent: int) -> None:
    """The lines of a quoted value that spans lines must be indented further than its field."""
    starts = textpolicy.line_starts(text[event.start_mark.index : event.end_mark.index])[1:]
    for offset in starts:
        start = event.start_mark.index + offset
        end = text.find("\n", start)
        content = text[start : end if end >= 0 else None]
        spaces = len(content) - len(content.lstrip(" "))
        if content.strip() and spaces <= indent:
            raise Refused(
                event.start_mark.line + 1,
                "YAML-Syntaxfehler: ein Anführungszeichen wird in dieser Zeile geöffnet und nicht geschlossen; "
                "ein Wert über mehrere Zeilen muss in den Folgezeilen weiter eingerückt sein als sein Feldname",
            )


def _check_block_scalar(text: str, event) -> None:
    """Empty lines before the text of a | or > block must not be indented further than the text."""
    header_end = text.find("\n", event.start_mark.index)
    if header_end < 0 or re.search(r"[1-9]", text[event.start_mark.index : header_end]):
        return
    blank_spaces = []
    start = header_end + 1
    while start < len(text):
        end = text.find("\n", start)
        line = text[start : end if end >= 0 else None]
        if line.strip():
            indent = len(line) - len(line.lstrip(" "))
            if any(spaces > indent for spaces in blank_spaces):
                raise Refused(
                    event.start_mark.line + 2,
                    "YAML-Syntaxfehler: Leerzeilen am Anfang eines Blocks (| oder >) enthalten mehr Leerzeichen, "
                    "als der Text eingerückt ist; bitte die Leerzeichen dieser Zeilen löschen",
                )
            return
        blank_spaces.append(len(line))
        if end < 0:
            return
        start = end + 1


def _syntax_problem(text: str, error: yaml.MarkedYAMLError) -> tuple[int, str]:
    mark = error.problem_mark or error.context_mark
    starts = ("simple key", "quoted scalar", "flow sequence", "flow mapping")
    if error.context_mark and any(part in (error.context or "") for part in starts):
        mark = error.context_mark  # where the key, quote or bracket starts, not where libyaml gave up
    line = mark.line + 1 if mark else 1
    message = syntax_message(error.problem or "", error.context or "")
    unclosed = unclosed_quote_line(text, line)
    if unclosed is not None:
        line, message = unclosed, "ein Anführungszeichen wird in dieser Zeile geöffnet und nicht geschlossen"
    return line, "YAML-Syntaxfehler: " + message + curly_quote_hint(text, line)
