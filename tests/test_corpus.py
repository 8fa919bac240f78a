"""Every bad input of the hardening issue, through `check`, `build` and `new`: exit code 1, German, file and line.

The commands run in-process (cli.main), so an exception anywhere fails the test instead of hiding in a
subprocess; tests/test_hardening.py runs some of the same inputs as a real subprocess.
"""

from __future__ import annotations

import re
import shutil

import pytest

from generator import cli

from .support import DATA, replace_in

NAME = "    name: Deutsche Gesetzliche Unfallversicherung\n"
SHORT = "    short_name: DGUV\n"
# (case, file, text to replace, replacement)
CORPUS = [
    ("1-partner", "partners.yaml", "partners:\n", "partner:\n"),
    ("1-network", "networks.yaml", "networks:\n", "network:\n"),
    ("1-agreement", "agreement.yaml", "versions:\n", "version:\n"),
    ("1-process", "process.yaml", "steps:\n", "step:\n"),
    ("2-formfeed", "partners.yaml", SHORT, "    short_name: DG\x0cUV\n"),
    ("2-nul", "partners.yaml", SHORT, "    short_name: DG\x00UV\n"),
    ("2-escape", "networks.yaml", "    region: München und Oberbayern\n", "    region: München\x1b und Oberbayern\n"),
    ("2-del", "process.yaml", "title: Verfahren", "title: Verfahren\x7f"),
    ("2-c1", "agreement.yaml", "title: Vereinbarung", "title: Vereinbarung\x85"),
    ("2-nonchar", "requests.yaml", "topic: Gefährdungsbeurteilung", "topic: Gefährdungsbeurteilung\uffff"),
    ("3-surrogate", "partners.yaml", NAME, '    name: "Deutsche \\ud800 Unfallversicherung"\n'),
    (
        "4-c1-escape",
        "partners.yaml",
        SHORT,
        '    short_name: "BG ETEM \\x80 ![x](http://127.0.0.1:9/x.png){: onerror=alert(1) }"\n',
    ),
    ("4-process-title", "process.yaml", "title: Verfahren", 'title: "\\x9fVerfahren'),
    ("4-website", "partners.yaml", "    website: https://www.dguv.de\n", '    website: "https://www.dguv.de/\\x80"\n'),
    ("5-flood", "partners.yaml", "partners:\n", "partners: [" + ",".join(["a"] * 50_000) + "]\nold:\n"),
    ("6-index", "partners.yaml", "  - id: dguv\n", "  - id: index\n"),
    ("6-network-index", "networks.yaml", "  - id: muenchen\n", "  - id: index\n"),
    ("8-forged", "partners.yaml", SHORT, SHORT + '    "x\\n::error file=README.md,line=1::forged": 1\n'),
    ("9-long-name", "partners.yaml", NAME, f"    name: {'x' * 201}\n"),
    ("9-long-id", "partners.yaml", "  - id: dguv\n", f"  - id: {'a' * 41}\n"),
    ("9-lat-true", "networks.yaml", "      lat: 48.1372\n", "      lat: true\n"),
    ("9-february-30", "partners.yaml", "named_on: 2021-10-04", "named_on: 2021-02-30"),
    ("10-unclosed", "partners.yaml", SHORT, '    short_name: "DGUV\n'),
    ("10-curly", "partners.yaml", SHORT, "    short_name: „DGUV“\n"),
    ("10-invalid-id", "partners.yaml", "  - id: dguv\n", "  - id: bg etem\n"),
    ("11-line-separator", "partners.yaml", SHORT, '    short_name: "DG\u2028UV"\n'),
    ("13-bell", "partners.yaml", SHORT, '    short_name: "DG\\aUV"\n'),
    ("13-nul-escape", "partners.yaml", SHORT, '    short_name: "DG\\0UV"\n'),
    ("13-esc-escape", "networks.yaml", "    region: München und Oberbayern\n", '    region: "München\\e"\n'),
    (
        "15-case",
        "partners.yaml",
        "    name: Bundesagentur für Arbeit\n",
        "    name: deutsche gesetzliche unfallversicherung\n",
    ),
    (
        "15-cyrillic",
        "partners.yaml",
        "    name: Bundesagentur für Arbeit\n",
        "    name: Dеutsche Gesetzliche Unfallversicherung\n",
    ),
    ("16-SU5Z", "partners.yaml", SHORT, '    short_name: "DGUV"# Kommentar\n'),
    (
        "16-9C9N",
        "networks.yaml",
        "partners: [dguv, dihk, ihk-muenchen, rkw, ba]",
        "partners: [dguv,\ndihk, ihk-muenchen, rkw, ba]",
    ),
    ("16-YJV2", "networks.yaml", "partners: [dguv, dihk, ihk-muenchen, rkw, ba]", "partners: [-]"),
    ("16-QB6E", "partners.yaml", SHORT, '    short_name: "DG\nUV"\n'),
]
KINDS = {"partners.yaml": "partner", "networks.yaml": "network"}
ENGLISH = ("Traceback", "Error", "expected", "found", "not allowed", "while ", "line ", "column ")


@pytest.mark.parametrize(("case", "file", "old", "new"), CORPUS, ids=[entry[0] for entry in CORPUS])
def test_bad_input_fails_in_german_with_file_and_line(tmp_path, capsys, monkeypatch, case, file, old, new):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    replace_in(data / file, old, new)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    commands = [["check"], ["build", "--site-dir", str(tmp_path / "site")]]
    commands += [["new", KINDS[file]]] if file in KINDS else []
    for command in commands:
        assert cli.main([*command, "--data", str(data)]) == 1, command
        err = capsys.readouterr().err
        lines = err.splitlines()
        located = [line for line in lines if re.match(rf"^{re.escape(str(data))}/[a-z]+\.yaml:[0-9]+: ", line)]
        assert any(f"/{file}:" in line for line in located), (command, err)
        summary = r"[0-9]+ Fehler gefunden(; es wurde nichts geschrieben)?\."
        assert any(re.fullmatch(summary, line) for line in lines[-2:]), (command, err)
        assert not any(word in err for word in ENGLISH), (command, err)
        assert not any(line.lstrip().startswith("::") for line in lines), (command, err)
    assert not (tmp_path / "site").exists()
