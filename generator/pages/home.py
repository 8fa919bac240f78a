"""The home page: the visitor's tasks first (find a network by map, list or Land; search), built from the data."""

from __future__ import annotations

from jinja2 import Environment

from generator.model.directory import Directory
from generator.pages.family import site_address
from generator.pages.schema_org import home_graph, json_ld

SITE_NAME = "Offensive Mittelstand – Netzwerke und Partner"
DESCRIPTION = "Ein Netzwerk starker Partner für kleine und mittlere Unternehmen."


def home_page(env: Environment, directory: Directory) -> dict[str, str]:
    """docs/index.md, with the Organization and WebSite of the site as JSON-LD."""
    schema = json_ld(home_graph(site_address(env), SITE_NAME, DESCRIPTION))
    page = env.get_template("home.md.j2").render(d=directory, intern=directory.intern, home_schema=schema)
    return {"index.md": page}
