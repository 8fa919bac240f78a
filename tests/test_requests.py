"""The request log enforces the contact procedure: one test per rule, each pinning the exact German message."""

from __future__ import annotations

import re
from datetime import date

import pytest

from generator.model.directory import build_directory
from generator.model.requests import request_log, status_board
from generator.pages.render import render_pages
from generator.records.validate import check_data, load_records

from .support import DATA, replace_in

DECISION = "laut Beschluss gibt die Koordinierungsstelle die Kontaktdaten erst weiter, wenn die Person informiert ist"


@pytest.fixture
def log_editor(data_dir, monkeypatch):
    """Edit a data file, then list its problems as `check` prints them; `{line}` stands for a line named by text."""
    monkeypatch.chdir(data_dir.parent)

    def problems_after(old: str, new: str, file: str = "requests.yaml", at: str | None = None) -> list[str]:
        replace_in(data_dir / file, old, new)
        text = (data_dir / file).read_text(encoding="utf-8")
        line = text[: text.index(at or new.strip() or old)].count("\n") + 1
        return [str(p).replace(f":{line}: ", ":{line}: ", 1) for p in check_data("data") if p.file.endswith(file)]

    return problems_after


def test_sample_request_log_is_valid(data_dir):
    assert check_data(data_dir) == []


def test_unknown_network(log_editor):
    assert log_editor("network: harz\n    partner: zdh", "network: harzz\n    partner: zdh", at="harzz") == [
        "data/requests.yaml:{line}: requests[7] (2026-harz-zdh).network: "
        "unbekanntes Netzwerk „harzz“ (nicht in networks.yaml); meinten Sie „harz“?"
    ]


def test_unknown_partner(log_editor):
    assert log_editor("partner: aok", "partner: aokk") == [
        "data/requests.yaml:{line}: requests[8] (2026-mainz-wiesbaden-aok).partner: "
        "unbekannter Partner „aokk“ (nicht in partners.yaml); meinten Sie „aok“?"
    ]


def test_request_goes_to_a_national_partner(log_editor):
    assert log_editor("partner: aok", "partner: hwk-rheinhessen") == [
        "data/requests.yaml:{line}: requests[8] (2026-mainz-wiesbaden-aok).partner: „hwk-rheinhessen“ ist eine "
        "regionale Einrichtung; "
        "Anfragen richten sich an nationale Partnerinstitutionen (scope: national)"
    ]


def test_unknown_step(log_editor):
    assert log_editor("requested: 2026-11-18", "requestd: 2026-11-18") == [
        "data/requests.yaml:{line}: requests[8] (2026-mainz-wiesbaden-aok).steps.requestd: unbekannter Schritt "
        "„requestd“; erfasst werden: "
        "requested, liaison-asked, person-named, person-informed, contact-passed; meinten Sie „requested“?"
    ]


def test_request_needs_its_first_step(log_editor):
    assert log_editor("    steps:\n      requested: 2026-11-18\n", "    steps: {}\n") == [
        "data/requests.yaml:{line}: requests[8] (2026-mainz-wiesbaden-aok).steps: "
        "die Anfrage braucht mindestens das Datum des ersten Schritts „requested“"
    ]


def test_steps_follow_the_order_of_the_procedure(log_editor):
    problems = log_editor("      requested: 2026-11-10\n", "", at="      liaison-asked: 2026-11-12")
    assert problems == [
        "data/requests.yaml:{line}: requests[7] (2026-harz-zdh).steps.liaison-asked: Schritt „liaison-asked“ hat ein "
        "Datum, "
        "aber der vorherige Schritt „requested“ (Bitte an die Koordinierungsstelle) fehlt; "
        "die Schritte folgen der Reihenfolge des Verfahrens"
    ]


def test_step_dates_do_not_go_back(log_editor):
    assert log_editor("liaison-asked: 2026-11-12", "liaison-asked: 2026-11-08") == [
        "data/requests.yaml:{line}: requests[7] (2026-harz-zdh).steps.liaison-asked: Datum 2026-11-08 liegt vor dem "
        "vorherigen "
        "Schritt „requested“ (2026-11-10); die Daten der Schritte dürfen nicht zurückgehen"
    ]


def test_partner_is_asked_only_when_it_has_a_national_liaison(log_editor):
    problems = log_editor("partner: zdh", "partner: baua", at="liaison-asked: 2026-11-12")
    assert problems == [
        "data/requests.yaml:{line}: requests[7] (2026-harz-zdh).steps.liaison-asked: „baua“ hat keine nationale "
        "Ansprechperson "
        "(partners.yaml, liaison); die Koordinierungsstelle kann erst nachfragen, wenn der Partner eine benannt hat"
    ]


