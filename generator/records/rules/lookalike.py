"""Names that look the same to a reader: differing only in case, Unicode normalisation, invisible
characters or letters of another script that look like Latin ones (Cyrillic „В“ for „B“)."""

from __future__ import annotations

import functools
import unicodedata


def skeleton(name: str) -> str:
    """What a reader sees, reduced: equal skeletons mean two names cannot be told apart."""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(_latin(char) for char in text if unicodedata.category(char) != "Cf")
    return " ".join(text.casefold().split())


def foreign_lookalikes(name: str) -> list[str]:
    """Letters of another script in the name that look like Latin ones, described for a message."""
    found = []
    for char in dict.fromkeys(unicodedata.normalize("NFKC", name)):
        latin = _latin(char)
        if latin != char:
            found.append(
                f"„{char}“ (U+{ord(char):04X}, "
                f"{unicodedata.name(char, '?')}) sieht aus wie „{latin}“"
            )
    return found


@functools.lru_cache(maxsize=4096)
def _latin(char: str) -> str:
    if ord(char) < 0x250:  # ASCII and the Latin letters (ä, ß, é, …) are themselves
        return char
    from confusable_homoglyphs import confusables  # large data: loaded only when a name needs it

    for found in confusables.is_confusable(char, preferred_aliases=[], greedy=True) or []:
        for glyph in found["homoglyphs"]:
            latin = glyph["c"]
            if (
                glyph["n"].startswith("LATIN ")
                and isinstance(latin, str)
                and len(latin) == 1
                and ord(latin) < 0x250
            ):
                return latin
    return char
