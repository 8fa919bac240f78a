"""Privacy and publishing: what the public site links, legal pages, indexing, the public-repository guard, CI."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft7Validator

from generator.pipeline import build_site
from generator.records.reader import load_file
from generator.site.hooks.editing import report_url

from .sitewalk import people
from .support import DATA, FIXED_SETTINGS, ROOT, copy_data, replace_in, run_cli, site_files
from .test_injection import URL_ATTRIBUTES, parse
from .yaml12 import load_as_editor

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
SITE_URL = "https://netzwerke.example.org/"
REPOSITORY = "https://github.com/offensive-mittelstand/om-netzwerke"
HREF = re.compile(r'href="([^"]*)"')


def _pages(site: Path) -> list[Path]:
    return site_files(site, "*.html")


def _hrefs(page: Path) -> list[str]:
    return HREF.findall(page.read_text(encoding="utf-8"))


# --- no public links into the repository ---


def test_no_public_page_links_into_the_repository_or_a_data_file(public_site):
    offending = {
        page.relative_to(public_site).as_posix(): href
        for page in _pages(public_site)
        for href in _hrefs(page)
        if href.startswith(REPOSITORY) or ".yaml" in href or 'rel="edit"' in href
    }
    assert offending == {}
    assert not any('rel="edit"' in page.read_text(encoding="utf-8") for page in _pages(public_site))


def test_public_pages_offer_a_mail_to_the_office_naming_the_page(public_site):
    page = (public_site / "partner" / "dguv" / "index.html").read_text(encoding="utf-8")
    link = re.search(r'<a href="(mailto:[^"]*)" class="md-content__button om-report"', page)
    assert link and "Fehler melden" in page
    target = urlsplit(link[1].replace("&amp;", "&"))
    query = parse_qs(target.query)
    assert target.path == "geschaeftsstelle@example.org"
    assert query["subject"] == ["Fehler auf der Seite „Deutsche Gesetzliche Unfallversicherung“"]
    assert query["body"][0].startswith(f"Seite: {SITE_URL}partner/dguv/\r\n")


def test_every_public_page_with_content_has_the_report_button(public_site):
    missing = [
        page.relative_to(public_site).as_posix()
        for page in _pages(public_site)
        if page.name == "index.html" and "om-report" not in page.read_text(encoding="utf-8")
    ]
    assert missing == []


def test_internal_pages_keep_the_edit_link_and_have_no_report_button(intern_site):
    page = (intern_site / "partner" / "dguv" / "index.html").read_text(encoding="utf-8")
    assert f'href="{REPOSITORY}/blob/main/data/partners.yaml#L' in page
    assert "om-report" not in page


@pytest.mark.parametrize(
    "title",
    ['Netzwerk "A" & B', "<script>alert(1)</script>", "Zeile\r\nBcc: x@example.org", "a?b=c&body=d#e", "100 % ä"],
)
def test_report_link_keeps_any_title_inside_its_subject(title):
    url = report_url("geschaeftsstelle@example.org", title, f"{SITE_URL}a/")
    assert not re.search(r"[\s\"'<>]", url)
    query = parse_qs(urlsplit(url).query)
    assert set(query) == {"subject", "body"}
    assert query["subject"] == [f"Fehler auf der Seite „{title}“"]
    assert url.count("?") == url.count("&") == 1  # the only separators are the ones between the fields


@given(title=st.text(), page_url=st.text())
def test_report_link_carries_any_title_and_address_unchanged(title, page_url):
    url = report_url("geschaeftsstelle@example.org", title, page_url)
    assert url.startswith("mailto:geschaeftsstelle@example.org?subject=")
    assert not re.search(r"[\s\"'<>]", url) and url.count("?") == url.count("&") == 1
    query = parse_qs(urlsplit(url).query, keep_blank_values=True, errors="strict")
    assert query["subject"] == [f"Fehler auf der Seite „{title or 'Startseite'}“"]
    assert query["body"] == [f"Seite: {page_url}\r\n\r\nWas ist falsch, und wie lautet es richtig?\r\n\r\n"]


def test_report_link_is_left_out_without_an_address():
    assert report_url(None, "Start", SITE_URL) is None


# --- legal pages ---


def _footer_links(page: Path) -> list[str]:
    footer = page.read_text(encoding="utf-8").split('class="om-legal"', 1)
    return HREF.findall(footer[1].split("</nav>", 1)[0]) if len(footer) == 2 else []


@pytest.mark.parametrize("profile_site", ["public", "intern"], indirect=True)
def test_every_page_links_impressum_and_datenschutz_in_its_footer(profile_site):
    broken = {}
    for page in _pages(profile_site):
        links = _footer_links(page)
        # The 404 page is shown at any address, so its links start at the site's root.
        targets = [
            ((profile_site if link.startswith("/") else page.parent) / link.lstrip("/") / "index.html").resolve()
            for link in links
        ]
        if len(links) != 2 or not all(target.is_file() for target in targets):
            broken[page.relative_to(profile_site).as_posix()] = links
    assert broken == {}
    assert [target.parent.name for target in targets] == ["impressum", "datenschutz"]


def _text(site: Path, address: str) -> str:
    """The page's HTML with character references decoded (a date's period is one: „7&#46; Dezember“)."""
    return html.unescape((site / address / "index.html").read_text(encoding="utf-8"))