def test_named_person_must_exist(log_editor):
    assert log_editor("person: dguv-hannover", "person: dguv-hanover") == [
        "data/requests.yaml:{line}: requests[0] (2021-hannover-dguv).person: unbekannte Ansprechperson „dguv-hanover“ "
        "(nicht in partners.yaml unter regional_contacts); meinten Sie „dguv-hannover“?"
    ]


def test_named_person_belongs_to_the_asked_partner(log_editor):
    assert log_editor("person: dguv-hannover", "person: vbg-owl") == [
        "data/requests.yaml:{line}: requests[0] (2021-hannover-dguv).person: "
        "Ansprechperson „vbg-owl“ gehört zu „vbg“, nicht zum angefragten Partner „dguv“"
    ]


def test_named_person_is_named_for_the_asking_network(log_editor):
    problems = log_editor("network: hannover\n    partner: dguv", "network: harz\n    partner: dguv", at="person: dguv")
    assert problems == [
        "data/requests.yaml:{line}: requests[0] (2021-hannover-dguv).person: "
        "Ansprechperson „dguv-hannover“ ist für das Netzwerk „hannover“ benannt, nicht für „harz“"
    ]


def test_an_invalid_partner_record_hides_no_person_behind_a_false_error(data_dir, monkeypatch):
    monkeypatch.chdir(data_dir.parent)
    replace_in(data_dir / "partners.yaml", "email: c.beispielmann@example.org", "email: max@")
    assert [p.file for p in check_data("data")] == ["data/partners.yaml"]


def test_person_only_after_the_partner_named_one(log_editor):
    problems = log_editor(
        "      requested: 2026-11-18\n",
        "      requested: 2026-11-18\n    person: dguv-harz\n",
        at="    person: dguv-harz\n",
    )
    assert problems == [
        "data/requests.yaml:{line}: requests[8] (2026-mainz-wiesbaden-aok).person: "
        "Ansprechperson eingetragen, aber der Schritt „person-named“ hat kein Datum"
    ]


def test_contact_data_not_passed_before_the_person_is_informed(log_editor):
    problems = log_editor("      person-informed: 2021-10-06\n", "", at="      contact-passed: 2021-10-08")
    assert problems == [
        "data/requests.yaml:{line}: requests[0] (2021-hannover-dguv).steps.contact-passed: Kontaktdaten "
        "weitergegeben, aber die benannte "
        f"Person ist nicht informiert (Schritt „person-informed“ fehlt); {DECISION}"
    ]


def test_contact_data_not_passed_on_a_day_before_the_person_was_informed(log_editor):
    assert log_editor("contact-passed: 2021-10-08", "contact-passed: 2021-10-05") == [
        "data/requests.yaml:{line}: requests[0] (2021-hannover-dguv).steps.contact-passed: Kontaktdaten am "
        "2021-10-05 weitergegeben, "
        f"aber die Person erst am 2021-10-06 informiert; {DECISION}"
    ]


def test_closed_request_names_a_person(log_editor):
    assert log_editor("    person: dguv-hannover\n", "", at="status: erledigt") == [
        "data/requests.yaml:{line}: requests[0] (2021-hannover-dguv).status: "
        "eine erledigte Anfrage muss die benannte Ansprechperson nennen (person: Kennung aus partners.yaml)"
    ]


def test_closed_request_has_every_step(log_editor):
    problems = log_editor(
        "      contact-passed: 2022-05-09\n", "", at="status: erledigt\n    steps:\n      requested: 2022-04"
    )
    assert problems == [
        "data/requests.yaml:{line}: requests[3] (2022-muenchen-dihk).status: Status „erledigt“ setzt voraus, dass "
        "alle Schritte ein "
        "Datum haben; es fehlt „contact-passed“ (Weitergabe der Kontaktdaten)"
    ]


def test_open_request_with_every_step_must_be_closed(log_editor):
    problems = log_editor(
        "      person-informed: 2026-11-19\n",
        "      person-informed: 2026-11-19\n      contact-passed: 2026-11-20\n",
        at="  - id: 2026-dresden-ba",
    )
    assert problems == [
        "data/requests.yaml:{line}: requests[6] (2026-dresden-ba).status: alle Schritte haben ein Datum; bitte "
        "„status: erledigt“ setzen"
    ]


def test_request_ids_are_unique(log_editor):
    problems = log_editor("id: 2026-mainz-wiesbaden-aok", "id: 2026-harz-zdh", at="id: 2026-harz-zdh\n    network: m")
    first = (DATA / "requests.yaml").read_text(encoding="utf-8").split("\n").index("  - id: 2026-harz-zdh") + 1
    assert problems == [
        f"data/requests.yaml:{{line}}: requests[8] (2026-harz-zdh).id: Kennung „2026-harz-zdh“ ist doppelt vergeben "
        f"(Anfrage in Zeile {first})"
    ]


