"""Compose values from libyaml's events on a stack: strict scalars, no anchors, tags, nesting."""

from __future__ import annotations

from collections.abc import Callable

import yaml
from yaml._yaml import CParser
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    Event,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
)

from generator.problems import Path, Problem, format_path
from generator.records.document import Document
from generator.records.yamlerrors import (
    INDENT_MESSAGES,
    Refused,
    curly_quote_hint,
    misindented_line,
    syntax_message,
    unclosed_quote_line,
)
from generator.records.yamlstrict import (
    check_comment_after,
    check_flow_line,
    check_scalar,
    end_of,
    start_of,
)

MAX_DEPTH = 12
# About ten times the keys and values of 1,000 partners with their contacts: more is
# machine-made, not edited.
MAX_VALUES = 200_000

# A collection being composed: keys are text (others are refused), values as `scalar` makes.
Container = dict[str, object] | list[object]
# Turns a scalar's text and quoting style into its value.
ScalarReader = Callable[[str, str | None], object]


def plain_value(value: str, style: str | None) -> str | bool | None:
    """Our schema of scalars: only plain true, false, null (or nothing) are not text."""
    if style is None:
        if value in ("true", "false"):
            return value == "true"
        if value in ("null", "~", ""):
            return None
    return value


class _Frame:
    """A mapping or sequence being composed."""

    __slots__ = (
        "container",
        "discard",
        "flow",
        "indent",
        "is_map",
        "key",
        "key_end",
        "path",
        "start_line",
    )

    def __init__(
        self,
        container: Container,
        path: Path,
        is_map: bool,
        indent: int,
        flow: bool,
        start_line: int,
        discard: bool,
    ) -> None:
        self.container = container
        self.path = path
        self.is_map = is_map
        # Column of the innermost block collection, for the indentation of flow lines
        self.indent = indent
        self.flow = flow
        # The key read, waiting for its value (or one of the markers below)
        self.key: object = _NO_KEY
        self.key_end = 0
        self.discard = discard
        self.start_line = start_line


_NO_KEY = object()
_BAD_KEY = object()  # a key that is not text, or a duplicate: its value is read and dropped


class _DuplicateId:
    """The key of a second `id` in a mapping: its value is dropped but remembered (dropped_ids)."""


def compose(
    text: str,
    doc: Document | None = None,
    problems: list[Problem] | None = None,
    scalar: ScalarReader = plain_value,
) -> object:
    """The values of one YAML document, composed from libyaml's events without recursion.

    Records the line of every key and list item in doc.lines and non-fatal problems in problems;
    raises Refused for what stops reading (syntax errors, anchors, tags, depth, forbidden
    characters). `scalar(value, style)` turns a scalar into a value (tests/yaml12.py reads the file
    as an editor does).
    """
    composer = _Composer(
        text, doc if doc is not None else Document(""), problems if problems is not None else []
    )
    composer.scalar = scalar
    return composer.run()


