"""History per record: the internal pages show when a record last changed and its last changes, from git."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.model.directory import build_directory
from generator.pages.render import render_pages
from generator.pipeline import generate
from generator.records.history import FILES, NO_GIT, SHALLOW, data_history, replay
from generator.records.validate import load_records
from generator.settings import Profile

from .support import DATA, ROOT, replace_in
from .yaml12 import load_as_editor


def _git(repo: Path, *args: str, day: str | None = None) -> str:
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Redaktion (Beispiel)",
        "GIT_AUTHOR_EMAIL": "redaktion@example.org",
        "GIT_COMMITTER_NAME": "Redaktion (Beispiel)",
        "GIT_COMMITTER_EMAIL": "redaktion@example.org",
    }
    if day:
        env |= {"GIT_AUTHOR_DATE": f"{day}T10:00:00+01:00", "GIT_COMMITTER_DATE": f"{day}T10:00:00+01:00"}
    result = subprocess.run(["git", "-C", str(repo), *args], env=env, capture_output=True, text=True, check=True)
    return result.stdout


def _commit(repo: Path, subject: str, day: str, *body: str) -> None:
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", subject, *(part for line in body for part in ("-m", line)), day=day)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """A repository of the fixture data with a small history: edits, a merged pull request, a removed record."""
    root = tmp_path_factory.mktemp("history")
    _git(root, "init", "-q", "-b", "main")
    shutil.copytree(DATA, root / "data")
    data = root / "data"
    _commit(root, "Daten angelegt", "2026-01-05")
    replace_in(data / "partners.yaml", "    verified_on: 2026-10-01", "    verified_on: 2026-10-02")
    _commit(root, "DGUV geprüft", "2026-02-01")
    _git(root, "checkout", "-q", "-b", "zdh")
    replace_in(data / "partners.yaml", "    short_name: ZDH\n", "    short_name: ZDH e. V.\n")
    _commit(root, "Kurzname", "2026-03-01")
    _git(root, "checkout", "-q", "main")
    replace_in(data / "networks.yaml", "      city: Wernigerode", "      city: Wernigerode (Harz)")
    _commit(root, "Harz: <script>alert(1)</script> *Ort* ergänzt", "2026-03-02")
    _git(
        root,
        "merge",
        "-q",
        "--no-ff",
        "zdh",
        "-m",
        "Merge pull request #3 from om/zdh",
        "-m",
        "Kurzname des ZDH",
        day="2026-03-03",
    )
    text = (data / "partners.yaml").read_text(encoding="utf-8")
    start = text.index("  - id: bmas\n")
    (data / "partners.yaml").write_text(text[:start] + text[text.index("  - id: ifaa\n") :], encoding="utf-8")
    _commit(root, "BMAS entfernt", "2026-04-01")
    return root


def _subjects(repo, history, file, record_id):
    """(day, subject) of a record's changes, the subject read from git: pages show only day and commit."""
    return [(c.day.isoformat(), _subject(repo, c.commit)) for c in history.of(file, record_id).changes]


def _subject(repo: Path, commit: str) -> str:
    """A commit's subject, or for a merge the first line of its body (GitHub's pull request title)."""
    body = _git(repo, "log", "-1", "--format=%b", commit).strip()
    return (
        body.splitlines()[0]
        if _git(repo, "log", "-1", "--format=%P", commit).count(" ")
        else _git(repo, "log", "-1", "--format=%s", commit).strip()
    )


def test_each_record_gets_the_commits_that_changed_its_lines(repo):
    history = data_history(repo / "data")
    assert _subjects(repo, history, "partners.yaml", "dguv") == [
        ("2026-02-01", "DGUV geprüft"),
        ("2026-01-05", "Daten angelegt"),
    ]
    assert _subjects(repo, history, "networks.yaml", "harz")[0] == (
        "2026-03-02",
        "Harz: <script>alert(1)</script> *Ort* ergänzt",
    )
    assert _subjects(repo, history, "partners.yaml", "vbg") == [("2026-01-05", "Daten angelegt")]
    # Removing a record is a change of that record, not of its neighbours.
    assert _subjects(repo, history, "partners.yaml", "bmas")[0] == ("2026-04-01", "BMAS entfernt")
    assert _subjects(repo, history, "partners.yaml", "baua") == [("2026-01-05", "Daten angelegt")]