def test_impressum_names_operator_representatives_contact_and_responsible_person(public_site):
    page = _text(public_site, "rechtliches/impressum")
    for part in (
        "Angaben nach § 5 DDG",
        "Offensive Mittelstand – Beispiel-Trägerorganisation (eingetragener Verein)",
        "Musterstraße 1",
        "10115 Berlin",
        "Erika Beispiel (Vorsitzende), Max Platzhalter (stellvertretender Vorsitzender)",
        "Vereinsregister beim Amtsgericht Beispielstadt, VR 00000",
        'href="mailto:geschaeftsstelle@example.org"',
        "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV",
        "Stand: 30. November 2026",
    ):
        assert part in page, part


def test_datenschutz_covers_what_a_static_site_processes_and_the_rights(public_site):
    page = _text(public_site, "rechtliches/datenschutz")
    for part in (
        "Art. 13",
        "Beispiel-Hosting GmbH",
        "nach 7 Tagen gelöscht",
        "Art. 6 Abs. 1 Buchst. f DSGVO",
        "keine Cookies",
        "keine Analyse- oder Tracking-Werkzeuge",
        "keine Inhalte anderer Anbieter",
        "Kontakt per E-Mail",
        "Art. 6 Abs. 1 Buchst. a DSGVO",
        "widerrufen",
        "Auskunft (Art. 15 DSGVO)",
        "Art. 77 DSGVO",
        "Beispiel-Landesbeauftragte für Datenschutz und Informationsfreiheit",
        "datenschutz@example.org",
    ):
        assert part in page, part


def test_sample_legal_data_is_marked_as_example_on_both_pages(public_site):
    for address in ("rechtliches/impressum", "rechtliches/datenschutz"):
        assert "Musterangaben" in _text(public_site, address)
    assert "example.org" in (DATA / "legal.yaml").read_text(encoding="utf-8")


def test_legal_pages_without_example_flag_carry_no_warning(data_dir):
    from generator.model.directory import build_directory
    from generator.pages.render import render_pages
    from generator.records.validate import load_records

    replace_in(data_dir / "legal.yaml", "\nexample: true\n", "\nexample: false\n")
    pages = render_pages(build_directory(load_records(data_dir), "public"))
    assert "Musterangaben" not in pages["rechtliches/impressum.md"]
    assert "Musterangaben" not in pages["rechtliches/datenschutz.md"]