class _Composer:
    """Builds plain values from the events, with an explicit stack of the open collections."""

    def __init__(self, text: str, doc: Document, problems: list[Problem]) -> None:
        self.text, self.doc, self.problems = text, doc, problems
        self.scalar: ScalarReader = plain_value
        self.stack: list[_Frame] = []
        self.root: list[object] = []
        self.values = 0
        self.documents = 0

    def run(self) -> object:
        parser = CParser(self.text)
        try:
            while (event := parser.get_event()) is not None:
                self._on_event(event)
        except yaml.MarkedYAMLError as error:
            raise Refused(*_syntax_problem(self.text, error)) from None
        finally:
            parser.dispose()
        return self.root[0] if self.root else None

    def _on_event(self, event: Event) -> None:
        # Scalars first: they are most of the events.
        if isinstance(event, ScalarEvent):
            self._on_scalar(event)
        elif isinstance(event, CollectionStartEvent):
            self._on_start(event)
        elif isinstance(event, CollectionEndEvent):
            self._on_end(event)
        elif isinstance(event, AliasEvent):
            self._on_alias(event)
        elif isinstance(event, DocumentStartEvent):
            self._on_document(event)

    def _count(self, event: ScalarEvent | CollectionStartEvent) -> None:
        self.values += 1
        if self.values > MAX_VALUES:
            raise Refused(start_of(event).line + 1, _too_many_values())
        _check_node(event, len(self.stack))

    def _on_scalar(self, event: ScalarEvent) -> None:
        self._count(event)
        frame = self.stack[-1] if self.stack else None
        check_scalar(
            self.text, event, frame.flow if frame else False, frame.indent if frame else -1
        )
        self._put(self.scalar(event.value, event.style or None), event)

    def _on_start(self, event: CollectionStartEvent) -> None:
        self._count(event)
        is_map = type(event) is MappingStartEvent
        container: Container = {} if is_map else []
        path = self._put(container, event)
        parent = self.stack[-1] if self.stack else None
        flow = bool(event.flow_style)
        indent = (parent.indent if parent else -1) if flow else start_of(event).column
        discard = path is None or (parent is not None and parent.discard)
        # A dropped collection is read to its end but never stored, so its path is never used.
        at = () if path is None else path
        self.stack.append(
            _Frame(container, at, is_map, indent, flow, start_of(event).line, discard)
        )

    def _on_end(self, event: CollectionEndEvent) -> None:
        frame = self.stack.pop()
        if frame.flow:
            check_flow_line(event, frame.start_line, frame.indent)
            check_comment_after(self.text, end_of(event).index, end_of(event).line + 1)

    def _on_alias(self, event: AliasEvent) -> None:
        raise Refused(
            start_of(event).line + 1,
            f"Verweise (*{event.anchor}) sind nicht erlaubt; bitte den Inhalt ausschreiben",
        )

    def _on_document(self, event: DocumentStartEvent) -> None:
        self.documents += 1
        if self.documents > 1:
            message = "die Datei darf nur ein Dokument enthalten; bitte die Zeile mit --- entfernen"
            raise Refused(start_of(event).line + 1, "YAML-Syntaxfehler: " + message)

    def _put(self, value: object, event: NodeEvent) -> Path | None:
        """Put a value into the collection being composed; return its path (None when dropped)."""
        if not self.stack:
            self.root.append(value)
            return ()
        frame = self.stack[-1]
        if frame.flow:
            check_flow_line(event, frame.start_line, frame.indent)
        if frame.discard:
            return None
        if isinstance(frame.container, list):
            path = (*frame.path, len(frame.container))
            self.doc.lines[path] = start_of(event).line + 1
            frame.container.append(value)
            return path
        if frame.key is _NO_KEY:
            self._take_key(value, event, frame)
            return None
        key, frame.key = frame.key, _NO_KEY
        if key is _DuplicateId:
            if isinstance(value, str):
                self.doc.dropped_ids.add(value)
            return None
        if not isinstance(key, str):  # _BAD_KEY
            return None
        path = (*frame.path, key)
        if (
            value is None
            and type(event) is ScalarEvent
            and not event.value
            and _comment_follows(self.text, frame)
        ):
            message = (
                "Wert fehlt, dahinter steht ein Kommentar: Ein "
                "Wert, der mit # beginnt, gehört in Anführungszeichen"
            )
            self.problems.append(
                Problem(self.doc.file, self.doc.lines[path], format_path(path), message)
            )
        frame.container[key] = value
        return path

    def _take_key(self, key: object, event: NodeEvent, frame: _Frame) -> None:
        line, path, doc = start_of(event).line + 1, frame.path, self.doc
        if type(event) is not ScalarEvent or not isinstance(key, str):
            self.problems.append(
                Problem(doc.file, line, format_path(path), "Feldnamen müssen einfacher Text sein")
            )
            frame.key = _BAD_KEY
        elif key in frame.container:
            message = f"doppelter Schlüssel „{key}“ (zuerst in Zeile {doc.lines[(*path, key)]})"
            if key == "id":
                message += f"; fehlt vor Zeile {line} ein „- “ für einen neuen Eintrag?"
            self.problems.append(Problem(doc.file, line, format_path((*path, key)), message))
            doc.mark_damaged(path)
            frame.key = _DuplicateId if key == "id" else _BAD_KEY
        else:
            doc.lines[(*path, key)] = line
            frame.key = key
            frame.key_end = end_of(event).index


def _too_many_values() -> str:
    count = f"{MAX_VALUES:,}".replace(",", ".")
    return (
        f"Datei enthält mehr als {count} Werte; so viele "
        "Einträge schreibt kein Mensch, bitte den Inhalt prüfen"
    )


def _comment_follows(text: str, frame: _Frame) -> bool:
    """`phone: #49 …` reads as an empty value plus a comment; editors mean the text."""
    end = text.find("\n", frame.key_end)
    rest = text[frame.key_end : end if end >= 0 else None]
    return rest.lstrip(":").strip().startswith("#")


def _check_node(event: ScalarEvent | CollectionStartEvent, depth: int) -> None:
    line = start_of(event).line + 1
    if event.anchor is not None:
        raise Refused(
            line, f"Anker (&{event.anchor}) sind nicht erlaubt; bitte den Inhalt ausschreiben"
        )
    if event.tag not in (None, "!"):
        tag = event.tag.replace("tag:yaml.org,2002:", "!!")
        raise Refused(
            line,
            f"Typangaben wie {tag} sind nicht erlaubt; bitte den Wert ohne Typangabe schreiben",
        )
    if depth >= MAX_DEPTH:
        raise Refused(line, f"zu tief verschachtelt (mehr als {MAX_DEPTH} Ebenen)")


def _syntax_problem(text: str, error: yaml.MarkedYAMLError) -> tuple[int, str]:
    mark = error.problem_mark or error.context_mark
    starts = ("simple key", "quoted scalar", "flow sequence", "flow mapping")
    if error.context_mark and any(part in (error.context or "") for part in starts):
        # Where the key, quote or bracket starts, not where libyaml gave up
        mark = error.context_mark
    line = mark.line + 1 if mark else 1
    message = syntax_message(error.problem or "", error.context or "")
    if message in INDENT_MESSAGES:
        line = misindented_line(text, line)
    unclosed = unclosed_quote_line(text, line)
    if unclosed is not None:
        line, message = (
            unclosed,
            "ein Anführungszeichen wird in dieser Zeile geöffnet und nicht geschlossen",
        )
    return line, "YAML-Syntaxfehler: " + message + curly_quote_hint(text, line)
