"""schema.org JSON-LD (Organization) for network and partner pages, from organisations' public fields only.

Templates put it into the page's front matter (`schema_org:`); overrides/main.html writes it into the
page head as <script type="application/ld+json">. No person ever enters it, whatever the profile.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from .frontmatter import yaml_safe_json
from .model import NetworkEntry, PartnerEntry

OFFENSIVE_MITTELSTAND = {"@type": "Organization", "name": "Offensive Mittelstand"}
# Characters that could end a <script> element or open markup, escaped the way JSON allows.
_SCRIPT_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def network_organization(n: NetworkEntry) -> dict:
    """A regional network as schema.org Organization."""
    c = n.contact
    address = {"@type": "PostalAddress", "addressLocality": c.city, "addressRegion": n.state_labels[0]}
    address |= {"streetAddress": c.street} if c.street else {}
    address |= {"postalCode": c.postcode} if c.postcode else {}
    address["addressCountry"] = "DE"
    return _without_empty(
        {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": n.name,
            "description": n.description,
            "url": n.website,
            "areaServed": [n.region, *({"@type": "State", "name": label} for label in n.state_labels)],
            "email": c.email,
            "telephone": c.phone,
            "address": address,
            "location": {
                "@type": "Place",
                "geo": {"@type": "GeoCoordinates", "latitude": n.lat, "longitude": n.lon},
            },
            "parentOrganization": OFFENSIVE_MITTELSTAND,
            "member": [{"@type": "Organization", "name": m.name} for m in n.members],
        }
    )


def partner_organization(p: PartnerEntry) -> dict:
    """A partner institution as schema.org Organization."""
    return _without_empty(
        {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": p.name,
            "alternateName": p.short_name,
            "description": p.description,
            "url": p.website,
            "memberOf": [OFFENSIVE_MITTELSTAND, *({"@type": "Organization", "name": r.name} for r in p.networks)],
        }
    )


def _without_empty(record: dict) -> dict:
    return {key: value for key, value in record.items() if value not in (None, [], "")}


def json_ld(record: dict) -> Markup:
    """One line of JSON that is valid YAML front matter and safe inside a <script> element."""
    text = yaml_safe_json(json.dumps(_one_line(record), ensure_ascii=False, separators=(", ", ": ")))
    return Markup("".join(_SCRIPT_SAFE.get(char, char) for char in text))


def _one_line(value: object) -> object:
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, dict):
        return {key: _one_line(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_one_line(item) for item in value]
    return value


def schema_org(entry: NetworkEntry | PartnerEntry) -> Markup:
    """Template filter: the JSON-LD of a network or partner entry."""
    record = network_organization(entry) if isinstance(entry, NetworkEntry) else partner_organization(entry)
    return json_ld(record)