def test_bad_step_date_gets_the_date_message(log_editor):
    assert log_editor("requested: 2026-11-18", "requested: 18.11.2026") == [
        "data/requests.yaml:{line}: requests[8] (2026-mainz-wiesbaden-aok).steps.requested: "
        'kein gültiges Datum; bitte JJJJ-MM-TT schreiben, z. B. „2021-06-21“ ("18.11.2026")'
    ]


def test_unknown_status(log_editor):
    assert log_editor("status: eingestellt", "status: beendet") == [
        'data/requests.yaml:{line}: requests[2] (2022-owl-bg-etem).status: unbekannter Wert ("beendet"); '
        "erlaubt: offen, erledigt, eingestellt"
    ]


def test_overdue_days_must_be_a_small_whole_number(log_editor):
    assert log_editor("overdue_after_days: 30", "overdue_after_days: 0") == [
        "data/requests.yaml:{line}: overdue_after_days: "
        'keine gültige Anzahl Tage; bitte eine ganze Zahl von 1 bis 365 schreiben ("0")'
    ]


def test_rules_name_the_steps_they_need_when_process_lacks_one(log_editor):
    problems = log_editor("  - id: person-informed\n", "  - id: person-told\n", file="process.yaml")
    assert any(
        p.endswith(
            "steps: Schritt „person-informed“ fehlt oder hat kein „logged: true“; "
            "die Regeln des Anfragen-Protokolls (requests.yaml) beziehen sich auf ihn"
        )
        for p in problems
    )


def test_step_order_comes_from_process_yaml(data_dir, monkeypatch):
    """Swapping two logged steps in process.yaml changes what the rules expect; no order is hard-coded."""
    monkeypatch.chdir(data_dir.parent)
    process = data_dir / "process.yaml"
    text = process.read_text(encoding="utf-8")
    requested = text[text.index("  - id: requested\n") : text.index("  - id: liaison-asked\n")]
    asked = text[text.index("  - id: liaison-asked\n") : text.index("  - id: person-named\n")]
    process.write_text(text.replace(requested + asked, asked + requested), encoding="utf-8")
    messages = [str(p) for p in check_data("data")]
    assert any(
        "requests[7] (2026-harz-zdh).steps.requested: Datum 2026-11-10 liegt vor dem vorherigen Schritt "
        "„liaison-asked“ "
        "(2026-11-12)" in m
        for m in messages
    )


# --- the status board (internal) ---


def test_status_board_lists_open_requests_with_next_step_and_waiting_time():
    board = status_board(request_log(load_records(DATA)), date(2026, 11, 22))
    rows = [
        (r.request.id, r.request.next_step.id, r.request.since.isoformat(), r.waiting_days, r.overdue) for r in board
    ]
    assert rows == [
        ("2026-hannover-dgb", "person-named", "2026-09-03", 80, True),
        ("2026-muenchen-rkw", "person-informed", "2026-11-09", 13, False),
        ("2026-harz-zdh", "person-named", "2026-11-12", 10, False),
        ("2026-mainz-wiesbaden-aok", "liaison-asked", "2026-11-18", 4, False),
        ("2026-dresden-ba", "contact-passed", "2026-11-19", 3, False),
    ]


def test_overdue_follows_the_configured_days(data_dir):
    replace_in(data_dir / "requests.yaml", "overdue_after_days: 30", "overdue_after_days: 9")
    board = status_board(request_log(load_records(data_dir)), date(2026, 11, 22))
    assert [r.request.id for r in board if r.overdue] == ["2026-hannover-dgb", "2026-muenchen-rkw", "2026-harz-zdh"]


def _pages(profile: str, today: str, monkeypatch) -> dict[str, str]:
    monkeypatch.setenv("OM_TODAY", today)
    return render_pages(build_directory(load_records(DATA), profile))


def test_internal_status_board_page(monkeypatch):
    page = _pages("intern", "2026-11-22", monkeypatch)["intern/anfragen.md"]
    assert "Stand: 22&#46; November 2026." in page
    assert "| 80 (überfällig)" in page.replace("**", "")
    assert "### Musternetzwerk Hannover" in page and "### Deutscher Gewerkschaftsbund" in page
    assert "- **Offen:** 5, davon überfällig: 1" in page


def test_status_board_names_partner_and_roles_without_declining_names(monkeypatch):
    page = _pages("intern", "2026-11-22", monkeypatch)["intern/anfragen.md"]
    assert (
        "Musternetzwerk Hannover bittet um eine regionale Ansprechperson (Partner: Deutscher Gewerkschaftsbund) "
        "zum Thema „Arbeitsgestaltung und Mitbestimmung in kleinen Betrieben“."
    ) in page
    assert "- Nachfrage beim nationalen Partner (OM-Koordinierungsstelle): 3&#46; September 2026" in page
    assert "(OM-Geschäftsstelle))" not in page


