"""Every command of the command line is documented in the README."""

from __future__ import annotations

import argparse

from generator.cli import _parser

from .support import ROOT


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction)).choices
    undocumented = [name for name in commands if f"python -m generator {name}" not in readme]
    assert undocumented == []
