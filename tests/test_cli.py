"""The command line speaks German in argparse's own texts, and only while it reads the command line."""

from __future__ import annotations

import argparse
import gettext

from .support import run_cli


def test_help_is_german_and_argparse_speaks_english_again_afterwards():
    help_text = run_cli("check", "--help").stdout
    assert help_text.startswith("Aufruf: python -m generator check")
    assert "Optionen:" in help_text and "diese Hilfe zeigen und beenden" in help_text
    assert argparse._ is gettext.gettext
    assert argparse.ArgumentParser(prog="anderes").format_usage() == "usage: anderes [-h]\n"


def test_a_usage_error_is_german_and_leaves_argparse_as_it_was():
    wrong = run_cli("check", "--max-age", "zwei")
    assert wrong.returncode == 2
    assert wrong.stderr.splitlines()[-1] == (
        "python -m generator check: Fehler: Angabe --max-age: keine gültige Anzahl Tage: „zwei“"
    )
    assert argparse._ is gettext.gettext
