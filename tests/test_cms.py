"""The editing page (Sveltia CMS): its configuration follows the schema, and its saves change only what was edited."""

from __future__ import annotations

import difflib
import functools
import http.server
import shutil
import subprocess
import threading
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.pages.cms import CONFIG_FILE, EDITOR_DIR, FILE_LABELS, config_text, form_fields
from generator.records.cmsform import dump
from generator.records.reader import load_file
from generator.records.schema import DATA_FILES
from generator.records.schema_docs import field_reference
from generator.records.textpolicy import FORBIDDEN_IN_VALUE
from generator.records.validate import load_records
from generator.records.yamlstrict import _CLOSING_QUOTES, _OPENING_QUOTES

from .support import DATA as FIXTURES
from .support import FIXED_TODAY

TODAY = date.fromisoformat(FIXED_TODAY)


def test_config_file_is_generated_from_the_schema():
    assert CONFIG_FILE.read_text(encoding="utf-8") == config_text(), "python -m generator cms ausführen"


def _form_paths(fields: list[dict], prefix: str = "") -> set[str]:
    paths = set()
    for field in fields:
        path = f"{prefix}.{field['name']}" if prefix else field["name"]
        paths.add(path)
        if "fields" in field:
            inner = f"{path}[]" if field["widget"] == "list" else path
            paths |= _form_paths(field["fields"], inner)
    return paths


def test_every_field_of_the_schema_has_a_form_field_with_its_german_title():
    for doc in field_reference():
        fields = form_fields(doc.name)
        assert {row.path for row in doc.fields} == _form_paths(fields)


def test_references_are_pickers_that_search_by_name_and_store_the_id():
    network = next(f for f in form_fields("networks.yaml")[0]["fields"] if f["name"] == "partners")
    assert network["widget"] == "relation" and network["multiple"] is True
    assert network["value_field"] == "partners.*.id"
    assert "partners.*.name" in network["search_fields"]


def test_booleans_offer_yes_or_nothing_so_no_false_is_written():
    partner = {f["name"]: f for f in form_fields("partners.yaml")[0]["fields"]}
    assert partner["represented_in_regions"]["options"] == [{"label": "ja", "value": True}]
    assert partner["represented_in_regions"]["required"] is False


