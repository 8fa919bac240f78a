"""The procedure's diagram renders with the site's own copy of Mermaid; pages without a diagram do not load it."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.diagram import mermaid_text

from .browser import DESKTOP, PHONE

MERMAID = "assets/vendor/mermaid/mermaid.min.js"
# Material draws the diagram into a closed shadow root; opening it lets the test read the SVG.
OPEN_SHADOW_ROOTS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (options) { return attach.call(this, {...options, mode: "open"}); };
"""


@pytest.fixture(scope="module")
def chromium(browser):
    """The test session's one chromium (tests/conftest.py); a second Playwright could not run beside it."""
    return browser


def _visit(chromium, url: str):
    """Open a page in a fresh context; return it with the list of every URL it requested."""
    context = chromium.new_context()
    context.add_init_script(OPEN_SHADOW_ROOTS)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto(url, wait_until="load")
    return page, requests


def test_procedure_diagram_renders_to_svg_without_other_hosts(chromium, public_url):
    page, requests = _visit(chromium, public_url + "verfahren/")
    page.wait_for_function("document.querySelector('div.mermaid')?.shadowRoot?.querySelector('svg') != null")
    labels = page.evaluate(
        "[...document.querySelector('div.mermaid').shadowRoot.querySelectorAll('svg text')].map(t => t.textContent)"
    )
    assert "3. Bitte an die Koordinierungsstelle" in labels
    assert "7. Weitergabe der Kontaktdaten" in labels
    assert "OM-Koordinierungsstelle" in labels
    assert public_url + MERMAID in requests
    assert {urlsplit(url).hostname for url in requests} == {"127.0.0.1"}
    page.context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_procedure_diagram_keeps_its_labels_legible_and_scrolls_in_its_frame(chromium, public_url, viewport):
    """Shrunk to the column, the labels were 7 px high; at full size the frame scrolls sideways instead."""
    context = chromium.new_context(viewport=viewport)
    context.add_init_script(OPEN_SHADOW_ROOTS)
    page = context.new_page()
    page.goto(public_url + "verfahren/", wait_until="load")
    page.wait_for_function("document.querySelector('div.mermaid')?.shadowRoot?.querySelector('svg') != null")
    heights = page.evaluate(
        "[...document.querySelector('div.mermaid').shadowRoot.querySelectorAll('svg text')]"
        ".map(t => t.getBoundingClientRect().height)"
    )
    frame = page.evaluate(
        "(() => { const f = document.querySelector('.om-diagram');"
        " return {scroll: f.scrollWidth, width: f.clientWidth, tab: f.tabIndex, label: f.getAttribute('aria-label'),"
        " page: document.documentElement.scrollWidth - window.innerWidth}; })()"
    )
    assert len(heights) == 11 and min(heights) >= 14
    assert frame["scroll"] > frame["width"] and frame["page"] == 0
    assert (frame["tab"], frame["label"]) == (0, "Ablaufdiagramm")
    context.close()


@pytest.mark.parametrize("path", ["", "vereinbarung/", "netzwerke/", "merkblaetter/hannover/"])
def test_pages_without_a_diagram_do_not_load_mermaid(chromium, public_url, path):
    page, requests = _visit(chromium, public_url + path)
    page.wait_for_load_state("networkidle")
    assert not [url for url in requests if "mermaid" in url]
    assert {urlsplit(url).hostname for url in requests} == {"127.0.0.1"}
    page.context.close()


def test_exactly_the_pages_with_a_diagram_load_the_script(public_site: Path):
    for file in sorted(public_site.rglob("*.html")):
        html = file.read_text(encoding="utf-8")
        assert ('<pre class="mermaid">' in html) == (MERMAID in html), file.relative_to(public_site)
    assert MERMAID in (public_site / "verfahren" / "index.html").read_text(encoding="utf-8")


def test_mermaid_is_vendored_with_its_license(public_site: Path):
    script = public_site / MERMAID
    assert script.stat().st_size > 1_000_000
    assert "MIT License" in (script.parent / "LICENSE").read_text(encoding="utf-8")


def test_mermaid_text_leaves_letters_and_encodes_everything_else():
    assert mermaid_text("Ärger: a->>b; `x`\n#1") == "Ärger#58; a#45;#62;#62;b#59; #96;x#96; #35;1"
