"""The data files as loaded, typed: as far as loaded for the rules, whole once they are valid."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from generator.records.document import Document
from generator.records.schema import (
    AgreementFile,
    AgreementVersion,
    LegalFile,
    Network,
    Partner,
    ProcessFile,
    Request,
    RequestsFile,
    Role,
    Step,
    TimelineStep,
)

_Item = TypeVar("_Item")
# Data file name → the file as read (lines, raw values): where every rule locates its problems.
Docs = Mapping[str, Document]


@dataclass(frozen=True)
class Loaded:
    """The lists of the data files that loaded; an invalid record stands as None in its place.

    A file that did not load (missing, unreadable, of the wrong shape) is not in `files`, and its
    lists are empty: the registry runs a rule only when every file the rule needs loaded, so no rule
    takes it for an empty file.
    """

    files: frozenset[str]
    partners: list[Partner | None]  # partners.yaml
    networks: list[Network | None]  # networks.yaml
    roles: list[Role | None]  # process.yaml
    steps: list[Step | None]  # process.yaml
    versions: list[AgreementVersion | None]  # agreement.yaml
    timeline: list[TimelineStep | None]  # agreement.yaml
    requests: list[Request | None]  # requests.yaml


def loaded_files(sections: Mapping[str, Mapping[str, object]]) -> Loaded:
    """The typed view of the sections validated so far (data file → section → value)."""

    def items(file: str, section: str, kind: type[_Item]) -> list[_Item | None]:
        value = sections.get(file, {}).get(section)
        return (
            [item if isinstance(item, kind) else None for item in value]
            if isinstance(value, list)
            else []
        )

    return Loaded(
        files=frozenset(sections),
        partners=items("partners.yaml", "partners", Partner),
        networks=items("networks.yaml", "networks", Network),
        roles=items("process.yaml", "roles", Role),
        steps=items("process.yaml", "steps", Step),
        versions=items("agreement.yaml", "versions", AgreementVersion),
        timeline=items("agreement.yaml", "timeline", TimelineStep),
        requests=items("requests.yaml", "requests", Request),
    )


@dataclass(frozen=True)
class Records:
    """The validated contents of all data files, one field per file, and each file as read."""

    partners: list[Partner]  # partners.yaml
    networks: list[Network]  # networks.yaml
    process: ProcessFile  # process.yaml
    agreement: AgreementFile  # agreement.yaml
    request_log: RequestsFile  # requests.yaml
    legal: LegalFile  # legal.yaml
    documents: dict[str, Document]

    def of_kind(self, kind: str) -> Sequence[Partner | Network]:
        """The records of a kind (`partner`, `network`) for code that treats both alike."""
        if kind == "partner":
            return self.partners
        if kind == "network":
            return self.networks
        raise ValueError(f"unknown kind of entry: {kind}")