@pytest.fixture
def formatted(tmp_path: Path) -> Path:
    """A copy of the fixture data in the form the editing page saves."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURES, data)
    assert main(["format", "--data", str(data)]) == 0
    return data


def test_formatted_data_passes_check_and_the_format_check(formatted: Path, capsys):
    load_records(formatted, today=TODAY)
    assert main(["format", "--check", "--data", str(formatted)]) == 0
    assert "Alle 6 Datendateien" in capsys.readouterr().out


def test_format_check_names_the_file_and_line_that_differ(tmp_path: Path, capsys):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES, data)
    assert main(["format", "--check", "--data", str(data)]) == 1
    assert "partners.yaml:1: nicht in der Form, in der die Redaktionsseite speichert" in capsys.readouterr().err


def _acceptable(text: str) -> bool:
    # Blank text is refused by every field anyway („darf nicht leer sein“); so is a value in typographic quotes.
    plain = text.strip(" ")  # the loader refuses a plain value wholly in typographic quotes, as the CMS would write it
    quoted = len(plain) > 1 and plain[0] in _OPENING_QUOTES and plain[-1] in _CLOSING_QUOTES
    return text.strip() != "" and not FORBIDDEN_IN_VALUE.search(text) and not quoted


# What a form field can hold and the loader accepts: no control characters but the line break (a tab in a form
# is rare; the loader refuses tabs anywhere in a file), nothing the text policy refuses.
_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Cn")) | st.sampled_from("\n #:'\"-|>")
).filter(_acceptable)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_every_text_reads_back_as_written(tmp_path_factory, value: str):
    file = tmp_path_factory.mktemp("text") / "value.yaml"
    written = {"values": [{"text": value, "next": "x"}]}
    file.write_text(dump(written), encoding="utf-8")
    doc, problems = load_file(file)
    assert problems == []
    assert doc.data == written


# --- the editing page in a browser -----------------------------------------------------------------------------

SETUP = """async files => {
  const root = await navigator.storage.getDirectory();
  try { await root.removeEntry('repo', {recursive: true}); } catch (e) {}
  const repo = await root.getDirectoryHandle('repo', {create: true});
  await repo.getDirectoryHandle('.git', {create: true});
  const data = await repo.getDirectoryHandle('data', {create: true});
  for (const [name, text] of Object.entries(files)) {
    const writer = await (await data.getFileHandle(name, {create: true})).createWritable();
    await writer.write(text);
    await writer.close();
  }
  window.showDirectoryPicker = async () => repo;
}"""
READ = """async () => {
  const root = await navigator.storage.getDirectory();
  const data = await (await root.getDirectoryHandle('repo')).getDirectoryHandle('data');
  for (let tries = 0; tries < 50; tries++) {  // a save writes a temporary file first, then moves it in place
    const names = [];
    for await (const name of data.keys()) names.push(name);
    if (!names.some(name => name.startsWith('.'))) break;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  const out = {};
  for await (const [name, handle] of data.entries()) out[name] = await (await handle.getFile()).text();
  return out;
}"""


@pytest.fixture(scope="module")
def editing_page(tmp_path_factory) -> str:
    """The editing page served from this machine, as the site serves it."""
    root = tmp_path_factory.mktemp("www")
    shutil.copytree(EDITOR_DIR, root / "redaktion")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/redaktion/"
    server.shutdown()


def _edit(browser, url: str, files: dict[str, str], *edits) -> tuple[dict[str, str], list[str]]:
    """Open the page on a local folder holding `files`, make each edit (each saves); the files after, and every
    request that left this machine (blocked)."""
    from .browser import is_loopback

    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    context.route(
        "**/*", lambda route: route.continue_() if is_loopback(route.request.url) else route.abort("blockedbyclient")
    )
    page = context.new_page()
    try:
        page.goto(url)
        page.evaluate(SETUP, files)
        page.get_by_role("button", name="Mit lokalem Repository arbeiten").click()
        page.wait_for_url("**#/collections/**")
        for edit in edits:
            edit(page, url)
        return page.evaluate(READ), [url for url in requests if not is_loopback(url)]
    finally:
        context.close()


def _open_record(page, url: str, data_file: str, name: str):
    """Open a data file's form and unfold the record listed under `name`, as a person finds it; its form part."""
    page.goto(f"{url}#/collections/daten")
    page.get_by_role("row", name=FILE_LABELS[f"{data_file}.yaml"], exact=True).filter(visible=True).first.click()
    page.wait_for_url(f"**/entries/{data_file}")
    page.get_by_role("button", name="Alle aufklappen").wait_for()
    # The collapsed items of the form show their name (the preview beside them shows it too).
    summary = page.locator("[id$='-body']").get_by_text(name, exact=True).first
    _scroll_to(page, summary)
    toggle = summary.locator("xpath=ancestor::div[@role='group'][1]").get_by_role(
        "button", name="Aufklappen", exact=True
    )
    body = page.locator(f"[id='{toggle.get_attribute('aria-controls')}']")
    toggle.click()
    return body


def _save(page, data_file: str, expected: str) -> None:
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_function(
        """async ([name, expected]) => {
            try {  // while the CMS writes the file, reading it fails: then look again
                const root = await navigator.storage.getDirectory();
                const data = await (await root.getDirectoryHandle('repo')).getDirectoryHandle('data');
                const text = await (await (await data.getFileHandle(name)).getFile()).text();
                return text.includes(expected);
            } catch (error) {
                return false;
            }
        }""",
        arg=[data_file, expected],
    )
    page.wait_for_url(lambda address: "/entries/" not in address)  # the editor closes itself after saving


def fill_in(collection: str, record: str, label: str, text: str):
    """An edit: change one text field of a record (its form's label) in the file of `collection`."""

    def edit(page, url: str) -> None:
        field = _open_record(page, url, collection, record).get_by_role("textbox", name=label).first
        _scroll_to(page, field)
        field.fill(text)
        _save(page, f"{collection}.yaml", text)

    return edit


def describe(partner: str, text: str):
    """An edit: change a partner's description."""
    return fill_in("partners", partner, "Beschreibung", text)


def join(network: str, partner: str, partner_id: str):
    """An edit: add a partner to a network with the picker, searching by its name."""

    def edit(page, url: str) -> None:
        field = _open_record(page, url, "networks", network).locator(
            "section[data-typed-key-path='networks.*.partners']"
        )
        _scroll_to(page, field)
        field.get_by_role("combobox").click()
        page.get_by_role("option", name=partner, exact=True).click()
        _save(page, "networks.yaml", f"- {partner_id}\n")

    return edit


def retitle(data_file: str, text: str):
    """An edit: change the title at the top of a file's form (agreement, process)."""

    def edit(page, url: str) -> None:
        page.goto(f"{url}#/collections/daten")
        page.get_by_role("row", name=FILE_LABELS[data_file], exact=True).filter(visible=True).first.click()
        title = page.get_by_role("textbox", name="Titel").first
        title.fill(text)
        _save(page, data_file, text)

    return edit


def retopic(request: str, text: str):
    """An edit: change the topic of a request in the request log."""
    return fill_in("requests", request, "Thema", text)


def _scroll_to(page, target) -> None:
    """Scroll the form down until `target` is drawn: the form draws items and fields as they come into view."""
    for _ in range(100):
        if target.count():
            target.scroll_into_view_if_needed()
            return
        page.mouse.move(300, 600)
        page.mouse.wheel(0, 300)
        page.wait_for_timeout(150)
    raise AssertionError(f"not found in the form after scrolling: {target}")


def _git(folder: Path, *args: str) -> str:
    identity = ["-c", "user.name=Redaktion", "-c", "user.email=redaktion@example.org"]
    return subprocess.run(
        ["git", "-C", str(folder), *identity, *args], check=True, capture_output=True, text=True
    ).stdout


def _changed_lines(before: str, after: str) -> list[str]:
    """The diff of two texts as `-line`/`+line`, without context."""
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)][2:]


