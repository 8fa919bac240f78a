"""Cut Germany from world-atlas's countries-10m.json into the small TopoJSON of the map.

Usage (the npm package is unpacked in /tmp, never kept in the repository):
    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/germany_outline.py /tmp/package/countries-10m.json \
        > generator/pages/geodata/germany-10m.topo.json
"""

from __future__ import annotations

import json
import sys

GERMANY = "276"  # ISO 3166-1 numeric


def extract(world: dict) -> dict:
    """A topology holding only Germany's arcs, renumbered, with the source's quantization."""
    country = next(g for g in world["objects"]["countries"]["geometries"] if g.get("id") == GERMANY)
    used: dict[int, int] = {}

    def renumber(index: int) -> int:
        arc = index if index >= 0 else ~index
        new = used.setdefault(arc, len(used))
        return new if index >= 0 else ~new

    polygons = country["arcs"] if country["type"] == "MultiPolygon" else [country["arcs"]]
    arcs = [[[renumber(i) for i in ring] for ring in polygon] for polygon in polygons]
    return {
        "type": "Topology",
        "transform": world["transform"],
        "objects": {
            "germany": {
                "type": "MultiPolygon",
                "id": GERMANY,
                "properties": {"name": "Germany"},
                "arcs": arcs,
            }
        },
        "arcs": [world["arcs"][old] for old in sorted(used, key=used.get)],
    }


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as file:
        topology = extract(json.load(file))
    json.dump(topology, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
