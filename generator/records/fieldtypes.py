"""Field types of the data files: each checks one kind of value, explains a rejection in German."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, WithJsonSchema
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError

from generator.problems import shown

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
EMAIL_PATTERN = r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
# What editors' JSON Schema checks: the local part; any dotted domain (umlauts are checked here).
EMAIL_SCHEMA_PATTERN = r"^[A-Za-z0-9._%+-]+@[^@\s.]+(?:\.[^@\s.]+)*\.[^@\s.]{2,}$"
PHONE_PATTERN = r"^\+?[0-9][0-9 /()-]{5,24}$"
POSTCODE_PATTERN = r"^[0-9]{5}$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
NUMBER_PATTERN = r"^-?[0-9]{1,3}(?:\.[0-9]+)?$"
MAX_DAY_COUNT = 365
CLAUSE_NUMBER_PATTERN = r"^[1-9][0-9]{0,2}$"


_ID = re.compile(ID_PATTERN)
MAX_ID_LENGTH = 40


def is_valid_id(text: object) -> bool:
    """Whether text is a valid id (the rule of the Id field type)."""
    return isinstance(text, str) and len(text) <= MAX_ID_LENGTH and _ID.match(text) is not None


def _rejected(message: str, value: object) -> PydanticCustomError:
    return PydanticCustomError("om_value", message + " ({value})", {"value": shown(value)})


def _too_long(value: str, limit: int) -> PydanticCustomError:
    return PydanticCustomError(
        "om_too_long",
        "ist zu lang ({length} Zeichen; höchstens {limit})",
        {"length": len(value), "limit": limit},
    )


TextCheck = Callable[[str], str]


def _limited(limit: int, check: TextCheck | None = None) -> TextCheck:
    """A check that first refuses text longer than `limit` characters, with its own message."""

    def limited(value: str) -> str:
        if len(value) > limit:
            raise _too_long(value, limit)
        return check(value) if check else value

    return limited


def _matching(pattern: str, message: str) -> TextCheck:
    compiled = re.compile(pattern)

    def check(value: str) -> str:
        if not compiled.fullmatch(value):
            raise _rejected(message, value)
        return value

    return check


def _single_line(value: str) -> str:
    text = value.strip()
    if not text:
        raise PydanticCustomError("om_empty", "darf nicht leer sein")
    if "\n" in text or "\r" in text:
        raise _rejected("darf keinen Zeilenumbruch enthalten", value)
    return text


def _paragraph(value: str) -> str:
    text = value.strip()
    if not text:
        raise PydanticCustomError("om_empty", "darf nicht leer sein")
    return text


def _phone(value: str) -> str:
    _matching(PHONE_PATTERN, "keine gültige Telefonnummer, z. B. „+49 511 123456“")(value)
    if sum(char.isdigit() for char in value) < 6:
        raise _rejected("keine gültige Telefonnummer, z. B. „+49 511 123456“", value)
    return value


_EMAIL = re.compile(EMAIL_PATTERN)


def _email(value: str) -> str:
    """An address whose domain may hold umlauts (owl@beispiel-müller.de): checked as IDNA ASCII."""
    local, at, domain = value.rpartition("@")
    try:
        ascii_domain = (
            domain.encode("idna").decode("ascii") if at and not domain.isascii() else domain
        )
    except UnicodeError:
        raise _rejected("keine gültige E-Mail-Adresse", value) from None
    if not _EMAIL.fullmatch(f"{local}{at}{ascii_domain}"):
        raise _rejected("keine gültige E-Mail-Adresse", value)
    return value


def _date(value: object) -> date:
    message = "kein gültiges Datum; bitte JJJJ-MM-TT schreiben, z. B. „2021-06-21“"
    if not isinstance(value, str) or not re.fullmatch(DATE_PATTERN, value):
        raise _rejected(message, value)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _rejected("diesen Tag gibt es im Kalender nicht", value) from None


_URL_UNSAFE = re.compile(r"[\s\x00-\x1f<>\"'`\\]")


def _url(value: str) -> str:
    message = "keine gültige Webadresse; erlaubt sind nur Adressen mit http:// oder https://"
    parts = urlsplit(value)
    unsafe = _URL_UNSAFE.search(value)
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or "." not in parts.hostname
        or unsafe
    ):
        raise _rejected(message, value)
    return value


def _coordinate(low: float, high: float, what: str) -> Callable[[object], float]:
    """Coordinates are the one place numbers are meant; the loader keeps every scalar as text."""

    def check(value: object) -> float:
        if isinstance(value, str):
            if not re.fullmatch(NUMBER_PATTERN, value):
                raise _rejected("keine gültige Dezimalzahl, z. B. „52.3759“", value)
            number = float(value)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            number = float(value)  # an editor's YAML 1.2 reads 52.37 as a number
        else:
            raise _rejected("muss eine Dezimalzahl sein, z. B. „52.3759“", value)
        if not low <= number <= high:
            german = f"{low:g} und {high:g}".replace(".", ",")
            raise _rejected(
                f"liegt nicht in Deutschland; der {what} muss zwischen {german} liegen", value
            )
        return number

    return check


def _day_count(value: object) -> int:
    # Plain YAML digits reach us as text; an editor's YAML 1.2 reads them as a number.
    text = str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    if not re.fullmatch(r"[0-9]{1,3}", text) or not 1 <= int(text) <= MAX_DAY_COUNT:
        raise _rejected(
            f"keine gültige Anzahl Tage; bitte eine ganze Zahl von 1 bis {MAX_DAY_COUNT} schreiben",
            value,
        )
    return int(text)


def _text_schema(pattern: str | None = None, fmt: str | None = None) -> JsonSchemaValue:
    schema: JsonSchemaValue = {"type": "string", "minLength": 1}
    if pattern:
        schema["pattern"] = pattern
    if fmt:
        schema["format"] = fmt
    return schema


Id = Annotated[
    str,
    AfterValidator(
        _limited(
            MAX_ID_LENGTH,
            _matching(
                ID_PATTERN,
                "keine gültige Kennung; erlaubt sind a–z, 0–9 und Bindestriche, "
                "z. B. „hwk-hannover“",
            ),
        )
    ),
    WithJsonSchema(_text_schema(ID_PATTERN) | {"maxLength": MAX_ID_LENGTH}),
]
Text = Annotated[
    str,
    AfterValidator(_limited(200, _single_line)),
    WithJsonSchema(_text_schema() | {"maxLength": 200}),
]
Paragraph = Annotated[
    str,
    AfterValidator(_limited(3000, _paragraph)),
    WithJsonSchema(_text_schema() | {"maxLength": 3000}),
]
Email = Annotated[
    str,
    AfterValidator(_limited(254, _email)),
    WithJsonSchema(_text_schema(EMAIL_SCHEMA_PATTERN, "idn-email") | {"maxLength": 254}),
]
Phone = Annotated[str, AfterValidator(_phone), WithJsonSchema(_text_schema(PHONE_PATTERN))]
Postcode = Annotated[
    str,
    AfterValidator(
        _matching(POSTCODE_PATTERN, "keine gültige Postleitzahl; fünf Ziffern, z. B. „01067“")
    ),
    WithJsonSchema(_text_schema(POSTCODE_PATTERN)),
]
Day = Annotated[date, BeforeValidator(_date), WithJsonSchema(_text_schema(DATE_PATTERN, "date"))]
Url = Annotated[
    str,
    AfterValidator(_limited(500, _url)),
    WithJsonSchema(_text_schema("^https?://", "uri") | {"maxLength": 500}),
]
ClauseNumber = Annotated[
    str,
    AfterValidator(
        _matching(
            CLAUSE_NUMBER_PATTERN,
            "keine gültige Nummer; bitte eine ganze Zahl schreiben, z. B. „3“",
        )
    ),
    # A number by meaning: an editor's YAML 1.2 reads `3` as an integer, and that is right here.
    WithJsonSchema({"type": "integer", "minimum": 1, "maximum": 999}),
]
DayCount = Annotated[
    int,
    BeforeValidator(_day_count),
    WithJsonSchema({"type": "integer", "minimum": 1, "maximum": MAX_DAY_COUNT}),
]
Latitude = Annotated[
    float,
    BeforeValidator(_coordinate(47.0, 55.1, "Breitengrad")),
    WithJsonSchema({"type": "number", "minimum": 47.0, "maximum": 55.1}),
]
Longitude = Annotated[
    float,
    BeforeValidator(_coordinate(5.8, 15.1, "Längengrad")),
    WithJsonSchema({"type": "number", "minimum": 5.8, "maximum": 15.1}),
]
# Every field type, for the test that feeds each a too-long and a wrongly typed value.
FIELD_TYPES = {
    "Id": Id,
    "Text": Text,
    "Paragraph": Paragraph,
    "Email": Email,
    "Phone": Phone,
    "Postcode": Postcode,
    "Day": Day,
    "Url": Url,
    "ClauseNumber": ClauseNumber,
    "DayCount": DayCount,
    "Latitude": Latitude,
    "Longitude": Longitude,
}
