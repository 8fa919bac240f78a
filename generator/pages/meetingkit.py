"""The Botschafter meeting kit: per network one printable page, on the internal site only.

It names the partners and their contacts, the open gaps of the network and the route through the
coordination office, with a QR code to the network's public page (the address a meeting can share).
"""

from __future__ import annotations

from generator.addresses import KIT_INDEX, KIT_PAGES, NETWORK_PAGES
from generator.model.directory import Directory
from generator.pages.family import Renderer, record_pages
from generator.siteconfig import site_url


def kit_pages(renderer: Renderer, directory: Directory) -> dict[str, str]:
    """The index and one kit page per network; internal profile only (the kits name the gaps)."""
    if not directory.intern:
        return {}
    # The internal site has no public address of its own; the QR code leads to the public page
    public = site_url()
    pages = {KIT_INDEX: renderer.render("kits.md.j2", KIT_INDEX, directory=directory, intern=True)}
    pages |= record_pages(
        renderer,
        "kit.md.j2",
        KIT_PAGES,
        directory.networks,
        "network",
        {"intern": True},
        lambda network: _addresses(f"{public}{NETWORK_PAGES}/{network.id}/"),
    )
    return pages


def _addresses(url: str) -> dict[str, str]:
    """The public page for the QR code, and as the caption writes it: without scheme, as on paper.

    The internal site links nowhere on the public host (no canonical address, no link); the QR code
    carries the address in its modules, the caption only as text.
    """
    return {"network_url": url, "network_address": url.split("://", 1)[-1]}
