"""Helpers shared by the page sets: pages that repeat once per record."""

from __future__ import annotations

from jinja2 import Environment


def record_pages(env: Environment, template: str, folder: str, records, name: str, shared: dict) -> dict[str, str]:
    """One page per record at `folder/<id>.md`, the record given to the template as `name`."""
    page = env.get_template(template)
    return {f"{folder}/{record.id}.md": page.render(shared, **{name: record}) for record in records}
