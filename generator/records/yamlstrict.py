"""What the loader refuses in a scalar beyond libyaml: escaped characters of the text policy, values
wrapped in typographic quotes, and the invalid YAML libyaml lets through (yaml-test-suite 9C9N,
9JBA, CVW2, G5U8, QB6E, S98Z, SU5Z, YJV2). Each check reads the raw text around the event's marks
(character positions)."""

from __future__ import annotations

import re
from typing import Protocol

from yaml.events import Event, ScalarEvent

from generator.records import textpolicy
from generator.records.yamlerrors import Refused

# Typographic quotes an editor may type around a value, meaning YAML's straight ones.
_OPENING_QUOTES = "„“”‚‘’«»"
_CLOSING_QUOTES = "“”‘’«»"
_COMMENT_AFTER = re.compile(r"(?:[ ]*,)?#")
_SYNTAX = "YAML-Syntaxfehler: "


class Position(Protocol):
    """A place in the text (libyaml's marks, C or Python parser): 0-based line and column."""

    @property
    def index(self) -> int: ...
    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...


def start_of(event: Event) -> Position:
    """Where an event starts; the parser marks every event (only hand-made events lack marks)."""
    assert event.start_mark is not None
    return event.start_mark


def end_of(event: Event) -> Position:
    """Where an event ends."""
    assert event.end_mark is not None
    return event.end_mark


def check_scalar(text: str, event: ScalarEvent, in_flow: bool, indent: int) -> None:
    """Refuse what is wrong with one scalar; `indent`: column of the innermost block collection."""
    style = event.style or None
    line = start_of(event).line + 1
    if style == '"' and "\\" in text[start_of(event).index : end_of(event).index]:
        bad = textpolicy.FORBIDDEN_IN_VALUE.search(event.value)
        if bad:
            raise Refused(line, textpolicy.refused_character(bad.group(), escaped=True))
    if style in ('"', "'"):
        check_comment_after(text, end_of(event).index, end_of(event).line + 1)
        if end_of(event).line > start_of(event).line:
            _check_continuation(text, event, indent)
    elif style in ("|", ">"):
        _check_block_scalar(text, event)
    elif in_flow:
        if event.value == "-" or event.value.startswith("- "):
            raise Refused(
                line, _SYNTAX + "ein „-“ in eckigen Klammern muss in Anführungszeichen stehen"
            )
        check_comment_after(text, end_of(event).index, end_of(event).line + 1)
    else:
        _check_curly_quotes(event.value, line)


def check_comment_after(text: str, position: int, line: int) -> None:
    """`"value"# x` and `[a, b,# x]`: a comment needs a space before it (SU5Z, 9JBA, CVW2)."""
    if _COMMENT_AFTER.match(text, position):
        raise Refused(line, _SYNTAX + "vor einem Kommentar (#) muss ein Leerzeichen stehen")


def check_flow_line(event: Event, start_line: int, indent: int) -> None:
    """Lines inside brackets must be indented further than the field they belong to (9C9N)."""
    mark = start_of(event)
    if mark.line > start_line and mark.column <= indent:
        message = (
            "die Fortsetzung einer Liste in Klammern muss weiter eingerückt sein als ihr Feldname"
        )
        raise Refused(mark.line + 1, _SYNTAX + message)


def _check_curly_quotes(value: str, line: int) -> None:
    if len(value) > 1 and value[0] in _OPENING_QUOTES and value[-1] in _CLOSING_QUOTES:
        raise Refused(
            line,
            "typografische Anführungszeichen um den Wert "
            f"({value[0]}…{value[-1]}): YAML schließt Werte nur in "
            'gerade Anführungszeichen ("…") ein; bitte ersetzen oder weglassen',
        )


def _check_continuation(text: str, event: ScalarEvent, indent: int) -> None:
    """The lines of a quoted value that spans lines must be indented further than its field (QB6E).

    An unclosed quote looks the same to the parser: it runs on over the following fields.
    """
    for offset in textpolicy.line_starts(text[start_of(event).index : end_of(event).index])[1:]:
        start = start_of(event).index + offset
        end = text.find("\n", start)
        content = text[start : end if end >= 0 else None]
        if content.strip() and len(content) - len(content.lstrip(" ")) <= indent:
            raise Refused(
                start_of(event).line + 1,
                _SYNTAX
                + "ein Anführungszeichen wird in dieser Zeile geöffnet und nicht geschlossen; "
                "ein Wert über mehrere Zeilen muss in den "
                "Folgezeilen weiter eingerückt sein als sein Feldname",
            )


def _check_block_scalar(text: str, event: ScalarEvent) -> None:
    """Empty lines before a | or > block's text must not be indented beyond the text (S98Z)."""
    header_end = text.find("\n", start_of(event).index)
    if header_end < 0 or re.search(r"[1-9]", text[start_of(event).index : header_end]):
        return  # an explicit indentation indicator decides
    blank_spaces: list[int] = []
    start = header_end + 1
    while start < len(text):
        end = text.find("\n", start)
        line = text[start : end if end >= 0 else None]
        if line.strip():
            if any(spaces > len(line) - len(line.lstrip(" ")) for spaces in blank_spaces):
                raise Refused(
                    start_of(event).line + 2,
                    _SYNTAX
                    + "Leerzeilen am Anfang eines Blocks (| oder >) enthalten mehr Leerzeichen, "
                    "als der Text eingerückt ist; bitte die Leerzeichen dieser Zeilen löschen",
                )
            return
        blank_spaces.append(len(line))
        if end < 0:
            return
        start = end + 1
