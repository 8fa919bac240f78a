"""The text policy in words an editor understands: each kind of refused character, its line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

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
