"""Handbook pages that name data: the agreement, the procedure, the Botschafter, the sheets."""

from __future__ import annotations

from generator.addresses import (
    AGREEMENT_INDEX,
    AMBASSADORS,
    CHANGES,
    PROCEDURE,
    SHEET_PAGES,
    SHEETS_INDEX,
    SIGNING_PAGES,
    VERSION_PAGES,
)
from generator.model.agreement import history, signed_version, timeline_version, version_to_sign
from generator.model.directory import Directory
from generator.pages.diagram import procedure_svg
from generator.pages.family import Renderer, record_pages
from generator.records.schema import AGREEMENT_STATUSES, PARTNER_KINDS, TIMELINE_STATES


def agreement_pages(renderer: Renderer, directory: Directory) -> dict[str, str]:
    """Overview, one page per version, the changes, and one page per network to print and sign."""
    agreement = directory.agreement
    shared = {
        "directory": directory,
        "agreement": agreement,
        "current": version_to_sign(agreement),
        "timeline_of": timeline_version(agreement),
        "signed": {
            network.id: signed_version(agreement, network) for network in directory.networks
        },
        "statuses": AGREEMENT_STATUSES,
        "states": TIMELINE_STATES,
        "office": directory.office_role,
        "version_sources": directory.version_sources,
    }
    pages = {
        AGREEMENT_INDEX: renderer.render("agreement.md.j2", AGREEMENT_INDEX, shared),
        CHANGES: renderer.render(
            "agreement_changes.md.j2", CHANGES, shared, history=history(agreement)
        ),
    }
    pages |= record_pages(
        renderer, "agreement_version.md.j2", VERSION_PAGES, agreement.versions, "version", shared
    )
    # A signing page shows its network and the version it signed (or is to sign), not the file.
    one = {key: shared[key] for key in ("statuses", "office")} | {"title": agreement.title}

    def own(network):
        signed = shared["signed"][network.id]
        return {"version": signed or shared["current"], "is_signed": signed is not None}

    pages |= record_pages(
        renderer, "agreement_network.md.j2", SIGNING_PAGES, directory.networks, "network", one, own
    )
    return pages


def procedure_pages(renderer: Renderer, directory: Directory) -> dict[str, str]:
    """The contact procedure with its roles, numbered steps and diagram."""
    process = directory.process
    roles = {role.id: role for role in process.roles}
    page = renderer.render(
        "procedure.md.j2",
        PROCEDURE,
        procedure=process,
        roles=roles,
        office=directory.office_role,
        diagram=procedure_svg(process),
    )
    return {PROCEDURE: page}


def toolkit_pages(renderer: Renderer, directory: Directory) -> dict[str, str]:
    """The Botschafter of each network and a printable one-page sheet per network for advisors."""
    shared = {
        "directory": directory,
        "intern": directory.intern,
        "office": directory.office_role,
        "partners": {partner.id: partner for partner in directory.partners},
        "kinds": PARTNER_KINDS,
        "signed": {
            network.id: signed_version(directory.agreement, network)
            for network in directory.networks
        },
    }
    pages = {
        AMBASSADORS: renderer.render("ambassadors.md.j2", AMBASSADORS, shared),
        SHEETS_INDEX: renderer.render("sheets.md.j2", SHEETS_INDEX, shared),
    }
    # A sheet shows its network, the office and which members are national: nothing else.
    national = frozenset(
        partner.id for partner in directory.partners if partner.scope == "national"
    )
    one = {"intern": directory.intern, "office": shared["office"]}

    def own(network):
        version = shared["signed"][network.id]
        members = national.intersection(member.id for member in network.members)
        return {"signed_date": version.date if version else None, "national": members}

    pages |= record_pages(
        renderer, "sheet.md.j2", SHEET_PAGES, directory.networks, "network", one, own
    )
    return pages
