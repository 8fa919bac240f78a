"""The records of partners.yaml and networks.yaml: the directory of partners and networks."""

from __future__ import annotations

from pydantic import Field

from generator.records.schema.base import Record
from generator.records.schema.networks import Network
from generator.records.schema.partners import Partner


class PartnersFile(Record):
    """The file data/partners.yaml."""

    partners: list[Partner] = Field(title="Partner", description="Alle Partnerinstitutionen.")


class NetworksFile(Record):
    """The file data/networks.yaml."""

    networks: list[Network] = Field(title="Netzwerke", description="Alle regionalen Netzwerke.")
