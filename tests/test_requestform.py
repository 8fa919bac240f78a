"""The procedure as tracked work: the issue form becomes a request entry; the weekly report lists what is due."""

from __future__ import annotations

import os

import pytest

from generator.records.requestform import FIELDS, FORM, parse_issue
from generator.records.validate import load_records

from .golden import sample_pages
from .support import DATA, ROOT, replace_in, run_cli
from .yaml12 import load_as_editor

TODAY = {"OM_TODAY": "2026-11-22"}


def _body(network: str = "Offensive Harzwirtschaft", partner: str = "BG ETEM", topic: str = "Elektrosicherheit") -> str:
    return (
        f"### Netzwerk\n\n{network}\n\n### Nationaler Partner\n\n{partner}\n\n### Thema\n\n{topic}\n\n"
        "### Datenschutz\n\n- [X] Ich habe keine Personendaten angegeben.\n"
    )


@pytest.fixture
def issue(tmp_path):
    def write(body: str) -> str:
        path = tmp_path / "issue.md"
        path.write_text(body, encoding="utf-8")
        return str(path)

    return write


def test_the_form_asks_for_the_fields_the_command_reads():
    form = load_as_editor(ROOT / ".github" / "ISSUE_TEMPLATE" / FORM)
    fields = {item["id"]: item["attributes"]["label"] for item in form["body"] if "id" in item}
    assert {key: fields[key] for key in FIELDS} == FIELDS
    required = {item["id"] for item in form["body"] if item.get("validations", {}).get("required")}
    assert {"network", "partner"} <= required


def test_answers_are_read_with_their_lines_and_no_response_is_empty():
    answers = parse_issue(_body(topic="_No response_"), "issue.md")
    assert (answers["network"].text, answers["network"].line) == ("Offensive Harzwirtschaft", 3)
    assert (answers["partner"].text, answers["partner"].line) == ("BG ETEM", 7)
    assert answers["topic"].text is None


def test_an_issue_becomes_an_entry_with_the_first_step_today(data_dir, issue):
    result = run_cli("request", issue(_body()), "--data", str(data_dir), env=TODAY)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "  - id: 2026-harz-bg-etem\n    network: harz\n    partner: bg-etem\n    topic: Elektrosicherheit\n"
        "    steps:\n      requested: 2026-11-22\n"
    )
    assert (data_dir / "requests.yaml").read_text(encoding="utf-8") == (DATA / "requests.yaml").read_text("utf-8")


def test_append_inserts_in_order_of_date_and_id_and_keeps_the_rest_of_the_file(data_dir, issue):
    replace_in(data_dir / "requests.yaml", "      requested: 2026-11-18", "      requested: 2026-11-22")
    before = (data_dir / "requests.yaml").read_text(encoding="utf-8")
    result = run_cli("request", issue(_body()), "--data", str(data_dir), "--append", "--issue-number", "7", env=TODAY)
    assert result.returncode == 0, result.stderr
    after = (data_dir / "requests.yaml").read_text(encoding="utf-8")
    entry = (
        "  - id: 2026-harz-bg-etem\n    network: harz\n    partner: bg-etem\n    topic: Elektrosicherheit\n"
        "    steps:\n      requested: 2026-11-22\n"
        '    note: "Eingegangen über das Formular „Ansprechperson anfragen“ (Issue #7)."\n\n'
    )
    # Asked the same day as 2026-mainz-wiesbaden-aok, whose id sorts after it: the new request goes before.
    later = before.index("  - id: 2026-mainz-wiesbaden-aok")
    assert after == before[:later] + entry + before[later:]
    line = before[:later].count("\n") + 1
    assert result.stdout == (
        f"Anfrage „2026-harz-bg-etem“ in {data_dir / 'requests.yaml'} eingefügt (ab Zeile {line}, nach Datum "
        "geordnet), Schritt „requested“ am 2026-11-22.\n"
    )
    request = load_records(data_dir).request_log.requests[8]
    assert (request.id, request.status, list(request.steps)) == ("2026-harz-bg-etem", "offen", ["requested"])


def test_a_request_asked_after_every_other_goes_to_the_end(data_dir, issue):
    result = run_cli("request", issue(_body()), "--data", str(data_dir), "--append", env=TODAY)
    assert result.returncode == 0, result.stderr
    text = (data_dir / "requests.yaml").read_text(encoding="utf-8")
    assert text.endswith(
        "      requested: 2026-11-18\n\n  - id: 2026-harz-bg-etem\n    network: harz\n"
        "    partner: bg-etem\n    topic: Elektrosicherheit\n    steps:\n      requested: 2026-11-22\n"
    )


