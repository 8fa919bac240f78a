"""The Botschafter meeting kit: per network one printable internal page with partners, gaps, route and QR code."""

from __future__ import annotations

import re

import pytest

from generator.settings import Profile

from .support import sample_directory, sample_pages
from .test_print import A4_POINTS, page_count, page_size, print_to_pdf

NETWORKS = [network.id for network in sample_directory().networks]


def test_every_network_has_a_kit_on_the_internal_site_only():
    intern, public = sample_pages("intern"), sample_pages("public")
    assert {f"intern/treffen/{n}.md" for n in NETWORKS} | {"intern/treffen/index.md"} <= set(intern)
    assert not [path for path in public if path.startswith("intern/")]
    assert all(f"(../intern/treffen/{n}.md)" in intern[f"netzwerke/{n}.md"] for n in NETWORKS)
    assert "intern/treffen/" not in public["netzwerke/muenchen.md"]


def test_the_kit_names_partners_gaps_and_the_route_through_the_office():
    kit = sample_pages("intern")["intern/treffen/muenchen.md"]
    assert "- Deutsche Industrie- und Handelskammer: Lena Attrappe, Beraterin Unternehmensförderung" in kit
    gaps = kit.split("## Offene Lücken (6)")[1].split("## Der Weg")[0]
    assert "(1 weiterer ist schon angefragt)" in gaps and "- Zentralverband des Deutschen Handwerks (Bayern)" in gaps
    assert "RKW" not in gaps  # asked already: an open request is no gap
    route = kit.split("## Der Weg zu einer Ansprechperson")[1]
    assert "mailto:geschaeftsstelle@example.org?subject=" in route and "Erst danach gibt die Geschäftsstelle" in route


def test_the_qr_code_leads_to_the_public_network_page():
    kit = sample_pages("intern")["intern/treffen/harz.md"]
    assert re.search(r'<svg role="img" viewBox="0 0 \d+ \d+" class="om-qr"><title>QR-Code: Adresse der öff', kit)
    # The internal site links nowhere on the public host: the caption writes the address as on paper.
    assert "<figcaption>netzwerke.example.org/netzwerke/harz/</figcaption>" in kit
    assert "https://netzwerke.example.org/" not in kit


def test_the_kit_gets_no_partner_of_a_gap_from_the_public_model():
    harz = next(n for n in sample_directory(Profile.PUBLIC).networks if n.id == "harz")
    assert harz.planner.gaps == ()


@pytest.fixture(scope="module")
def printed(browser, intern_url) -> dict[str, bytes]:
    """Every kit printed once."""
    return {f"intern/treffen/{n}/": print_to_pdf(browser, f"{intern_url}intern/treffen/{n}/") for n in NETWORKS}


@pytest.mark.print
@pytest.mark.parametrize("network", NETWORKS)
def test_the_kit_prints_on_one_a4_page(printed, network):
    pdf = printed[f"intern/treffen/{network}/"]
    assert page_size(pdf) == A4_POINTS
    assert page_count(pdf) == 1
