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


def _import_graph() -> dict[str, set[str]]:
    """Module → the generator modules it imports anywhere: at the top, in a function, or only for type checking.

    `from generator.records import schema` names the submodule, not the package, when such a module exists.
    """
    modules = {_module(file) for file in MODULES}
    graph: dict[str, set[str]] = {}
    for file in MODULES:
        targets = set()
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("generator"):
                targets |= {
                    f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in modules else node.module
                    for a in node.names
                }
            elif isinstance(node, ast.Import):
                targets |= {a.name for a in node.names if a.name.startswith("generator")}
        graph[_module(file)] = (targets & modules) - {_module(file)}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle of the graph (empty when it has none), found depth first."""
    done: set[str] = set()
    trail: list[str] = []

    def visit(module: str) -> list[str]:
        if module in trail:
            return [*trail[trail.index(module) :], module]
        if module in done:
            return []
        trail.append(module)
        for target in sorted(graph[module]):
            if found := visit(target):
                return found
        trail.pop()
        done.add(module)
        return []

    return next((found for module in sorted(graph) if (found := visit(module))), [])


def test_the_cycle_finder_sees_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_between_generator_modules():
    """Imports inside functions and for type checking count: a cycle kept lazy is still a knot in the design."""
    assert _cycle(_import_graph()) == []


def _record_classes(tree: ast.Module) -> set[str]:
    """The dataclasses and named tuples a module defines."""
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        and (
            any("dataclass" in ast.unparse(decorator) for decorator in node.decorator_list)
            or any(ast.unparse(base) == "NamedTuple" for base in node.bases)
        )
    }


def test_the_model_builds_its_entries_with_keywords():
    """A directory entry has up to 25 fields: a positional call would put a value in the wrong one silently."""
    trees = {file: ast.parse(file.read_text(encoding="utf-8")) for file in sorted((GENERATOR / "model").rglob("*.py"))}
    classes = set().union(*(_record_classes(tree) for tree in trees.values()))
    positional = [
        f"{file.name}:{node.lineno}: {ast.unparse(node)[:60]}"
        for file, tree in trees.items()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in classes and node.args
    ]
    assert classes >= {"Directory", "NetworkEntry", "PartnerEntry", "Contact", "GapPlan", "Run"}
    assert not positional


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