@pytest.mark.parametrize(
    "body, message",
    [
        (
            _body(network="Offensive Harzwirtschft"),
            "issue.md:3: Netzwerk: unbekanntes Netzwerk „Offensive Harzwirtschft“ (Kennung oder Name aus "
            "networks.yaml); meinten Sie „harz“?",
        ),
        (
            _body(partner="HWK Hannover"),
            "issue.md:7: Nationaler Partner: „Handwerkskammer Hannover“ ist eine regionale Einrichtung; Anfragen "
            "richten sich an nationale Partnerinstitutionen (scope: national)",
        ),
        (
            _body(partner="zdh"),
            "issue.md:7: Nationaler Partner: für „harz“ und „zdh“ läuft schon die Anfrage „2026-harz-zdh“ "
            "(data/requests.yaml, Zeile 89)",
        ),
        (
            _body(network="hannover", partner="DGUV"),
            "issue.md:7: Nationaler Partner: „dguv“ hat für „hannover“ schon eine regionale Ansprechperson benannt "
            "(partners.yaml)",
        ),
        (
            _body(partner="BMAS"),
            "issue.md:7: Nationaler Partner: „Bundesministerium für Arbeit und Soziales“ hat die Offensive "
            "Mittelstand am 2026-06-30 verlassen (left_on)",
        ),
        (_body(network="_No response_"), "issue.md:3: Netzwerk: keine Angabe; bitte ausfüllen"),
        (
            "### Titel\n\nirgendwas\n",
            "issue.md:1: kein Issue des Formulars „Ansprechperson anfragen“: es fehlen „### Netzwerk“, "
            "„### Nationaler Partner“, „### Thema“",
        ),
    ],
    ids=["unknown-network", "regional-partner", "already-open", "already-named", "left", "empty", "not-the-form"],
)
def test_bad_answers_are_refused_in_german_and_nothing_is_written(data_dir, issue, body, message):
    path = issue(body)
    result = run_cli("request", path, "--data", str(data_dir), "--append", env=TODAY, cwd=data_dir.parent)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == message.replace("issue.md", _shown(path, data_dir), 1)
    assert result.stderr.splitlines()[-1].endswith("es wurde nichts geschrieben.")
    assert "Traceback" not in result.stderr
    assert (data_dir / "requests.yaml").read_text(encoding="utf-8") == (DATA / "requests.yaml").read_text("utf-8")


def _shown(path: str, data_dir) -> str:
    """The issue file as messages name it: relative to the working directory (the data folder's parent)."""
    return os.path.relpath(path, data_dir.parent)


def test_the_entry_is_checked_by_the_rules_of_check(data_dir, issue):
    result = run_cli(
        "request", issue(_body(topic="„Hannover“")), "--data", str(data_dir), "--append", env=TODAY, cwd=data_dir.parent
    )
    assert result.returncode == 1
    # The line the new entry would have: the candidate file is checked, the real one stays as it was.
    assert result.stderr.splitlines()[0].startswith(
        "data/requests.yaml:107: typografische Anführungszeichen um den Wert"
    )
    assert (data_dir / "requests.yaml").read_text(encoding="utf-8") == (DATA / "requests.yaml").read_text("utf-8")


def test_the_report_lists_overdue_requests_and_records_due_for_review(tmp_path):
    output = tmp_path / "github_output"
    env = {"OM_TODAY": "2026-11-22", "GITHUB_OUTPUT": str(output)}
    result = run_cli("report", "--data", str(DATA), "--max-age", "200", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[2] == "## Überfällige Anfragen (1)"
    assert (
        "| 2026-hannover-dgb | Musternetzwerk Hannover | Deutscher Gewerkschaftsbund | Benennung einer "
        "Ansprechperson in der Region | Nationaler OM-Partner | Ines Mustermannová, i.mustermannova&#64;example.org "
        "| 2026-09-03 | 80 |" in result.stdout
    )
    assert "## Zu prüfende Einträge (2)" in result.stdout
    assert "| AOK-Bundesverband | Partner | 2026-04-22 | 214 | data/partners.yaml, Zeile " in result.stdout
    assert output.read_text(encoding="utf-8") == "due=3\n"


def test_the_report_says_when_nothing_is_due(data_dir, tmp_path):
    replace_in(data_dir / "requests.yaml", "overdue_after_days: 30", "overdue_after_days: 365")
    output = tmp_path / "github_output"
    env = {"OM_TODAY": "2026-11-22", "GITHUB_OUTPUT": str(output)}
    result = run_cli("report", "--data", str(data_dir), "--max-age", "3650", env=env)
    assert "Keine Anfrage ist überfällig." in result.stdout and "Kein Eintrag ist fällig." in result.stdout
    assert output.read_text(encoding="utf-8") == "due=0\n"


def test_report_values_cannot_mention_anyone_or_break_the_table():
    from generator.pages.report import _text

    assert _text("@team | **fett** <b>") == "&#64;team &#124; &#42;&#42;fett&#42;&#42; &#60;b&#62;"


def _workflow(name: str) -> dict:
    return load_as_editor(ROOT / ".github" / "workflows" / name)


def test_the_issue_body_reaches_the_command_only_through_the_environment():
    text = (ROOT / ".github" / "workflows" / "anfrage.yml").read_text(encoding="utf-8")
    runs = [step.get("run", "") for step in _workflow("anfrage.yml")["jobs"]["eintragen"]["steps"]]
    assert all("${{" not in run for run in runs)
    assert "ISSUE_BODY: ${{ github.event.issue.body }}" in text


def test_the_weekly_report_is_posted_only_when_something_is_due():
    workflow = _workflow("bericht.yml")
    assert workflow["on"]["schedule"] == [{"cron": "0 6 * * 1"}]
    steps = workflow["jobs"]["bericht"]["steps"]
    post = next(step for step in steps if "gh issue create" in step.get("run", ""))
    assert post["if"] == "steps.bericht.outputs.due != '0'"
    assert any("generator report" in step.get("run", "") and step.get("id") == "bericht" for step in steps)


def test_the_internal_requests_page_shows_median_days_per_step_and_partner():
    page = sample_pages("intern")["intern/anfragen.md"]
    assert "| Benennung einer Ansprechperson in der Region | 26 | 5 |" in page
    assert "| Anfrage bis Weitergabe | 35 | 3 |" in page
    assert "| [Deutsche Gesetzliche Unfallversicherung](../partner/dguv.md) | 2 | 26 | 2 | 2 | 32 |" in page
