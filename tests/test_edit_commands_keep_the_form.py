"""The commands that edit data as text (new --append, rename, request --append) keep files in the editing page's form.

The pull request check wants every data file as the editing page saves it (`format --check`); a file kept by hand,
with comments, stays as the command wrote it.
"""

from __future__ import annotations

import pytest

from .support import DATA, copy_data, run_cli

TODAY = {"OM_TODAY": "2026-11-22"}
REQUEST = (
    "### Netzwerk\n\nOffensive Harzwirtschaft\n\n### Nationaler Partner\n\nBG ETEM\n\n"
    "### Thema\n\nElektrosicherheit\n\n"
    "### Datenschutz\n\n- [X] Ich habe keine Personendaten angegeben.\n"
)


@pytest.fixture
def formatted(tmp_path):
    """A copy of the fixture data in the editing page's form, as the office's data/ is kept."""
    data = copy_data(tmp_path / "data")
    assert run_cli("format", "--data", str(data), env=TODAY).returncode == 0
    assert run_cli("format", "--check", "--data", str(data), env=TODAY).returncode == 0
    return data


@pytest.mark.parametrize(
    "command",
    [
        ("new", "partner", "--append", "--id", "neuer-partner", "--network", "owl"),
        ("new", "network", "--append", "--id", "neues-netzwerk"),
        ("rename", "network", "owl", "ostwestfalen-lippe"),
        ("rename", "partner", "vbg", "verwaltungs-bg"),
    ],
    ids=" ".join,
)
def test_an_edit_command_leaves_formatted_files_formatted(formatted, command):
    result = run_cli(*command, "--data", str(formatted), env=TODAY)
    assert result.returncode == 0, result.stderr
    check = run_cli("format", "--check", "--data", str(formatted), env=TODAY)
    assert check.returncode == 0, check.stderr


def test_a_request_appended_to_a_formatted_log_keeps_it_formatted(formatted, tmp_path):
    issue = tmp_path / "issue.md"
    issue.write_text(REQUEST, encoding="utf-8")
    result = run_cli("request", str(issue), "--append", "--data", str(formatted), env=TODAY)
    assert result.returncode == 0, result.stderr
    assert "2026-harz-bg-etem" in (formatted / "requests.yaml").read_text(encoding="utf-8")
    assert run_cli("format", "--check", "--data", str(formatted), env=TODAY).returncode == 0


def test_a_file_kept_by_hand_keeps_its_comments(tmp_path):
    data = copy_data(tmp_path / "data")
    comments = [line for line in (DATA / "networks.yaml").read_text(encoding="utf-8").splitlines() if "# " in line]
    assert comments
    assert run_cli("rename", "network", "owl", "ostwestfalen-lippe", "--data", str(data), env=TODAY).returncode == 0
    kept = (data / "networks.yaml").read_text(encoding="utf-8")
    assert all(line in kept for line in comments if "owl" not in line)
