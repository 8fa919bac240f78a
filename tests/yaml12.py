"""Read a data file as an editor's YAML language server does (YAML 1.2 core schema), through our strict reader.

Our loader keeps every plain scalar as text; the editor reads `01067` as the number 1067 and
`52.37` as a float. Checking this view against the JSON Schema shows what an editor will flag.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.records.composer import compose
from generator.records.reader import read_text

INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
# .inf and .nan are left out: no field of ours could take them.
FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
NULL = {"null", "Null", "NULL", "~", ""}


def load_as_editor(file: Path) -> Any:
    """The values of a data file as YAML 1.2 (core schema) types them."""
    return compose(read_text(file), scalar=_value)


def _value(text: str, style: str | None) -> Any:
    if style is not None:  # quoted or block scalars are always text
        return text
    if text in NULL:
        return None
    if text in BOOL:
        return BOOL[text]
    if INT.match(text):
        return int(text, 0) if text.startswith(("0o", "0x")) else int(text)
    if FLOAT.match(text):
        return float(text)
    return text
