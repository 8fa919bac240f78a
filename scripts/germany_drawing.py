"""Draw the maps' fixed shapes once: outline, borders, the 16 Länder (drawing.json).

Usage, after changing a file in generator/pages/geodata/ or the projection, tolerances
or label places:
    python scripts/germany_drawing.py > generator/pages/geodata/drawing.json

Decoding and simplifying the TopoJSON files took about a third of a second on every build, for
shapes that never change; tests/test_map.py checks that the file is what this script draws.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.pages.geo import (
    BORDERS,
    OUTLINE,
    TOLERANCE,
    _decode_arc,
    decode_topojson,
    project,
    simplify,
    svg_path,
)
from generator.pages.landmap import FILL_TOLERANCE, LABEL_AT, LANDS


def drawing() -> dict:
    """The shapes as pages draw them: paths in whole drawing units, label places rounded."""
    outline = json.loads(OUTLINE.read_text(encoding="utf-8"))
    rings = [
        simplify([project(*p) for p in ring], TOLERANCE)
        for ring in decode_topojson(outline, "germany")
    ]
    borders = json.loads(BORDERS.read_text(encoding="utf-8"))
    arcs = [_decode_arc(arc, borders.get("transform")) for arc in borders["arcs"]]
    lines = [simplify([project(*p) for p in arc], TOLERANCE) for arc in arcs]
    lands = json.loads(LANDS.read_text(encoding="utf-8"))
    shapes = {}
    for code in lands["objects"]:
        fills = [
            simplify([project(*p) for p in ring], FILL_TOLERANCE)
            for ring in decode_topojson(lands, code)
        ]
        x, y = project(*LABEL_AT[code])
        shapes[code] = {"path": svg_path(fills), "x": round(x, 1), "y": round(y, 1)}
    return {"outline": svg_path(rings), "borders": svg_path(lines, closed=False), "lands": shapes}


def text() -> str:
    return json.dumps(drawing(), ensure_ascii=False, indent=1) + "\n"


if __name__ == "__main__":
    sys.stdout.write(text())
