"""Filtered overview pages list exactly the networks or partners that have the chosen value, without JavaScript."""

from __future__ import annotations

import re

import pytest

from generator.german import slug, spellings_of, umlaut_words
from generator.pages.filters import facet_tokens, network_facets, partner_facets
from generator.pages.markup import html_link
from generator.pages.render import render_pages

from .support import sample_directory


@pytest.fixture(scope="module")
def directory():
    return sample_directory("public")


@pytest.fixture(scope="module")
def pages(directory):
    return render_pages(directory)


def _linked_rows(page: str, section: str) -> list[str]:
    """Ids of the entries of the page's list, in their order."""
    entries = page[page.index('<div class="om-entries"') :]
    return re.findall(rf'^<li[^>]*><a href="(?:\.\./)*(?:{section}/)?([a-z0-9-]+)/">', entries, re.MULTILINE)


def test_slugs_and_ascii_spellings_replace_umlauts():
    assert slug("Baden-Württemberg") == "baden-wuerttemberg"
    assert slug("Thüringen") == "thueringen"
    assert spellings_of(umlaut_words("Musternetzwerk München an der Straße")) == ["Muenchen", "Munchen", "Strasse"]


def test_network_pages_by_state_list_exactly_the_networks_of_that_state(directory, pages):
    states = network_facets(directory)[0]
    assert states.name == "Bundesland"
    assert [c.page for c in states.choices][:2] == [
        "netzwerke/bundesland/bayern/index.md",
        "netzwerke/bundesland/hessen/index.md",
    ]
    for choice in states.choices:
        expected = [n.id for n in directory.networks if choice.label in n.state_labels]
        assert _linked_rows(pages[choice.page], "netzwerke") == expected
        assert pages[choice.page].startswith(f'---\ntitle: "Netzwerke in {choice.label}"\n')


def test_a_network_over_several_states_is_listed_on_the_page_of_each(pages):
    harz = ["Niedersachsen", "Sachsen-Anhalt", "Thüringen"]
    mainz = ["Rheinland-Pfalz", "Hessen"]
    for network, states in (("harz", harz), ("mainz-wiesbaden", mainz)):
        for state in states:
            assert network in _linked_rows(pages[f"netzwerke/bundesland/{slug(state)}/index.md"], "netzwerke")
    assert "harz" not in _linked_rows(pages["netzwerke/bundesland/hessen/index.md"], "netzwerke")


def test_the_list_links_each_state_of_a_network_to_its_page(pages):
    rows = pages["netzwerke/index.md"].splitlines()
    row = next(line for line in rows if line.startswith("<li value=") and '<a href="harz/">' in line)
    assert (
        ' · <a href="bundesland/sachsen-anhalt/">Sachsen-Anhalt</a>, '
        '<a href="bundesland/niedersachsen/">Niedersachsen</a>, '
        '<a href="bundesland/thueringen/">Thüringen</a> · '
    ) in row


def test_network_pages_by_status_list_exactly_the_networks_with_that_status(directory, pages):
    statuses = network_facets(directory)[1]
    assert {c.page for c in statuses.choices} == {
        "netzwerke/status/initiative/index.md",
        "netzwerke/status/musternetzwerk/index.md",
    }
    for choice in statuses.choices:
        expected = [n.id for n in directory.networks if n.status_label == choice.label]
        assert _linked_rows(pages[choice.page], "netzwerke") == expected
    assert _linked_rows(pages["netzwerke/status/musternetzwerk/index.md"], "netzwerke") == ["beispiel-dresden"]


