"""The workflows of a data pull request and of publishing: what runs when, pinned and least-privileged, and the
shell steps that decide (which files changed, where to publish) run here as they run on GitHub."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from .support import ROOT
from .yaml12 import load_as_editor

WORKFLOWS = ROOT / ".github" / "workflows"
OURS = ("pruefen.yml", "veroeffentlichen.yml")


def _workflow(name: str) -> dict:
    return load_as_editor(WORKFLOWS / name)


def _step(workflow: str, job: str, name: str) -> dict:
    return next(step for step in _workflow(workflow)["jobs"][job]["steps"] if step.get("name") == name)


def _run_step(step: dict, cwd: Path, env: dict[str, str]) -> tuple[subprocess.CompletedProcess, dict[str, str]]:
    """Run a step's shell script as the runner does (bash -e), with its outputs read back from GITHUB_OUTPUT."""
    output = cwd / "github-output.txt"
    output.write_text("", encoding="utf-8")
    environment = {**os.environ, "GITHUB_OUTPUT": str(output), "RUNNER_TEMP": str(cwd), **env}
    done = subprocess.run(
        ["bash", "-e", "-c", step["run"]], cwd=cwd, env=environment, capture_output=True, text=True, check=False
    )
    lines = output.read_text(encoding="utf-8").splitlines()
    return done, dict(line.split("=", 1) for line in lines if "=" in line)


# --- „Prüfen“: the data verdict first, the tests only when more than data changed ---


def test_the_data_job_runs_for_every_change_and_the_tests_only_beyond_data():
    jobs = _workflow("pruefen.yml")["jobs"]
    assert "needs" not in jobs["daten"] and "if" not in jobs["daten"]
    assert jobs["tests"]["needs"] == "aenderungen"
    assert jobs["tests"]["if"] == "needs.aenderungen.outputs.code == 'true'"
    runs = [step.get("run", "") for step in jobs["daten"]["steps"]]
    assert "make check" in runs and "make data-walk" in runs
    assert not any("make test" in run for run in runs)


def _repository(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    (repo / "data" / "networks.yaml").write_text("networks: []\n", encoding="utf-8")
    (repo / "generator.py").write_text("", encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "base"], cwd=repo, check=True)
    return repo


def _commit(repo: Path, file: str) -> str:
    base = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True).stdout.strip()
    (repo / file).write_text("changed\n", encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "commit", "-qam", "change"], cwd=repo, check=True)
    return base


@pytest.mark.parametrize(
    ("file", "code"), [("data/networks.yaml", "false"), ("generator.py", "true")], ids=["data", "code"]
)
def test_the_change_detection_sends_only_code_changes_to_the_tests(tmp_path, file, code):
    repo = _repository(tmp_path)
    base = _commit(repo, file)
    done, outputs = _run_step(_step("pruefen.yml", "aenderungen", "Geänderte Dateien"), repo, {"BASE": base})
    assert done.returncode == 0, done.stderr
    assert outputs == {"code": code}


def test_a_change_whose_files_cannot_be_listed_runs_the_tests(tmp_path):
    repo = _repository(tmp_path)
    unknown = {"BASE": "0000000000000000000000000000000000000000"}  # a push that opens a branch
    done, outputs = _run_step(_step("pruefen.yml", "aenderungen", "Geänderte Dateien"), repo, unknown)
    assert done.returncode == 0, done.stderr
    assert outputs == {"code": "true"}


def test_previews_open_from_a_folder_and_the_summary_says_how_in_one_sentence():
    steps = _workflow("pruefen.yml")["jobs"]["daten"]["steps"]
    builds = [step["run"] for step in steps if "generator build" in step.get("run", "")]
    assert all("--offline" in run for run in builds)
    intern = next(step for step in steps if "--profile intern" in step.get("run", ""))
    assert intern["if"] == "github.event.repository.private == true"
    summary = next(step for step in steps if "GITHUB_STEP_SUMMARY" in step.get("run", ""))
    assert "herunterladen und entpacken, dann im entpackten Ordner die Datei" in summary["run"]
    assert "\\`index.html\\` doppelklicken" in summary["run"]
    assert "${{" not in summary["run"]


# --- both workflows: pinned actions, least privilege, no credentials left on disk ---


