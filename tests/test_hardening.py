"""The numbered cases of the hardening issue: each bad input ends in a German message, never a crash or a trick."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from generator.messages import terminal_line
from generator.pages import frontmatter
from generator.pages.frontmatter import yaml_string
from generator.records import textpolicy
from generator.records.validate import check_data, load_records

from .support import DATA, replace_in, run_cli, sample_pages

# --- 1. a misspelt or missing top-level section -------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "section", "typo"),
    [
        ("partners.yaml", "partners", "partner"),
        ("networks.yaml", "networks", "network"),
        ("agreement.yaml", "versions", "version"),
        ("agreement.yaml", "timeline", "zeitplan"),
        ("process.yaml", "steps", "step"),
        ("process.yaml", "roles", "rolle"),
    ],
)
def test_misspelt_section_is_named_not_a_crash(editor, file, section, typo):
    found = editor(file, f"\n{section}:", f"\n{typo}:")
    assert any(line.startswith(f"data/{file}:{{line}}: {typo}: unbekanntes Feld „{typo}“; ") for line in found)
    assert any(f"Pflichtabschnitt „{section}:“ fehlt" in line for line in found)


def test_missing_section_in_an_otherwise_empty_file(data_dir):
    (data_dir / "partners.yaml").write_text("# nichts\nother: 1\n", encoding="utf-8")
    found = [str(p) for p in check_data(data_dir)]
    assert any("Pflichtabschnitt „partners:“ fehlt" in line for line in found)


# --- 2., 11., 13. the text policy: raw control characters, escapes, line separators -----------------------------

REFUSED = ["\x0c", "\x0b", "\x00", "\x08", "\x1b", "\x7f", "\x80", "\x9f", "\ufffe", "\uffff", "\u202e", "\u2066"]


@pytest.mark.parametrize("char", REFUSED, ids=[f"U+{ord(c):04X}" for c in REFUSED])
def test_raw_control_character_is_named_with_its_line(editor, char):
    found = editor("partners.yaml", "    name: Bundesagentur für Arbeit", f"    name: Bundesagentur{char} für Arbeit")
    assert len(found) == 1
    assert found[0].startswith(f"data/partners.yaml:{{line}}: unzulässiges Zeichen U+{ord(char):04X} (")
    assert "in Spalte 24" in found[0]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=())), st.text(alphabet="aä \n€"))
def test_the_quick_text_check_finds_what_the_pattern_finds(text, plain):
    """first_forbidden skips the pattern over plain ASCII; it must refuse the same character at the same place."""
    for candidate in (text, plain + text, text + plain, plain):
        quick, full = textpolicy.first_forbidden(candidate), textpolicy.FORBIDDEN_IN_TEXT.search(candidate)
        assert (quick and (quick.start(), quick.group())) == (full and (full.start(), full.group()))


@pytest.mark.parametrize("escape", ["\\x80", "\\x7f", "\\a", "\\0", "\\e", "\\uFFFE", "\\u202E", "\\r", "\\N"])
def test_escaped_control_character_is_refused(editor, escape):
    found = editor(
        "partners.yaml", "    name: Bundesagentur für Arbeit", f'    name: "Bundesagentur {escape} für Arbeit"'
    )
    assert len(found) == 1 and "(als Escape-Sequenz geschrieben)" in found[0]
    assert found[0].startswith("data/partners.yaml:{line}: unzulässiges Zeichen U+")


def test_lone_surrogate_is_refused_by_check_not_a_crash_in_build(data_dir):
    old = "    name: Deutsche Gesetzliche Unfallversicherung"
    replace_in(data_dir / "partners.yaml", old, '    name: "Deutsche \\ud800 Unfallversicherung"')
    for command in ("check", "build"):
        args = [command, "--data", str(data_dir)] + (
            ["--site-dir", str(data_dir.parent / "site")] * (command == "build")
        )
        result = run_cli(*args)
        assert result.returncode == 1
        assert "partners.yaml:10: YAML-Syntaxfehler: ungültige Zeichennummer" in result.stderr
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_line_separator_is_refused_at_the_line_editors_count(editor, separator):
    found = editor("partners.yaml", "    short_name: DGUV", f'    short_name: "DG{separator}UV"')
    assert len(found) == 1 and found[0].startswith("data/partners.yaml:{line}: unzulässiges Zeichen U+")


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_lines_count_as_editors_count_them(data_dir, newline):
    file = data_dir / "partners.yaml"
    text = file.read_text(encoding="utf-8").replace("email: c.beispielmann@example.org", "email: max@")
    line = text[: text.index("email: max@")].count("\n") + 1
    file.write_bytes(text.replace("\n", newline).encode("utf-8"))
    (problem,) = check_data(data_dir)
    assert problem.line == line


# --- 4. front matter that MkDocs reads back exactly --------------------------------------------------------------


@pytest.fixture(scope="module")
def generated_pages() -> dict[str, str]:
    pages = {}
    for profile in ("public", "intern"):
        pages |= {f"{profile}/{path}": text for path, text in _pages(profile).items() if path.endswith(".md")}
    return pages


def _pages(profile: str) -> dict[str, str]:
    return sample_pages(profile)


def test_every_front_matter_parses_with_mkdocs_own_reader(generated_pages):
    for path, text in generated_pages.items():
        if text.startswith("---\n"):
            body, meta = get_data(text)
            assert meta.get("title"), path
            assert not body.startswith("---") and "\ntitle:" not in body[:200], path


def test_front_matter_title_and_description_match_the_records(generated_pages):
    records = load_records(DATA)
    for partner in records.partners:
        _, meta = get_data(generated_pages[f"public/partner/{partner.id}.md"])
        assert html.unescape(meta["title"]) == " ".join(partner.name.split())
        if partner.description:
            assert " ".join(partner.description.split())[:40] in html.unescape(meta["schema_org"]["description"])
    for network in records.networks:
        _, meta = get_data(generated_pages[f"public/netzwerke/{network.id}.md"])
        assert html.unescape(meta["title"]) == network.name
        assert network.region in html.unescape(meta["description"])
        assert meta["schema_org"]["name"] == network.name


@pytest.mark.parametrize(
    "text",
    ["BG ETEM \x80 ![x](http://127.0.0.1:9/x.png){: onerror=alert(1) }", "a\u2028b\x85c\ufeffd", 'q"\\\t', "😀 ä"],
)
def test_front_matter_serializer_survives_what_libyaml_refuses(text):
    _, meta = get_data(f"---\ntitle: {yaml_string(text)}\n---\n\n# x\n")
    assert meta == {"title": text}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=())))
def test_any_text_reads_back_exactly_from_front_matter(text):
    _, meta = get_data(f"---\ntitle: {yaml_string(text)}\n---\n\n# x\n")
    assert meta == {"title": text}


def test_no_character_the_quick_path_passes_needs_an_escape():
    # yaml_string() and yaml_safe_json() skip their search for a text that str.isprintable() accepts.
    printable = "".join(chr(code) for code in range(0x110000) if chr(code).isprintable())
    assert not frontmatter._UNPRINTABLE.search(printable)


# --- 8. no forged workflow commands, on standard error either --------------------------------------------------


def test_problem_lines_cannot_forge_workflow_commands(data_dir):
    forged = '    "x\\n::error file=README.md,line=1::gefälscht\\n::add-mask::geheim": 1\n'
    replace_in(data_dir / "partners.yaml", "    short_name: DGUV\n", "    short_name: DGUV\n" + forged)
    result = run_cli("check", "--data", str(data_dir), env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    for line in result.stderr.splitlines():
        assert not line.lstrip().startswith("::"), line
    commands = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert commands and all(line.startswith("::error file=") for line in commands)
    files = [re.match(r"::error file=([^,]*),line=[0-9]+,title=", line)[1] for line in commands]
    assert files == [str(data_dir / "partners.yaml")]


@pytest.mark.parametrize("text", ["::stop-commands::x", "  ::add-mask::x", "a\n::error::b", "a\rb\x1b[31m"])
def test_terminal_line_is_one_inert_line(text):
    line = terminal_line(text)
    assert "\n" not in line and "\r" not in line and "\x1b" not in line
    assert not line.lstrip().startswith("::")
    assert re.sub(r"\\[nr]|\\u001b", "", line).replace(": :", "::").strip() != ""


# --- 6. ids that would replace the site's own pages ----------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "old", "reserved", "folder"),
    [
        ("partners.yaml", "  - id: dguv\n", "index", "partner"),
        ("partners.yaml", "  - id: dguv\n", "art", "partner"),
        ("networks.yaml", "  - id: muenchen\n", "index", "netzwerke"),
        ("networks.yaml", "  - id: muenchen\n", "bundesland", "netzwerke"),
    ],
)
def test_id_that_names_a_page_of_the_site_is_refused(editor, file, old, reserved, folder):
    found = editor(file, old, f"  - id: {reserved}\n")
    expected = f"Kennung „{reserved}“ ist nicht möglich: unter {folder}/{reserved} steht schon eine Seite"
    assert any(line.startswith(f"data/{file}:{{line}}: ") and expected in line for line in found), found


def test_reserved_names_come_from_the_pages_the_families_write():
    """Every page a family writes beside record pages is declared, so no id can replace it unnoticed."""
    from generator.addresses import FIXED_NAMES, RECORD_FOLDERS

    records = load_records(DATA)
    # A former id names a forwarding page (`former_ids`, checked by its own rule).
    ids = {
        "networks": {i for n in records.networks for i in (n.id, *n.former_ids)},
        "partners": {i for p in records.partners for i in (p.id, *p.former_ids)},
        "versions": {v.id for v in records.agreement.versions},
    }
    pages = _pages("intern")
    for folder, (_, section) in RECORD_FOLDERS.items():
        names = {
            path[len(folder) + 1 :].split("/")[0].removesuffix(".md") for path in pages if path.startswith(folder + "/")
        }
        assert names - ids[section] <= FIXED_NAMES.get(folder, set()), folder


# --- 15. look-alike duplicate names --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lookalike",
    [
        "berufsgenossenschaft energie textil elektro medienerzeugnisse",  # case only
        "Berufsgenossenschaft Energie Textil Elektro Medienerzeugnisse ",  # a trailing space
        "Вerufsgenossenschaft Energie Textil Elektro Medienerzeugnisse",  # Cyrillic В
    ],
)
def test_lookalike_partner_names_are_refused(editor, lookalike):
    found = editor("partners.yaml", "    name: Verwaltungs-Berufsgenossenschaft\n", f'    name: "{lookalike}"\n')
    assert len(found) == 1 and "kaum zu unterscheiden" in found[0], found
    assert "Partner in Zeile" in found[0]


def test_normalisation_forms_count_as_the_same_name(editor):
    import unicodedata

    name = unicodedata.normalize("NFD", "Deutsche Gesetzliche Unfallversicherung Süd")
    replace = f'    name: "{name}"\n'
    found = editor("partners.yaml", "    name: Verwaltungs-Berufsgenossenschaft\n", replace)
    assert found == []  # different names stay different
    found = editor(
        "partners.yaml",
        "    name: Bundesagentur für Arbeit\n",
        '    name: "Deutsche Gesetzliche Unfallversicherung Süd"\n',
    )
    assert len(found) == 1 and "kaum zu unterscheiden" in found[0]


@pytest.mark.parametrize("invisible", ["\\u200B", "\\u202E", "\\uFEFF"])
def test_invisible_and_reversing_characters_cannot_fake_a_second_name(editor, invisible):
    found = editor("partners.yaml", "    name: Verwaltungs-Berufsgenossenschaft\n", f'    name: "BG{invisible} ETEM"\n')
    assert len(found) == 1 and "unzulässiges Zeichen" in found[0]


# --- 10. clear messages: suggestions, counts, hints ------------------------------------------------------------


def test_invalid_id_is_never_suggested_elsewhere(editor):
    editor("partners.yaml", "  - id: zdh\n", "  - id: zdh münchen\n")
    found = editor("networks.yaml", "partners: [dguv, zdh, aok]", "partners: [dguv, zdh-muenchen, aok]")
    assert not any("meinten Sie „zdh münchen“" in line for line in found), found


def test_request_with_undated_middle_steps_is_not_told_all_steps_have_a_date(editor):
    old = "    status: erledigt\n    steps:\n      requested: 2021-09-06\n      liaison-asked: 2021-09-08\n"
    old += "      person-named: 2021-10-04\n"
    found = editor("requests.yaml", old, "    status: offen\n    steps:\n      requested: 2021-09-06\n")
    assert found and not any("alle Schritte haben ein Datum" in line for line in found), found
    assert any("der vorherige Schritt „liaison-asked“" in line for line in found), found


def test_single_error_has_no_waiting_hint_and_check_does_not_claim_to_write(data_dir):
    replace_in(data_dir / "partners.yaml", "email: c.beispielmann@example.org", "email: max@")
    result = run_cli("check", "--data", str(data_dir))
    assert result.stderr.splitlines()[-1] == "1 Fehler gefunden."


# --- 12. what is not a file, a full disk, a read-only file ------------------------------------------------------


def test_folder_pipe_and_dangling_link_are_named_for_what_they_are(data_dir):
    import os

    (data_dir / "partners.yaml").unlink()
    (data_dir / "partners.yaml").mkdir()
    (data_dir / "process.yaml").unlink()
    os.mkfifo(data_dir / "process.yaml")
    (data_dir / "requests.yaml").unlink()
    (data_dir / "requests.yaml").symlink_to(data_dir / "missing.yaml")
    found = {p.file.rsplit("/", 1)[-1]: p.message for p in check_data(data_dir) if p.line == 1 and not p.path}
    assert found["partners.yaml"].startswith("ist ein Ordner")
    assert found["process.yaml"].startswith("ist keine gewöhnliche Datei")
    assert found["requests.yaml"].startswith("ist ein Verweis (Symlink) auf eine Datei, die es nicht gibt")


def test_full_disk_during_build_is_one_german_line(data_dir, tmp_path, monkeypatch, capsys):
    import errno

    from generator import cli
    from generator.site import build as site

    def full(config, **options):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "site" / "index.html"))

    monkeypatch.setattr(site, "build", full)
    assert cli.main(["build", "--data", str(data_dir), "--site-dir", str(tmp_path / "site")]) == 1
    err = capsys.readouterr().err
    assert "kein Speicherplatz mehr frei" in err and "No space" not in err and "Traceback" not in err


def test_new_append_to_a_read_only_file_is_one_german_line(data_dir, monkeypatch, capsys):
    import errno
    import pathlib

    from generator import cli

    def refuse(self, mode="r", *args, **kwargs):
        if set(mode) & set("wax") and self.parent == data_dir:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return original(self, mode, *args, **kwargs)

    original = pathlib.Path.open
    monkeypatch.setattr(pathlib.Path, "open", refuse)
    assert cli.main(["new", "partner", "--append", "--data", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert "partners.yaml: keine Berechtigung" in err and "Permission" not in err


# --- 14. descriptions cannot open Markdown blocks ---------------------------------------------------------------


@pytest.mark.parametrize("start", ["!!! danger md-typeset", "- x", "1986. gegründet", "---", "> Zitat", ": Definition"])
def test_description_starting_like_a_block_stays_a_paragraph(start):
    import markdown

    from generator.pages.render import inert

    rendered = markdown.markdown(
        f"# Titel\n\n{inert(start + ' und mehr Text')}\n", extensions=["admonition", "def_list"]
    )
    assert rendered.count("<p>") == 1 and "<ul>" not in rendered and "<ol>" not in rendered, rendered
    assert "<hr" not in rendered and "admonition" not in rendered and "<blockquote>" not in rendered, rendered
    assert html.unescape(re.sub("<[^>]+>", "", rendered.split("</h1>")[1])).strip() == start + " und mehr Text"


# --- 5. a pattern-free flood: refused early, problems capped, output short -------------------------------------


def test_flood_of_values_is_refused_in_one_line(tmp_path):
    from generator.records.composer import MAX_VALUES
    from generator.records.reader import load_file

    file = tmp_path / "partners.yaml"
    file.write_text("partners: [" + ",".join(["a"] * (MAX_VALUES + 10)) + "]\n", encoding="utf-8")
    doc, problems = load_file(file)
    assert [p.message for p in problems] == [
        "Datei enthält mehr als 200.000 Werte; so viele Einträge schreibt kein Mensch, bitte den Inhalt prüfen"
    ]
    assert doc.data is None


def test_many_bad_records_are_capped_and_summarised(data_dir):
    from generator.messages import MAX_SHOWN
    from generator.records.validate import MAX_PROBLEMS

    (data_dir / "partners.yaml").write_text("partners:\n" + "- {}\n" * 5000, encoding="utf-8")
    problems = [p for p in check_data(data_dir) if p.file.endswith("partners.yaml")]
    assert MAX_PROBLEMS <= len(problems) <= MAX_PROBLEMS + 10
    assert any("weitere Einträge ab hier nicht geprüft" in p.message for p in problems)
    result = run_cli("check", "--data", str(data_dir))
    lines = result.stderr.splitlines()
    assert len(lines) <= MAX_SHOWN + 3
    assert any(line.startswith("… und ") and "weitere; gezeigt sind die ersten 50." in line for line in lines)
    assert re.fullmatch(r"[0-9]+ Fehler gefunden\.", lines[-1]) or re.fullmatch(r"[0-9]+ Fehler gefunden\.", lines[-2])
