"""QR codes (segno) as inline SVG, so a printed sheet leads back to its page without any request to another host.

A code takes segno about 8 ms, most of it choosing the mask: it applies all eight and keeps the one
with the lowest penalty (ISO/IEC 18004, 7.8.3). A code depends only on its content, so the drawn code
is remembered (`remembered_codes`, a small JSON file in build/) and the next build takes it from
there. What is read back must have exactly the form segno writes, or it is drawn again: the file
cannot bring markup into a page.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

import segno
from markupsafe import Markup, escape

from generator.files import write_atomic

ERROR = "m"
KEPT = 2_000  # remembered codes at most (about 4 MB); beyond, only those of the last build are kept
_OPTIONS = {"scale": 1, "border": 2, "svgclass": "om-qr", "lineclass": None, "omitsize": True}
# segno's inline SVG with these options and no title: one path of moves and horizontal lines.
_DRAWN = re.compile(r'<svg viewBox="0 0 (\d{2,3}) \1" class="om-qr"><path stroke="#000" d="[0-9Mmh. -]+"/></svg>')


class CodeMemory:
    """Drawn codes (SVG without title) by content; read from and written to `file` (None: this process only)."""

    def __init__(self, file: Path | None = None):
        self.file = file
        self.codes = _read(file) if file else {}
        self.used: set[str] = set()
        self.changed = False

    def svg(self, content: str) -> str:
        key = _key(content)
        self.used.add(key)
        if key not in self.codes:
            self.codes[key], self.changed = segno.make(content, error=ERROR).svg_inline(**_OPTIONS), True
        return self.codes[key]

    def save(self) -> None:
        if self.file and self.changed:
            if len(self.codes) > KEPT:  # codes of records long gone
                self.codes = {key: svg for key, svg in self.codes.items() if key in self.used}
            text = json.dumps(dict(sorted(self.codes.items())), indent=0) + "\n"
            with contextlib.suppress(OSError):  # a memory that cannot be written only costs time
                write_atomic(self.file, text.encode("utf-8"))
            self.changed = False


def _key(content: str) -> str:
    """Content and everything else that decides the drawing: the library's version, error level, options."""
    return hashlib.sha256(f"segno {segno.__version__}\0{ERROR}\0{_OPTIONS}\0{content}".encode()).hexdigest()[:32]


def _read(file: Path) -> dict[str, str]:
    """The remembered codes; an entry not of segno's exact form is dropped, a broken file starts afresh."""
    try:
        stored = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(stored, dict):
        return {}
    return {key: svg for key, svg in stored.items() if isinstance(svg, str) and _DRAWN.fullmatch(svg)}


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
    """An inline SVG QR code of `url`, named by `title` for screen readers; sized by CSS, not by the code."""
    svg = _memory.svg(url)
    # Safe by construction: the title is escaped here; the URL is encoded into modules, never written as text.
    opening, _, rest = svg.partition(">")
    return Markup(opening.replace("<svg ", '<svg role="img" ', 1) + f"><title>{escape(title)}</title>" + rest)
