"""The data files in exactly the form the editing page (Sveltia CMS) writes: `generator format`.

Sveltia saves a whole file with the npm library `yaml` (2.x: `stringify(value, {indent: 2,
indentSeq: true, lineWidth: 0, defaultStringType: "PLAIN", defaultKeyType: "PLAIN", singleQuote:
true})`, then one newline), keys in the order of the form's fields, empty optional fields left out.
Files kept in that form make a save byte-stable: a one-field edit changes that field's lines only,
so two pull requests that edit different records merge. The scalar rules below follow that library's
`stringifyString`/`stringifyNumber` (YAML 1.2 core schema) line by line.
"""

from __future__ import annotations

import json
import math
import re

# Text that would not read back as the same plain text (library: `plainString`'s first test).
_NOT_PLAIN = re.compile(
    r"^[\n\t ,\[\]{}#&*!|>'\"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$"
)
# Plain text the YAML 1.2 core schema reads as null, a boolean or a number: written in quotes.
_CORE_TAGS = (
    re.compile(r"^(?:~|[Nn]ull|NULL)?$"),
    re.compile(r"^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$"),
    re.compile(r"^0o[0-7]+$"),
    re.compile(r"^[-+]?[0-9]+$"),
    re.compile(r"^0x[0-9a-fA-F]+$"),
    re.compile(r"^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$"),
    re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$"),
    re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$"),
)
_FORCE_DOUBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_BLOCK_END_NEWLINES = re.compile(r"(?:^|(?<!\n))\n+(?!\n|$)")
_ESCAPES = {
    "0000": "\\0",
    "0007": "\\a",
    "000b": "\\v",
    "001b": "\\e",
    "0085": "\\N",
    "00a0": "\\_",
    "2028": "\\L",
    "2029": "\\P",
}
_DOUBLE_MIN_MULTILINE = 40
STEP = "  "
# What JavaScript's String.prototype.trim() removes (the CMS trims before adding the last newline).
_JS_WHITESPACE = (
    "\t\n\v\f\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    + ("\u2028\u2029\u202f\u205f\u3000\ufeff")
)


# A mapping or list of a document (keys of a mapping are written as text).
Collection = dict[object, object] | list[object]


def dump(value: Collection) -> str:
    """A loaded document as the CMS writes it: block style, two spaces, one newline at the end."""
    return "\n".join(_node(value, "")).strip(_JS_WHITESPACE) + "\n"


def _node(value: Collection, indent: str) -> list[str]:
    """Lines of a collection whose entries start at `indent`."""
    if isinstance(value, dict):
        lines: list[str] = []
        for key, item in value.items():
            lines += _pair(str(key), item, indent)
        return lines
    lines = []
    for item in value:
        lines += _item(item, indent)
    return lines


def _pair(key: str, value: object, indent: str) -> list[str]:
    head = f"{indent}{_plain_or_quoted(key, indent + STEP, implicit_key=True)}:"
    if isinstance(value, (dict, list)) and value:
        inner = indent + STEP
        return [head, *_node(value, inner)]
    return [f"{head} {_scalar(value, indent + STEP)}"]


def _item(value: object, indent: str) -> list[str]:
    inner = indent + STEP
    if isinstance(value, (dict, list)) and value:
        first, *rest = _node(value, inner)
        return [f"{indent}- {first[len(inner) :]}", *rest]
    return [f"{indent}- {_scalar(value, inner)}"]


def _scalar(value: object, indent: str) -> str:
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _number(value)
    if isinstance(value, (dict, list)):
        return "{}" if isinstance(value, dict) else "[]"
    return _string(str(value), indent)


def _number(value: int | float) -> str:
    """JavaScript's number text (JSON.stringify): 50.0 → 50, 51.8350 → 51.835."""
    if isinstance(value, float):
        if not math.isfinite(value):
            return ".nan" if math.isnan(value) else (".inf" if value > 0 else "-.inf")
        if value.is_integer() and abs(value) < 1e21:
            return str(int(value))
        return repr(value)
    return str(value)


def _string(value: str, indent: str) -> str:
    if _FORCE_DOUBLE.search(value):
        return _double(value, indent, implicit_key=False)
    return _plain_or_quoted(value, indent, implicit_key=False)


