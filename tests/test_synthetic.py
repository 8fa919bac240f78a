"""The benchmark's synthetic data (scripts/synthetic.py) is valid data of the size asked for, the same every time."""

from __future__ import annotations

from generator.records.validate import load_records
from scripts.synthetic import Size, write_data

SMALL = Size(partners=60, national=8, networks=12, requests=80)


def test_synthetic_data_passes_the_check_with_the_size_asked_for(tmp_path):
    records = load_records(write_data(tmp_path / "data", SMALL))
    assert len(records.partners) == SMALL.partners
    assert sum(p.scope == "national" for p in records.partners) == SMALL.national
    assert len(records.networks) == SMALL.networks
    assert len(records.request_log.requests) == SMALL.requests
    assert any(p.regional_contacts for p in records.partners)
    assert any(n.agreement for n in records.networks)


def test_synthetic_data_is_deterministic(tmp_path):
    first, second = write_data(tmp_path / "a", SMALL), write_data(tmp_path / "b", SMALL)
    for name in ("partners.yaml", "networks.yaml", "requests.yaml"):
        assert (first / name).read_bytes() == (second / name).read_bytes()
