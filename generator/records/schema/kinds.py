"""The kinds of record an editor adds or renames by command (`new`, `rename`), and where."""

from __future__ import annotations

from typing import NamedTuple


class Kind(NamedTuple):
    """A kind of entry: its data file, the list section in it, and the id a new skeleton carries."""

    file: str
    section: str
    placeholder: str


# Declared with the schema, so the rules (look-alike skeleton names) need not import the writer.
KINDS: dict[str, Kind] = {
    "partner": Kind(file="partners.yaml", section="partners", placeholder="neuer-partner"),
    "network": Kind(file="networks.yaml", section="networks", placeholder="neues-netzwerk"),
}
