"""Every command of the command line and every make target is documented in the README."""

from __future__ import annotations

import argparse
import re

from generator.cli import _parser

from .support import ROOT


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction)).choices
    undocumented = [name for name in commands if f"python -m generator {name}" not in readme]
    assert undocumented == []


def test_every_make_target_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    phony = re.search(r"^\.PHONY: (.+)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE)
    assert phony, "the Makefile names its targets in .PHONY"
    undocumented = [name for name in phony[1].split() if f"make {name}" not in readme]
    assert undocumented == []


def test_every_generator_path_the_readme_names_exists():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    paths = set(re.findall(r"generator/[\w./-]*\w/?", readme))
    assert paths and [path for path in sorted(paths) if not (ROOT / path).exists()] == []


def test_the_readme_tree_names_every_module_folder_of_the_generator():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tree = readme[readme.index("```text\ngenerator/") :]
    tree = tree[: tree.index("```", 3)]
    folders = sorted(p.name for p in (ROOT / "generator").rglob("*") if p.is_dir() and any(p.glob("*.py")))
    assert [name for name in folders if f"{name}/" not in tree] == []
