"""vCards and tel: links: a card per contact the profile may show and per network office; no value breaks out."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.model.directory import Contact
from generator.model.privacy import may_be_named_publicly
from generator.pages.telephone import tel_uri
from generator.pages.vcard import person_card
from generator.records.fieldtypes import PHONE_PATTERN
from generator.records.validate import load_records

from .support import DATA, sample_directory, sample_pages

CONTENT_LINE = re.compile(r"^[A-Z][A-Z-]*(?:;[A-Za-z-]+=[^:;]*)*:")


@pytest.fixture(scope="module")
def pages():
    return {profile: sample_pages(profile) for profile in ("public", "intern")}


def _unfolded(card: str) -> list[str]:
    assert card.endswith("\r\n") and "\n" not in card.replace("\r\n", "")
    physical = card[:-2].split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    return card[:-2].replace("\r\n ", "").split("\r\n")


def _properties(card: str) -> dict[str, str]:
    """Property name → raw value, for a card with one of each property."""
    lines = _unfolded(card)
    assert lines[0] == "BEGIN:VCARD" and lines[1] == "VERSION:4.0" and lines[-1] == "END:VCARD"
    assert all(CONTENT_LINE.match(line) for line in lines)
    found = {}
    for line in lines[2:-1]:
        head, value = re.match(r"^([^:]*):(.*)$", line).groups()
        name = head.split(";")[0]
        assert name not in found, f"property {name} twice"
        found[name] = value
    return found


def _unescaped(value: str) -> list[str]:
    """The components of a value, split at unescaped semicolons and unescaped (RFC 6350 § 3.4)."""
    parts, current, chars = [], "", iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars)
            current += "\n" if following in "nN" else following
        elif char == ";":
            parts.append(current)
            current = ""
        else:
            assert char != ",", "unescaped comma in a single value"
            current += char
    return [*parts, current]


def _shown(value: str) -> str:
    """A value as a card shows it: control characters and line breaks as spaces, spaces collapsed."""
    return " ".join(re.sub(r"[\x00-\x1f\x7f]", " ", value).split())


text = st.text(st.characters(codec="utf-8"), min_size=1, max_size=120).filter(_shown)


@given(name=text, function=text, organisation=text)
def test_no_value_can_add_a_property_or_break_the_card(name, function, organisation):
    card = person_card(Contact(name, function, "a@example.org", None, False), organisation, "https://x.example/a.vcf")
    found = _properties(card)
    assert set(found) == {"KIND", "FN", "N", "ORG", "TITLE", "EMAIL", "SOURCE"}
    assert _unescaped(found["FN"]) == [_shown(name)]
    assert _unescaped(found["TITLE"]) == [_shown(function)]
    assert _unescaped(found["ORG"]) == [_shown(organisation)]
    assert len(_unescaped(found["N"])) == 5


def test_payloads_stay_inside_their_value():
    card = person_card(
        Contact("Erika\r\nEND:VCARD\r\nBEGIN:VCARD; Bei,spiel\\", "a;b,c", "e@example.org", None, False),
        "Org;TEL:+1",
        "https://x.example/a.vcf",
    )
    found = _properties(card)
    assert _unescaped(found["FN"]) == ["Erika END:VCARD BEGIN:VCARD; Bei,spiel\\"]
    assert found["ORG"] == "Org\\;TEL:+1" and "TEL" not in found


@given(st.from_regex(PHONE_PATTERN, fullmatch=True))
def test_every_valid_phone_gives_a_global_tel_uri_or_none(phone):
    uri = tel_uri(phone)
    assert uri is None or re.fullmatch(r"tel:\+[1-9][0-9]{6,14}", uri)


@pytest.mark.parametrize(
    ("phone", "uri"),
    [
        ("+49 89 0000 0100", "tel:+498900000100"),
        ("0511 0000 0200", "tel:+4951100000200"),
        ("+49 (0)511 123456", "tel:+49511123456"),
        ("0049 30 123456", "tel:+4930123456"),
        ("030/123 456-7", "tel:+49301234567"),
        ("123456", None),
    ],
)
def test_tel_uri_from_the_phone_text(phone, uri):
    assert tel_uri(phone) == uri


def test_phone_numbers_on_pages_are_tel_links(pages):
    page = pages["public"]["netzwerke/hannover.md"]
    assert "- **Telefon:** [0511 0000 0200](tel:+4951100000200)" in page
    for text in (text for path, text in pages["intern"].items() if path.endswith(".md")):
        for number, uri in re.findall(r"\[([+0-9][0-9 /()-]+)\]\((tel:[^)]*)\)", text):
            assert uri == tel_uri(number)


def test_every_network_office_has_a_card_linked_from_its_page(pages):
    directory = sample_directory("public")
    for n in directory.networks:
        card = pages["public"][f"netzwerke/vcard/buero/{n.id}.vcf"]
        found = _properties(card)
        assert found["KIND"] == "org" and found["EMAIL"] == n.contact.email
        assert found["URL"] == (n.website or f"https://netzwerke.example.org/netzwerke/{n.id}/")
        assert (
            f"[Kontakt speichern (vCard)](../netzwerke/vcard/buero/{n.id}.vcf)"
            in pages["public"][f"netzwerke/{n.id}.md"]
        )
    assert "ADR" in _properties(pages["public"]["netzwerke/vcard/buero/hannover.vcf"])


def test_cards_only_for_people_the_profile_may_show(pages):
    records = load_records(DATA)
    people = [c for p in records.partners for c in p.regional_contacts] + [
        a for n in records.networks for a in n.ambassadors
    ]
    liaisons = [p.liaison for p in records.partners if p.liaison]
    public_cards = "".join(text for path, text in pages["public"].items() if path.endswith(".vcf"))
    intern_cards = "".join(text for path, text in pages["intern"].items() if path.endswith(".vcf"))
    for person in people:
        assert (person.email in public_cards) == may_be_named_publicly(person)
        assert person.email in intern_cards
    # National liaisons are reached through the office on the public site, consent or not.
    assert not any(path.startswith("partner/vcard/") for path in pages["public"])
    assert all(liaison.email in intern_cards for liaison in liaisons)


def test_every_card_link_points_at_a_generated_card(pages):
    for profile_pages in pages.values():
        for path, text in profile_pages.items():
            if not path.endswith(".md"):
                continue
            for target in re.findall(r"\]\(\.\./([^)]+\.vcf)\)", text):
                assert target in profile_pages, f"{path} links to a missing {target}"
