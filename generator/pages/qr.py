"""QR codes (segno) as inline SVG: a printed sheet leads back to its page, no other host asked.

A code takes segno about 3 ms, most of it choosing the mask: it applies all eight and keeps the one
with the lowest penalty (ISO/IEC 18004, 7.8.3). Every code is drawn from its content on every build;
only the chosen mask (a digit 0–7) is remembered (`remembered_codes`, a small JSON file in the
per-user cache), which makes the next drawing four times quicker. Nothing else is read back: a cache
entry can choose among the eight masks of the right code, never another code or any markup.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import segno
from markupsafe import Markup, escape

from generator.files import write_atomic

ERROR = "m"
# Remembered masks at most (about 1 MB); beyond, only those of the last build are kept
KEPT = 20_000
_OPTIONS = {"scale": 1, "border": 2, "svgclass": "om-qr", "lineclass": None, "omitsize": True}
MASKS = range(8)


class CodeMemory:
    """The mask segno chose for each content; kept in `file` (None: this process only)."""

    def __init__(self, file: Path | None = None):
        self.file = file
        self.masks = _read(file) if file else {}
        self.used: set[str] = set()
        self.drawn: dict[str, str] = {}
        self.changed = False

    def svg(self, content: str) -> str:
        if content not in self.drawn:  # a sheet and a meeting kit show the same code
            self.drawn[content] = self._draw(content)
        return self.drawn[content]

    def _draw(self, content: str) -> str:
        key = _key(content)
        self.used.add(key)
        mask = self.masks.get(key)
        try:
            code = segno.make(content, error=ERROR, mask=mask)
        except ValueError:  # a mask of the other kind of code (Micro QR has four): choose anew
            code, mask = segno.make(content, error=ERROR), None
        if mask is None:
            self.masks[key], self.changed = code.mask, True
        return code.svg_inline(**_OPTIONS)

    def save(self) -> None:
        if self.file and self.changed:
            if len(self.masks) > KEPT:  # codes of records long gone
                self.masks = {key: mask for key, mask in self.masks.items() if key in self.used}
            text = json.dumps(dict(sorted(self.masks.items())), indent=0) + "\n"
            with contextlib.suppress(OSError):  # a memory that cannot be written only costs time
                write_atomic(self.file, text.encode("utf-8"))
            self.changed = False


def _key(content: str) -> str:
    """Content and all else that decides the mask: the library's version and the error level."""
    return hashlib.sha256(f"segno {segno.__version__}\0{ERROR}\0{content}".encode()).hexdigest()[
        :32
    ]


def _read(file: Path) -> dict[str, int]:
    """The remembered masks; a non-mask entry is dropped, a broken file starts afresh."""
    try:
        stored = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(stored, dict):
        return {}
    return {key: mask for key, mask in stored.items() if type(mask) is int and mask in MASKS}


_memory = CodeMemory()


@contextlib.contextmanager
def remembered_codes(file: Path) -> Iterator[None]:
    """Render with the codes remembered in `file`, and keep the new ones there afterwards."""
    global _memory
    previous, _memory = _memory, CodeMemory(file)
    try:
        yield
        _memory.save()
    finally:
        _memory = previous


# The preview renders the same sheets again after every edit.
@functools.lru_cache(maxsize=4096)
def qr_svg(url: str, title: str) -> Markup:
    """An inline SVG QR code of `url`, named by `title` for screen readers; sized by CSS."""
    svg = _memory.svg(url)
    # Safe by construction: the title is escaped here; the URL is encoded into modules, never text.
    opening, _, rest = svg.partition(">")
    return Markup(
        opening.replace("<svg ", '<svg role="img" ', 1) + f"><title>{escape(title)}</title>" + rest
    )