def test_legal_data_is_validated_like_every_data_file(editor):
    assert editor("legal.yaml", 'postcode: "10115"', 'postcode: "1011"') == [
        'data/legal.yaml:{line}: operator.postcode: keine gültige Postleitzahl; fünf Ziffern, z. B. „01067“ ("1011")'
    ]


def test_legal_data_needs_a_retention_period_in_days(editor):
    assert editor("legal.yaml", "log_retention_days: 7", "log_retention_days: sieben") == [
        "data/legal.yaml:{line}: host.log_retention_days: keine gültige Anzahl Tage; bitte eine ganze Zahl von 1 "
        'bis 365 schreiben ("sieben")'
    ]


# A line of the sample legal.yaml → the value it gets, and the page that shows it.
LEGAL_PAYLOADS = {
    "  organisation: Offensive Mittelstand – Beispiel-Trägerorganisation": ("<script>alert(1)</script>", "impressum"),
    "  legal_form: eingetragener Verein": ('"><svg onload=alert(2)>', "impressum"),
    "    - Erika Beispiel (Vorsitzende)": ("[klick](javascript:alert(3))", "impressum"),
    "  name: Erika Beispiel": ("# Überschrift {: onclick=alert(4) }", "impressum"),
    "  registry_entry: Vereinsregister beim Amtsgericht Beispielstadt, VR 00000": ("</p><p>alert(5)", "impressum"),
    "  address: Beispielweg 2, 20095 Hamburg": ("**fett** | a | b | <!-- x", "datenschutz"),
}


@pytest.fixture(scope="module")
def hostile_legal_site(tmp_path_factory) -> Path:
    data = copy_data(tmp_path_factory.mktemp("hostile-legal") / "data")
    for line, (payload, _) in LEGAL_PAYLOADS.items():
        key = line.rsplit("- ", 1)[0] + "- " if line.lstrip().startswith("- ") else line.partition(": ")[0] + ": "
        quoted = json.dumps(payload, ensure_ascii=False)  # a JSON string is a valid YAML string
        replace_in(data / "legal.yaml", line + "\n", key + quoted + "\n")
    return build_site("public", data, tmp_path_factory.mktemp("hostile-legal-site") / "site", settings=FIXED_SETTINGS)


@pytest.mark.parametrize("page_name", ["impressum", "datenschutz"])
def test_hostile_legal_values_stay_plain_text(hostile_legal_site, page_name):
    page = parse(hostile_legal_site / "rechtliches" / page_name / "index.html")
    for tag, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        for name in URL_ATTRIBUTES:
            assert "alert(" not in (attrs.get(name) or ""), (tag, attrs)
    assert "alert(" not in "".join(page.text.get("script", []))
    assert "Überschrift" not in "".join(page.text.get("h1", []) + page.text.get("h2", []))
    shown = " ".join(page.text.get("p", []) + page.text.get("li", []))
    for payload, where in LEGAL_PAYLOADS.values():
        assert where != page_name or payload in shown, payload


def test_legal_data_file_exists_in_the_live_data_too():
    assert load_file(ROOT / "data" / "legal.yaml")[1] == []


# --- indexing ---


def test_public_robots_txt_names_the_sitemap(public_site):
    robots = (public_site / "robots.txt").read_text(encoding="utf-8")
    assert robots == f"User-agent: *\nAllow: /\n\nSitemap: {SITE_URL}sitemap.xml\n"
    assert (public_site / "sitemap.xml").is_file()


