"""Settings: read once from the environment, with a German message for a bad value."""

from __future__ import annotations

from datetime import date

import pytest

from generator.settings import DEFAULT_MAX_AGE_DAYS, SettingInvalid, read_settings


def test_settings_come_from_the_environment_given():
    settings = read_settings({"OM_TODAY": "2026-11-22", "OM_MAX_AGE_DAYS": "30", "GITHUB_ACTIONS": "true"})
    assert (settings.today, settings.max_age_days, settings.github_actions) == (date(2026, 11, 22), 30, True)


def test_settings_without_variables_take_the_calendar_and_the_default_age():
    settings = read_settings({})
    assert (settings.today, settings.max_age_days, settings.github_actions) == (
        date.today(),
        DEFAULT_MAX_AGE_DAYS,
        False,
    )


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("OM_TODAY", "22.11.2026", "OM_TODAY muss ein Datum im Format JJJJ-MM-TT sein, nicht „22.11.2026“"),
        ("OM_MAX_AGE_DAYS", "-1", "OM_MAX_AGE_DAYS muss eine ganze Zahl größer als 0 sein, nicht „-1“"),
    ],
)
def test_a_bad_setting_is_named_in_german(variable, value, message):
    with pytest.raises(SettingInvalid, match=message):
        read_settings({variable: value})
