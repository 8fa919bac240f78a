"""Render the directory into Markdown pages with Jinja2; every data value is escaped on output.

Escaping is the environment's default: each `{{ value }}` is made inert for both HTML and
Markdown (characters that could start markup become numeric entities, line breaks become
spaces). Templates build links only through the `link`, `url_link` and `mail_link` filters.
"""

from __future__ import annotations

import functools
import html
import re
from datetime import date
from pathlib import Path
from urllib.parse import quote, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from generator.model.directory import Directory
from generator.pages.exports import export_files
from generator.pages.family import Later, PageCache, PageFamily, fixed_page, record_folder, record_pages
from generator.pages.filters import facet_menu, facet_tokens, filter_pages, network_facets, partner_facets, state_page
from generator.pages.frontmatter import yaml_string
from generator.pages.gaps import planner_pages
from generator.pages.geo import germany_map
from generator.pages.guide import guide_pages
from generator.pages.handbook import agreement_pages, procedure_pages, toolkit_pages
from generator.pages.home import home_page
from generator.pages.legal import legal_pages
from generator.pages.meetingkit import kit_pages
from generator.pages.qr import qr_svg
from generator.pages.requests import coverage_pages, intern_pages
from generator.pages.schema_org import schema_org
from generator.pages.schemas import schema_pages
from generator.pages.telephone import tel_uri
from generator.pages.vcard import office_card_path, vcard_files
from generator.records.requestform import request_form_url
from generator.records.schema_docs import field_reference
from generator.siteconfig import site_url as configured_site_url

TEMPLATES = Path(__file__).parent.parent / "templates"
# Characters that can open Markdown or HTML markup in the middle of a line; values never start a line.
_ACTIVE = {char: f"&#{ord(char)};" for char in "&<>\"'\\`*_{}[]#|~^="}
_INERT = str.maketrans(_ACTIVE)  # str.translate: one pass in C, not a Python call per character
# What opens a block when it starts a line: list markers, admonitions (!!! ???), quotes, definitions, blocks (///).
_BLOCK_START = re.compile(r"[-+](?= |$)|-{2,}|[0-9]+[.)](?= |$)|:(?= |$)|!{3}|\?{3}|/{3}")
_UNSAFE_FILTERS = ("safe", "urlize", "replace", "format", "xmlattr", "indent", "wordwrap", "forceescape", "center")
MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]

NETWORK_PAGES = record_folder("netzwerke", "networks.yaml", "networks")
PARTNER_PAGES = record_folder("partner", "partners.yaml", "partners")
NETWORK_INDEX, PARTNER_INDEX = fixed_page("netzwerke/index.md"), fixed_page("partner/index.md")


def inert(value: object) -> Markup:
    """Text that Markdown and HTML both show literally, on one line, also where it starts a line."""
    if isinstance(value, Markup):
        return value
    text = " ".join(str(value).split())
    escaped = text.translate(_INERT)
    start = None if isinstance(value, _GermanDate) else _BLOCK_START.match(escaped)
    if start:  # `- x`, `1986. gegründet`, `!!! danger`, `---`, `> x`, `: x` would open a block at a line start
        end = start.end()
        escaped = escaped[: end - 1] + f"&#{ord(escaped[end - 1])};" + escaped[end:]
    return Markup(escaped)


def _join(values, separator: str = ", ") -> Markup:
    # The separator keeps its spaces (inert() would collapse ", " to ",").
    return Markup(separator.translate(_INERT)).join(inert(v) for v in values)


# Overview and filter pages link the same records again and again; typed, so Markup and str never share a result.
@functools.lru_cache(maxsize=65536, typed=True)
def _link(text: object, target: str) -> Markup:
    """A link to a page of the site; targets come from templates and ids (a–z, 0–9, -)."""
    return Markup(f"[{inert(text)}]({quote(target, safe='/#.-_')})")


