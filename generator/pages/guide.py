"""The editing guide „Daten pflegen“: changing data in a pull request, with schema skeletons."""

from __future__ import annotations

from markupsafe import Markup

from generator.addresses import EDITING_GUIDE
from generator.model.directory import Directory
from generator.pages.family import Renderer
from generator.pages.schemas import modeline, schema_name
from generator.records.schema import DATA_FILES
from generator.records.schema.process import (
    STEP_ASKED,
    STEP_INFORMED,
    STEP_NAMED,
    STEP_PASSED,
    logged_steps,
)
from generator.records.skeleton import skeleton


def guide_pages(renderer: Renderer, directory: Directory) -> dict[str, str]:
    """The guide page; the same in both profiles and independent of today's date."""
    steps = logged_steps(directory.process.steps) if directory.process else ()
    roles = {role.id: role.label for role in directory.process.roles} if directory.process else {}
    files = [(name, schema_name(name), modeline(name)) for name in DATA_FILES]
    page = renderer.render(
        "guide.md.j2",
        EDITING_GUIDE,
        directory=directory,
        intern=directory.intern,
        files=files,
        modelines=fenced("\n".join(line for _, _, line in files) + "\n"),
        partner_skeleton=fenced(skeleton("partner")),
        network_skeleton=fenced(skeleton("network")),
        members_example=fenced(_members_example()),
        steps=steps,
        roles=roles,
        request_example=fenced(_request_example([step.id for step in steps])),
        asked=STEP_ASKED,
        named=STEP_NAMED,
        informed=STEP_INFORMED,
        passed=STEP_PASSED,
    )
    return {EDITING_GUIDE: page}


def fenced(text: str) -> Markup:
    """Developer-written text (skeletons, examples) as a fenced block with Material's copy button.

    The text keeps exactly the indentation it needs in its data file; nothing is added.
    """
    if "```" in text:
        raise ValueError("a code example must not contain a Markdown fence")
    # No language: highlighted YAML comments fail the contrast check (WCAG 1.4.3) in Material.
    return Markup(f"```\n{text}```")


def _members_example() -> str:
    return "    partners:\n      - dguv\n      - hwk-dresden\n      - hwk-hannover\n      - zdh\n"


def _request_example(step_ids: list[str]) -> str:
    """A request at its second step, written with the step ids of process.yaml."""
    lines = [
        "  - id: 2026-harz-zdh",
        "    network: harz",
        "    partner: zdh",
        "    topic: Betriebsnachfolge im Handwerk",
        "    steps:",
    ]
    lines += [
        f"      {step_id}: 2026-11-{10 + 2 * i:02d}" for i, step_id in enumerate(step_ids[:2])
    ]
    return "\n".join(lines) + "\n"