def test_partner_pages_by_kind_level_and_network_list_exactly_the_matching_partners(directory, pages):
    kinds, levels, networks = partner_facets(directory)
    for choice in kinds.choices:
        expected = [p.id for p in directory.partners if p.kind_label == choice.label]
        assert _linked_rows(pages[choice.page], "partner") == expected
    assert [c.label for c in levels.choices] == ["bundesweit", "regional"]
    for choice in levels.choices:
        expected = [p.id for p in directory.partners if p.scope_label == choice.label]
        assert _linked_rows(pages[choice.page], "partner") == expected
    assert "partner/ebene/national/index.md" in pages and "partner/ebene/regional/index.md" in pages
    for choice in networks.choices:
        network = next(n for n in directory.networks if n.name == choice.label)
        assert _linked_rows(pages[choice.page], "partner") == [m.id for m in network.members]
    assert _linked_rows(pages["partner/netzwerk/muenchen/index.md"], "partner") == [
        "ba",
        "dguv",
        "dihk",
        "ihk-muenchen",
        "rkw",
    ]


def test_overviews_link_every_filter_page_with_its_count(directory, pages):
    for overview, facets in (("netzwerke/index.md", network_facets), ("partner/index.md", partner_facets)):
        for facet in facets(directory):
            for choice in facet.choices:
                href = choice.page.split("/", 1)[1].removesuffix("index.md")
                assert f'<a href="{href}">{choice.label}</a> ({len(choice.entries)})' in pages[overview]


def test_filter_pages_show_the_current_choice_unlinked_and_stay_out_of_search(pages):
    page = pages["netzwerke/bundesland/bayern/index.md"]
    assert "<strong>Bayern</strong> (1)" in page
    assert '<a href="../niedersachsen/">Niedersachsen</a> (2)' in page
    assert "\nsearch:\n  exclude: true\n---\n" in page


def test_overview_entries_carry_the_facet_values_the_instant_filter_reads(directory, pages):
    """Token "c2" is the third link of the third facet line; the script numbers the links the same way."""
    page = pages["partner/index.md"]
    kinds, levels, networks = partner_facets(directory)
    rkw = next(line for line in page.splitlines() if '<a href="rkw/">' in line)
    kammer = next(i for i, c in enumerate(kinds.choices) if c.label == "Beratungsnetzwerk")
    level = next(i for i, c in enumerate(levels.choices) if c.label == "bundesweit")
    muenchen = next(i for i, c in enumerate(networks.choices) if c.label == "Musternetzwerk München")
    assert rkw.startswith(f'<li data-om="a{kammer} b{level} c{muenchen}">')
    assert _linked_rows(page, "partner") == [p.id for p in directory.partners]
    assert facet_tokens(network_facets(directory))["muenchen"].split() == ["a0", "b0"]


def test_filtered_pages_carry_no_tokens(pages):
    assert "data-om=" not in pages["partner/art/kammer/index.md"]


def test_html_links_are_written_only_on_index_pages_where_both_engines_read_them_alike():
    assert html_link("Bayern", "netzwerke/bundesland/bayern/index.md", "netzwerke/index.md") == (
        '<a href="bundesland/bayern/">Bayern</a>'
    )
    assert html_link("München", "netzwerke/muenchen.md", "netzwerke/bundesland/bayern/index.md") == (
        '<a href="../../muenchen/">München</a>'
    )
    with pytest.raises(ValueError, match="index pages"):
        html_link("München", "netzwerke/muenchen.md", "netzwerke/bundesland/bayern.md")


def test_network_page_names_its_national_and_its_regional_partners_apart(directory, pages):
    """„Welche nationalen Partner sind in OWL?“ is answered on the network's own page."""
    scopes = {p.id: p.scope for p in directory.partners}
    for network in directory.networks:
        page = pages[f"netzwerke/{network.id}.md"]
        section = page[page.index("## Beteiligte Partner") : page.index("## Regionale Ansprechpersonen")]
        national = [m.id for m in network.members if scopes[m.id] == "national"]
        regional = [m.id for m in network.members if scopes[m.id] == "regional"]
        groups = re.split(r"\*\*Regionale Partner \(\d+\):\*\*", section)
        linked = [re.findall(r"\(\.\./partner/([a-z0-9-]+)\.md\)", group) for group in groups]
        assert linked == ([national, regional] if regional else [national]), network.id
        if national:
            assert f"**Bundesweite Partner ({len(national)}):**" in section
    assert any(scopes[m.id] == "regional" for n in directory.networks for m in n.members)
