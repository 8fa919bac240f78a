"""What a build keeps in the per-user cache for the next one: the masks of QR codes and compiled templates.

The cache only saves time. Pages are the same with it, without it and after it was tampered with;
every code is drawn from its content, the cache can only name one of its eight masks.
"""

from __future__ import annotations

import json

import pytest
import segno
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape

from generator.german import closest
from generator.pages import qr, render
from generator.pages.render import render_pages

from .support import sample_directory, sample_pages

URLS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=150)


def _segno(url: str, title: str) -> str:
    """The code as segno draws it with the site's options, named by `title`."""
    code = segno.make(url, error="m")
    svg = code.svg_inline(scale=1, border=2, svgclass="om-qr", lineclass=None, omitsize=True, title="TITLE")
    return svg.replace("<svg ", '<svg role="img" ', 1).replace(
        "<title>TITLE</title>", f"<title>{escape(title)}</title>"
    )


@settings(max_examples=60, deadline=None)
@given(url=URLS, title=st.text(max_size=60))
def test_a_remembered_code_is_the_code_segno_draws(tmp_path_factory, url, title):
    file = tmp_path_factory.mktemp("cache") / "qr-codes.json"
    qr.qr_svg.cache_clear()
    with qr.remembered_codes(file):
        drawn = str(qr.qr_svg(url, title))
    qr.qr_svg.cache_clear()
    with qr.remembered_codes(file):  # a later build: read from the file, not drawn
        again = str(qr.qr_svg(url, title))
    assert drawn == again == _segno(url, title)
    assert json.loads(file.read_text(encoding="utf-8"))


def test_the_next_build_takes_the_mask_from_the_file(tmp_path, monkeypatch):
    file = tmp_path / "qr-codes.json"
    url = "https://netzwerke.example.org/netzwerke/hannover/"
    qr.qr_svg.cache_clear()
    with qr.remembered_codes(file):
        qr.qr_svg(url, "QR-Code")
    expected, chosen = _segno(url, "QR-Code"), segno.make(url, error="m").mask
    asked = []
    make = segno.make
    monkeypatch.setattr(
        segno, "make", lambda *args, **kwargs: asked.append(kwargs.get("mask")) or make(*args, **kwargs)
    )
    qr.qr_svg.cache_clear()
    with qr.remembered_codes(file):
        assert str(qr.qr_svg(url, "QR-Code")) == expected
    assert asked == [chosen]  # drawn from the content, with the remembered mask


@pytest.mark.parametrize(
    "stored",
    [
        '<svg viewBox="0 0 33 33" class="om-qr"><path stroke="#000" d="M2 2.5h7"/></svg>',
        "",
        8,
        -1,
        True,
        1.0,
        None,
        [1],
    ],
)
def test_a_tampered_entry_is_drawn_again(tmp_path, stored):
    url = "https://netzwerke.example.org/netzwerke/hannover/"
    file = tmp_path / "qr-codes.json"
    file.write_text(json.dumps({qr._key(url): stored}), encoding="utf-8")
    qr.qr_svg.cache_clear()
    with qr.remembered_codes(file):
        assert str(qr.qr_svg(url, "QR-Code")) == _segno(url, "QR-Code")


@settings(max_examples=60, deadline=None)
@given(url=URLS, mask=st.integers(0, 7))
def test_any_remembered_mask_draws_a_code_of_the_content(tmp_path_factory, url, mask):
    """An entry chosen by whoever wrote the file still draws the page's own address (case 2 of issue 25)."""
    file = tmp_path_factory.mktemp("cache") / "qr-codes.json"
    file.write_text(json.dumps({qr._key(url): mask}), encoding="utf-8")
    qr.qr_svg.cache_clear()
    with qr.remembered_codes(file):
        drawn = str(qr.qr_svg(url, "QR"))
    code = segno.make(url, error="m")
    masks = range(4) if code.is_micro else range(8)
    redrawn = {
        segno.make(url, error="m", mask=m).svg_inline(**qr._OPTIONS) for m in masks if m == mask or m == code.mask
    }
    assert drawn.replace('<svg role="img" ', "<svg ", 1).replace("<title>QR</title>", "") in redrawn


@pytest.mark.parametrize("content", ["{", "[1, 2]", '"text"', "\x00\xff", ""])
def test_a_broken_file_starts_afresh(tmp_path, content):
    file = tmp_path / "qr-codes.json"
    file.write_bytes(content.encode("latin-1"))
    qr.qr_svg.cache_clear()
    with qr.remembered_codes(file):
        assert str(qr.qr_svg("https://example.org/", "QR")) == _segno("https://example.org/", "QR")
    assert json.loads(file.read_text(encoding="utf-8"))  # written anew


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    qr.qr_svg.cache_clear()
    with qr.remembered_codes(blocked / "qr-codes.json"):
        assert str(qr.qr_svg("https://example.org/", "QR")) == _segno("https://example.org/", "QR")
    render._environment.cache_clear()
    assert render_pages(sample_directory(), cache=blocked) == sample_pages()


def test_pages_are_the_same_with_the_cache_and_without(tmp_path):
    render._environment.cache_clear()  # a fresh environment loads (and keeps) every template
    for _ in range(2):  # the second render reads what the first kept
        qr.qr_svg.cache_clear()
        assert render_pages(sample_directory(), cache=tmp_path) == sample_pages()
    assert (tmp_path / "qr-codes.json").is_file()
    assert any((tmp_path / "templates").iterdir())  # compiled templates, for the next process


def test_suggestions_among_many_ids_stay_quick_and_still_find_a_typo():
    known = [f"partner-{i:05d}" for i in range(20_000)]
    assert closest("partner-01234x", known) is not None
    assert closest("qartner-01234", known) is None  # beyond 2,000 known ids: only those of the same first letter
