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


_COLON = "unerwarteter Doppelpunkt; bitte die Einrückung prüfen und Text mit Doppelpunkt in Anführungszeichen setzen"
_INDENT = "die Einrückung passt nicht zu den Zeilen davor"
_START = "dieses Zeichen darf hier nicht am Anfang eines Werts stehen; bitte den Wert in Anführungszeichen setzen"

# Every problem text of libyaml's scanner and parser (the first matching fragment wins); none reaches an editor.
_PROBLEMS = (
    ("could not find expected ':'", "nach einem Feldnamen fehlt der Doppelpunkt oder das Leerzeichen danach"),
    ("mapping values are not allowed", _COLON),
    ("found unexpected ':'", _COLON),
    ("found unexpected end of stream", "ein Anführungszeichen oder eine Klammer wird nicht geschlossen"),
    ("expected ',' or ']'", "eine Liste in eckigen Klammern wird nicht richtig geschlossen"),
    ("expected ',' or '}'", "ein Abschnitt in geschweiften Klammern wird nicht richtig geschlossen"),
    ("did not find expected key", _INDENT),
    ("did not find expected '-' indicator", _INDENT),
    (
        "block sequence entries are not allowed",
        "ein Listeneintrag („- “) steht an falscher Stelle oder falsch eingerückt",
    ),
    ("found character that cannot start any token", _START),
    ("did not find expected node content", "hier fehlt ein Wert, oder ein Zeichen wie , ] } steht an falscher Stelle"),
    ("mapping keys are not allowed", "ein „?“ am Anfang eines Werts; bitte den Wert in Anführungszeichen setzen"),
    ("found undefined tag handle", "ein Wert beginnt mit „!“; bitte den Wert in Anführungszeichen setzen"),
    ("expected tag URI", "ein Wert beginnt mit „!“; bitte den Wert in Anführungszeichen setzen"),
    ("expected '!'", "ein Wert beginnt mit „!“; bitte den Wert in Anführungszeichen setzen"),
    ("URI escaped octet", "ein Wert beginnt mit „!“; bitte den Wert in Anführungszeichen setzen"),
    (
        "found unknown escape character",
        "unbekannte Escape-Sequenz mit „\\“ in doppelten Anführungszeichen; einen einzelnen „\\“ bitte als „\\\\“ "
        "schreiben oder einfache Anführungszeichen verwenden",
    ),
    (
        "invalid Unicode character escape code",
        "ungültige Zeichennummer in einer Escape-Sequenz (\\u…); bitte das Zeichen selbst schreiben",
    ),
    (
        "expected hexdecimal number",
        "nach \\x, \\u oder \\U fehlt eine gültige Zeichennummer; einen einzelnen „\\“ bitte als „\\\\“ schreiben",
    ),
    (
        "found unexpected document indicator",
        "eine Zeile mit --- oder ... steht mitten in einem Wert; bitte entfernen oder den Wert in Anführungszeichen "
        "setzen",
    ),
    ("expected <document start>", "nach dem Ende des Dokuments (---/...) steht weiterer Text; bitte entfernen"),
    ("expected comment or line break", "hinter diesem Wert steht in derselben Zeile noch etwas"),
    (
        "expected whitespace",
        "nach einem Zeichen wie & * ! % fehlt ein Leerzeichen; Text, der damit beginnt, bitte in Anführungszeichen "
        "setzen",
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
_FALLBACK = "diese Zeile ist kein gültiges YAML; bitte Einrückung, Doppelpunkte und Anführungszeichen prüfen"
_CURLY = "„“”‚‘’"
# A value that opens a quote: after indentation, list dashes and an optional `key: `.
_OPENS_QUOTE = re.compile(r"^[ ]*(?:-[ ]+)*(?:[^\s\"'#\[{][^:#]*:[ ]+)?(?P<quote>[\"'])(?P<rest>.*)$")
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
    """A hint when the line of a syntax error holds typographic quotes, which YAML does not treat as quotes."""
    lines = LINE_BREAK.split(text)
    content = lines[line - 1] if 0 < line <= len(lines) else ""
    if any(char in content for char in _CURLY):
        return '; die Zeile enthält typografische Anführungszeichen („…“), YAML braucht gerade ("…")'
    return ""
