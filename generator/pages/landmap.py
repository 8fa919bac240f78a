"""The map of gaps: the 16 Länder shaded by a count, with numbers and a legend.

Colour is never the only sign: every Land carries its number, the legend names each shade's range in
words, and the table under the maps gives the same numbers as text.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from generator.model.gaps import LandCount
from generator.pages.geo import HEIGHT, WIDTH, drawing

LANDS = Path(__file__).parent / "geodata" / "germany-lands.topo.json"
# The fills lie under the outline and borders of the network map, so they may be coarser.
FILL_TOLERANCE = 1.5
# Where each Land's number stands (longitude, latitude): in the Land, clear of neighbours' numbers.
LABEL_AT = {
    "BW": (9.05, 48.55),
    "BY": (11.45, 48.95),
    "BE": (13.40, 52.51),
    "BB": (13.95, 52.05),
    "HB": (8.80, 53.09),
    "HH": (10.02, 53.56),
    "HE": (9.05, 50.60),
    "MV": (12.55, 53.75),
    "NI": (9.55, 52.65),
    "NW": (7.55, 51.45),
    "RP": (7.40, 49.90),
    "SL": (6.93, 49.38),
    "SN": (13.25, 51.05),
    "ST": (11.70, 52.05),
    "SH": (9.75, 54.20),
    "TH": (11.05, 50.85),
}
# Lower bound and words of each shade; a count falls into the last shade whose bound it reaches.
LEVELS = ((0, "keine"), (1, "1"), (2, "2 bis 3"), (4, "4 bis 7"), (8, "8 und mehr"))
MEASURES = (
    ("networks", "Netzwerke", "Netzwerke mit Sitz oder Arbeitsgebiet im Land"),
    (
        "contacts",
        "Benannte Ansprechpersonen",
        "regionale Ansprechpersonen, benannt für die Netzwerke im Land",
    ),
    (
        "gaps",
        "Lücken",
        "nationale Partner im Land ohne benannte Ansprechperson bei einem Netzwerk dort",
    ),
)


@dataclass(frozen=True)
class LandShape:
    """A Land as the drawing shows it: its filled area and where its number stands."""

    code: str
    path: str
    x: float
    y: float


@dataclass(frozen=True)
class ShadedLand:
    """A Land on one of the maps: its count and the shade (index into LEVELS) it falls into."""

    code: str
    label: str
    count: int
    level: int
    x: float
    y: float


@dataclass(frozen=True)
class LandMap:
    """One map of the three: a measure, its Länder and the words of its legend."""

    key: str
    title: str
    description: str
    lands: tuple[ShadedLand, ...]


@dataclass(frozen=True)
class LandMaps:
    """The three maps and the shapes they share (drawn once, used by each map)."""

    width: int
    height: int
    shapes: tuple[LandShape, ...]
    maps: tuple[LandMap, ...]
    levels: tuple[tuple[int, str], ...] = LEVELS


@functools.cache
def land_shapes() -> tuple[LandShape, ...]:
    """The 16 Länder as SVG paths, in the file's code order (from scripts/germany_drawing.py)."""
    lands = drawing()["lands"]
    return tuple(
        LandShape(code, land["path"], land["x"], land["y"]) for code, land in lands.items()
    )


def level(count: int) -> int:
    """The shade a count falls into."""
    return max(i for i, (bound, _) in enumerate(LEVELS) if count >= bound)


def land_maps(lands: tuple[LandCount, ...], gaps_description: str | None = None) -> LandMaps:
    """The maps of networks, named contacts and gaps per Land; gap wording differs by profile."""
    counts = {land.code: land for land in lands}
    maps = []
    for key, title, description in MEASURES:
        if key == "gaps" and gaps_description:
            description = gaps_description
        shaded = tuple(
            ShadedLand(s.code, counts[s.code].label, n, level(n), s.x, s.y)
            for s in land_shapes()
            for n in (getattr(counts[s.code], key),)
        )
        maps.append(LandMap(key, title, description, shaded))
    return LandMaps(WIDTH, HEIGHT, land_shapes(), tuple(maps))
