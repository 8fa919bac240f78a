"""libyaml's syntax errors explained in German, at the line where the editor has to look."""

from __future__ import annotations

import re

from generator.records.textpolicy import LINE_BREAK


class Refused(Exception):
    """A construct the data files must not use, at its line; stops reading that file."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


_COLON = (
    "unerwarteter Doppelpunkt; bitte die Einrückung prüfen "
    "und Text mit Doppelpunkt in Anführungszeichen setzen"
)
_INDENT = "die Einrückung passt nicht zu den Zeilen davor"
# Messages of a line that does not fit the indentation before it: perhaps a line above
# moved (misindented_line).
INDENT_MESSAGES = (_COLON, _INDENT)
_START = (
    "dieses Zeichen darf hier nicht am Anfang eines Werts stehen; "
    "bitte den Wert in Anführungszeichen setzen"
)

# Every problem text of libyaml's scanner and parser (first matching fragment wins); never shown.
_PROBLEMS = (
    (
        "could not find expected ':'",
        "nach einem Feldnamen fehlt der Doppelpunkt oder das Leerzeichen danach",
    ),
    ("mapping values are not allowed", _COLON),
    ("found unexpected ':'", _COLON),
    (
        "found unexpected end of stream",
        "ein Anführungszeichen oder eine Klammer wird nicht geschlossen",
    ),
    ("expected ',' or ']'", "eine Liste in eckigen Klammern wird nicht richtig geschlossen"),
    (
        "expected ',' or '}'",
        "ein Abschnitt in geschweiften Klammern wird nicht richtig geschlossen",
    ),
    ("did not find expected key", _INDENT),
    ("did not find expected '-' indicator", _INDENT),
    (
        "block sequence entries are not allowed",
        "ein Listeneintrag („- “) steht an falscher Stelle oder falsch eingerückt",
    ),
    ("found character that cannot start any token", _START),
    (
        "did not find expected node content",
        "hier fehlt ein Wert, oder ein Zeichen wie , ] } steht an falscher Stelle",
    ),
    (
        "mapping keys are not allowed",
        "ein „?“ am Anfang eines Werts; bitte den Wert in Anführungszeichen setzen",
    ),
    (
        "found undefined tag handle",
        "ein Wert beginnt mit „!“; bitte den Wert in Anführungszeichen setzen",
    ),
    ("expected tag URI", "ein Wert beginnt mit „!“; bitte den Wert in Anführungszeichen setzen"),
    ("expected '!'", "ein Wert beginnt mit „!“; bitte den Wert in Anführungszeichen setzen"),
    ("URI escaped octet", "ein Wert beginnt mit „!“; bitte den Wert in Anführungszeichen setzen"),
    (
        "found unknown escape character",
        "unbekannte Escape-Sequenz mit „\\“ in doppelten Anführungszeichen; einen einzelnen „\\“ "
        "bitte als „\\\\“ schreiben oder einfache Anführungszeichen verwenden",
    ),
    (
        "invalid Unicode character escape code",
        "ungültige Zeichennummer in einer Escape-Sequenz "
        "(\\u…); bitte das Zeichen selbst schreiben",
    ),
    (
        "expected hexdecimal number",
        "nach \\x, \\u oder \\U fehlt eine gültige Zeichennummer; "
        "einen einzelnen „\\“ bitte als „\\\\“ schreiben",
    ),
    (
        "found unexpected document indicator",
        "eine Zeile mit --- oder ... steht mitten in einem Wert; bitte entfernen oder den Wert "
        "in Anführungszeichen setzen",
    ),
    (
        "expected <document start>",
        "nach dem Ende des Dokuments (---/...) steht weiterer Text; bitte entfernen",
    ),
    ("expected comment or line break", "hinter diesem Wert steht in derselben Zeile noch etwas"),
    (
        "expected whitespace",
        "nach einem Zeichen wie & * ! % fehlt ein Leerzeichen; Text, der damit beginnt, "
        "bitte in Anführungszeichen setzen",
    ),
    (
        "expected alphabetic or numeric character",
        "Text, der mit & oder * beginnt, bitte in Anführungszeichen setzen",
    ),
    ("indentation indicator equal to 0", "nach | oder > darf keine 0 stehen"),
    ("directive", "eine Zeile beginnt mit %; bitte den Wert in Anführungszeichen setzen"),
    ("version number", "eine Zeile beginnt mit %; bitte den Wert in Anführungszeichen setzen"),
    ("tab character", "Tabulatorzeichen; bitte Leerzeichen verwenden"),
)
_FALLBACK = (
    "diese Zeile ist kein gültiges YAML; bitte "
    "Einrückung, Doppelpunkte und Anführungszeichen prüfen"
)
_CURLY = "„“”‚‘’"
# A value that opens a quote: after indentation, list dashes and an optional `key: `.
_OPENS_QUOTE = re.compile(
    r"^[ ]*(?:-[ ]+)*(?:[^\s\"'#\[{][^:#]*:[ ]+)?(?P<quote>[\"'])(?P<rest>.*)$"
)
_CLOSED = {'"': re.compile(r'(?:[^"\\]|\\.)*"'), "'": re.compile(r"(?:[^']|'')*'")}


def syntax_message(problem: str, context: str = "") -> str:
    """The German explanation of a libyaml problem text; never the English text itself."""
    return next((text for fragment, text in _PROBLEMS if fragment in problem), _FALLBACK)


def unclosed_quote_line(text: str, error_line: int) -> int | None:
    """The first line up to the error that opens a quoted value and does not close it.

    A quote left open runs on to the next quote, often many lines further, where libyaml gives up.
    """
    for number, line in enumerate(LINE_BREAK.split(text)[:error_line], start=1):
        match = _OPENS_QUOTE.match(line)
        if match and not _CLOSED[match["quote"]].match(match["rest"]):
            return number
    return None


def curly_quote_hint(text: str, line: int) -> str:
    """A hint when a syntax error's line holds typographic quotes, which YAML takes as text."""
    lines = LINE_BREAK.split(text)
    content = lines[line - 1] if 0 < line <= len(lines) else ""
    if any(char in content for char in _CURLY):
        return (
            '; die Zeile enthält typografische Anführungszeichen („…“), YAML braucht gerade ("…")'
        )
    return ""


