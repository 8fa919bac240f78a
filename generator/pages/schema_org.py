"""schema.org JSON-LD for network and partner pages and the home page (Organization, WebSite).

Built from organisations' public fields only. Templates put it into the page's
front matter (`schema_org:`); overrides/main.html writes it into the page head as
<script type="application/ld+json">.
No person ever enters it, whatever the profile. Every organisation has an `@id` (its page
address and a fragment), so a network's members and a partner's networks point at the records of
their own pages.
"""

from __future__ import annotations

import json

from jinja2 import pass_environment
from markupsafe import Markup

from generator.addresses import NETWORK_PAGES, PARTNER_PAGES
from generator.model.directory import NetworkEntry, PartnerEntry
from generator.pages.frontmatter import yaml_safe_json

OFFENSIVE_MITTELSTAND = {"@type": "Organization", "name": "Offensive Mittelstand"}
HOME_ID, WEBSITE_ID = "#offensive-mittelstand", "#website"
# Characters that could end a <script> element or open markup, escaped the way JSON allows.
_SCRIPT_SAFE = (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"))


def network_id(site_url: str, network_id: str) -> str:
    return f"{site_url}{NETWORK_PAGES}/{network_id}/#netzwerk"


def partner_id(site_url: str, partner_id: str) -> str:
    return f"{site_url}{PARTNER_PAGES}/{partner_id}/#partner"


def _parent(site_url: str) -> dict:
    return {**OFFENSIVE_MITTELSTAND, "@id": site_url + HOME_ID}


def network_organization(n: NetworkEntry, site_url: str) -> dict:
    """A regional network as schema.org Organization."""
    c = n.contact
    address = {
        "@type": "PostalAddress",
        "addressLocality": c.city,
        "addressRegion": n.state_labels[0],
    }
    address |= {"streetAddress": c.street} if c.street else {}
    address |= {"postalCode": c.postcode} if c.postcode else {}
    address["addressCountry"] = "DE"
    return _without_empty(
        {
            "@context": "https://schema.org",
            "@type": "Organization",
            "@id": network_id(site_url, n.id),
            "name": n.name,
            "description": n.description,
            "url": n.website or f"{site_url}{NETWORK_PAGES}/{n.id}/",
            "mainEntityOfPage": f"{site_url}{NETWORK_PAGES}/{n.id}/",
            "areaServed": [
                n.region,
                *({"@type": "State", "name": label} for label in n.state_labels),
            ],
            "email": c.email,
            "telephone": c.phone,
            "address": address,
            "location": {
                "@type": "Place",
                "geo": {"@type": "GeoCoordinates", "latitude": n.lat, "longitude": n.lon},
            },
            "parentOrganization": _parent(site_url),
            "member": [
                {"@type": "Organization", "@id": partner_id(site_url, m.id), "name": m.name}
                for m in n.members
            ],
        }
    )


def partner_organization(p: PartnerEntry, site_url: str) -> dict:
    """A partner institution as schema.org Organization."""
    networks = (
        {"@type": "Organization", "@id": network_id(site_url, r.id), "name": r.name}
        for r in p.networks
    )
    return _without_empty(
        {
            "@context": "https://schema.org",
            "@type": "Organization",
            "@id": partner_id(site_url, p.id),
            "name": p.name,
            "alternateName": p.short_name,
            "description": p.description,
            "url": p.website or f"{site_url}{PARTNER_PAGES}/{p.id}/",
            "mainEntityOfPage": f"{site_url}{PARTNER_PAGES}/{p.id}/",
            "memberOf": [_parent(site_url), *networks],
        }
    )


def home_graph(site_url: str, site_name: str, description: str) -> dict:
    """The Offensive Mittelstand as Organization and this site as WebSite, for the home page."""
    return {
        "@context": "https://schema.org",
        "@graph": [
            {**_parent(site_url), "url": site_url, "description": description},
            {
                "@type": "WebSite",
                "@id": site_url + WEBSITE_ID,
                "url": site_url,
                "name": site_name,
                "inLanguage": "de",
                "publisher": {"@id": site_url + HOME_ID},
            },
        ],
    }


def _without_empty(record: dict) -> dict:
    return {key: value for key, value in record.items() if value not in (None, [], "")}


def json_ld(record: dict) -> Markup:
    """One line of JSON that is valid YAML front matter and safe inside a <script> element."""
    text = yaml_safe_json(
        json.dumps(_one_line(record), ensure_ascii=False, separators=(", ", ": "))
    )
    # str.replace: a dict for str.translate costs ten times as much
    for char, escaped in _SCRIPT_SAFE:
        text = text.replace(char, escaped)
    return Markup(text)


def _one_line(value: object) -> object:
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, dict):
        return {key: _one_line(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_one_line(item) for item in value]
    return value


@pass_environment
def schema_org(env, entry: NetworkEntry | PartnerEntry) -> Markup:
    """Template filter: the JSON-LD of a network or partner entry."""
    site_url = env.globals["site_url"]
    if isinstance(entry, NetworkEntry):
        return json_ld(network_organization(entry, site_url))
    return json_ld(partner_organization(entry, site_url))
