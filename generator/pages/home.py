"""The home page: the visitor's tasks first (find a network by map, list or Land; search)."""

from __future__ import annotations

from generator.addresses import HOME
from generator.model.directory import Directory
from generator.pages.family import Renderer
from generator.pages.schema_org import home_graph, json_ld

SITE_NAME = "Offensive Mittelstand – Netzwerke und Partner"
DESCRIPTION = "Ein Netzwerk starker Partner für kleine und mittlere Unternehmen."


def home_page(renderer: Renderer, directory: Directory) -> dict[str, str]:
    """docs/index.md, with the Organization and WebSite of the site as JSON-LD."""
    schema = json_ld(home_graph(renderer.site_url, SITE_NAME, DESCRIPTION))
    page = renderer.render(
        "home.md.j2", HOME, directory=directory, intern=directory.intern, home_schema=schema
    )
    return {HOME: page}
