"""Values for generated pages' YAML front matter, written so MkDocs reads back what was meant.

MkDocs parses front matter with libyaml and, when that fails, silently renders the block as
Markdown. libyaml refuses raw characters outside YAML's printable set and reads U+0085, U+2028 and
U+2029 as line breaks, so these are written as escapes; everything else printable stays as it is.
"""

from __future__ import annotations

import re

# YAML's printable characters, less the three libyaml reads as line breaks and the byte order mark.
_UNPRINTABLE = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029]"
)
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\t": "\\t", "\n": "\\n", "\r": "\\r"}
# str.isprintable() is false for every character _UNPRINTABLE finds (Unicode's "other" and
# "separator" categories hold the controls, surrogates, U+FEFF, the non-characters, U+2028
# and U+2029): a printable text needs no search. tests/test_hardening.py checks this over
# all code points.
# Every character yaml_string() writes otherwise: one search finds the many values
# that need nothing.
_SPECIAL = re.compile('[\\\\"\t\n\r]|' + _UNPRINTABLE.pattern)


def _escape(char: str) -> str:
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        # The text policy refuses them
        raise ValueError(f"lone surrogate U+{code:04X} cannot be written as YAML")
    if code > 0xFFFF:
        return f"\\U{code:08X}"
    return f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}"


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar on one line that libyaml reads back as exactly `text`."""
    if text.isprintable():  # no control, format or separator character (see above): the usual case
        for char in '\\"':  # the backslash first, so the quote's escape keeps its own
            text = text.replace(char, _ESCAPES[char])
        return f'"{text}"'
    body = _SPECIAL.sub(lambda match: _ESCAPES.get(match.group()) or _escape(match.group()), text)
    return f'"{body}"'


def yaml_safe_json(text: str) -> str:
    """JSON text that libyaml reads as the same data: unprintable characters as \\uXXXX escapes.

    Outside strings JSON is plain ASCII, so only characters inside strings are touched.
    """

    def escape(match: re.Match) -> str:
        code = ord(match.group())
        if code > 0xFFFF or 0xD800 <= code <= 0xDFFF:
            # JSON would need a surrogate pair, which libyaml refuses; the text policy bars them.
            raise ValueError(f"U+{code:04X} cannot be written as JSON inside YAML")
        return f"\\u{code:04x}"

    return text if text.isprintable() else _UNPRINTABLE.sub(escape, text)
