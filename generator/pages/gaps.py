"""Pages of the gap planner: the internal planner (maps, every network's gaps), the public maps."""

from __future__ import annotations

from generator.addresses import PLANNER
from generator.model.directory import Directory
from generator.pages.family import Renderer
from generator.pages.landmap import LandMaps, land_maps

PUBLIC_GAPS = (
    "nationale Partner, die im Land vertreten sind und bei "
    "einem Netzwerk dort keine Ansprechperson benannt haben"
)
INTERN_GAPS = PUBLIC_GAPS + " und nicht angefragt sind"


def gap_maps(directory: Directory) -> LandMaps:
    """Maps of networks, contacts and gaps per Land; internally a requested partner is no gap."""
    return land_maps(directory.lands, INTERN_GAPS if directory.intern else PUBLIC_GAPS)


def planner_pages(renderer: Renderer, directory: Directory) -> dict[str, str]:
    """The gap planner of the coordination office; only in the internal profile."""
    if not directory.intern:
        return {}
    page = renderer.render(
        "intern_gaps.md.j2",
        PLANNER,
        directory=directory,
        intern=True,
        maps=gap_maps(directory),
        lands=directory.lands,
    )
    return {PLANNER: page}