def _plain_or_quoted(value: str, indent: str, implicit_key: bool) -> str:
    """The library's plainString: plain where it reads back the same, else quoted or a block."""
    if implicit_key and "\n" in value:
        return _quoted(value, indent, implicit_key)
    if _NOT_PLAIN.search(value):
        if implicit_key or "\n" not in value:
            return _quoted(value, indent, implicit_key)
        return _block(value, indent, implicit_key)
    if not implicit_key and "\n" in value:
        return _block(value, indent, implicit_key)
    text = re.sub(r"\n+", lambda match: match[0] + "\n" + indent, value)
    if any(tag.search(text) for tag in _CORE_TAGS):
        return _quoted(value, indent, implicit_key)
    return text


def _quoted(value: str, indent: str, implicit_key: bool) -> str:
    has_double, has_single = '"' in value, "'" in value
    if has_single and not has_double:
        return _double(value, indent, implicit_key)
    return _single(value, indent, implicit_key)


def _single(value: str, indent: str, implicit_key: bool) -> str:
    if (implicit_key and "\n" in value) or re.search(r"[ \t]\n|\n[ \t]", value):
        return _double(value, indent, implicit_key)
    body = value.replace("'", "''")
    return "'" + re.sub(r"\n+", lambda match: match[0] + "\n" + indent, body) + "'"


def _double(value: str, indent: str, implicit_key: bool) -> str:
    """The library's doubleQuotedString over JavaScript's JSON.stringify (Python json's escapes)."""
    text = json.dumps(value, ensure_ascii=False)
    out, start, i = "", 0, 0
    while i < len(text):
        char = text[i]
        if char == " " and text[i + 1 : i + 3] == "\\n":
            out += text[start:i] + "\\ "
            i += 1
            start = i
            char = "\\"
        if char == "\\":
            following = text[i + 1 : i + 2]
            if following == "u":
                out += text[start:i]
                code = text[i + 2 : i + 6]
                out += _ESCAPES.get(
                    code, "\\x" + code[2:] if code.startswith("00") else text[i : i + 6]
                )
                i += 5
                start = i + 1
            elif following == "n":
                if implicit_key or text[i + 2 : i + 3] == '"' or len(text) < _DOUBLE_MIN_MULTILINE:
                    i += 1
                else:
                    out += text[start:i] + "\n\n"
                    while text[i + 2 : i + 4] == "\\n" and text[i + 4 : i + 5] != '"':
                        out += "\n"
                        i += 2
                    out += indent
                    if text[i + 2 : i + 3] == " ":
                        out += "\\"
                    i += 1
                    start = i + 1
            else:
                i += 1
        i += 1
    return out + text[start:] if start else text


def _block(value: str, indent: str, implicit_key: bool) -> str:
    """A literal block (`|`): with no line width the library never folds."""
    if re.search(r"\n[\t ]+$", value):
        return _quoted(value, indent, implicit_key)
    if not value:
        return "|\n"
    end_start = len(value)
    while end_start > 0 and value[end_start - 1] in "\n\t ":
        end_start -= 1
    end = value[end_start:]
    newline_at = end.find("\n")
    if newline_at == -1:
        chomp = "-"
    elif value == end or newline_at != len(end) - 1:
        chomp = "+"
    else:
        chomp = ""
    if end:
        value = value[: -len(end)]
        if end.endswith("\n"):
            end = end[:-1]
        end = _BLOCK_END_NEWLINES.sub(lambda match: match[0] + indent, end)
    starts_with_space, start_newline = False, -1
    start_end = 0
    while start_end < len(value):
        char = value[start_end]
        if char == " ":
            starts_with_space = True
        elif char == "\n":
            start_newline = start_end
        else:
            break
        start_end += 1
    start = value[: start_newline + 1 if start_newline < start_end else start_end]
    if start:
        value = value[len(start) :]
        start = re.sub(r"\n+", lambda match: match[0] + indent, start)
    header = ("2" if indent else "1") if starts_with_space else ""
    body = re.sub(r"\n+", lambda match: match[0] + indent, value)
    return f"|{header}{chomp}\n{indent}{start}{body}{end}"
