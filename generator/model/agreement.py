"""The agreement as its pages show it: the version to sign, who signed what, what changed."""

from __future__ import annotations

import difflib
import itertools
import re
from dataclasses import dataclass
from typing import NamedTuple

from generator.model.directory import NetworkEntry
from generator.records.schema import AgreementFile, AgreementVersion, Clause

# A punctuation mark ending a word is a token of its own, so "OM." and "OM" share the word "OM".
_TRAILING = re.compile(r"(.*?)([.,;:!?…)\]“”\"]+)")


class Run(NamedTuple):
    """A run of words kept, removed or added ("same", "del", "ins"); `spaced`: space before it."""

    kind: str
    words: str
    spaced: bool


# A text as runs of words; templates escape the words and mark the runs.
Runs = tuple[Run, ...]


@dataclass(frozen=True)
class ClauseChange:
    """How a clause differs between versions: added, removed or changed (title, number, text)."""

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


def timeline_version(agreement: AgreementFile) -> AgreementVersion | None:
    """The version the timeline's adoption is about: newest dated on or before its first step."""
    steps = [step for step in agreement.timeline if step is not None]
    if not steps:
        return None
    earlier = [v for v in agreement.versions if v.date <= steps[0].date]
    return earlier[-1] if earlier else None


def signed_version(agreement: AgreementFile, network: NetworkEntry) -> AgreementVersion | None:
    """The version the network signed, if any."""
    if network.agreement is None:
        return None
    return next(v for v in agreement.versions if v.id == network.agreement.version_id)


def history(agreement: AgreementFile) -> tuple[VersionChanges, ...]:
    """The changes between each version and the one before it, newest first."""
    return tuple(
        reversed([compare(old, new) for old, new in itertools.pairwise(agreement.versions)])
    )


def compare(old: AgreementVersion, new: AgreementVersion) -> VersionChanges:
    """Match two versions' clauses by id; describe every difference in the order of the new text."""
    before = {c.id: c for c in old.clauses}
    after = {c.id for c in new.clauses}
    changes: list[ClauseChange] = []
    unchanged = 0
    for clause in new.clauses:
        previous = before.get(clause.id)
        if previous is None:
            changes.append(
                ClauseChange(kind="added", old=None, new=clause, text=_whole("ins", clause))
            )
        elif (previous.number, previous.title, previous.text) != (
            clause.number,
            clause.title,
            clause.text,
        ):
            text = word_diff(previous.text, clause.text)
            changes.append(ClauseChange(kind="changed", old=previous, new=clause, text=text))
        else:
            unchanged += 1
    removed = [
        ClauseChange(kind="removed", old=clause, new=None, text=_whole("del", clause))
        for clause in old.clauses
        if clause.id not in after
    ]
    return VersionChanges(old=old, new=new, changes=tuple(changes + removed), unchanged=unchanged)


def _whole(kind: str, clause: Clause) -> Runs:
    """A clause's text as one run: all of it added, or all of it removed."""
    return (Run(kind=kind, words=clause.text, spaced=False),)


def word_diff(old: str, new: str) -> Runs:
    """The words of both texts in reading order, each run marked as kept, removed or added."""
    a, b = _tokens(old), _tokens(new)
    matcher = difflib.SequenceMatcher(a=[w for w, _ in a], b=[w for w, _ in b], autojunk=False)
    runs: list[Run] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(_run("same", b[j1:j2]))
        if op in ("delete", "replace"):
            runs.append(_run("del", a[i1:i2]))
        if op in ("insert", "replace"):
            runs.append(_run("ins", b[j1:j2]))
    return tuple(runs)


def _tokens(text: str) -> list[tuple[str, bool]]:
    """The words and trailing punctuation marks of a text, each with whether a space precedes it."""
    tokens = []
    for word in text.split():
        match = _TRAILING.fullmatch(word)
        if match and match[1]:
            tokens += [(match[1], True), *((mark, False) for mark in match[2])]
        else:
            tokens.append((word, True))
    return tokens


def _run(kind: str, tokens: list[tuple[str, bool]]) -> Run:
    words = tokens[0][0] + "".join((" " if spaced else "") + word for word, spaced in tokens[1:])
    return Run(kind=kind, words=words, spaced=tokens[0][1])
