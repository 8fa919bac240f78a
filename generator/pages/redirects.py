"""Pages at former addresses (`former_ids`): each forwards to the record's page under its new id.

Printed Merkblätter carry a network's address as a QR code, so an id that changes (`rename`) must
not leave a 404 behind. The page forwards at once (meta refresh), names the new address as canonical
and tells search engines not to index it (overrides/main.html reads `redirect` and `canonical`), and
shows a link for everyone whose browser does not forward.
"""

from __future__ import annotations

import posixpath

from generator.addresses import (
    BY_NETWORK,
    KIT_PAGES,
    NETWORK_PAGES,
    PARTNER_PAGES,
    RECORD_FOLDERS,
    SHEET_PAGES,
    SIGNING_PAGES,
    record_page,
)
from generator.model.directory import Directory, NetworkEntry, PartnerEntry
from generator.pages.family import Renderer

_SECTIONS = {"networks.yaml": "networks", "partners.yaml": "partners"}
# What a page of each folder is, for the forwarding page's title (every page has its own title).
_PAGE_KINDS = {
    NETWORK_PAGES: "Netzwerk",
    PARTNER_PAGES: "Partner",
    BY_NETWORK: "Partner im Netzwerk",
    SHEET_PAGES: "Merkblatt",
    SIGNING_PAGES: "Vereinbarung",
    KIT_PAGES: "Mappe zum Treffen",
}


def redirect_pages(renderer: Renderer, directory: Directory) -> dict[str, str]:
    """A forwarding page at every folder/former-id of a record folder that this profile writes."""
    records: dict[str, tuple[NetworkEntry | PartnerEntry, ...]] = {
        "networks.yaml": directory.networks,
        "partners.yaml": (*directory.partners, *directory.former_partners),
    }
    template = renderer.template("redirect.md.j2")
    public = not directory.intern
    pages = {}
    for folder, (file, _) in sorted(RECORD_FOLDERS.items()):
        if file not in _SECTIONS or (public and folder.startswith("intern/")):
            continue
        for record in records[file]:
            for former in record.former_ids:
                canonical = f"{renderer.site_url}{folder}/{record.id}/" if public else None
                source, target = record_page(folder, former), record_page(folder, record.id)
                pages[source] = template.render(
                    record=record,
                    kind=_PAGE_KINDS.get(folder, "Seite"),
                    target=posixpath.relpath(target, posixpath.dirname(source)),
                    redirect=f"../{record.id}/",
                    canonical=canonical,
                    old=former,
                )
    return pages
