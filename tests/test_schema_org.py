"""Each network and partner page carries schema.org JSON-LD (Organization) built from public fields only."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from generator.model.directory import build_directory
from generator.pages.schema_org import json_ld, network_organization, partner_organization
from generator.records.validate import load_records

from .support import DATA

SITE = "https://netzwerke.example.org/"
LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


@pytest.fixture(scope="module")
def records():
    return load_records(DATA)


def _json_ld(page) -> list[dict]:
    return [json.loads(text) for text in LD_JSON.findall(page.read_text(encoding="utf-8"))]


def test_json_ld_cannot_end_its_script_element_and_reads_back_as_front_matter():
    record = {"name": "</script><script>alert(1)</script> & <!-- Co", "description": "zwei\n  Zeilen"}
    text = str(json_ld(record))
    assert not set("<>&") & set(text) and "\n" not in text
    assert json.loads(text) == {"name": record["name"], "description": "zwei Zeilen"}
    assert yaml.safe_load(f"schema_org: {text}")["schema_org"] == json.loads(text)


def test_network_is_an_organization_with_address_place_and_members(records):
    directory = build_directory(records, "public")
    muenchen = network_organization(next(n for n in directory.networks if n.id == "muenchen"), SITE)
    assert muenchen["@context"] == "https://schema.org" and muenchen["@type"] == "Organization"
    assert muenchen["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "München",
        "addressRegion": "Bayern",
        "streetAddress": "Beispielstraße 1",
        "postalCode": "80331",
        "addressCountry": "DE",
    }
    assert muenchen["location"]["geo"] == {"@type": "GeoCoordinates", "latitude": 48.1372, "longitude": 11.5755}
    rkw = {"@type": "Organization", "@id": f"{SITE}partner/rkw/#partner", "name": "RKW Kompetenzzentrum"}
    assert rkw in muenchen["member"]
    assert muenchen["@id"] == f"{SITE}netzwerke/muenchen/#netzwerk"
    assert muenchen["url"] == muenchen["mainEntityOfPage"] == f"{SITE}netzwerke/muenchen/"  # no own website


def test_members_and_networks_point_at_each_others_records(records):
    directory = build_directory(records, "public")
    networks = {n.id: network_organization(n, SITE) for n in directory.networks}
    partners = {p.id: partner_organization(p, SITE) for p in directory.partners}
    for n in networks.values():
        for member in n.get("member", []):
            assert member["@id"] in {p["@id"] for p in partners.values()}
    for p in partners.values():
        assert p["memberOf"][0]["@id"] == SITE + "#offensive-mittelstand"
        assert {m["@id"] for m in p["memberOf"][1:]} <= {n["@id"] for n in networks.values()}


def test_json_ld_is_the_same_in_both_profiles_so_it_never_holds_a_person(records):
    public, intern = build_directory(records, "public"), build_directory(records, "intern")
    assert [network_organization(n, SITE) for n in public.networks] == [
        network_organization(n, SITE) for n in intern.networks
    ]
    assert [partner_organization(p, SITE) for p in public.partners] == [
        partner_organization(p, SITE) for p in intern.partners
    ]


def test_every_network_and_partner_page_has_one_organization(public_site, records):
    for folder, entries in (("netzwerke", records.networks), ("partner", records.partners)):
        for entry in entries:
            (data,) = _json_ld(public_site / folder / entry.id / "index.html")
            assert data["@type"] == "Organization" and data["name"] == entry.name
    dguv = _json_ld(public_site / "partner" / "dguv" / "index.html")[0]
    assert dguv["alternateName"] == "DGUV" and dguv["url"] == "https://www.dguv.de"
    assert dguv["@id"] == f"{SITE}partner/dguv/#partner"
    assert {"@type": "Organization", "@id": SITE + "#offensive-mittelstand", "name": "Offensive Mittelstand"} in dguv[
        "memberOf"
    ]


def test_home_page_names_the_organization_and_the_website(public_site):
    (data,) = _json_ld(public_site / "index.html")
    organization, website = data["@graph"]
    assert organization["@type"] == "Organization" and organization["name"] == "Offensive Mittelstand"
    assert organization["@id"] == SITE + "#offensive-mittelstand" and organization["url"] == SITE
    assert website["@type"] == "WebSite" and website["url"] == SITE
    assert website["publisher"] == {"@id": organization["@id"]} and website["inLanguage"] == "de"


def test_other_pages_have_no_json_ld(public_site):
    assert _json_ld(public_site / "netzwerke" / "index.html") == []
