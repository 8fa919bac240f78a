"""Where each record is written (file and line), for „Seite bearbeiten“ and the review list."""

from __future__ import annotations

from generator.records.loaded import Records
from generator.records.schema.kinds import KINDS


def record_sources(records: Records) -> dict[str, str]:
    """Where each partner and network is written: id → "data/FILE#LLINE" (ids unique per file)."""
    sources = {}
    # A partner's entry wins over a network's of the same id, as it always did
    for kind in ("network", "partner"):
        file, section, _ = KINDS[kind]
        for i, record in enumerate(records.of_kind(kind)):
            sources[record.id] = f"data/{file}#L{records.documents[file].line_of((section, i))}"
    return sources


def version_sources(records: Records) -> dict[str, str]:
    """Where each version of the agreement is written: version id → "data/agreement.yaml#LLINE"."""
    doc = records.documents["agreement.yaml"]
    versions = records.agreement.versions
    return {
        v.id: f"data/agreement.yaml#L{doc.line_of(('versions', i))}" for i, v in enumerate(versions)
    }
