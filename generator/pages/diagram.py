"""The contact procedure's diagram as inline SVG, drawn at build time from the process definition.

One card per step, top to bottom, so the drawing fits any text column without scrolling
sideways; the page needs no diagram script. Every data value is escaped here for XML: the SVG is
a raw HTML block.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from markupsafe import Markup

from generator.records.schema import ProcessFile

WIDTH = 360  # units of the drawing; the stylesheet shows it 340–440 px wide, so 1 unit ≈ 1 px
PAD = 12
TEXT_X = 52  # left edge of the texts, right of the step's number
TITLE_SIZE, ROLE_SIZE = 16, 14
TITLE_LEAD, ROLE_LEAD = 20, 18
GAP = 26  # between two cards: room for the arrow
# Room for a line, less a margin for fonts wider than Arial (system fonts)
LINE = (WIDTH - TEXT_X - PAD) / 1.12
# Advance widths of Arial (and the metric-compatible Liberation Sans) in 1/1000 em, regular and
# bold; other characters as most lower-case letters, East Asian wide ones as 1 em.
_REGULAR = {
    " ,./:;Iijlt!'": 278,
    "fr-()": 333,
    "Jckvsxyz": 500,
    "FTZ": 611,
    "ABEKPSVXY&": 667,
    "CDHNRUw": 722,
    "GOQ": 778,
    "Mm": 833,
    "W": 944,
    "→": 1000,
}
_BOLD = {
    " ,./:;Iijl!'": 278,
    "ft-()": 333,
    "r": 389,
    "z": 500,
    "Jacesvxy": 556,
    "FLTZ": 611,
    "EPSVXY": 667,
    "ABCDHKNRUw": 722,
    "GOQ": 778,
    "M": 833,
    "m": 889,
    "W": 944,
    "→": 1000,
}
# One tint per role (who acts), in role order; dark text stays readable on each (WCAG AA).
TINTS = ("#e8eaf6", "#e0f2f1", "#fff3e0", "#fce4ec", "#f1f8e9", "#ede7f6")
EDGES = ("#3949ab", "#00695c", "#bf360c", "#ad1457", "#33691e", "#5e35b1")
# XML 1.0 allows no other control characters, not even as character references.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Besides XML's own five, characters Markdown could read as markup: the SVG is in a Markdown page.
_ENTITIES = {char: f"&#{ord(char)};" for char in "&<>\"'\\`*_{}[]#|~^=$"}


def xml_text(value: object) -> str:
    """Text shown literally in SVG (element content or attribute value), on one line."""
    text = _NOT_XML.sub("\ufffd", " ".join(str(value).split()))
    return "".join(_ENTITIES.get(char, char) for char in text)


@dataclass(frozen=True)
class Card:
    """One step as drawn: its number, the title's and roles' lines, at its height in the drawing."""

    number: int
    title: tuple[str, ...]
    roles: tuple[str, ...]
    actor: int  # index of the acting role, for its tint
    y: int

    @property
    def height(self) -> int:
        return 2 * PAD + len(self.title) * TITLE_LEAD + len(self.roles) * ROLE_LEAD


def _advance(widths: dict[str, int]) -> dict[str, int]:
    return {char: width for chars, width in widths.items() for char in chars}


ADVANCE = {False: _advance(_REGULAR), True: _advance(_BOLD)}


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of a line in drawing units, estimated from Arial's metrics (umlauts as vowels)."""
    table, default = ADVANCE[bold], 611 if bold else 556  # most lower-case letters and the digits
    plain = [c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)]
    return (
        size
        * sum(
            table.get(c, 1000 if unicodedata.east_asian_width(c) in "WF" else default)
            for c in plain
        )
        / 1000
    )


def wrap(text: str, size: float, bold: bool = False, room: float = LINE) -> tuple[str, ...]:
    """The text in lines no wider than the room; a word too long for a line of its own is cut."""
    lines: list[str] = []
    for word in " ".join(str(text).split()).split(" "):
        if lines and text_width(f"{lines[-1]} {word}", size, bold) <= room:
            lines[-1] += " " + word
            continue
        while len(word) > 1 and text_width(word, size, bold) > room:
            cut = 1
            while cut < len(word) - 1 and text_width(word[: cut + 1], size, bold) <= room:
                cut += 1
            lines.append(word[:cut])
            word = word[cut:]
        lines.append(word)
    return tuple(lines)


