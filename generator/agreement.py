"""The agreement as its pages show it: the version to sign, who signed what, and what changed between versions."""

from __future__ import annotations

import difflib
import itertools
from dataclasses import dataclass

from .model import NetworkEntry
from .schema import AgreementFile, AgreementVersion, Clause

# A text as runs of words: ("same" | "del" | "ins", words); templates escape the words and mark the runs.
Runs = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ClauseChange:
    """How one clause differs between two versions: added, removed or changed (title, number or text)."""

    kind: str
    old: Clause | None
    new: Clause | None
    text: Runs


@dataclass(frozen=True)
class VersionChanges:
    """The changes from one version to the next, clause by clause."""

    old: AgreementVersion
    new: AgreementVersion
    changes: tuple[ClauseChange, ...]
    unchanged: int


def version_to_sign(agreement: AgreementFile) -> AgreementVersion:
    """The newest adopted version, or the newest version while none is adopted."""
    adopted = [v for v in agreement.versions if v.status == "verabschiedet"]
    return (adopted or agreement.versions)[-1]


def signed_version(agreement: AgreementFile, network: NetworkEntry) -> AgreementVersion | None:
    """The version the network signed, if any."""
    if network.agreement is None:
        return None
    return next(v for v in agreement.versions if v.id == network.agreement.version_id)


def history(agreement: AgreementFile) -> tuple[VersionChanges, ...]:
    """The changes between each version and the one before it, newest first."""
    return tuple(reversed([compare(old, new) for old, new in itertools.pairwise(agreement.versions)]))


def compare(old: AgreementVersion, new: AgreementVersion) -> VersionChanges:
    """Match the clauses of two versions by id and describe every difference in the order of the new text."""
    before = {c.id: c for c in old.clauses}
    after = {c.id for c in new.clauses}
    changes: list[ClauseChange] = []
    unchanged = 0
    for clause in new.clauses:
        previous = before.get(clause.id)
        if previous is None:
            changes.append(ClauseChange("added", None, clause, (("ins", clause.text),)))
        elif (previous.number, previous.title, previous.text) != (clause.number, clause.title, clause.text):
            changes.append(ClauseChange("changed", previous, clause, word_diff(previous.text, clause.text)))
        else:
            unchanged += 1
    removed = [ClauseChange("removed", c, None, (("del", c.text),)) for c in old.clauses if c.id not in after]
    return VersionChanges(old, new, tuple(changes + removed), unchanged)


def word_diff(old: str, new: str) -> Runs:
    """The words of both texts in reading order, each run marked as kept, removed or added."""
    a, b = old.split(), new.split()
    runs: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            runs.append(("same", " ".join(b[j1:j2])))
        if op in ("delete", "replace"):
            runs.append(("del", " ".join(a[i1:i2])))
        if op in ("insert", "replace"):
            runs.append(("ins", " ".join(b[j1:j2])))
    return tuple(runs)