# A line with content, split into its indentation, list dashes and the key (if it starts with one).
_CONTENT = re.compile(r"^(?P<indent>[ ]*)(?P<dashes>(?:-[ ]+)*)(?P<rest>[^#\s].*)?$")
# A key whose value follows on the lines below: a section, a list or a block of text (| or >).
_OPENS = re.compile(r":(?:[ ]+[|>][-+0-9]*)?$")
_KEY = re.compile(r"^(?:[^\s\"'#\[{][^:#]*|\"[^\"]*\"|'[^']*'):(?:[ ]+|$)")


def misindented_line(text: str, error_line: int) -> int:
    """The line to re-indent when libyaml stops at an indentation error on `error_line`.

    libyaml notices a line that moved left only where the next line no longer fits: the first key of
    a nested section moved left reads as a sibling of its parent, and the next key, still indented,
    is refused („mapping values are not allowed“); a section key moved left takes its fields along
    and the first line after them is refused. Both are reported at the line that moved.
    """
    lines = LINE_BREAK.split(text)
    content = [n for n in range(len(lines)) if _content(lines[n]) is not None]
    at = next((i for i, n in enumerate(content) if n == error_line - 1), None)
    if at is None or at == 0:
        return error_line
    before = _moved_sibling(lines, content, at)
    if before is None:
        before = _moved_section(lines, content, at)
    return error_line if before is None else before + 1


def _content(line: str) -> tuple[int, int, bool] | None:
    """(indentation, column of key or value, opens a section) of a line with content, else None."""
    match = _CONTENT.match(line)
    if match is None or match["rest"] is None:
        return None
    column = len(match["indent"]) + len(match["dashes"])
    rest = match["rest"].split(" #")[0].rstrip()
    return len(match["indent"]), column, bool(_OPENS.search(rest)) and bool(_KEY.match(rest))


def _moved_sibling(lines: list[str], content: list[int], at: int) -> int | None:
    """The line before, when it left its section: the refused line is indented like those around."""
    line, previous = _content(lines[content[at]]), _content(lines[content[at - 1]])
    assert line is not None and previous is not None
    if previous[2] or line[0] <= previous[1] or not _KEY.match(lines[content[at]].strip()):
        return None
    after = _content(lines[content[at + 1]]) if at + 1 < len(content) else None
    earlier = _content(lines[content[at - 2]]) if at >= 2 else None
    # A line after that opens a section is its field, not its sibling.
    after_agrees = after is not None and after[0] == line[0] and not line[2]
    # Or the lines before it stood where the refused line stands, and the next doesn't side with it.
    earlier_agrees = (
        earlier is not None and earlier[1] == line[1] and (after is None or after[0] != previous[0])
    )
    if after_agrees or earlier_agrees:
        return content[at - 1]
    # The only other field of its section: its parent says which indentation the section has.
    parent = earlier
    if (
        parent is not None
        and parent[2]
        and line[0] - parent[1] == _STEP
        and previous[1] - parent[1] != _STEP
    ):
        return content[at - 1]
    return None


def _moved_section(lines: list[str], content: list[int], at: int) -> int | None:
    """The section key that moved left with its fields: the refused line fits where the key was."""
    line = _content(lines[content[at]])
    assert line is not None
    for index in range(at - 1, 0, -1):
        candidate = _content(lines[content[index]])
        assert candidate is not None
        if candidate[0] < line[0]:
            # The key opens a section deeper than the refused line, and the line before the key
            # stood where the refused line stands: the key left its siblings, its fields came along.
            first_field, sibling = (
                _content(lines[content[index + 1]]),
                _content(lines[content[index - 1]]),
            )
            opens_deeper = candidate[2] and first_field is not None and first_field[0] > line[0]
            left = sibling is not None and sibling[1] == line[1] and index + 1 < at
            left = left and bool(_KEY.match(lines[content[index - 1]].strip().removeprefix("- ")))
            return content[index] if opens_deeper and left else None
    return None


# The indentation step of the data files (the generator and the skeletons write two spaces).
_STEP = 2