@pytest.mark.parametrize("name", OURS)
def test_actions_are_pinned_by_full_sha_with_their_version(name):
    text = (WORKFLOWS / name).read_text(encoding="utf-8")
    uses = re.findall(r"uses: (\S+)(.*)", text)
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r" # v\d+\.\d+\.\d+", comment), (action, comment)


@pytest.mark.parametrize("name", OURS)
def test_permissions_are_granted_per_job_only(name):
    data = _workflow(name)
    assert data["permissions"] == {}
    for job_name, job in data["jobs"].items():
        assert "permissions" in job, job_name
        granted = {scope for scope, level in job["permissions"].items() if level != "read"}
        assert granted <= ({"pages", "id-token"} if job_name == "veroeffentlichen" else set()), job_name
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


# --- „Veröffentlichen“: where to, read from a reviewed file, and the free-plan alternatives ---


def _read_target(tmp_path: Path, settings: str) -> tuple[subprocess.CompletedProcess, dict[str, str]]:
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "veroeffentlichen.env").write_text(settings, encoding="utf-8")
    return _run_step(_step("veroeffentlichen.yml", "bauen", "Ziel der Veröffentlichung lesen"), tmp_path, {})


def test_the_repository_publishes_on_github_pages_as_it_stands():
    settings = (ROOT / ".github" / "veroeffentlichen.env").read_text(encoding="utf-8")
    assert "\nZIEL=pages\n" in settings and "Pro, Team, Enterprise" in settings


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ("ZIEL=pages\n", {"ziel": "pages"}),
        ("ZIEL=repository\nZIEL_REPOSITORY=om/netzwerke-website\n", {"ziel": "repository"}),
        (
            "ZIEL=rsync\nSSH_ZIEL=om@web.example.org:/srv/www/\nSSH_HOSTKEY=web.example.org ssh-ed25519 AAAA\n",
            {"ziel": "rsync", "ssh-ziel": "om@web.example.org:/srv/www/"},
        ),
    ],
    ids=["pages", "repository", "rsync"],
)
def test_the_publishing_target_is_read_from_the_settings_file(tmp_path, settings, expected):
    done, outputs = _read_target(tmp_path, "# Kommentar mit ZIEL=rsync\n" + settings)
    assert done.returncode == 0, done.stderr
    assert expected.items() <= outputs.items()


@pytest.mark.parametrize(
    "settings",
    [
        "ZIEL=ftp\n",
        "ZIEL=repository\nZIEL_REPOSITORY=$(touch pwned)\n",
        "ZIEL=rsync\nSSH_ZIEL=om@web.example.org:/srv/www/\n",
        "ZIEL=rsync\nSSH_ZIEL=-oProxyCommand=touch:pwned/\nSSH_HOSTKEY=x\n",
    ],
    ids=["unknown", "injection", "no-hostkey", "ssh-option"],
)
def test_a_wrong_setting_stops_before_anything_is_published(tmp_path, settings):
    done, outputs = _read_target(tmp_path, settings)
    assert done.returncode != 0 and outputs == {}
    assert not (tmp_path / "pwned").exists()


def test_each_target_has_its_own_job_and_only_pages_gets_write_permissions():
    jobs = _workflow("veroeffentlichen.yml")["jobs"]
    conditions = {name: job.get("if") for name, job in jobs.items() if name != "bauen"}
    assert conditions == {
        "veroeffentlichen": "needs.bauen.outputs.ziel == 'pages'",
        "zweites-repository": "needs.bauen.outputs.ziel == 'repository'",
        "eigener-server": "needs.bauen.outputs.ziel == 'rsync'",
    }
    for name in ("zweites-repository", "eigener-server"):
        assert jobs[name]["permissions"] == {}
        script = jobs[name]["steps"][-1]["run"]
        assert "${{" not in script and "umask 077" in script and "StrictHostKeyChecking=yes" in script
        assert "ssh-keyscan" not in script  # no host key is trusted on first contact


def test_readme_and_guide_name_the_plan_pages_needs_and_the_free_alternative():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    guide = (ROOT / "generator" / "templates" / "guide.md.j2").read_text(encoding="utf-8")
    for text in (readme, guide):
        assert "Pro, Team oder Enterprise" in text
        assert "ZIEL=repository" in text and "ZIEL=rsync" in text


def test_make_data_check_is_the_data_job_on_the_live_data():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\ndata-check: check data-walk\n" in makefile
    walk = makefile.split("\ndata-walk:", 1)[1].split("\n\n", 1)[0]
    assert "-m pytest -q -m live" in walk
