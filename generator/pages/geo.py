"""The map of Germany: the outline decoded from TopoJSON, projected, with the networks on it."""

from __future__ import annotations

import functools
import itertools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.model.directory import NetworkEntry

OUTLINE = Path(__file__).parent / "geodata" / "germany-10m.topo.json"
BORDERS = Path(__file__).parent / "geodata" / "germany-states.topo.json"
# Made from the files above: scripts/germany_drawing.py
DRAWING = Path(__file__).parent / "geodata" / "drawing.json"
# The frame holds every coordinate the schema accepts (latitude 47.0–55.1, longitude 5.8–15.1).
WEST, EAST, SOUTH, NORTH = 5.6, 15.3, 46.9, 55.3
WIDTH = 1000
# Equirectangular, longitudes shrunk by the cosine of Germany's middle latitude: close enough here.
_SHRINK = math.cos(math.radians((SOUTH + NORTH) / 2))
_UNIT = WIDTH / ((EAST - WEST) * _SHRINK)
HEIGHT = round((NORTH - SOUTH) * _UNIT)
TOLERANCE = 0.7  # units of the drawing (1/1000 of its width) a simplified border may stray
# Markers are 2 × RADIUS wide: 24 CSS px (WCAG 2.5.8) where the map is drawn 343 px wide on a phone.
RADIUS = 36
# Networks closer than this to a marker share it (a cluster marker with their count)
SPACING = 2 * RADIUS + 6

Point = tuple[float, float]


@dataclass(frozen=True)
class Marker:
    """A place on the map with its networks, numbered as in the legend; several make a cluster."""

    x: float
    y: float
    members: tuple[tuple[int, NetworkEntry], ...]  # (number in the legend, network)

    @property
    def number(self) -> int:
        return self.members[0][0]

    @property
    def network(self) -> NetworkEntry:
        return self.members[0][1]

    @property
    def label(self) -> str:
        """What the marker shows on hover and focus: the network's name, or how many share it."""
        return self.network.name if len(self.members) == 1 else f"{len(self.members)} Netzwerke"

    @property
    def title(self) -> str:
        """The names of every network of the marker (the tooltip)."""
        return ", ".join(network.name for _, network in self.members)

    @property
    def label_left(self) -> bool:
        """Whether the label stands left of the marker (no room to the right near the east edge)."""
        return self.x > WIDTH * 0.55


@dataclass(frozen=True)
class GermanyMap:
    """Everything the template needs to draw the map as SVG."""

    width: int
    height: int
    outline: str
    borders: str  # the borders between the Länder
    markers: tuple[Marker, ...]
    radius: int = RADIUS


def decode_topojson(topology: dict, name: str) -> list[list[Point]]:
    """The rings (lists of longitude, latitude) of a polygon in a quantized or plain TopoJSON."""
    transform = topology.get("transform")
    arcs = [_decode_arc(arc, transform) for arc in topology["arcs"]]
    shape = topology["objects"][name]
    polygons = shape["arcs"] if shape["type"] == "MultiPolygon" else [shape["arcs"]]
    rings = []
    for polygon in polygons:
        for ring in polygon:
            points: list[Point] = []
            for index in ring:
                arc = arcs[index] if index >= 0 else arcs[~index][::-1]
                # Consecutive arcs share their joining point
                points += arc if not points else arc[1:]
            rings.append(points)
    return rings


def _decode_arc(arc: list[list[float]], transform: dict | None) -> list[Point]:
    if transform is None:
        return [(p[0], p[1]) for p in arc]
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    x = y = 0.0
    points = []
    for dx, dy, *_ in arc:  # quantized arcs store each position as the step from the one before
        x, y = x + dx, y + dy
        points.append((x * sx + tx, y * sy + ty))
    return points


def project(lon: float, lat: float) -> Point:
    """The place of a coordinate in the drawing (origin top left, y downwards)."""
    return (lon - WEST) * _SHRINK * _UNIT, (NORTH - lat) * _UNIT


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Drop points closer than the tolerance to the line of their neighbours (Douglas–Peucker)."""
    if len(points) < 3:
        return list(points)
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        index, distance = max(
            (
                (i, _distance(points[i], points[first], points[last]))
                for i in range(first + 1, last)
            ),
            key=lambda item: item[1],
            default=(first, 0.0),
        )
        if distance > tolerance:
            keep.add(index)
            stack += [(first, index), (index, last)]
    return [points[i] for i in sorted(keep)]


def _distance(point: Point, start: Point, end: Point) -> float:
    (x, y), (x1, y1), (x2, y2) = point, start, end
    length = math.hypot(x2 - x1, y2 - y1)
    if length == 0:
        return math.hypot(x - x1, y - y1)
    return abs((y2 - y1) * (x - x1) - (x2 - x1) * (y - y1)) / length


def svg_path(rings: list[list[Point]], closed: bool = True) -> str:
    """An SVG path of closed rings (or open lines) in whole drawing units, each step relative."""
    parts = []
    for ring in rings:
        points = [(round(x), round(y)) for x, y in ring]
        steps = [f"M{points[0][0]} {points[0][1]}"]
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            if (x1, y1) != (x0, y0):
                steps.append(f"l{x1 - x0} {y1 - y0}")
        if len(steps) > (2 if closed else 1):
            parts.append("".join(steps) + ("z" if closed else ""))
    return "".join(parts)


@functools.cache
def drawing() -> dict:
    """The fixed shapes of the maps (outline, borders, Länder), drawn from TopoJSON beforehand.

    scripts/germany_drawing.py decodes, projects and simplifies them into drawing.json: a third of a
    second saved on every build, for shapes that never change.
    """
    return json.loads(DRAWING.read_text(encoding="utf-8"))


def germany_outline() -> str:
    """The simplified outline of Germany as an SVG path."""
    return drawing()["outline"]


def state_borders() -> str:
    """The borders between the Länder as an SVG path of open lines."""
    return drawing()["borders"]


def clusters(places: Sequence[Point], spacing: float = SPACING) -> list[list[int]]:
    """Indexes of the places grouped so that no two markers overlap: a place joins the first marker
    closer than the spacing, else starts one of its own (markers stand where their first place is,
    so they keep apart)."""
    groups: list[list[int]] = []
    for index, (x, y) in enumerate(places):
        near = next(
            (g for g in groups if math.hypot(places[g[0]][0] - x, places[g[0]][1] - y) < spacing),
            None,
        )
        if near is None:
            groups.append([index])
        else:
            near.append(index)
    return groups


def _rounded(point: Point) -> Point:
    return round(point[0], 1), round(point[1], 1)


def germany_map(networks: Sequence[NetworkEntry]) -> GermanyMap:
    """The map with a numbered marker per network, in order; networks too close share a marker."""
    places = [_rounded(project(n.lon, n.lat)) for n in networks]
    markers = tuple(
        Marker(*places[group[0]], members=tuple((i + 1, networks[i]) for i in group))
        for group in clusters(places)
    )
    return GermanyMap(WIDTH, HEIGHT, germany_outline(), state_borders(), markers)
