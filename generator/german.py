"""German words written without umlauts, as people type them on keyboards and in addresses."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

_TRANSCRIBED = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"}
)
_STRIPPED = str.maketrans(
    {"ä": "a", "ö": "o", "ü": "u", "Ä": "A", "Ö": "O", "Ü": "U", "ß": "ss", "ẞ": "SS"}
)
_UMLAUTS = "äöüÄÖÜßẞ"
# A whole word with an umlaut: from a word's start over its other letters to the first umlaut,
# then the rest.
# Anchored at word starts, so the search never retries inside words (a page's text is
# thousands of them).
_UMLAUT_WORD = re.compile(rf"(?<!\w)[^\W{_UMLAUTS}]*[{_UMLAUTS}]\w*")


def transcribed(text: str) -> str:
    """The spelling with ae, oe, ue and ss: „München“ → „Muenchen“."""
    return text.translate(_TRANSCRIBED)


def stripped(text: str) -> str:
    """The spelling with the dots left off: „München“ → „Munchen“."""
    return text.translate(_STRIPPED)


def umlaut_words(text: str) -> list[str]:
    """Every word of the text with an umlaut or ß, in order, repeats included."""
    return _UMLAUT_WORD.findall(text)


def spellings_of(words: Iterable[str]) -> list[str]:
    """Both ASCII spellings of each of the words, sorted and without repeats."""
    return sorted({spelling for word in words for spelling in (transcribed(word), stripped(word))})


def slug(text: str) -> str:
    """A lowercase ASCII address part: „Baden-Württemberg“ → „baden-wuerttemberg“."""
    return re.sub(r"[^a-z0-9]+", "-", transcribed(text).casefold()).strip("-")


def enumeration(items: Iterable[str]) -> str:
    """Items as a German sentence lists them: „A, B und C“."""
    items = list(items)
    return " und ".join(filter(None, [", ".join(items[:-1]), *items[-1:]]))


# Above this many known words, only those with the mistyped word's first letter are compared: a file
# of 10,000 bad references against 10,000 ids would otherwise take minutes of difflib.
MANY = 2_000


def closest(value: str, known: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The known word a mistyped one most likely means, or None when none is close."""
    words = list(known)
    if len(words) > MANY:
        words = [word for word in words if word[:1].casefold() == value[:1].casefold()][:MANY]
    found = difflib.get_close_matches(value, words, n=1, cutoff=cutoff)
    return found[0] if found else None


def did_you_mean(value: str, known: Iterable[str], cutoff: float = 0.6) -> str:
    """„; meinten Sie „…“?“ for the closest known word, to end a message; "" if none is close."""
    close = closest(value, known, cutoff)
    return f"; meinten Sie „{close}“?" if close else ""
