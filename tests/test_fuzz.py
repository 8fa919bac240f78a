"""Arbitrary Unicode in every free-text field: the check never crashes, and what it accepts stays inert text.

Hypothesis writes one generated text into every free-text field of a partner and a network (as YAML
double-quoted scalars, so any character can be written). Whatever the loader refuses must be a German
problem with file and line; whatever it accepts must leave the pages with exactly the elements and
attributes the templates make, and with front matter that MkDocs reads back as the record says.
Bounded and deterministic (derandomize) so `make test` stays fast.
"""

from __future__ import annotations

import copy
import functools
import html
import html.parser
import shutil
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from generator.model.directory import build_directory
from generator.pages import render
from generator.records.reader import load_file
from generator.records.validate import check_data, load_records

from .support import DATA, ROOT

PARTNER, NETWORK = "dguv", "muenchen"
PARTNER_FIELDS = [("name",), ("short_name",), ("description",), ("liaison", "name"), ("liaison", "function")]
NETWORK_FIELDS = [("name",), ("region",), ("description",), ("contact", "organisation"), ("contact", "city")]
NETWORK_FIELDS += [("contact", "street"), ("ambassadors", 0, "name"), ("ambassadors", 0, "function")]
# Pages that show the two records' texts.
PAGES = [f"partner/{PARTNER}.md", f"netzwerke/{NETWORK}.md", "partner/index.md", "netzwerke/index.md"]
PAGES += [f"merkblaetter/{NETWORK}.md", f"vereinbarung/netzwerke/{NETWORK}.md", "botschafter/index.md"]
FUZZ = settings(
    max_examples=25,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
TEXT = st.text(st.characters(codec="utf-8"), min_size=1, max_size=40)
# Mostly letters, but with every kind of markup and escape character often enough to matter.
MARKUP = st.text(st.sampled_from([*"<>&\"'`\\*_[](){}#|~^=!-+:/.%;\n ", "a", "ä", "1", "ǅ", "\xa0"]), min_size=1)


class _Shape(html.parser.HTMLParser):
    """The set of (element, attribute) pairs of a page, and every link target."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.shape: set[tuple[str, str]] = set()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.shape.add((tag, ""))
        for name, value in attrs:
            self.shape.add((tag, name))
            if name in ("href", "src"):
                self.urls.append(value or "")


@pytest.fixture(scope="module")
def site_markdown():
    # Only the Markdown settings are needed; docs/ exists in every clone, the staged build/docs/ may not yet.
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(ROOT / "docs"))
    return lambda text: markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    ).convert(text)


@pytest.fixture(scope="module")
def renderer():
    return render.make_renderer()


@functools.cache
def _fixture_data(file: str) -> dict:
    """The fixture data file as loaded, read once (every example edits a copy)."""
    return load_file(DATA / file)[0].data


def _write(data: Path, text: str) -> None:
    for file, section, record_id, fields in (
        ("partners.yaml", "partners", PARTNER, PARTNER_FIELDS),
        ("networks.yaml", "networks", NETWORK, NETWORK_FIELDS),
    ):
        loaded = copy.deepcopy(_fixture_data(file))
        record = next(item for item in loaded[section] if item["id"] == record_id)
        for path in fields:
            target = record
            for part in path[:-1]:
                target = target[part]
            target[path[-1]] = text
        dumped = yaml.safe_dump(loaded, allow_unicode=True, sort_keys=False, width=10**6, default_style=None)
        (data / file).write_text(dumped, encoding="utf-8")


def _pages(renderer, data: Path) -> dict[str, str]:
    directory = build_directory(load_records(data), "public")
    pages = {}
    for page_set in (render.directory_pages, render.agreement_pages, render.toolkit_pages):
        pages |= page_set(renderer, directory)
    return {path: pages[path] for path in PAGES}


@pytest.fixture(scope="module")
def baseline(tmp_path_factory, renderer, site_markdown):
    data = tmp_path_factory.mktemp("fuzz-base") / "data"
    shutil.copytree(DATA, data)
    _write(data, "Beispieltext")
    return {path: _shape(site_markdown(get_data(text)[0])) for path, text in _pages(renderer, data).items()}


def _shape(page_html: str) -> _Shape:
    parser = _Shape()
    parser.feed(page_html)
    return parser


@FUZZ
@given(text=TEXT)
def test_any_text_is_a_german_problem_or_accepted_never_a_crash(tmp_path_factory, text):
    data = tmp_path_factory.mktemp("fuzz-check") / "data"
    shutil.copytree(DATA, data)
    _write(data, text)
    for problem in check_data(data):
        assert problem.file.endswith((".yaml", "data")) and problem.line >= 1
        assert not any(word in problem.message for word in ("Error", "Traceback", "expected", "found")), problem


@FUZZ
@given(text=st.one_of(TEXT, MARKUP))
def test_accepted_text_makes_no_element_and_keeps_front_matter(
    tmp_path_factory, renderer, site_markdown, baseline, text
):
    data = tmp_path_factory.mktemp("fuzz-build") / "data"
    shutil.copytree(DATA, data)
    _write(data, text)
    if check_data(data):
        return  # refused with a German problem: the other test covers that
    shown = " ".join(text.split())
    for path, page in _pages(renderer, data).items():
        body, meta = get_data(page)
        assert meta.get("title"), f"front matter lost on {path}"
        if path == f"partner/{PARTNER}.md" or path == f"netzwerke/{NETWORK}.md":
            assert html.unescape(meta["title"]) == shown
            assert meta["schema_org"]["name"] == shown
        found = _shape(site_markdown(body))
        assert found.shape <= baseline[path].shape, (path, found.shape - baseline[path].shape)
        for url in found.urls:
            assert not url.strip().lower().startswith(("javascript:", "data:", "vbscript:")), (path, url)
