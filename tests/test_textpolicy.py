"""The text policy in words an editor understands: each kind of refused character, its line and column."""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.records import textpolicy
from generator.records.reader import load_file

KINDS = [
    ("\x00", "Steuerzeichen"),
    ("\x1f", "Steuerzeichen"),
    ("\r", "Steuerzeichen"),
    ("\x7f", "Steuerzeichen"),
    ("\x9f", "Steuerzeichen"),
    ("\ud800", "halbes Ersatzzeichen (Surrogat)"),
    ("\udfff", "halbes Ersatzzeichen (Surrogat)"),
    ("\ufdd0", "Nichtzeichen"),
    ("\uffff", "Nichtzeichen"),
    ("\U0010fffe", "Nichtzeichen"),
    ("\u202e", "Steuerzeichen für die Schreibrichtung"),
    ("\u061c", "Steuerzeichen für die Schreibrichtung"),
    ("\u2028", "Zeilen- oder Absatztrenner"),
    ("\u2029", "Zeilen- oder Absatztrenner"),
    ("\u200b", "unsichtbares Zeichen"),
    ("\ufeff", "unsichtbares Zeichen"),
]


@pytest.mark.parametrize(("char", "kind"), KINDS, ids=[f"U+{ord(c):04X}" for c, _ in KINDS])
def test_each_refused_character_is_named_by_its_kind(char, kind):
    assert textpolicy.FORBIDDEN_IN_VALUE.fullmatch(char)
    assert textpolicy.kind_of(char) == kind


def test_a_message_without_a_column_names_none():
    message = textpolicy.refused_character("\x80")
    assert message.startswith("unzulässiges Zeichen U+0080 (Steuerzeichen); bitte entfernen")
    assert "Spalte" not in message and "None" not in message


def test_a_message_names_column_one():
    assert " in Spalte 1; " in textpolicy.refused_character("\x80", column=1)


@pytest.mark.parametrize(
    ("text", "position", "expected"),
    [("ab", 0, (1, 1)), ("ab", 1, (1, 2)), ("a\nb", 2, (2, 1)), ("a\r\nb", 3, (2, 1)), ("a\rb", 2, (2, 1))],
)
def test_lines_and_columns_count_like_editors(text, position, expected):
    assert textpolicy.line_and_column(text, position) == expected


def test_a_forbidden_character_on_the_first_line_is_reported_there(tmp_path: Path):
    file = tmp_path / "partners.yaml"
    file.write_text("a\x01b: 1\n", encoding="utf-8")
    _, problems = load_file(file)
    assert [(p.line, p.message) for p in problems] == [(1, textpolicy.refused_character("\x01", column=2))]


# --- the categories, checked against Unicode's own data for every code point -------------------------------------

# Bidi classes of the embeddings, overrides and isolates; the three marks have ordinary classes and go by name.
_BIDI_CONTROL_CLASSES = {"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"}
_BIDI_MARKS = {"LEFT-TO-RIGHT MARK", "RIGHT-TO-LEFT MARK", "ARABIC LETTER MARK"}
_INVISIBLE_SPACES = {"ZERO WIDTH SPACE", "ZERO WIDTH NO-BREAK SPACE"}


def _kind_by_unicode(char: str) -> str | None:
    """The kind the policy should name, read from unicodedata; None for a character a value may hold."""
    code, category = ord(char), unicodedata.category(char)
    if category == "Cc":
        return None if char in "\t\n" else "Steuerzeichen"
    if category == "Cs":
        return "halbes Ersatzzeichen (Surrogat)"
    if 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
        return "Nichtzeichen"
    if unicodedata.bidirectional(char) in _BIDI_CONTROL_CLASSES or unicodedata.name(char, "") in _BIDI_MARKS:
        return "Steuerzeichen für die Schreibrichtung"
    if category in ("Zl", "Zp"):
        return "Zeilen- oder Absatztrenner"
    return "unsichtbares Zeichen" if unicodedata.name(char, "") in _INVISIBLE_SPACES else None


def _every_character() -> Iterator[str]:
    return map(chr, range(sys.maxunicode + 1))


REFUSED = [char for char in _every_character() if _kind_by_unicode(char)]


def test_a_value_refuses_exactly_the_characters_of_the_named_kinds():
    refused = {char for char in _every_character() if textpolicy.FORBIDDEN_IN_VALUE.fullmatch(char)}
    assert sorted(map(textpolicy.codepoint, refused ^ set(REFUSED))) == []