def test_a_merged_pull_request_is_one_change_named_by_its_title(repo):
    history = data_history(repo / "data")
    assert _subjects(repo, history, "partners.yaml", "zdh") == [
        ("2026-03-03", "Kurzname des ZDH"),
        ("2026-01-05", "Daten angelegt"),
    ]


def test_replaying_the_log_gives_the_files_as_committed(repo):
    paths = tuple(f"data/{name}" for name in FILES)
    log = _git(
        repo,
        "log",
        "--first-parent",
        "--diff-merges=first-parent",
        "--reverse",
        "-p",
        "-U0",
        "--no-renames",
        "-z",
        "--format=%x00%H%x1f%as",
        "HEAD",
        "--",
        *paths,
    )
    state: dict[str, list[str]] = {}
    commits = list(replay(log, dict(zip(paths, FILES, strict=True)), state))
    assert _subject(repo, [sha for sha, _, _ in commits][-1]) == "BMAS entfernt"
    for path in paths:
        assert state[path] == (repo / path).read_text(encoding="utf-8").splitlines()


def test_the_internal_page_shows_the_last_change_by_day_and_commit_never_by_subject(repo):
    history = data_history(repo / "data")
    pages = render_pages(build_directory(load_records(repo / "data"), Profile.INTERN, history))
    section = pages["netzwerke/harz.md"].split("## Änderungen { data-search-exclude }")[1]
    assert "Zuletzt geändert am 2&#46; März 2026:" in section
    assert "script" not in section and "Ort" not in section and "Daten angelegt" not in section
    assert re.search(
        r"- 5&#46; Januar 2026: Commit \[[0-9a-f]{8}\]\(https://github\.com/[^/]+/[^/]+/commit/[0-9a-f]{40}\)", section
    )
    public = render_pages(build_directory(load_records(repo / "data"), Profile.PUBLIC, history))
    assert "## Änderungen" not in public["netzwerke/harz.md"]


def test_only_the_last_five_changes_are_listed(repo, tmp_path):
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", str(repo), str(clone))
    for number in range(6):
        replace_in(clone / "data" / "partners.yaml", "    short_name: VBG\n", f"    short_name: VBG{number}\n")
        _commit(clone, f"VBG {number}", f"2026-05-0{number + 1}")
        replace_in(clone / "data" / "partners.yaml", f"    short_name: VBG{number}\n", "    short_name: VBG\n")
    vbg = data_history(clone / "data").of("partners.yaml", "vbg")
    assert vbg.count == 7 and [_subject(clone, c.commit) for c in vbg.changes] == [f"VBG {n}" for n in (5, 4, 3, 2, 1)]


def test_outside_git_nothing_is_known_and_the_page_says_so(data_dir, tmp_path):
    assert data_history(data_dir).reason == NO_GIT
    generate(data_dir, tmp_path / "docs", Profile.INTERN)
    page = (tmp_path / "docs" / "partner" / "dguv.md").read_text(encoding="utf-8")
    assert page.rstrip().endswith(NO_GIT)


def test_a_shallow_clone_says_its_history_is_incomplete(repo, tmp_path):
    clone = tmp_path / "shallow"
    _git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    assert data_history(clone / "data").reason == SHALLOW


def test_same_history_same_pages(repo):
    records = load_records(repo / "data")
    first = render_pages(build_directory(records, Profile.INTERN, data_history(repo / "data")))
    second = render_pages(build_directory(records, Profile.INTERN, data_history(repo / "data")))
    assert first == second


def test_the_ci_checkout_fetches_the_whole_history():
    steps = load_as_editor(ROOT / ".github" / "workflows" / "pruefen.yml")["jobs"]["daten"]["steps"]
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