def test_internal_robots_txt_disallows_everything(intern_site):
    robots = (intern_site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *\nDisallow: /\n" in robots and "Sitemap" not in robots


def test_internal_site_has_no_sitemap_and_no_link_to_the_public_host(intern_site):
    assert not (intern_site / "sitemap.xml").exists() and not (intern_site / "sitemap.xml.gz").exists()
    pages = _pages(intern_site)
    assert [p.name for p in pages if 'rel="canonical"' in p.read_text(encoding="utf-8")] == []
    assert [p.name for p in pages if SITE_URL in p.read_text(encoding="utf-8")] == []
    without_noindex = [
        p.relative_to(intern_site).as_posix()
        for p in pages
        if '<meta name="robots" content="noindex, nofollow">' not in p.read_text(encoding="utf-8")
    ]
    assert without_noindex == []


# --- consent on record ---


def test_consent_true_alone_asks_for_date_and_route(editor):
    old = "      consent:\n        given_on: 2024-02-12\n        via: E-Mail an die Geschäftsstelle (Beispiel)\n"
    found = editor("partners.yaml", old, "      consent: true\n")
    assert found == [
        "data/partners.yaml:{line}: partners[0] „Deutsche Gesetzliche Unfallversicherung“ (dguv).liaison.consent: "
        "bitte festhalten, wann und wie die Person "
        "eingewilligt hat: unter „consent:“ die Felder „given_on: JJJJ-MM-TT“ und „via: …“ eintragen "
        "(ohne Einwilligung: „consent: false“)"
    ]


def test_consent_needs_a_route_and_a_past_date(editor):
    line = editor.line_of("partners.yaml", "        via: E-Mail an die Geschäftsstelle (Beispiel)") - 2
    assert editor("partners.yaml", "        via: E-Mail an die Geschäftsstelle (Beispiel)\n", "") == [
        f"data/partners.yaml:{line}: partners[0] „Deutsche Gesetzliche Unfallversicherung“ "
        "(dguv).liaison.consent.via: Pflichtfeld fehlt"
    ]


def test_consent_date_cannot_lie_in_the_future(editor):
    assert editor("partners.yaml", "given_on: 2024-02-12", "given_on: 2999-02-12") == [
        "data/partners.yaml:{line}: partners[0] „Deutsche Gesetzliche Unfallversicherung“ "
        "(dguv).liaison.consent.given_on: Datum liegt in der Zukunft "
        '("2999-02-12"); eingetragen wird, was schon geschehen ist'
    ]


def test_consent_false_means_no_consent(editor):
    old = "      consent:\n        given_on: 2024-02-12\n        via: E-Mail an die Geschäftsstelle (Beispiel)\n"
    assert editor("partners.yaml", old, "      consent: false\n") == []


def test_internal_review_page_shows_when_and_how_people_consented(intern_site):
    page = _text(intern_site, "intern/pruefen")
    assert "Einwilligungen" in page
    row = re.search(r"<tr>\s*<td>Lena Attrappe</td>.*?</tr>", page, re.S)[0]
    assert "6. November 2023" in row and "unterschriebenes Formular (Beispiel)" in row
    row = re.search(r"<tr>\s*<td>Tobias Musterhans</td>.*?</tr>", page, re.S)[0]
    assert "keine Einwilligung" in row


def test_public_site_never_shows_how_consent_was_given(public_site):
    for page in _pages(public_site):
        text = page.read_text(encoding="utf-8")
        assert (
            "unterschriebenes Formular (Beispiel)" not in text
            and "E-Mail an die Geschäftsstelle (Beispiel)" not in text
        )


# --- the public-repository guard ---


def _consent_for_everyone(data_dir: Path) -> None:
    """Give every person of the data a consent on record, the way an editor would write it."""
    for file in ("partners.yaml", "networks.yaml"):
        data = load_file(data_dir / file)[0].data
        for person in people(data):
            if not isinstance(person.get("consent"), dict) or "withdrawn_on" in person["consent"]:
                person["consent"] = {"given_on": "2024-01-15", "via": "E-Mail"}
        (data_dir / file).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_public_repository_guard_fails_on_a_person_without_consent(data_dir):
    result = run_cli("check", "--public-repo", "--data", str(data_dir))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert any(
        line.endswith(
            "partners[0] „Deutsche Gesetzliche Unfallversicherung“ (dguv).regional_contacts[0]: Person ohne "
            "Einwilligung (consent)"
        )
        for line in lines
    )
    assert lines[-1].startswith("Abbruch: Dieses Repository ist öffentlich, aber die Daten nennen 14 Personen ohne")
    assert "Repository auf privat stellen" in lines[-1]
    assert result.stdout == ""


def test_public_repository_guard_passes_when_everyone_consented(data_dir):
    _consent_for_everyone(data_dir)
    result = run_cli("check", "--public-repo", "--data", str(data_dir))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "Daten in Ordnung für ein öffentliches Repository: Jede genannte Person hat eingewilligt.\n"


def test_public_repository_guard_annotates_each_person_in_github_actions(data_dir):
    result = run_cli("check", "--public-repo", "--data", str(data_dir), env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    assert result.stdout.count("::error file=") == 14


# --- workflows ---


def _schema() -> dict:
    return json.loads((ROOT / "tests" / "vendor" / "github-workflow.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_workflow_validates_against_the_github_workflow_schema(workflow):
    errors = sorted(Draft7Validator(_schema()).iter_errors(load_as_editor(workflow)), key=str)
    assert [f"{list(e.absolute_path)}: {e.message}" for e in errors] == []


def test_the_vendored_schema_rejects_a_broken_workflow():
    broken = {"on": {"push": None}, "jobs": {"x": {"runs-on": "ubuntu-latest", "step": []}}}
    assert list(Draft7Validator(_schema()).iter_errors(broken))


def _steps(workflow: str) -> list[dict]:
    data = load_as_editor(ROOT / ".github" / "workflows" / workflow)
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


@pytest.mark.parametrize("workflow", ["pruefen.yml", "veroeffentlichen.yml"])
def test_workflows_stop_in_a_public_repository_before_building(workflow):
    steps = _steps(workflow)
    guard = next(i for i, s in enumerate(steps) if "--public-repo" in s.get("run", ""))
    assert steps[guard]["if"] == "github.event.repository.private == false"
    build = next(i for i, s in enumerate(steps) if "generator build" in s.get("run", ""))
    assert guard < build


def test_deploy_workflow_publishes_the_public_site_on_github_pages():
    data = load_as_editor(ROOT / ".github" / "workflows" / "veroeffentlichen.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    uses = [step.get("uses", "") for step in _steps("veroeffentlichen.yml")]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    upload = next(s for s in _steps("veroeffentlichen.yml") if s.get("uses", "").startswith("actions/upload-pages"))
    assert upload["with"]["path"] == "site/"
    assert "intern" not in json.dumps(_steps("veroeffentlichen.yml"))


def test_pull_requests_get_the_public_preview_and_a_short_lived_internal_artifact():
    steps = _steps("pruefen.yml")
    uploads = {s["with"]["name"]: s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")}
    assert uploads["website-oeffentlich"]["with"]["path"] == "site/"
    intern = uploads["website-intern"]
    assert intern["with"]["path"] == "site-intern/"
    assert intern["with"]["retention-days"] <= 3
    assert intern["if"] == "github.event.repository.private == true"
    summary = next(s for s in steps if "GITHUB_STEP_SUMMARY" in s.get("run", ""))
    assert "steps.vorschau.outputs.artifact-url" in summary["env"]["PREVIEW_URL"]
    assert "${{" not in summary["run"]  # values reach the shell through the environment, never spliced in


# --- documentation ---


def test_readme_says_the_repository_is_private_and_shows_a_login_for_the_internal_site():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Das Repository ist privat; veröffentlicht wird nur die öffentliche Website." in readme
    server = readme.split("```nginx", 1)[1].split("```", 1)[0]
    assert "auth_basic_user_file" in server and "root /srv/om-intern;" in server


def test_office_guide_describes_withdrawal_erasure_and_purging_the_history(public_site):
    guide = _text(public_site, "referenz/daten-pflegen")
    for part in ("Was öffentlich wird und was nicht", "Widerruf und Löschung", "git filter-repo --replace-text"):
        assert part in guide, part
