"""The legal pages of both sites, Impressum (§ 5 DDG) and Datenschutzerklärung (Art. 13 DSGVO), from legal.yaml."""

from __future__ import annotations

from jinja2 import Environment

from generator.model.directory import Directory


def legal_pages(env: Environment, directory: Directory) -> dict[str, str]:
    """Both legal pages; the same in both profiles, so the public wording can be read on the internal site."""
    if directory.legal is None:
        return {}
    shared = {"d": directory, "legal": directory.legal, "source": "data/legal.yaml"}
    return {
        "rechtliches/impressum.md": env.get_template("impressum.md.j2").render(shared),
        "rechtliches/datenschutz.md": env.get_template("datenschutz.md.j2").render(shared),
    }
