"""`new … --append` writes the entry without teaching comments, and `check` points at every placeholder left."""

from __future__ import annotations

from generator.records.skeleton import unedited_warnings
from generator.records.validate import load_records

from .support import DATA, run_cli


def test_two_appended_partners_add_no_comment_lines(data_dir):
    file = data_dir / "partners.yaml"
    before = file.read_text(encoding="utf-8")
    for _ in range(2):
        assert run_cli("new", "partner", "--append", "--data", str(data_dir)).returncode == 0
    after = file.read_text(encoding="utf-8")
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert not [line for line in added if line.lstrip().startswith("#")]
    assert sum(1 for line in after.splitlines() if line.lstrip().startswith("#")) == sum(
        1 for line in before.splitlines() if line.lstrip().startswith("#")
    )
    assert "  - id: neuer-partner-2" in added


def test_check_flags_every_placeholder_of_a_new_network_at_its_line(data_dir):
    assert run_cli("new", "network", "--append", "--id", "celle", "--data", str(data_dir)).returncode == 0
    records = load_records(data_dir)
    warnings = sorted(w for w in unedited_warnings(records) if "(celle)" in w.path)
    fields = [w.path.split("(celle).", 1)[1] for w in warnings]
    assert fields == ["name", "region", "location", "contact.organisation", "contact.email", "contact.city"]
    assert all(w.warning for w in warnings)
    lines = (data_dir / "networks.yaml").read_text(encoding="utf-8").split("\n")
    location = next(w for w in warnings if w.path.endswith(".location"))
    assert lines[location.line - 1] == "    location:"
    assert "Kartenposition (Mitte Deutschlands)" in location.message
    assert "„states“ und „status“ prüfen" in warnings[0].message


def test_check_prints_the_placeholder_warnings_as_annotations(data_dir):
    assert run_cli("new", "network", "--append", "--id", "celle", "--data", str(data_dir)).returncode == 0
    result = run_cli("check", "--data", str(data_dir), env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 0
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::warning ")]
    assert any("contact.city" in line and "Ort bitte eintragen" in line for line in annotations)


def test_a_filled_in_network_is_not_flagged(data_dir):
    assert run_cli("new", "network", "--append", "--id", "celle", "--data", str(data_dir)).returncode == 0
    file = data_dir / "networks.yaml"
    text = file.read_text(encoding="utf-8")
    for old, new in [
        ("Neues Netzwerk celle (Name bitte eintragen)", "Netzwerk Celle"),
        ("Region bitte eintragen", "Landkreis Celle"),
        ("lat: 51.1634", "lat: 52.6226"),
        ("lon: 10.4477", "lon: 10.0805"),
        ("Kontaktstelle bitte eintragen", "Netzwerkbüro Celle"),
        ("kontakt@example.org", "celle@example.org"),
        ("Ort bitte eintragen", "Celle"),
    ]:
        text = text.replace(old, new)
    file.write_text(text, encoding="utf-8")
    assert [w for w in unedited_warnings(load_records(data_dir)) if "(celle)" in w.path] == []


def test_the_sample_networks_in_hannover_are_not_taken_for_placeholders():
    assert unedited_warnings(load_records(DATA)) == []
