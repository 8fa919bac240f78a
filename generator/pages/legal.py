"""The legal pages Impressum (§ 5 DDG) and Datenschutzerklärung (Art. 13 DSGVO), from legal.yaml."""

from __future__ import annotations

from generator.addresses import IMPRINT, PRIVACY
from generator.model.directory import Directory
from generator.pages.family import Renderer


def legal_pages(renderer: Renderer, directory: Directory) -> dict[str, str]:
    """Both legal pages; alike in both profiles, so the public wording can be read internally."""
    if directory.legal is None:
        return {}
    shared = {"directory": directory, "legal": directory.legal, "source": "data/legal.yaml"}
    return {
        IMPRINT: renderer.render("impressum.md.j2", IMPRINT, shared),
        PRIVACY: renderer.render("datenschutz.md.j2", PRIVACY, shared),
    }
