"""Pages of the handbook that name data: the agreement, the procedure, the Botschafter and the one-page sheets."""

from __future__ import annotations

from generator.addresses import AGREEMENT_INDEX, CHANGES, SHEET_PAGES, SHEETS_INDEX, SIGNING_PAGES, VERSION_PAGES
from generator.model.agreement import history, signed_version, timeline_version, version_to_sign
from generator.model.directory import Directory
from generator.pages.diagram import procedure_svg
from generator.pages.family import Renderer, record_pages
from generator.records.schema import AGREEMENT_STATUSES, PARTNER_KINDS, TIMELINE_STATES


def agreement_pages(renderer: Renderer, d: Directory) -> dict[str, str]:
    """Overview, one page per version, the changes, and one page per network to print and sign."""
    agreement = d.agreement
    shared = {
        "d": d,
        "a": agreement,
        "current": version_to_sign(agreement),
        "timeline_of": timeline_version(agreement),
        "signed": {n.id: signed_version(agreement, n) for n in d.networks},
        "statuses": AGREEMENT_STATUSES,
        "states": TIMELINE_STATES,
        "office": d.office_role,
        "version_sources": d.version_sources,
    }
    pages = {
        AGREEMENT_INDEX: renderer.render("agreement.md.j2", shared),
        CHANGES: renderer.render("agreement_changes.md.j2", shared, history=history(agreement)),
    }
    pages |= record_pages(renderer, "agreement_version.md.j2", VERSION_PAGES, agreement.versions, "v", shared)
    # A signing page shows its network and the version it signed (or is to sign): not the whole agreement file.
    one = {key: shared[key] for key in ("statuses", "office")} | {"title": agreement.title}

    def own(n):
        signed = shared["signed"][n.id]
        return {"v": signed or shared["current"], "is_signed": signed is not None}

    pages |= record_pages(renderer, "agreement_network.md.j2", SIGNING_PAGES, d.networks, "n", one, own)
    return pages


def procedure_pages(renderer: Renderer, d: Directory) -> dict[str, str]:
    """The contact procedure with its roles, numbered steps and diagram."""
    roles = {role.id: role for role in d.process.roles}
    page = renderer.render(
        "procedure.md.j2", p=d.process, roles=roles, office=d.office_role, diagram=procedure_svg(d.process)
    )
    return {"verfahren/index.md": page}


def toolkit_pages(renderer: Renderer, d: Directory) -> dict[str, str]:
    """The Botschafter of each network and a printable one-page sheet per network for advisors."""
    shared = {
        "d": d,
        "intern": d.intern,
        "office": d.office_role,
        "partners": {p.id: p for p in d.partners},
        "kinds": PARTNER_KINDS,
        "signed": {n.id: signed_version(d.agreement, n) for n in d.networks},
    }
    pages = {
        "botschafter/index.md": renderer.render("ambassadors.md.j2", shared),
        SHEETS_INDEX: renderer.render("sheets.md.j2", shared),
    }
    # A sheet shows its network, the office and which members are national: nothing else of the directory.
    national = frozenset(p.id for p in d.partners if p.scope == "national")
    one = {"intern": d.intern, "office": shared["office"]}

    def own(n):
        version = shared["signed"][n.id]
        members = national.intersection(m.id for m in n.members)
        return {"signed_date": version.date if version else None, "national": members}

    pages |= record_pages(renderer, "sheet.md.j2", SHEET_PAGES, d.networks, "n", one, own)
    return pages
