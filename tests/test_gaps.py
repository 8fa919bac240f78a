"""The gap planner: national partners present in a network's Länder without a named contact or open request."""

from __future__ import annotations

import re

import pytest

from generator.model.directory import build_directory
from generator.model.gaps import presence_warnings
from generator.pages.landmap import LEVELS, land_maps, land_shapes, level
from generator.records.schema import STATES
from generator.records.validate import load_records

from .golden import sample_pages
from .support import DATA, run_cli


@pytest.fixture(scope="module")
def records():
    return load_records(DATA)


def _network(directory, network_id):
    return next(n for n in directory.networks if n.id == network_id)


def test_a_gap_is_a_present_partner_without_named_contact_or_open_request(records):
    hannover = _network(build_directory(records, "intern"), "hannover").planner
    # In Niedersachsen: DGUV named a contact for Hannover, DGB is asked (open request), the others are gaps.
    assert [g.id for g in hannover.gaps] == ["aok", "bg-etem", "ba", "vbg", "zdh"]
    assert (hannover.present, hannover.named, hannover.requested, hannover.gap_count) == (7, 1, 1, 5)


def test_a_gap_names_the_networks_laender_the_partner_is_present_in(records):
    harz = _network(build_directory(records, "intern"), "harz").planner
    aok = next(g for g in harz.gaps if g.id == "aok")
    assert aok.states_label == "Sachsen-Anhalt, Niedersachsen und Thüringen" and aok.member
    bg_etem = next(g for g in harz.gaps if g.id == "bg-etem")
    assert bg_etem.states == ("NI",) and not bg_etem.member


def test_the_public_profile_gets_counts_and_no_partner_of_a_gap(records):
    public = _network(build_directory(records, "public"), "hannover").planner
    assert public.gaps == () and public.requested == 0
    # The public site knows no requests: every present partner without a named contact counts.
    assert (public.present, public.named, public.gap_count) == (7, 1, 6)


def test_a_partner_with_only_the_old_flag_is_in_no_plan_and_check_warns(records):
    intern = build_directory(records, "intern")
    assert [p.id for p in intern.unplaced] == ["ifaa"]
    assert all("ifaa" not in (g.id for g in n.planner.gaps) for n in intern.networks)
    assert [w.path for w in presence_warnings(records)] == [
        "partners[8] „ifaa – Institut für angewandte Arbeitswissenschaft“ (ifaa).represented_in_regions"
    ]
    result = run_cli("check", "--data", str(DATA))
    assert result.returncode == 0
    assert "1 Warnung: Länder nationaler Partner bitte eintragen (present_in)." in result.stdout


def test_present_in_makes_the_partner_represented_in_the_regions(records):
    dguv = next(p for p in build_directory(records, "public").partners if p.id == "dguv")
    assert dguv.represented_in_regions and len(dguv.present_in) == 16


def test_counts_per_land_sum_networks_contacts_and_gaps_of_the_laender(records):
    lands = {land.code: land for land in build_directory(records, "intern").lands}
    assert list(lands) == list(STATES)
    # Niedersachsen: Hannover and the Harz; one contact (DGUV for Hannover); 5 gaps in Hannover, 6 in the Harz.
    assert (lands["NI"].networks, lands["NI"].contacts, lands["NI"].gaps) == (2, 1, 11)
    assert (lands["BW"].networks, lands["BW"].contacts, lands["BW"].gaps) == (0, 0, 0)


def test_present_in_only_for_national_partners(editor):
    found = editor(
        "partners.yaml",
        "    website: https://www.hwk-hannover.de",
        "    present_in: [NI]\n    website: https://www.hwk-hannover.de",
    )
    assert found == [
        "data/partners.yaml:{line}: partners[12] „Handwerkskammer Hannover“ (hwk-hannover).present_in: nur nationale "
        "Partnerinstitutionen (scope: national) "
        "nennen die Länder, in denen sie vertreten sind"
    ]


def test_present_in_contradicting_the_old_flag(editor):
    found = editor(
        "partners.yaml",
        "    present_in: [NW, NI, BY]\n",
        "    represented_in_regions: false\n    present_in: [NW, NI, BY]\n",
    )
    assert found == [
        "data/partners.yaml:{line}: partners[1] „Berufsgenossenschaft Energie Textil Elektro Medienerzeugnisse“ "
        "(bg-etem).represented_in_regions: „represented_in_regions: false“ "
        "widerspricht den hier genannten Ländern; das Feld „represented_in_regions“ bitte löschen, es ergibt "
        "sich aus present_in"
    ]


@pytest.mark.parametrize(
    "value, message",
    [
        ("NI", "muss eine Liste von Bundesländern sein, z. B. „present_in: [NI, HB]“"),
        ("[NI, NI]", "Bundesland doppelt genannt: NI"),
    ],
)
def test_present_in_is_a_list_of_distinct_laender(editor, value, message):
    found = editor("partners.yaml", "    present_in: [NW, NI, BY]\n", f"    present_in: {value}\n")
    assert len(found) == 1 and found[0].startswith(
        "data/partners.yaml:{line}: partners[1] „Berufsgenossenschaft Energie Textil Elektro Medienerzeugnisse“ "
        "(bg-etem).present_in: "
    )
    assert message in found[0]


def test_every_land_has_a_shape_and_a_number_inside_the_drawing():
    shapes = land_shapes()
    assert sorted(s.code for s in shapes) == sorted(STATES)
    assert all(s.path.startswith("M") and 0 < s.x < 1000 and 0 < s.y < 1400 for s in shapes)


def test_counts_fall_into_the_legends_shades():
    assert [level(n) for n in (0, 1, 2, 3, 4, 7, 8, 100)] == [0, 1, 2, 2, 3, 3, 4, 4]
    assert len(LEVELS) == 5


def test_each_map_shows_every_lands_number_not_colour_alone(records):
    maps = land_maps(build_directory(records, "intern").lands)
    assert [m.key for m in maps.maps] == ["networks", "contacts", "gaps"]
    page = sample_pages("intern")["intern/luecken.md"]
    numbers = re.findall(r'<text class="om-landmaps__count"[^>]*>(\d+)</text>', page)
    assert numbers == [str(land.count) for m in maps.maps for land in m.lands] and len(numbers) == 3 * 16
    # The legend names each shade in words, and the table repeats the numbers as text.
    assert all(f"</span>{words}</li>" in page for _, words in LEVELS)
    assert "| Niedersachsen | 2 | 1 | 11 |" in page


def test_the_internal_network_page_offers_a_prefilled_request_per_gap():
    page = sample_pages("intern")["netzwerke/hannover.md"]
    section = page[page.index("## Nationale Partner in der Region") : page.index("## Vereinbarung")]
    assert section.count("Anfrage an die Geschäftsstelle](mailto:geschaeftsstelle@example.org?subject=") == 5
    assert "Partner%3A%20Zentralverband%20des%20Deutschen%20Handwerks%20%28zdh%29" in section
    assert "issues/new?template=ansprechperson-anfragen.yml" in section and "&network=hannover&partner=zdh" in section


def test_the_public_site_shows_gaps_as_counts_only():
    public = sample_pages("public")
    assert "intern/luecken.md" not in public
    section = public["netzwerke/hannover.md"].split("## Nationale Partner in der Region")[1].split("## ")[0]
    assert "sind 7 nationale Partner vertreten" in section and "offen sind 6" in section
    assert "](../partner/" not in section and "mailto:" not in section
    coverage = public["ansprechpersonen/index.md"].split("## Je Land")[1]
    assert "| Niedersachsen | 2 | 1 | 13 |" in coverage and "](../partner/" not in coverage
