"""The layout the code keeps: stages in order, rules and page families that read no clock and no environment."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

GENERATOR = Path(__file__).resolve().parent.parent / "generator"
# Stages in pipeline order; a module may import from its own stage and earlier ones only.
STAGES = ("foundation", "records", "model", "pages", "site", "top")
FOUNDATION = {"problems", "german", "settings", "messages", "siteconfig", "files", "addresses"}
# Known breaks, each with its reason; none is left (a new one needs a reason here, or a fix).
KNOWN: set[tuple[str, str]] = set()


def _module(file: Path) -> str:
    return ".".join(("generator", *file.relative_to(GENERATOR).with_suffix("").parts)).removesuffix(".__init__")


def _stage(module: str) -> str:
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in STAGES:
        return parts[1]
    return "foundation" if len(parts) > 1 and parts[1] in FOUNDATION else "top"


@functools.cache  # both tests read every module's imports
def _imports(file: Path) -> frozenset[str]:
    found = set()
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("generator"):
            found |= {node.module} if "." in node.module else {f"generator.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("generator")}
    return frozenset(found)


MODULES = sorted(GENERATOR.rglob("*.py"))


def test_no_module_imports_from_a_later_stage():
    breaks = {
        (_module(file), target)
        for file in MODULES
        for target in _imports(file)
        if STAGES.index(_stage(target)) > STAGES.index(_stage(_module(file)))
    }
    assert breaks <= KNOWN, sorted(breaks - KNOWN)


def test_only_the_records_stage_uses_its_rules():
    users = {
        (_module(file), target)
        for file in MODULES
        for target in _imports(file)
        if target.startswith("generator.records.rules") and _stage(_module(file)) not in ("records", "top")
    }
    assert not users, sorted(users)


@pytest.mark.parametrize("folder", ["records/rules", "pages", "model"])
def test_rules_models_and_page_families_read_no_clock_and_no_environment(folder):
    readers = []
    for file in sorted((GENERATOR / folder).rglob("*.py")):
        text = file.read_text(encoding="utf-8")
        readers += [
            f"{file.name}: {word}" for word in ("date.today(", "datetime.now(", "os.environ", "getenv(") if word in text
        ]
    assert not readers
