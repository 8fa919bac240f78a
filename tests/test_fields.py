"""Each field type explains its own rejections: too long, wrongly typed, out of range, not a calendar day."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ValidationError, create_model

from generator.records.fieldtypes import FIELD_TYPES
from generator.records.validate import explain

# Messages that would mean a pydantic error kind fell through to a generic text.
GENERIC = ("ein anderer Wert", "liegt nicht in Deutschland (")


def message(field_type, value) -> str:
    model = create_model("Probe", value=(field_type, ...), __base__=BaseModel)
    with pytest.raises(ValidationError) as raised:
        model.model_validate({"value": value})
    (error,) = raised.value.errors()
    return explain(error, model)


@pytest.mark.parametrize("name", sorted(FIELD_TYPES))
def test_too_long_value_gets_the_types_own_message(name):
    text = message(FIELD_TYPES[name], "1" * 4000)
    assert not any(generic in text for generic in GENERIC), text
    assert any(word in text for word in ("zu lang", "keine gültige", "kein gültiges", "muss", "nicht in Deutschland"))


@pytest.mark.parametrize("name", sorted(FIELD_TYPES))
@pytest.mark.parametrize("value", [["a"], {"a": "b"}, True])
def test_wrongly_typed_value_says_what_was_given(name, value):
    text = message(FIELD_TYPES[name], value)
    assert not any(generic in text for generic in GENERIC), text


@pytest.mark.parametrize(
    ("name", "length", "expected"),
    [("Text", 201, "ist zu lang (201 Zeichen; höchstens 200)"), ("Id", 41, "ist zu lang (41 Zeichen; höchstens 40)")],
)
def test_too_long_names_length_and_limit(name, length, expected):
    assert message(FIELD_TYPES[name], "a" * length) == expected


def test_paragraph_limit():
    assert message(FIELD_TYPES["Paragraph"], "a" * 3001) == "ist zu lang (3001 Zeichen; höchstens 3000)"


def test_coordinate_out_of_germany_names_the_range():
    assert message(FIELD_TYPES["Latitude"], "12.5") == (
        'liegt nicht in Deutschland; der Breitengrad muss zwischen 47 und 55,1 liegen ("12.5")'
    )


def test_coordinate_given_true_is_not_a_place():
    assert message(FIELD_TYPES["Longitude"], True) == 'muss eine Dezimalzahl sein, z. B. „52.3759“ ("True")'


def test_impossible_calendar_day_is_not_told_to_use_the_format_it_uses():
    assert message(FIELD_TYPES["Day"], "2021-02-30") == 'diesen Tag gibt es im Kalender nicht ("2021-02-30")'
