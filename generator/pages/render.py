"""Render the directory into Markdown pages with Jinja2; every data value is escaped on output.

Escaping is the environment's default: each `{{ value }}` is made inert for both HTML and
Markdown (characters that could start markup become numeric entities, line breaks become
spaces). Templates build links only through the `link`, `url_link` and `mail_link` filters.
"""

from __future__ import annotations

import contextlib
import functools
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined

from generator.addresses import (
    FIELD_REFERENCE,
    NETWORK_INDEX,
    NETWORK_PAGES,
    PARTNER_INDEX,
    PARTNER_PAGES,
)
from generator.model.directory import Directory
from generator.pages.exports import export_files
from generator.pages.family import Deferred, PageCache, PageFamily, Renderer, record_pages
from generator.pages.filters import (
    facet_menu,
    facet_tokens,
    filter_pages,
    network_facets,
    partner_facets,
    state_page,
)
from generator.pages.gaps import planner_pages
from generator.pages.geo import germany_map
from generator.pages.guide import guide_pages
from generator.pages.handbook import agreement_pages, procedure_pages, toolkit_pages
from generator.pages.home import home_page
from generator.pages.legal import legal_pages
from generator.pages.markup import FILTERS, PageAddresses, inert
from generator.pages.meetingkit import kit_pages
from generator.pages.qr import qr_svg, remembered_codes
from generator.pages.redirects import redirect_pages
from generator.pages.requests import coverage_pages, intern_pages
from generator.pages.schema_org import schema_org
from generator.pages.schemas import schema_pages
from generator.pages.vcard import office_card_path, vcard_files
from generator.records.requestform import request_form_url
from generator.records.schema_docs import field_reference
from generator.siteconfig import site_url as configured_site_url

TEMPLATES = Path(__file__).parent.parent / "templates"
_UNSAFE_FILTERS = (
    "safe",
    "urlize",
    "replace",
    "format",
    "xmlattr",
    "indent",
    "wordwrap",
    "forceescape",
    "center",
)


def make_renderer(
    site_url: str | None = None, defer: bool = False, cache: Path | None = None
) -> Renderer:
    """One render's renderer; `site_url` from mkdocs.yml, `defer` and `cache` as in render_pages.

    The environment and the page cache are kept for the process, one per address: compiled templates
    and rendered pages make the preview's next render cheap.
    """
    address = site_url or configured_site_url()
    page_cache = _page_cache(address)
    page_cache.start(remember=defer)
    # Only the preview lives on while templates may change; a build need not stat them 2,000 times.
    return Renderer(_environment(address, defer, cache), page_cache, defer=defer, remember=defer)


@functools.lru_cache(maxsize=8)
def _page_cache(site_url: str) -> PageCache:
    return PageCache(TEMPLATES)


@functools.lru_cache(maxsize=8)
def _environment(
    site_url: str, auto_reload: bool = False, cache: Path | None = None
) -> Environment:
    """The Jinja2 environment for all pages: strict, escaping, deterministic."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=inert,
        auto_reload=auto_reload,
        bytecode_cache=_compiled_templates(cache) if cache else None,
    )
    for name in _UNSAFE_FILTERS:
        env.filters.pop(name, None)
    env.filters.update(FILTERS, schema_org=schema_org)
    env.globals.update(
        germany_map=germany_map,
        network_facets=network_facets,
        facet_menu=facet_menu,
        partner_facets=partner_facets,
        facet_tokens=facet_tokens,
        state_page=state_page,
        office_card=office_card_path,
        qr_svg=qr_svg,
        site_url=site_url,
        request_form_url=request_form_url,
        pages=PageAddresses(),
    )
    return env


def _compiled_templates(cache: Path) -> FileSystemBytecodeCache | None:
    """Jinja's cache of compiled templates in the user's cache folder, or none if impossible."""
    try:
        (cache / "templates").mkdir(parents=True, exist_ok=True)
    except OSError:  # a cache that cannot be made only costs time
        return None
    return FileSystemBytecodeCache(str(cache / "templates"))


def directory_pages(renderer: Renderer, directory: Directory) -> dict[str, str]:
    """Overview and detail pages of networks and partners, and the field reference."""
    shared = {"directory": directory, "intern": directory.intern}
    # A record's page shows the record and the office's route to a contact, nothing else.
    one = {"intern": directory.intern, "office_contact": directory.office}
    pages = {
        NETWORK_INDEX: renderer.render("networks.md.j2", NETWORK_INDEX, shared),
        PARTNER_INDEX: renderer.render("partners.md.j2", PARTNER_INDEX, shared),
        FIELD_REFERENCE: renderer.render(
            "fields.md.j2", FIELD_REFERENCE, shared, files=field_reference()
        ),
    }
    pages |= record_pages(
        renderer, "network.md.j2", NETWORK_PAGES, directory.networks, "network", one
    )
    # A partner that left keeps its page (requests and old links name it); overviews list it apart.
    everyone = (*directory.partners, *directory.former_partners)
    pages |= record_pages(renderer, "partner.md.j2", PARTNER_PAGES, everyone, "partner", one)
    return pages


# Each page set takes (renderer, directory), returns {path below docs/: text}; features add theirs.
PAGE_SETS: list[PageFamily] = [
    directory_pages,
    agreement_pages,
    procedure_pages,
    toolkit_pages,
    filter_pages,
]
PAGE_SETS += [
    export_files,
    schema_pages,
    coverage_pages,
    intern_pages,
    guide_pages,
    legal_pages,
    vcard_files,
]
PAGE_SETS += [home_page, planner_pages, kit_pages, redirect_pages]


def render_pages(
    directory: Directory,
    site_url: str | None = None,
    defer: bool = False,
    cache: Path | None = None,
) -> dict[str, str | bytes | Deferred]:
    """All generated files: path below docs/ → text.

    `defer`: the preview's render: downloads may come as a Deferred, and the pages are remembered
    for its next render.

    `cache`: the per-user folder (generator/usercache.py, never in the work tree) where rendering
    keeps what costs time and never changes with the data for the next build: compiled templates
    (checked by Jinja against the template's text) and the masks of the QR codes.
    """
    # The internal site names no public address (it links nowhere outside): pages start at its root.
    renderer = make_renderer(site_url or ("/" if directory.intern else None), defer, cache)
    pages: dict[str, str | bytes | Deferred] = {}
    with remembered_codes(cache / "qr-codes.json") if cache else contextlib.nullcontext():
        for page_set in PAGE_SETS:
            for path, text in page_set(renderer, directory).items():
                if path in pages:
                    raise ValueError(f"two page sets write {path}")
                pages[path] = text
    return pages