def test_every_refused_character_is_named_by_its_unicode_kind():
    wrong = {
        textpolicy.codepoint(c): textpolicy.kind_of(c) for c in REFUSED if textpolicy.kind_of(c) != _kind_by_unicode(c)
    }
    assert wrong == {}


def test_the_raw_text_keeps_its_line_breaks_but_refuses_the_rest():
    assert [c for c in REFUSED if not textpolicy.FORBIDDEN_IN_TEXT.fullmatch(c)] == ["\r"]


@pytest.mark.parametrize(("char", "written"), [("\x01", "U+0001"), ("\u200b", "U+200B"), ("\U0010fffe", "U+10FFFE")])
def test_a_code_point_has_at_least_four_hex_digits(char, written):
    assert textpolicy.codepoint(char) == written


# --- the message -------------------------------------------------------------------------------------------------


def test_the_whole_message_for_an_escaped_character_with_its_column():
    assert textpolicy.refused_character("\u200b", escaped=True, column=7) == (
        "unzulässiges Zeichen U+200B (unsichtbares Zeichen) (als Escape-Sequenz geschrieben) in Spalte 7; "
        "bitte entfernen (oft unsichtbar mitkopiert, etwa aus PDF- oder Word-Dateien)"
    )


@settings(deadline=None)
@given(st.sampled_from(REFUSED), st.booleans(), st.none() | st.integers(min_value=1, max_value=10_000))
def test_a_message_names_code_point_kind_escape_and_column_in_this_order(char, escaped, column):
    message = textpolicy.refused_character(char, escaped=escaped, column=column)
    head = f"unzulässiges Zeichen {textpolicy.codepoint(char)} ({_kind_by_unicode(char)})"
    how = " (als Escape-Sequenz geschrieben)" if escaped else ""
    where = f" in Spalte {column}" if column is not None else ""
    assert (
        message == f"{head}{how}{where}; bitte entfernen (oft unsichtbar mitkopiert, etwa aus PDF- oder Word-Dateien)"
    )


# --- where: lines, columns and the quick search --------------------------------------------------------------------


@settings(deadline=None)
@given(st.text(alphabet="ab \r\n"))
def test_lines_and_columns_agree_with_python_splitlines(text):
    """Over \n, \r\n and \r (no other break str.splitlines knows), splitlines counts lines as editors do."""
    start, starts = 0, [0]
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        content = line.rstrip("\r\n")
        has_break = line != content
        # Each character of the line, and the line break after it, stands in this line.
        for column in range(1, len(content) + 1 + has_break):
            assert textpolicy.line_and_column(text, start + column - 1) == (number, column)
        start += len(line)
        if has_break:
            starts.append(start)
    assert textpolicy.line_starts(text) == starts


def test_line_starts_counts_each_kind_of_line_break_once():
    assert textpolicy.line_starts("a\nbc\r\nd\r\re") == [0, 2, 6, 8, 9]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()) | st.sampled_from("ab\n\ud800\udfff\u200b")))
def test_the_quick_search_finds_the_first_refused_character_even_a_lone_surrogate(text):
    quick, full = textpolicy.first_forbidden(text), textpolicy.FORBIDDEN_IN_TEXT.search(text)
    assert (quick and (quick.start(), quick.group())) == (full and (full.start(), full.group()))


def test_a_lone_surrogate_is_found_where_it_stands():
    found = textpolicy.first_forbidden("name: Ab\ud800c")
    assert found is not None and (found.start(), found.group()) == (8, "\ud800")


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [("\x01a: 1\n", 1, 1), ("a: 1\r\nb: 2\r\nc: \u202e3\n", 3, 4), ("a: 1\rb: \u200b2\n", 2, 4)],
    ids=["line-1-column-1", "after-crlf", "after-cr"],
)
def test_a_forbidden_character_is_reported_at_its_line_and_column(tmp_path: Path, text, line, column):
    file = tmp_path / "partners.yaml"
    file.write_bytes(text.encode("utf-8"))
    _, problems = load_file(file)
    bad = textpolicy.FORBIDDEN_IN_TEXT.search(text)
    assert bad and [(p.line, p.message) for p in problems] == [
        (line, textpolicy.refused_character(bad.group(), column=column))
    ]
