"""What the environment decides for a run (today, an outdated record's age, CI), read once.

The entry points (the command line, the preview, the tests) read the settings and pass them down; no
rule and no page family looks at the clock or the environment itself, so every page and warning is
reproducible (OM_TODAY=JJJJ-MM-TT, OM_MAX_AGE_DAYS=TAGE).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

DEFAULT_MAX_AGE_DAYS = 365


class Profile(StrEnum):
    """Which site is built: the public one, or the internal one with contact people's details."""

    PUBLIC = "public"
    INTERN = "intern"


class SettingInvalid(ValueError):
    """A generator environment variable holds a value it can't use; the message says which."""


@dataclass(frozen=True)
class Settings:
    """The settings of one run."""

    today: date
    max_age_days: int = DEFAULT_MAX_AGE_DAYS  # a record checked longer ago counts as outdated
    github_actions: bool = False  # problems are also printed as workflow annotations
    github_output: str | None = None  # the file a workflow step's outputs are appended to


def read_settings(environ: Mapping[str, str] = os.environ) -> Settings:
    """Read the settings from the environment; raise SettingInvalid naming a bad value."""
    return Settings(
        _today(environ),
        _max_age_days(environ),
        environ.get("GITHUB_ACTIONS") == "true",
        environ.get("GITHUB_OUTPUT") or None,
    )


def _today(environ: Mapping[str, str]) -> date:
    value = environ.get("OM_TODAY", "").strip()
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise SettingInvalid(
            f"OM_TODAY muss ein Datum im Format JJJJ-MM-TT sein, nicht „{value}“"
        ) from None


def _max_age_days(environ: Mapping[str, str]) -> int:
    value = environ.get("OM_MAX_AGE_DAYS", "").strip()
    if not value:
        return DEFAULT_MAX_AGE_DAYS
    if not value.isdigit() or int(value) < 1:
        raise SettingInvalid(
            f"OM_MAX_AGE_DAYS muss eine ganze Zahl größer als 0 sein, nicht „{value}“"
        )
    return int(value)


def outdated(verified_on: date | None, today: date, max_age: int) -> bool:
    """True when a record was never checked or its last check lies more than max_age days back."""
    return verified_on is None or (today - verified_on).days > max_age
