"""Helpers for rules across records: ids as written, duplicate ids, unknown references."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from generator.german import did_you_mean
from generator.problems import Path, Problem
from generator.records.document import Document
from generator.records.fieldtypes import is_valid_id


def raw_ids(doc: Document, section: str) -> list[str]:
    """The ids as written, also of invalid records, so references to them still resolve."""
    cached = doc.cache.get(("raw_ids", section))
    if cached is None:
        items = doc.data.get(section) if isinstance(doc.data, dict) else None
        items = items if isinstance(items, list) else []
        cached = [_written_id(item) for item in items]
        doc.cache[("raw_ids", section)] = cached
    return list(cached)


def _written_id(item: object) -> str:
    """The id of a record as written, or "" where it has no id as text."""
    item_id = item.get("id") if isinstance(item, dict) else None
    return item_id if isinstance(item_id, str) else ""


def known_ids(doc: Document, section: str) -> set[str]:
    """Ids a reference may name: valid ones written, and those hidden by a duplicate key.

    An invalid id (`münchen`) is reported at its record; suggesting it elsewhere would
    spread the mistake.
    """
    return {
        item_id for item_id in (*raw_ids(doc, section), *doc.dropped_ids) if is_valid_id(item_id)
    }


def raw_members(doc: Document) -> dict[str, set[str]]:
    """Networks of each partner as written, so an invalid network fakes no missing membership."""
    members: dict[str, set[str]] = {}
    for item in doc.data.get("networks") or [] if isinstance(doc.data, dict) else []:
        if isinstance(item, dict) and isinstance(item.get("partners"), list):
            for partner_id in item["partners"]:
                if isinstance(partner_id, str):
                    members.setdefault(partner_id, set()).add(str(item.get("id")))
    return members


def unclear_memberships(doc: Document) -> set[str]:
    """Networks whose partner list is not a list: their members are unknown until it is fixed."""
    items = doc.data.get("networks") if isinstance(doc.data, dict) else None
    if not isinstance(items, list):
        return set()
    return {
        str(item.get("id"))
        for item in items
        if isinstance(item, dict) and not isinstance(item.get("partners", []), list)
    }


def duplicates(
    doc: Document,
    section: str | Path,
    ids: Iterable[str],
    what: str,
    key: str = "id",
    label: str = "Kennung",
) -> list[Problem]:
    """A problem for each value of `key` used twice in the list at `section` (key or path)."""
    base = (section,) if isinstance(section, str) else tuple(section)
    first: dict[str, int] = {}
    problems = []
    for i, item_id in enumerate(ids):
        if not item_id:
            continue
        if item_id in first:
            line = doc.line_of((*base, first[item_id]))
            message = f"{label} „{item_id}“ ist doppelt vergeben ({what} in Zeile {line})"
            problems.append(doc.problem((*base, i, key), message))
        else:
            first[item_id] = i
    return problems


def unknown(
    what: str, value: str, known: Iterable[str], file: str, unknown: str = "unbekannter"
) -> str:
    hint = did_you_mean(value, _valid_ids(tuple(known)))
    return f"{unknown} {what} „{value}“ (nicht in {file}){hint}"


@functools.lru_cache(maxsize=8)
def _valid_ids(known: tuple[str, ...]) -> list[str]:
    """The ids a suggestion may name, sorted; the same known ids serve all references of a rule."""
    return sorted({k for k in known if is_valid_id(k)})
