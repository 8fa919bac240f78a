"""Where each record is written (file and line), for „Seite bearbeiten“ and the review list."""

from __future__ import annotations

from generator.records.validate import Records


def record_sources(records: Records) -> dict[str, str]:
    """Where each partner and network is written: id → "data/FILE#LLINE" (ids are unique per file)."""
    sources = {}
    for file, section in (("networks.yaml", "networks"), ("partners.yaml", "partners")):
        for i, record in enumerate(records.sections[file][section]):
            sources[record.id] = f"data/{file}#L{records.documents[file].line_of((section, i))}"
    return sources


def version_sources(records: Records) -> dict[str, str]:
    """Where each version of the agreement is written: version id → "data/agreement.yaml#LLINE"."""
    doc = records.documents["agreement.yaml"]
    versions = records.sections["agreement.yaml"]["versions"]
    return {v.id: f"data/agreement.yaml#L{doc.line_of(('versions', i))}" for i, v in enumerate(versions)}
