"""JSON Schema files of the data files: written to schemas/ for editors, published on the site."""

from __future__ import annotations

import json
import os
from pathlib import Path

from generator.addresses import SCHEMAS
from generator.files import write_if_changed
from generator.records.schema_docs import json_schemas, model_file

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_DIR = ROOT / "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_name(data_file: str) -> str:
    """partners.yaml → partners.schema.json"""
    return data_file.removesuffix(".yaml") + ".schema.json"


def modeline(data_file: str) -> str:
    """The first line of a data file: tells the YAML language server which schema checks it."""
    return f"# yaml-language-server: $schema=../schemas/{schema_name(data_file)}"


def schema_texts() -> dict[str, str]:
    """The text of every schema file, keyed by its file name; same models → same bytes."""
    texts = {}
    for data_file, schema in json_schemas().items():
        # Model docstrings are English notes for developers; editors see the German field texts.
        defs = {
            name: _without_description(model) for name, model in schema.get("$defs", {}).items()
        }
        document = _without_description(schema) | {
            "$schema": DIALECT,
            "title": f"data/{data_file}",
            "description": (
                f"Schema der Datei data/{data_file} (Offensive Mittelstand – Netzwerke und "
                f"Partner); erzeugt aus {model_file(data_file)} mit `python -m generator schemas`, "
                "nicht von Hand ändern."
            ),
        }
        if defs:
            document["$defs"] = defs
        texts[schema_name(data_file)] = (
            json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        )
    return texts


def _without_description(schema: dict) -> dict:
    return {key: value for key, value in schema.items() if key != "description"}


def write_schemas(folder: str | os.PathLike = SCHEMA_DIR) -> list[str]:
    """Bring the schema folder to exactly the generated files; return the names that changed."""
    folder = Path(folder)
    texts = schema_texts()
    changed = [
        name
        for name, text in sorted(texts.items())
        if write_if_changed(folder / name, text.encode("utf-8"))
    ]
    for stale in sorted(folder.glob("*.schema.json")):
        if stale.name not in texts:
            stale.unlink()
            changed.append(stale.name)
    return changed


def schema_pages(renderer, directory) -> dict[str, str]:
    """The schema files as published files of the site (page set)."""
    return {f"{SCHEMAS}/{name}": text for name, text in schema_texts().items()}
