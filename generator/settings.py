"""Today's date, injectable (OM_TODAY=JJJJ-MM-TT) so that pages and warnings that depend on it are reproducible."""

from __future__ import annotations

import os
from datetime import date
from enum import StrEnum


class Profile(StrEnum):
    """Which site is built: the public one, or the internal one with the contact people's details."""

    PUBLIC = "public"
    INTERN = "intern"


class SettingInvalid(ValueError):
    """An environment variable of the generator holds a value it cannot use; the message says which, in German."""


def today() -> date:
    """The date that counts as today: OM_TODAY when set, else the system date."""
    value = os.environ.get("OM_TODAY", "").strip()
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise SettingInvalid(f"OM_TODAY muss ein Datum im Format JJJJ-MM-TT sein, nicht „{value}“") from None
