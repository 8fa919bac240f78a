"""The editing page (Sveltia CMS): its configuration follows the schema, and its saves change only what was edited."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import subprocess
import threading
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.pages.cms import CONFIG_FILE, EDITOR_DIR, config_text, form_fields
from generator.records.cmsform import dump
from generator.records.reader import load_file
from generator.records.schema import DATA_FILES
from generator.records.schema_docs import field_reference
from generator.records.textpolicy import FORBIDDEN_IN_VALUE
from generator.records.validate import load_records

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
    assert "partners.yaml:1: nicht in der Form der Redaktionsseite" in capsys.readouterr().err


# What a form field can hold and the loader accepts: no control characters but the line break (a tab in a form
# is rare; the loader refuses tabs anywhere in a file), nothing the text policy refuses.
_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Cn")) | st.sampled_from("\n #:'\"-|>")
).filter(lambda text: not FORBIDDEN_IN_VALUE.search(text) and not re.fullmatch(r"\s*[„“”].*[“”]\s*", text, re.S))


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


def _edit_description(browser, url: str, files: dict[str, str], partner: str, text: str) -> tuple[dict, list]:
    """Open the page on a local folder with `files`, change one partner's description, save; the files after."""
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
        page.goto(url + "#/collections/daten/entries/partners")
        # The collapsed items of the form show their name (the preview beside them shows it too).
        summary = page.locator("[id$='-body']").get_by_text(partner, exact=True).first
        page.get_by_role("button", name="Alle zuklappen").or_(
            page.get_by_role("button", name="Alle aufklappen")
        ).first.wait_for()
        _scroll_to(page, summary)
        item = summary.locator("xpath=ancestor::div[@role='group'][1]")
        toggle = item.get_by_role("button", name="Aufklappen", exact=True)
        body = page.locator(f"[id='{toggle.get_attribute('aria-controls')}']")
        toggle.click()
        description = body.get_by_role("textbox", name="Beschreibung").first
        _scroll_to(page, description)
        description.fill(text)
        page.get_by_role("button", name="Speichern").click()
        page.wait_for_function(
            "async () => { const root = await navigator.storage.getDirectory();"
            " const data = await (await root.getDirectoryHandle('repo')).getDirectoryHandle('data');"
            f" return (await (await data.getFileHandle('partners.yaml')).getFile()).text()"
            f".then(t => t.includes({text!r})); }}"
        )
        return page.evaluate(READ), [url for url in requests if not is_loopback(url)]
    finally:
        context.close()


def _scroll_to(page, target) -> None:
    """Scroll the form down until `target` is drawn: the form draws items and fields as they come into view."""
    for _ in range(60):
        if target.count():
            target.scroll_into_view_if_needed()
            return
        page.mouse.move(300, 600)
        page.mouse.wheel(0, 300)
        page.wait_for_timeout(100)


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, text=True).stdout


@pytest.mark.browser
def test_a_form_edit_changes_only_its_line_passes_check_and_merges(browser, editing_page, formatted, tmp_path):
    base = {name: (formatted / name).read_text(encoding="utf-8") for name in DATA_FILES}
    first, foreign = _edit_description(
        browser, editing_page, base, "Deutsche Gesetzliche Unfallversicherung", "Neu: Prävention für KMU."
    )
    assert foreign == []
    assert {name: text for name, text in first.items() if text != base[name]}.keys() == {"partners.yaml"}
    before, after = base["partners.yaml"].splitlines(), first["partners.yaml"].splitlines()
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    assert changed == [(changed[0][0], "    description: 'Neu: Prävention für KMU.'")]  # quoted: „: “

    second, _ = _edit_description(browser, editing_page, base, "AOK-Bundesverband", "Neu: Gesundheit im Betrieb.")

    repo = tmp_path / "repo"
    shutil.copytree(formatted, repo / "data")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "base")
    for branch, files in (("eins", first), ("zwei", second)):
        _git(repo, "checkout", "-q", "-b", branch, "main")
        (repo / "data" / "partners.yaml").write_text(files["partners.yaml"], encoding="utf-8")
        _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qam", branch)
    _git(repo, "checkout", "-q", "eins")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "merge", "-q", "--no-edit", "zwei")
    merged = (repo / "data" / "partners.yaml").read_text(encoding="utf-8")
    assert "Neu: Prävention für KMU." in merged and "Neu: Gesundheit im Betrieb." in merged
    load_records(repo / "data", today=TODAY)
    assert main(["format", "--check", "--data", str(repo / "data")]) == 0