def _page_url(path: str) -> str:
    """The address of a page below docs/ as MkDocs gives it (directory URLs): partner/aok.md → partner/aok/."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


@functools.lru_cache(maxsize=65536, typed=True)
def _html_link(text: object, target: str, here: str) -> Markup:
    """A link in HTML from page `here` to page `target` (both below docs/), for lists Markdown need not parse.

    Relative like MkDocs' own links, so the site works from any folder; targets come from templates and ids.
    """
    return Markup(f'<a href="{_relative(_page_url(target), _page_url(here))}">{inert(text)}</a>')


@functools.lru_cache(maxsize=65536)
def _relative(target: str, here: str) -> str:
    """The address `target` as seen from the address `here` (both folders below the site, "" for its root)."""
    to, base = target.strip("/").split("/") if target else [], here.strip("/").split("/") if here else []
    common = 0
    while common < min(len(to), len(base)) and to[common] == base[common]:
        common += 1
    href = "../" * (len(base) - common) + "".join(part + "/" for part in to[common:])
    return quote(href or "./", safe="/#.-_")


def _url_link(url: str | None, text: object = None) -> Markup:
    """A link to an http(s) address, or nothing when the address is not http(s)."""
    if not url or urlsplit(url).scheme not in ("http", "https"):
        return Markup("")
    target = quote(url, safe=":/?#@&=%-._~+,;")
    return Markup(f"[{inert(text if text is not None else url)}]({target})")


def _mail_link(address: str, subject: str | None = None, body: str | None = None, text: str | None = None) -> Markup:
    target = "mailto:" + quote(address, safe="@.-_+")
    query = [f"{key}={quote(value, safe='')}" for key, value in (("subject", subject), ("body", body)) if value]
    if query:
        target += "?" + "&".join(query)
    return Markup(f"[{inert(text or address)}]({target})")


def _tel_link(phone: str | None) -> Markup:
    """A phone number as a link that dials it; as plain text when it cannot be made a global number."""
    if not phone:
        return Markup("")
    uri = tel_uri(phone)
    return Markup(f"[{inert(phone)}]({uri})") if uri else inert(phone)


def _front_value(value: object) -> Markup:
    """A title or description for YAML front matter, read back by MkDocs exactly (see frontmatter.py).

    HTML-escaped, because MkDocs treats page titles as HTML and themes insert them unescaped.
    """
    return Markup(yaml_string(html.escape(" ".join(str(value).split()))))


def _schema_text(text: str) -> Markup:
    """Field descriptions are written by developers in Markdown; only keep them inside a table cell."""
    return Markup(" ".join(text.split()).replace("|", "&#124;"))


def _code_block(text: str) -> Markup:
    """Developer-written text (skeletons, examples) as an indented Markdown code block, shown literally."""
    return Markup("\n".join(f"    {line}" if line else "" for line in str(text).splitlines()))


class _GermanDate(str):
    """A date as German text („1. Mai 2026“): digits and a month name, never a list opened by data."""


def _german_date(value: date | None) -> str:
    return _GermanDate(f"{value.day}. {MONTHS[value.month - 1]} {value.year}") if value else ""


def make_environment(site_url: str | None = None) -> Environment:
    """The Jinja2 environment for all pages: strict, escaping, deterministic; `site_url` from mkdocs.yml.

    One environment per address, kept for the process: its compiled templates and its page cache make
    the preview's next render cheap.
    """
    return _environment(site_url or configured_site_url())


@functools.lru_cache(maxsize=8)
def _environment(site_url: str) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=inert,
    )
    for name in _UNSAFE_FILTERS:
        env.filters.pop(name, None)
    env.filters.update(
        e=inert,
        escape=inert,
        join=_join,
        link=_link,
        html_link=_html_link,
        url_link=_url_link,
        mail_link=_mail_link,
        tel_link=_tel_link,
        front=_front_value,
        german_date=_german_date,
        schema_text=_schema_text,
        code_block=_code_block,
        schema_org=schema_org,
    )
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
    )
    env.extend(page_cache=PageCache(TEMPLATES))
    return env


def directory_pages(env: Environment, directory: Directory) -> dict[str, str]:
    """Overview and detail pages of networks and partners, and the field reference."""
    shared = {"d": directory, "intern": directory.intern}
    # A record's page shows the record and the office's route to a contact, nothing else of the directory.
    one = {"intern": directory.intern, "office_contact": directory.office}
    pages = {
        NETWORK_INDEX: env.get_template("networks.md.j2").render(shared),
        PARTNER_INDEX: env.get_template("partners.md.j2").render(shared),
        "referenz/datenfelder.md": env.get_template("fields.md.j2").render(shared, files=field_reference()),
    }
    pages |= record_pages(env, "network.md.j2", NETWORK_PAGES, directory.networks, "n", one)
    pages |= record_pages(env, "partner.md.j2", PARTNER_PAGES, directory.partners, "p", one)
    return pages


# Each page set takes (env, directory) and returns {path below docs/: text}; later features add theirs.
PAGE_SETS: list[PageFamily] = [directory_pages, agreement_pages, procedure_pages, toolkit_pages, filter_pages]
PAGE_SETS += [export_files, schema_pages, coverage_pages, intern_pages, guide_pages, legal_pages, vcard_files]
PAGE_SETS += [home_page, planner_pages, kit_pages]


def render_pages(
    directory: Directory, site_url: str | None = None, later: bool = False
) -> dict[str, str | bytes | Later]:
    """All generated files: path below docs/ → text; `later`: downloads may come as a Later (the preview)."""
    # The internal site names no public address (it links nowhere outside): its pages are addressed from its root.
    env = make_environment(site_url or ("/" if directory.intern else None))
    env.page_cache.start(defer=later)  # type: ignore[attr-defined]  # set by Environment.extend
    pages: dict[str, str | bytes | Later] = {}
    try:
        for page_set in PAGE_SETS:
            for path, text in page_set(env, directory).items():
                if path in pages:
                    raise ValueError(f"two page sets write {path}")
                pages[path] = text
    finally:
        env.page_cache.deferring = False  # type: ignore[attr-defined]  # only this render defers
    return pages
