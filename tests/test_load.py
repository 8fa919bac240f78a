"""The loader keeps what editors typed and refuses YAML constructs that would silently change data."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.records.composer import MAX_DEPTH
from generator.records.reader import MAX_BYTES, load_file


def load(tmp_path: Path, text: str | bytes):
    file = tmp_path / "partners.yaml"
    file.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return load_file(file)


def messages(tmp_path: Path, text: str | bytes) -> list[str]:
    _, problems = load(tmp_path, text)
    return [f"{p.line}: {p.path}: {p.message}" if p.path else f"{p.line}: {p.message}" for p in problems]


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("01067", "01067"),  # Dresden postcode, an octal number in YAML 1.1
        ("0511123456", "0511123456"),
        ("+49511123456", "+49511123456"),
        ("12:30", "12:30"),  # a sexagesimal number in YAML 1.1
        ("no", "no"),
        ("on", "on"),
        ("NO", "NO"),
        ("yes", "yes"),
        ("True", "True"),
        ("2021-06-21", "2021-06-21"),
        ("1e3", "1e3"),
        ("52.3759", "52.3759"),
        (".inf", ".inf"),
    ],
)
def test_scalars_stay_text_as_typed(tmp_path, typed, kept):
    doc, problems = load(tmp_path, f"value: {typed}\n")
    assert problems == []
    assert doc.data == {"value": kept}


def test_only_true_false_and_null_are_resolved(tmp_path):
    doc, _ = load(tmp_path, "a: true\nb: false\nc: null\nd: ~\ne:\n")
    assert doc.data == {"a": True, "b": False, "c": None, "d": None, "e": None}


def test_quoted_true_stays_text(tmp_path):
    doc, _ = load(tmp_path, 'a: "true"\n')
    assert doc.data == {"a": "true"}


def test_every_key_and_item_knows_its_line(tmp_path):
    doc, _ = load(tmp_path, "partners:\n  - id: a\n    name: A\n  - id: b\n")
    assert doc.lines[("partners", 1)] == 4
    assert doc.lines[("partners", 0, "name")] == 3
    assert doc.line_of(("partners", 1, "missing")) == 4


def test_duplicate_key_is_an_error_naming_both_lines(tmp_path):
    assert messages(tmp_path, "a:\n  name: x\n  name: y\n") == [
        "3: a.name: doppelter Schlüssel „name“ (zuerst in Zeile 2)"
    ]


def test_duplicate_key_keeps_the_first_value_for_further_checks(tmp_path):
    doc, _ = load(tmp_path, "name: first\nname: second\n")
    assert doc.data == {"name": "first"}


def test_anchor_is_refused(tmp_path):
    assert messages(tmp_path, "a: &base\n  x: 1\n") == [
        "1: Anker (&base) sind nicht erlaubt; bitte den Inhalt ausschreiben"
    ]


def test_alias_is_refused(tmp_path):
    assert messages(tmp_path, "a: 1\nb: *base\n") == [
        "2: Verweise (*base) sind nicht erlaubt; bitte den Inhalt ausschreiben"
    ]


def test_explicit_tag_is_refused(tmp_path):
    assert messages(tmp_path, "a: 1\nb: !!int 3\n") == [
        "2: Typangaben wie !!int sind nicht erlaubt; bitte den Wert ohne Typangabe schreiben"
    ]


def test_custom_tag_is_refused(tmp_path):
    assert messages(tmp_path, "a: !python/object x\n") == [
        "1: Typangaben wie !python/object sind nicht erlaubt; bitte den Wert ohne Typangabe schreiben"
    ]


def test_absurd_nesting_is_refused(tmp_path):
    deep = "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    assert messages(tmp_path, deep) == [f"1: zu tief verschachtelt (mehr als {MAX_DEPTH} Ebenen)"]


def test_very_deep_nesting_does_not_crash(tmp_path):
    deep = "a: " + "[" * 100_000 + "]" * 100_000 + "\n"
    assert messages(tmp_path, deep) == [f"1: zu tief verschachtelt (mehr als {MAX_DEPTH} Ebenen)"]


def test_oversized_file_is_refused(tmp_path):
    text = "a: " + "x" * (MAX_BYTES + 1) + "\n"
    assert messages(tmp_path, text) == [f"1: Datei ist zu groß ({len(text) // 1024} KiB; höchstens 2048 KiB)"]


def test_non_utf8_file_is_refused_at_its_line(tmp_path):
    assert messages(tmp_path, "a: 1\nb: M\xfcnchen\n".encode("latin-1")) == [
        "2: Datei ist nicht in UTF-8 gespeichert; bitte als UTF-8 speichern"
    ]


def test_utf8_with_bom_is_accepted(tmp_path):
    doc, problems = load(tmp_path, "\ufeffa: München\n".encode())
    assert problems == [] and doc.data == {"a": "München"}


def test_tab_is_refused(tmp_path):
    assert messages(tmp_path, "a:\n\tb: 1\n") == ["2: Tabulatorzeichen in Spalte 1; bitte Leerzeichen verwenden"]


def test_syntax_error_names_its_line(tmp_path):
    assert messages(tmp_path, "a: [1, 2\nb: 3\n") == [
        "1: YAML-Syntaxfehler: eine Liste in eckigen Klammern wird nicht richtig geschlossen"
    ]


def test_missing_colon_is_a_syntax_error(tmp_path):
    assert messages(tmp_path, "partners:\n  - id: a\n    name A\n    kind: x\n") == [
        "3: YAML-Syntaxfehler: nach einem Feldnamen fehlt der Doppelpunkt oder das Leerzeichen danach"
    ]


def test_colon_inside_unquoted_text_is_a_syntax_error(tmp_path):
    assert messages(tmp_path, "a: Zeit: 12 Uhr\n") == [
        "1: YAML-Syntaxfehler: unerwarteter Doppelpunkt; bitte die Einrückung prüfen und Text mit Doppelpunkt "
        "in Anführungszeichen setzen"
    ]


def test_wrong_indentation_is_a_syntax_error(tmp_path):
    assert messages(tmp_path, "partners:\n  - id: a\n   name: A\n") == [
        "3: YAML-Syntaxfehler: die Einrückung passt nicht zu den Zeilen davor"
    ]


def test_unclosed_quote_is_a_syntax_error(tmp_path):
    assert messages(tmp_path, 'a: 1\nb: "Hannover\nc: 1\nd: 2\n') == [
        "2: YAML-Syntaxfehler: ein Anführungszeichen wird in dieser Zeile geöffnet und nicht geschlossen"
    ]


def test_missing_space_after_colon_is_explained(tmp_path):
    assert messages(tmp_path, "partners:\n  - id: a\n    short_name:VBG\n    kind: x\n") == [
        "3: YAML-Syntaxfehler: nach einem Feldnamen fehlt der Doppelpunkt oder das Leerzeichen danach"
    ]


def test_line_indented_too_far_is_explained(tmp_path):
    assert messages(tmp_path, "partners:\n  - id: a\n     name: A\n") == [
        "3: YAML-Syntaxfehler: unerwarteter Doppelpunkt; bitte die Einrückung prüfen und Text mit Doppelpunkt "
        "in Anführungszeichen setzen"
    ]


def test_several_documents_are_refused(tmp_path):
    found = messages(tmp_path, "a: 1\n---\nb: 2\n")
    assert found == [
        "2: YAML-Syntaxfehler: die Datei darf nur ein Dokument enthalten; bitte die Zeile mit --- entfernen"
    ]


def test_non_text_key_is_refused(tmp_path):
    assert messages(tmp_path, "a:\n  true: 1\n") == ["2: a: Feldnamen müssen einfacher Text sein"]


def test_value_starting_with_hash_is_not_silently_dropped(tmp_path):
    assert messages(tmp_path, "a:\n  phone: #49 30 123456\n  name: A\n") == [
        "2: a.phone: Wert fehlt, dahinter steht ein Kommentar: Ein Wert, der mit # beginnt, gehört in Anführungszeichen"
    ]


def test_quoted_hash_and_comments_after_values_are_fine(tmp_path):
    doc, problems = load(tmp_path, 'a: "#49"\nb: x  # Kommentar\nc:\n  # Kommentar\n  - 1\n')
    assert problems == [] and doc.data == {"a": "#49", "b": "x", "c": ["1"]}


def test_unclosed_bracket_is_reported_where_it_opens(tmp_path):
    assert messages(tmp_path, "a: 1\nb: [x, y\nc: 2\n") == [
        "2: YAML-Syntaxfehler: eine Liste in eckigen Klammern wird nicht richtig geschlossen"
    ]


# Invalid YAML that libyaml accepts, from the yaml-test-suite (issue „Hardening“, case 16).
INVALID_YAML = {
    "9C9N": ("---\nflow: [a,\nb,\nc]\n", 3, "die Fortsetzung einer Liste in Klammern muss weiter eingerückt sein"),
    "9JBA": ("---\n[ a, b, c, ]#invalid\n", 2, "vor einem Kommentar (#) muss ein Leerzeichen stehen"),
    "CVW2": ("---\n[ a, b, c,#invalid\n]\n", 2, "vor einem Kommentar (#) muss ein Leerzeichen stehen"),
    "G5U8": ("---\n- [-, -]\n", 2, "ein „-“ in eckigen Klammern muss in Anführungszeichen stehen"),
    "QB6E": ('---\nquoted: "a\nb\nc"\n', 2, "ein Anführungszeichen wird in dieser Zeile geöffnet"),
    "S98Z": ("empty block scalar: >\n \n  \n   \n # comment\n", 2, "Leerzeilen am Anfang eines Blocks"),
    "SU5Z": ('key: "value"# invalid comment\n', 1, "vor einem Kommentar (#) muss ein Leerzeichen stehen"),
    "YJV2": ("[-]\n", 1, "ein „-“ in eckigen Klammern muss in Anführungszeichen stehen"),
}


@pytest.mark.parametrize("case", sorted(INVALID_YAML))
def test_invalid_yaml_that_libyaml_accepts_is_refused(tmp_path, case):
    text, line, message = INVALID_YAML[case]
    (found,) = messages(tmp_path, text)
    assert found.startswith(f"{line}: YAML-Syntaxfehler: {message}")


def test_valid_flow_quotes_and_blocks_still_load(tmp_path):
    text = "a: [x, y,\n  z]\nb: \"x\n  y\"\nc: |\n\n  text\nd: 'it''s' # c\ne: [a, b] # c\nf:\n  - [a,\n    b]\n"
    doc, problems = load(tmp_path, text)
    assert problems == []
    assert doc.data == {
        "a": ["x", "y", "z"],
        "b": "x y",
        "c": "\ntext\n",
        "d": "it's",
        "e": ["a", "b"],
        "f": [["a", "b"]],
    }


def test_unclosed_quote_is_reported_where_it_opens_not_lines_later(tmp_path):
    text = 'partners:\n  - id: a\n    name: "Hannover\n    kind: x\n' + "".join(f"  - id: b{i}\n" for i in range(28))
    text += '  - id: c\n    name: "Ende"\n    kind: x\n'
    (found,) = messages(tmp_path, text)
    assert found.startswith("3: YAML-Syntaxfehler: ein Anführungszeichen wird in dieser Zeile geöffnet")


@pytest.mark.parametrize("value", ["„Hannover“", "“Hannover”", "»Hannover«", "‚Hannover‘"])
def test_value_in_typographic_quotes_is_named(tmp_path, value):
    (found,) = messages(tmp_path, f"a: 1\nname: {value}\n")
    assert found.startswith("2: typografische Anführungszeichen um den Wert")


def test_typographic_quotes_inside_a_name_are_text(tmp_path):
    doc, problems = load(tmp_path, "name: Verein „Gesund arbeiten“ e.V.\n")
    assert problems == [] and doc.data == {"name": "Verein „Gesund arbeiten“ e.V."}


def test_syntax_error_on_a_line_with_typographic_quotes_names_them(tmp_path):
    (found,) = messages(tmp_path, "a: „Zeit: 12 Uhr“\n")
    assert found.endswith('die Zeile enthält typografische Anführungszeichen („…“), YAML braucht gerade ("…")')


@pytest.mark.parametrize(
    ("text", "german"),
    [
        ("a: [1, 2]]\n", "YAML-Syntaxfehler"),
        ("a:\n  - x\n  b: 1\n", "Einrückung"),
        ("a: !x 1\n", "Typangaben"),
        ('a: "\\q"\n', "unbekannte Escape-Sequenz"),
        ("a: b: c\n", "unerwarteter Doppelpunkt"),
        ("- a\nb: 1\n", ""),
        ("a: @x\n", "dieses Zeichen darf hier nicht am Anfang"),
        ("a: [x,, y]\n", ""),
        ("%YAML 2.0\n---\na: 1\n", ""),
        ("a: |0\n x\n", "keine 0"),
        ("a: &\n", ""),
    ],
)
def test_every_syntax_error_is_german(tmp_path, text, german):
    (found,) = messages(tmp_path, text)
    english = ("expected", "found", "while", "mapping", "could not", "did not")
    assert not any(word in found for word in english), found
    assert german in found
