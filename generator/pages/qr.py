"""QR codes (segno) as inline SVG, so a printed sheet leads back to its page without any request to another host."""

from __future__ import annotations

import functools

import segno
from markupsafe import Markup


# A code takes segno about 15 ms; the preview renders the same sheets again after every edit.
@functools.lru_cache(maxsize=4096)
def qr_svg(url: str, title: str) -> Markup:
    """An inline SVG QR code of `url`, named by `title` for screen readers; sized by CSS, not by the code."""
    code = segno.make(url, error="m")
    svg = code.svg_inline(scale=1, border=2, svgclass="om-qr", lineclass=None, omitsize=True, title=title)
    # Safe by construction: segno escapes the title; the URL is encoded into modules, not written as text.
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))
