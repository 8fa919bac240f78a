"""The allowed values of the directory: partner kinds, scopes, network statuses, the Länder."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

PARTNER_KINDS = {
    "kammer": "Kammer",
    "verband": "Verband",
    "unfallversicherung": "Unfallversicherungsträger",
    "krankenversicherung": "Krankenversicherung",
    "forschung": "Forschungseinrichtung",
    "ministerium": "Ministerium oder Bundesbehörde",
    "arbeitsverwaltung": "Arbeitsverwaltung",
    "sozialpartner": "Sozialpartner",
    "beratung": "Beratungsnetzwerk",
    "sonstige": "Sonstige Einrichtung",
}


SCOPES = {"national": "bundesweit", "regional": "regional"}


NETWORK_STATUSES = {
    "initiative": "Initiative zum Musternetzwerk",
    "musternetzwerk": "Musternetzwerk",
    "pausiert": "pausiert",
}


STATES = {
    "BW": "Baden-Württemberg",
    "BY": "Bayern",
    "BE": "Berlin",
    "BB": "Brandenburg",
    "HB": "Bremen",
    "HH": "Hamburg",
    "HE": "Hessen",
    "MV": "Mecklenburg-Vorpommern",
    "NI": "Niedersachsen",
    "NW": "Nordrhein-Westfalen",
    "RP": "Rheinland-Pfalz",
    "SL": "Saarland",
    "SN": "Sachsen",
    "ST": "Sachsen-Anhalt",
    "SH": "Schleswig-Holstein",
    "TH": "Thüringen",
}


# mypy reads no Literal built from a table's keys; to it the choices are plain text
if TYPE_CHECKING:
    PartnerKind = str
    Scope = str
    NetworkStatus = str
    State = str
else:
    PartnerKind = Literal[tuple(PARTNER_KINDS)]
    Scope = Literal[tuple(SCOPES)]
    NetworkStatus = Literal[tuple(NETWORK_STATUSES)]
    State = Literal[tuple(STATES)]


def _state_list(value: object) -> object:
    # A single `states: NI` or an empty list: say how the list is written.
    if not isinstance(value, list) or not value:
        raise PydanticCustomError(
            "om_states", "muss eine Liste von Bundesländern sein, z. B. „states: [NI]“"
        )
    return value


def _distinct_states(value: list[str]) -> list[str]:
    doubled = sorted({state for state in value if value.count(state) > 1})
    if doubled:
        raise PydanticCustomError("om_states", "Bundesland doppelt genannt: " + ", ".join(doubled))
    return value


def _removed_state(value: object) -> None:
    example = value if isinstance(value, str) and value in STATES else "NI"
    raise PydanticCustomError(
        "om_state_removed",
        "das Feld „state“ heißt jetzt „states“ und ist "
        f"eine Liste: bitte „states: [{example}]“ schreiben; "
        "ein Netzwerk über mehrere Länder nennt alle, z. B. „states: [ST, NI, TH]“",
    )


States = Annotated[
    list[State],
    BeforeValidator(_state_list),
    Field(min_length=1),
    AfterValidator(_distinct_states),
]


def _presence_list(value: object) -> object:
    # `present_in: NI` instead of a list: say how the list is written (an empty list is allowed).
    if not isinstance(value, list):
        raise PydanticCustomError(
            "om_states", "muss eine Liste von Bundesländern sein, z. B. „present_in: [NI, HB]“"
        )
    return value


Presence = Annotated[list[State], BeforeValidator(_presence_list), AfterValidator(_distinct_states)]
# The old single field: never valid, out of the JSON Schema, so the editor gets the migration hint.
RemovedState = SkipJsonSchema[Annotated[None, BeforeValidator(_removed_state)]]