def test_status_board_and_review_list_are_only_internal(monkeypatch):
    public = _pages("public", "2026-11-22", monkeypatch)
    assert not any(path.startswith("intern/") for path in public)
    assert not any("2026-hannover-dgb" in text for text in public.values() if isinstance(text, str))


def test_public_pages_do_not_depend_on_today(monkeypatch):
    assert _pages("public", "2026-11-22", monkeypatch) == _pages("public", "2031-12-31", monkeypatch)


def test_internal_pages_are_reproducible_for_a_given_today(monkeypatch):
    assert _pages("intern", "2026-11-22", monkeypatch) == _pages("intern", "2026-11-22", monkeypatch)


def test_internal_site_has_the_status_board_in_its_navigation(intern_site, public_site):
    page = (intern_site / "intern" / "anfragen" / "index.html").read_text(encoding="utf-8")
    assert "Anfragen: Status" in page and "Einträge prüfen" in page
    assert not (public_site / "intern").exists()
    assert "intern/anfragen" not in (public_site / "index.html").read_text(encoding="utf-8")


# --- the public gaps per network and the one public route to a contact ---


def _gaps(page: str, network: str) -> str:
    return next(line for line in page.splitlines() if line.startswith(f"- [{network}]"))


def test_coverage_lists_per_network_the_national_partners_without_a_regional_contact(monkeypatch):
    page = _pages("public", "2026-11-22", monkeypatch)["ansprechpersonen/index.md"]
    line = _gaps(page, "Musternetzwerk Hannover")
    assert "benannt bei 1 von 4 nationalen Partnern. **Noch offen:** [DGB](../partner/dgb.md), [VBG]" in line
    assert "[DGUV]" not in line and "[BA]" not in line  # DGUV has named one; BA takes no part
    assert "angefragt" not in page


def test_internal_coverage_marks_running_requests(monkeypatch):
    page = _pages("intern", "2026-11-22", monkeypatch)["ansprechpersonen/index.md"]
    assert "[DGB](../partner/dgb.md) (angefragt)" in _gaps(page, "Musternetzwerk Hannover")


def test_coverage_matrix_names_no_person(monkeypatch):
    records = load_records(DATA)
    names = {c.name for p in records.partners for c in p.regional_contacts}
    names |= {c.email for p in records.partners for c in p.regional_contacts}
    for profile in ("public", "intern"):
        page = _pages(profile, "2026-11-22", monkeypatch)["ansprechpersonen/index.md"]
        assert not any(name in page for name in names)


REQUEST_LINK = re.compile(r"\[Ansprechperson bei der Geschäftsstelle anfragen\]\((mailto:[^)]*)\)")


def test_request_action_writes_to_the_coordination_office_only(monkeypatch):
    records = load_records(DATA)
    office = next(r.contact.email for r in records.process.roles if r.id == "office")
    liaisons = {p.liaison.email for p in records.partners if p.liaison}
    for profile in ("public", "intern"):
        pages = _pages(profile, "2026-11-22", monkeypatch)
        actions = [
            target
            for path, text in pages.items()
            if path.startswith(("netzwerke/", "partner/"))
            for target in REQUEST_LINK.findall(text)
        ]
        assert len(actions) >= 6 + 10
        assert all(target.startswith(f"mailto:{office}?subject=") for target in actions)
        assert not any(email in target for target in actions for email in liaisons)


def test_request_action_is_prefilled_with_network_or_partner(monkeypatch):
    pages = _pages("public", "2026-11-22", monkeypatch)
    network = REQUEST_LINK.search(pages["netzwerke/harz.md"]).group(1)
    partner = REQUEST_LINK.search(pages["partner/zdh.md"]).group(1)
    assert "Netzwerk%3A%20Offensive%20Harzwirtschaft%0APartner%3A%20%28bitte%20eintragen%29" in network
    assert "Partner%3A%20Zentralverband%20des%20Deutschen%20Handwerks%0AThema" in partner


def test_request_action_is_addressed_to_coordinators_not_shown_as_a_contact_button(monkeypatch):
    page = _pages("public", "2026-11-22", monkeypatch)["netzwerke/harz.md"]
    assert "md-button" not in page
    box = page[page.index('!!! info "Für die Koordination regionaler Netzwerke"') :]
    assert "Sie koordinieren dieses Netzwerk" in box and REQUEST_LINK.search(box)
    assert page.index("## Kontakt") < page.index("## Das Netzwerk") < page.index("!!! info")
