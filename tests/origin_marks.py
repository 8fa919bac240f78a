"""Read where each text block of a built page comes from: a source block, a draft or example, or neither.

A block is a paragraph, a list item or a table body row inside the page's <article>. It is covered when it sits
in a marked section (`om-origin--source`, `om-origin--draft`), carries an inline badge (`om-badge`), or is text
about the website itself (`om-site`) or part of the page's frame (title line, form lines, the markers themselves).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser

BLOCKS = {"p", "li", "tr"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SOURCE, DRAFT = "om-origin--source", "om-origin--draft"
# Classes that cover a block and everything in it, and why.
COVERING = {
    SOURCE: "aus einer Quelle",
    DRAFT: "Entwurf oder Beispiel",
    "om-site": "Text über die Website selbst: Verweise, Drucken, was die Website zeigt",
    "om-origin__label": "die Kennzeichnung selbst",
    "om-origin-note": "die Kennzeichnung der Seite",
    "om-subtitle": "Zeile unter dem Titel: Art der Seite und Datum des Eintrags",
    "om-signature": "Unterschriftsfeld zum Ausfüllen",
    "om-kit__notes": "Platz für Notizen",
    "om-sheet__actions": "Druckknopf",
}
BADGES = {"om-badge", "om-badge--draft"}


@dataclass
class Block:
    """One text block: its tag, its text, and the marks around and inside it."""

    tag: str
    marks: set[str]
    text: str = ""
    badges: set[str] = field(default_factory=set)

    @property
    def covered(self) -> bool:
        return bool(self.marks & set(COVERING)) or bool(self.badges)


@dataclass
class Page:
    """The blocks of a page's article, and whether a draft mark comes before its first h2."""

    blocks: list[Block] = field(default_factory=list)
    has_draft: bool = False
    draft_before_h2: bool = False
    seen_h2: bool = False
    quotes: list[tuple[str, str]] = field(default_factory=list)  # (source key, quoted text)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, set[str]]] = []
        self.open_blocks: list[Block] = []
        self.page = Page()
        self.quote: list | None = None  # [key, depth, parts, skip depth]

    def _inside(self) -> bool:
        return any(tag == "article" for tag, _ in self.stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        if tag in VOID:
            return
        if tag == "article" or self._inside():
            self._open(tag, classes, attributes)
        self.stack.append((tag, classes))

    def _open(self, tag: str, classes: set[str], attributes: dict) -> None:
        inherited = set().union(*(c for _, c in self.stack)) | classes
        if classes & {DRAFT, "om-origin-note", "om-badge--draft"}:
            self.page.has_draft = True
            if not self.page.seen_h2:
                self.page.draft_before_h2 = True
        if tag == "h2":
            self.page.seen_h2 = True
        if classes & BADGES:
            for block in self.open_blocks:
                block.badges |= classes & BADGES
        if "om-quote" in classes and self.quote is None:
            self.quote = [attributes.get("data-source") or "", len(self.stack), [], None]
        if self.quote is not None and "om-quote__source" in classes and self.quote[3] is None:
            self.quote[3] = len(self.stack)
        if self.quote is not None and tag in {"p", "li"}:
            self.quote[2].append("\n")
        in_head = any(t == "thead" for t, _ in self.stack)
        if tag in BLOCKS and not in_head:
            block = Block(tag, inherited)
            self.page.blocks.append(block)
            self.open_blocks.append(block)

    def handle_endtag(self, tag):
        if tag in VOID or not self.stack:
            return
        while self.stack:
            open_tag, _ = self.stack.pop()
            depth = len(self.stack)
            if self.quote is not None and self.quote[3] == depth:
                self.quote[3] = None
            if self.quote is not None and self.quote[1] == depth:
                self.page.quotes.append((self.quote[0], "".join(self.quote[2])))
                self.quote = None
            if open_tag in BLOCKS and self.open_blocks and self.open_blocks[-1].tag == open_tag:
                self.open_blocks.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        for block in self.open_blocks:
            block.text += data
        if self.quote is not None and self.quote[3] is None:
            self.quote[2].append(data)


def read_page(html: str) -> Page:
    """The blocks, draft marks and quotations of a built page's article."""
    reader = _Reader()
    reader.feed(html)
    return reader.page


# What the OCR of the sources made of umlauts and ß: „Uberall“, „kdnnen“, „férdern“, „fiir“, „miissten“.
_DAMAGED = {"ä": "(?:a|ae)", "ö": "(?:o|oe|d|e)", "ü": "(?:u|ue|ii)", "ß": "(?:ss|b)"}


def _letters(text: str) -> str:
    """Only letters and digits, lower case: punctuation, quotation marks, spaces and line-end hyphens go."""
    text = unicodedata.normalize("NFC", text).lower()
    return "".join(char for char in text if char.isalnum())


def source_letters(text: str) -> str:
    """A source text as letters, with its umlauts and accents folded (é for ö is OCR damage, too)."""
    folded = _letters(text).translate(str.maketrans({"ä": "a", "ö": "o", "ü": "u", "é": "e"}))
    return folded.replace("ß", "ss")


def quote_pattern(quote: str) -> re.Pattern[str]:
    """A pattern for a quotation that forgives the OCR's umlaut damage; „…“ stands for an omission."""
    parts = []
    for fragment in re.split(r"…|\[…\]|\.\.\.", quote):
        letters = _letters(fragment)
        if letters:
            parts.append("".join(_DAMAGED.get(char, re.escape(char)) for char in letters))
    return re.compile(".*?".join(parts))


def quoted_in(quote: str, source: str) -> bool:
    """Whether every sentence of a quotation occurs in the source, in this order within each sentence."""
    return all(quote_pattern(line).search(source) for line in quote.splitlines() if _letters(line))