def cards(process: ProcessFile) -> tuple[Card, ...]:
    """The steps laid out top to bottom, each card as tall as its wrapped lines."""
    roles = {role.id: (index, role.label) for index, role in enumerate(process.roles)}
    laid_out, y = [], 0
    for number, step in enumerate(process.steps, start=1):
        actor, label = roles[step.actor]
        card = Card(
            number,
            wrap(step.title, TITLE_SIZE, bold=True),
            _who(label, step.to and roles[step.to][1]),
            actor,
            y,
        )
        laid_out.append(card)
        y += card.height + GAP
    return tuple(laid_out)


def _who(actor: str, recipient: str | None) -> tuple[str, ...]:
    """Who acts, and to whom: on one line where it fits, else the recipient on a line of its own."""
    if recipient is None:
        return wrap(actor, ROLE_SIZE)
    both = wrap(f"{actor} → {recipient}", ROLE_SIZE)
    return both if len(both) == 1 else wrap(actor, ROLE_SIZE) + wrap(f"→ {recipient}", ROLE_SIZE)


def procedure_svg(process: ProcessFile) -> Markup:
    """The steps as an SVG image with a title and a description for screen readers."""
    laid_out = cards(process)
    height = laid_out[-1].y + laid_out[-1].height if laid_out else 0
    count = len(laid_out)
    parts = [
        '<svg class="om-diagram__drawing" viewBox="0 0 '
        f'{WIDTH} {height}" width="{WIDTH}" height="{height}"'
        ' role="img" aria-labelledby="om-diagram-title om-diagram-desc">',
        f'<title id="om-diagram-title">Ablaufdiagramm: {xml_text(process.title)}</title>',
        f'<desc id="om-diagram-desc">Die {count} Schritte '
        "untereinander, jeder mit der Rolle, die ihn ausführt,"
        " und der, an die er sich richtet. Die Liste „Die "
        "Schritte“ unter dem Diagramm beschreibt sie in Worten."
        "</desc>",
        '<defs><marker id="om-diagram-arrow" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerWidth="5" markerHeight="5"'
        ' orient="auto"><path d="M0 0L10 5L0 10z"/></marker></defs>',
    ]
    for card, below in zip(laid_out, (*laid_out[1:], None), strict=True):
        parts += _card(card)
        if below is not None:
            bottom = card.y + card.height
            parts.append(
                f'<line class="om-diagram__arrow" x1="{WIDTH // 2}" '
                f'y1="{bottom + 2}" x2="{WIDTH // 2}"'
                f' y2="{below.y - 3}" marker-end="url(#om-diagram-arrow)"/>'
            )
    parts.append("</svg>")
    # Safe by construction: numbers and coordinates are generated, data went through xml_text.
    return Markup("\n".join(parts))


def _card(card: Card) -> list[str]:
    tint, edge = TINTS[card.actor % len(TINTS)], EDGES[card.actor % len(EDGES)]
    middle = card.y + card.height / 2
    parts = [
        f'<g class="om-diagram__step">'
        f'<rect x="1" y="{card.y + 1}" width="{WIDTH - 2}" height="{card.height - 2}" rx="6"'
        f' fill="{tint}" stroke="{edge}" stroke-width="2"/>',
        f'<circle cx="26" cy="{middle:g}" r="15" fill="{edge}"/>'
        f'<text class="om-diagram__number" x="26" y="{middle:g}" '
        'dy="0.35em" font-size="15" font-weight="700"'
        f' fill="#fff" text-anchor="middle">{card.number}</text>',
    ]
    y = card.y + PAD
    for line in card.title:
        y += TITLE_LEAD
        parts.append(
            f'<text class="om-diagram__title" x="{TEXT_X}" '
            f'y="{y - 5}" font-size="{TITLE_SIZE}" font-weight="700">'
            f"{xml_text(line)}</text>"
        )
    for line in card.roles:
        y += ROLE_LEAD
        parts.append(
            f'<text class="om-diagram__roles" x="{TEXT_X}" y="{y - 4}" '
            f'font-size="{ROLE_SIZE}">{xml_text(line)}</text>'
        )
    parts.append("</g>")
    return parts
