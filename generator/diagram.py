"""Mermaid source of the contact procedure's sequence diagram, generated from the process definition."""

from __future__ import annotations

from markupsafe import Markup

from .schema import ProcessFile

# Mermaid's configuration: labels at 14 px, each on one line, and the diagram at its natural size; where the
# column is narrower, the diagram's frame scrolls sideways (handbuch.css) instead of shrinking the labels to 7 px.
# The lifelines' names stand once, at the top (mirrorActors): the steps are listed below the diagram anyway.
CONFIG = (
    "config:",
    "  fontSize: 14",
    "  sequence:",
    "    mirrorActors: false",
    "    useMaxWidth: false",
    "    diagramMarginX: 8",
    "    actorMargin: 10",
    "    width: 100",
)


def mermaid_text(value: object) -> str:
    """Text Mermaid shows literally: every character but letters, digits and spaces as a #code; entity."""
    return "".join(c if c.isalnum() or c == " " else f"#{ord(c)};" for c in " ".join(str(value).split()))


def sequence_diagram(process: ProcessFile) -> Markup:
    """A sequence diagram with one lifeline per role and one message (or note) per step, numbered like the page."""
    alias = {role.id: f"r{i}" for i, role in enumerate(process.roles, start=1)}
    lines = ["---", *CONFIG, "---", "sequenceDiagram"]
    lines += [f"    participant {alias[r.id]} as {mermaid_text(r.label)}" for r in process.roles]
    for number, step in enumerate(process.steps, start=1):
        label = mermaid_text(f"{number}. {step.title}")
        if step.to is not None:
            lines.append(f"    {alias[step.actor]}->>{alias[step.to]}: {label}")
        else:
            lines.append(f"    Note over {alias[step.actor]}: {label}")
    # Safe by construction: role aliases are generated and every data value went through mermaid_text.
    return Markup("\n".join(lines))
