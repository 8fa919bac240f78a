"""vCard 4.0 files (RFC 6350) for the contacts a profile may show and for every network's office.

No maintained PyPI library writes vCard 4.0 (vobject writes 3.0 only), so this small writer does:
every value is escaped as RFC 6350 § 3.4 asks, control characters are dropped, and lines are
folded at 75 octets without splitting a character. Which people get a card is decided in the model:
a `Contact` carries a `card` name only when the profile may show the person's contact data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from generator.addresses import NETWORK_CARDS, NETWORK_PAGES
from generator.model.directory import Contact, Directory, NetworkEntry
from generator.pages.family import Renderer
from generator.pages.telephone import tel_uri

# The card folders sit beside the record pages: a network or partner id `vcard` must be refused.

MAX_OCTETS = 75
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_ESCAPES = {"\\": "\\\\", ",": "\\,", ";": "\\;"}


def text_value(value: object) -> str:
    """A TEXT value: backslash, comma and semicolon escaped; breaks and controls become spaces."""
    text = " ".join(_CONTROL.sub(" ", str(value)).split())
    return "".join(_ESCAPES.get(char, char) for char in text)


def structured(*parts: object) -> str:
    """A structured value (N, ADR): components escaped one by one and joined by semicolons."""
    return ";".join(text_value(part) if part else "" for part in parts)


def folded(line: str) -> str:
    """One content line folded at 75 octets; continuations start with a space (RFC 6350 § 3.2)."""
    pieces: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = MAX_OCTETS if not pieces else MAX_OCTETS - 1  # the leading space counts
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def vcard(properties: Iterable[tuple[str, str]]) -> str:
    """A vCard 4.0 from (name with parameters, already escaped value) pairs, with CRLF line ends."""
    # Values arrive escaped; dropping control characters once more means no value can start a line.
    body = [f"{name}:{_CONTROL.sub('', value)}" for name, value in properties if value]
    lines = ["BEGIN:VCARD", "VERSION:4.0", *body, "END:VCARD"]
    return "".join(folded(line) + "\r\n" for line in lines)


def _tel(phone: str | None) -> tuple[str, str]:
    uri = tel_uri(phone)
    if uri:
        return "TEL;VALUE=uri;TYPE=work,voice", uri
    return "TEL;VALUE=text;TYPE=work,voice", text_value(phone) if phone else ""


def person_card(person: Contact, organisation: str | None, source: str) -> str:
    """The vCard of a person the profile may show, with the organisation they act for."""
    return vcard(
        [
            ("KIND", "individual"),
            ("FN", text_value(person.name)),
            ("N", structured(*_name_parts(person.name))),
            ("ORG", structured(organisation) if organisation else ""),
            ("TITLE", text_value(person.function) if person.function else ""),
            ("EMAIL;TYPE=work", text_value(person.email) if person.email else ""),
            _tel(person.phone),
            ("SOURCE", source),
        ]
    )


def office_card(n: NetworkEntry, page: str, source: str) -> str:
    """The vCard of a network's office: an organisation, never a person."""
    c = n.contact
    return vcard(
        [
            ("KIND", "org"),
            ("FN", text_value(c.organisation)),
            ("ORG", structured(c.organisation)),
            ("EMAIL;TYPE=work", text_value(c.email)),
            _tel(c.phone),
            (
                "ADR;TYPE=work",
                structured("", "", c.street, c.city, n.state_labels[0], c.postcode, "Deutschland"),
            ),
            ("URL", n.website or page),
            ("SOURCE", source),
        ]
    )


def _name_parts(name: str) -> tuple[str, str, str, str, str]:
    """The five components of N; the data has one name field, its last word is the family name."""
    given, _, family = " ".join(name.split()).rpartition(" ")
    return family, given, "", "", ""


def office_card_path(n: NetworkEntry) -> str:
    """Where the vCard of a network's office lives below docs/."""
    return f"{NETWORK_CARDS}buero/{n.id}.vcf"


def contact_cards(directory: Directory, site_url: str) -> Iterator[tuple[str, str]]:
    """(path below docs/, vCard) for every network office and every person with a card.

    SOURCE and URL must be URIs (RFC 6350 § 6.1.3, 6.7.8): they are written only with an absolute
    site address. The internal site has none (it is served wherever the office hosts it): its cards
    leave them out.
    """
    base = site_url if site_url.startswith(("https://", "http://")) else ""

    def address(path: str) -> str:
        return base + path if base else ""

    for n in directory.networks:
        path = office_card_path(n)
        yield path, office_card(n, address(f"{NETWORK_PAGES}/{n.id}/"), address(path))
        for c in n.regional_contacts:
            if c.person and c.person.card:
                yield c.person.card, person_card(c.person, c.partner_name, address(c.person.card))
        for b in n.ambassadors:
            if b.person and b.person.card:
                organisation = b.partner.name if b.partner else None
                yield b.person.card, person_card(b.person, organisation, address(b.person.card))
    for p in directory.partners:
        if p.liaison and p.liaison.card:
            yield p.liaison.card, person_card(p.liaison, p.name, address(p.liaison.card))
        if p.liaison_deputy and p.liaison_deputy.card:
            yield (
                p.liaison_deputy.card,
                person_card(p.liaison_deputy, p.name, address(p.liaison_deputy.card)),
            )


def vcard_files(renderer: Renderer, directory: Directory) -> dict[str, str]:
    """Page set: the vCard files, each written once."""
    return dict(contact_cards(directory, renderer.site_url))
