"""A build validates the data once: unchanged files give the last valid result, any change is validated again."""

from __future__ import annotations

import pytest

from generator.problems import DataInvalid
from generator.validate import load_records

from .support import copy_data, replace_in


def test_unchanged_data_is_validated_once_and_a_change_again(tmp_path, monkeypatch):
    data = copy_data(tmp_path / "data")
    first = load_records(data)
    assert load_records(data) is first
    replace_in(data / "partners.yaml", "name: Deutsche Gesetzliche Unfallversicherung", "name: DGUV Bund")
    changed = load_records(data)
    assert changed is not first and any(p.name == "DGUV Bund" for p in changed.partners)
    monkeypatch.setenv("OM_TODAY", "2026-11-30")  # another day may turn a recorded date into a future one
    assert load_records(data) is not changed


def test_broken_data_is_never_taken_from_the_cache(tmp_path):
    data = copy_data(tmp_path / "data")
    load_records(data)
    replace_in(data / "partners.yaml", "kind: unfallversicherung", "kind: raumfahrt")
    for _ in range(2):
        with pytest.raises(DataInvalid):
            load_records(data)
