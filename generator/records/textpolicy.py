"""The one text policy of the data files: characters no file or value may hold, in any field.

Refused are the C0 controls except tab and line breaks, DEL, the C1 controls, lone surrogates,
noncharacters, bidi overrides and isolates (they reorder what a reader sees), line and paragraph
separators (YAML counts them as line breaks, editors and GitHub do not) and invisible spaces.
The loader applies it to the raw text before parsing and to every value written with an escape.
"""

from __future__ import annotations

import re

_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17)
)
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_INVISIBLE = "\u200b\ufeff"
_SEPARATORS = "\u2028\u2029"
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_SURROGATES = "\ud800-\udfff"

# In the raw text tab, newline and carriage return are line structure (tabs get their own message).
FORBIDDEN_IN_TEXT = re.compile(
    f"[{_CONTROLS}{_SURROGATES}{_NONCHARACTERS}{_BIDI}{_INVISIBLE}{_SEPARATORS}]"
)
# In a value only tab and newline remain: an escaped "\r" is a control character like any other.
FORBIDDEN_IN_VALUE = re.compile(
    f"[\r{_CONTROLS}{_SURROGATES}{_NONCHARACTERS}{_BIDI}{_INVISIBLE}{_SEPARATORS}]"
)
# Line breaks as editors and GitHub count them.
LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Printable ASCII, tab and line breaks: the policy refuses none; most data is made of them.
_PLAIN_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n\r"


def first_forbidden(text: str) -> re.Match[str] | None:
    """FORBIDDEN_IN_TEXT.search(text), in a tenth of the time for a file of a megabyte.

    The pattern runs over the few distinct characters outside plain ASCII first (the bytes of a
    UTF-8 sequence are never ASCII, so deleting the ASCII bytes leaves whole characters), and over
    the whole text only when one of them is refused, to find where.
    """
    rest = text.encode("utf-8", "surrogatepass").translate(None, _PLAIN_ASCII)
    if not rest or not FORBIDDEN_IN_TEXT.search(
        "".join(set(rest.decode("utf-8", "surrogatepass")))
    ):
        return None
    return FORBIDDEN_IN_TEXT.search(text)


def kind_of(char: str) -> str:
    """What a refused character is, in words an editor understands."""
    code = ord(char)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return "Steuerzeichen"
    if 0xD800 <= code <= 0xDFFF:
        return "halbes Ersatzzeichen (Surrogat)"
    if re.fullmatch(f"[{_NONCHARACTERS}]", char):
        return "Nichtzeichen"
    if re.fullmatch(f"[{_BIDI}]", char):
        return "Steuerzeichen für die Schreibrichtung"
    if char in _SEPARATORS:
        return "Zeilen- oder Absatztrenner"
    return "unsichtbares Zeichen"


def codepoint(char: str) -> str:
    """U+0080 notation."""
    return f"U+{ord(char):04X}"


def refused_character(char: str, *, escaped: bool = False, column: int | None = None) -> str:
    """The German message for a refused character."""
    where = f" in Spalte {column}" if column else ""
    how = " (als Escape-Sequenz geschrieben)" if escaped else ""
    return (
        f"unzulässiges Zeichen {codepoint(char)} ({kind_of(char)}){how}{where}; bitte entfernen "
        "(oft unsichtbar mitkopiert, etwa aus PDF- oder Word-Dateien)"
    )


def line_and_column(text: str, position: int) -> tuple[int, int]:
    """1-based line and column of a position, counting \\n, \\r\\n and \\r as one break each."""
    before = text[:position]
    breaks = list(LINE_BREAK.finditer(before))
    start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, position - start + 1


def line_starts(text: str) -> list[int]:
    """The position where each line begins (line 1 first)."""
    return [0, *(match.end() for match in LINE_BREAK.finditer(text))]