@pytest.mark.browser
def test_a_form_edit_changes_only_its_lines_passes_check_and_merges(browser, editing_page, formatted, tmp_path):
    base = {name: (formatted / name).read_text(encoding="utf-8") for name in DATA_FILES}
    first, foreign = _edit(
        browser,
        editing_page,
        base,
        describe("Deutsche Gesetzliche Unfallversicherung", "Neu: Prävention für KMU."),
        join("Musternetzwerk Ostwestfalen-Lippe", "RKW Kompetenzzentrum", "rkw"),
    )
    assert foreign == []
    assert {name for name, text in first.items() if text != base[name]} == {"partners.yaml", "networks.yaml"}
    partners = _changed_lines(base["partners.yaml"], first["partners.yaml"])
    assert len(partners) == 3 and partners[1].startswith("-    description: ")
    assert partners[2] == "+    description: 'Neu: Prävention für KMU.'"  # quoted because of „: “
    networks = _changed_lines(base["networks.yaml"], first["networks.yaml"])
    assert networks[1:] == ["+      - rkw"]

    second, _ = _edit(browser, editing_page, base, describe("AOK-Bundesverband", "Neu: Gesundheit im Betrieb."))

    repo = tmp_path / "repo"
    shutil.copytree(formatted, repo / "data")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "base")
    for branch, files in (("eins", first), ("zwei", second)):
        _git(repo, "checkout", "-q", "-b", branch, "main")
        for name, text in files.items():
            (repo / "data" / name).write_text(text, encoding="utf-8")
        _git(repo, "commit", "-qam", branch)
    _git(repo, "checkout", "-q", "eins")
    _git(repo, "merge", "-q", "--no-edit", "zwei")
    merged = (repo / "data" / "partners.yaml").read_text(encoding="utf-8")
    assert "Neu: Prävention für KMU." in merged and "Neu: Gesundheit im Betrieb." in merged
    load_records(repo / "data", today=TODAY)
    assert main(["format", "--check", "--data", str(repo / "data")]) == 0


def test_the_office_guide_leads_with_the_forms_and_keeps_the_yaml_route():
    from generator.model.directory import build_directory
    from generator.pages.render import render_pages

    page = render_pages(build_directory(load_records(FIXTURES, today=TODAY), "public"))["referenz/daten-pflegen.md"]
    assert page.index("## In Formularen ändern: die Redaktionsseite") < page.index("## Für Fortgeschrittene: YAML")
    assert "[Redaktionsseite](../redaktion/index.html)" in page
    assert ".venv/bin/python -m generator format" in page


def test_the_vendored_bundle_is_the_pinned_version_with_every_foreign_address_rewritten():
    from scripts.vendor_cms import CMS, HEADER, REWRITES

    bundle = (EDITOR_DIR / "sveltia-cms.js").read_text(encoding="utf-8")
    assert bundle.startswith(HEADER.format(version=CMS.version))
    for old, new in REWRITES:
        assert old not in bundle and new in bundle
    assert "cdn.jsdelivr.net" not in bundle and "githubstatus.com/api" not in bundle
    for font in (EDITOR_DIR / "fonts").glob("*.woff2"):
        assert f"./fonts/{font.name}" in bundle


def test_a_rewrite_that_no_longer_matches_stops_the_vendoring():
    from scripts.vendor_cms import REWRITES, rewrite

    with pytest.raises(SystemExit, match="found 0 times"):
        rewrite("".join(old for old, _ in REWRITES[1:]))


@pytest.mark.browser
def test_the_editing_page_passes_axe_fits_a_phone_and_speaks_german(browser, editing_page, formatted):
    from .browser import PHONE, open_page

    files = {name: (formatted / name).read_text(encoding="utf-8") for name in DATA_FILES}
    with open_page(browser, editing_page, axe=True) as visit:
        local = visit.page.get_by_role("button", name="Mit lokalem Repository arbeiten")
        local.wait_for()
        assert visit.axe_violations() == []
        visit.page.evaluate(SETUP, files)
        local.click()
        visit.page.wait_for_url("**#/collections/**")
        visit.page.goto(editing_page + "#/collections/daten/entries/partners")
        visit.page.get_by_role("button", name="Alle aufklappen").wait_for()
        assert visit.axe_violations() == []
        visit.page.set_viewport_size(PHONE)
        assert visit.horizontal_overflow() == 0
        assert visit.foreign_requests == []


@pytest.mark.browser
def test_saves_of_the_other_files_change_only_the_edited_line(browser, editing_page, formatted):
    base = {name: (formatted / name).read_text(encoding="utf-8") for name in DATA_FILES}
    after, foreign = _edit(
        browser,
        editing_page,
        base,
        retitle("agreement.yaml", "Vereinbarung (neu)"),
        retitle("process.yaml", "Verfahren (neu)"),
        retopic("2022-owl-vbg", "Gesunde Arbeit im Büro"),
    )
    assert foreign == []
    assert _changed_lines(base["agreement.yaml"], after["agreement.yaml"])[2:] == ["+title: Vereinbarung (neu)"]
    assert _changed_lines(base["process.yaml"], after["process.yaml"])[2:] == ["+title: Verfahren (neu)"]
    assert _changed_lines(base["requests.yaml"], after["requests.yaml"])[2:] == ["+    topic: Gesunde Arbeit im Büro"]
    assert after["legal.yaml"] == base["legal.yaml"]
