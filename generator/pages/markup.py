"""What a data value becomes in a page: inert text, links and dates Markdown and HTML read as meant.

Every `{{ value }}` passes inert() (the environment's finalize): characters that could start markup
become numeric entities and line breaks spaces. Links exist only through the filters here.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
from datetime import date
from urllib.parse import quote, urlsplit

from jinja2.runtime import Context
from jinja2.utils import pass_context
from markupsafe import Markup

from generator.addresses import (
    AGREEMENT_INDEX,
    AMBASSADORS,
    CHANGES,
    COVERAGE,
    DOWNLOADS,
    DOWNLOADS_INDEX,
    EDITING_GUIDE,
    FIELD_REFERENCE,
    HOME,
    KIT_INDEX,
    KIT_PAGES,
    NETWORK_INDEX,
    NETWORK_PAGES,
    PARTNER_INDEX,
    PARTNER_PAGES,
    PLANNER,
    PROCEDURE,
    SCHEMAS,
    SHEET_PAGES,
    SHEETS_INDEX,
    SIGNING_PAGES,
    VERSION_PAGES,
    record_page,
)
from generator.pages.frontmatter import yaml_string
from generator.pages.telephone import tel_uri

# Characters that can open Markdown or HTML markup mid-line; values never start a line.
_ACTIVE = {char: f"&#{ord(char)};" for char in "&<>\"'\\`*_{}[]#|~^="}
_INERT = str.maketrans(_ACTIVE)  # str.translate: one pass in C, not a Python call per character
# Most values hold none: then no translate
_ANY_ACTIVE = re.compile("[" + re.escape("".join(_ACTIVE)) + "]")
# What opens a block when it starts a line: list markers, admonitions (!!! ???), quotes,
# definitions, blocks (///).
_BLOCK_START = re.compile(r"[-+](?= |$)|-{2,}|[0-9]+[.)](?= |$)|:(?= |$)|!{3}|\?{3}|/{3}")
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


def inert(value: object) -> Markup:
    """Text that Markdown and HTML both show literally, on one line, also where it starts a line."""
    if isinstance(value, Markup):
        return value
    if type(value) is str:  # names and places recur on many pages
        return _inert_text(value)
    return _inert(value)


@functools.lru_cache(maxsize=65536)
def _inert_text(value: str) -> Markup:
    return _inert(value)


def _inert(value: object) -> Markup:
    text = " ".join(str(value).split())
    escaped = text.translate(_INERT) if _ANY_ACTIVE.search(text) else text
    # Also a German date: after a list marker („- 7. Dezember 2026: …“) it opens a numbered list.
    start = _BLOCK_START.match(escaped)
    # `- x`, `1986. gegründet`, `!!! danger`, `---`, `> x`, `: x` would open a block at a line start
    if start:
        end = start.end()
        escaped = escaped[: end - 1] + f"&#{ord(escaped[end - 1])};" + escaped[end:]
    return Markup(escaped)


def _join(values, separator: str = ", ") -> Markup:
    # The separator keeps its spaces (inert() would collapse ", " to ",").
    return Markup(separator.translate(_INERT)).join(inert(v) for v in values)


# Overviews and filters link the same records again and again; typed, so Markup and str never mix.
@functools.lru_cache(maxsize=65536, typed=True)
def _link(text: object, target: str) -> Markup:
    """A link to a page of the site; targets come from templates and ids (a–z, 0–9, -)."""
    return Markup(f"[{inert(text)}]({quote(target, safe='/#.-_')})")


@pass_context
def _page_link(context: Context, text: object, address: str) -> Markup:
    """A link to the page at `address` (below docs/), relative to the page rendered (`here`)."""
    return _link(text, _from_page(address, context["here"]))


@functools.lru_cache(maxsize=65536)
def _from_page(address: str, here: str) -> str:
    """The source file `address` as seen from the source file `here`, as Markdown links name it."""
    return posixpath.relpath(address, posixpath.dirname(here) or ".")


class PageAddresses:
    """The addresses of the generated pages for templates (`pages.partner(id)`, `pages.procedure`).

    Declared once in generator/addresses.py; a template links there with `page_link` and never
    spells a folder.
    """

    network_index, partner_index, home = NETWORK_INDEX, PARTNER_INDEX, HOME
    agreement_index, changes, sheets_index, kit_index = (
        AGREEMENT_INDEX,
        CHANGES,
        SHEETS_INDEX,
        KIT_INDEX,
    )
    procedure, ambassadors, coverage, planner = PROCEDURE, AMBASSADORS, COVERAGE, PLANNER
    field_reference, editing_guide, downloads_index = (
        FIELD_REFERENCE,
        EDITING_GUIDE,
        DOWNLOADS_INDEX,
    )

    # A record's page: `pages.partner("dguv")` is partner/dguv.md.
    network = staticmethod(functools.partial(record_page, NETWORK_PAGES))
    partner = staticmethod(functools.partial(record_page, PARTNER_PAGES))
    version = staticmethod(functools.partial(record_page, VERSION_PAGES))
    signing = staticmethod(functools.partial(record_page, SIGNING_PAGES))
    sheet = staticmethod(functools.partial(record_page, SHEET_PAGES))
    kit = staticmethod(functools.partial(record_page, KIT_PAGES))

    @staticmethod
    def download(name: str) -> str:
        return f"{DOWNLOADS}/{name}"

    @staticmethod
    def schema(name: str) -> str:
        return f"{SCHEMAS}/{name}"

    @staticmethod
    def url(address: str) -> str:
        """The page's address on the site (`netzwerke/owl/`), for a site address or a QR code."""
        return _page_url(address)


def _page_url(path: str) -> str:
    """A page's address as MkDocs gives it (directory URLs): partner/aok.md → partner/aok/."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


@functools.lru_cache(maxsize=65536, typed=True)
def html_link(text: object, target: str, here: str) -> Markup:
    """An HTML link from page `here` to page `target` (below docs/), for lists Markdown won't parse.

    Relative like MkDocs' own links, so the site works from any folder; targets come from
    templates and ids.
    Only on index pages: engines read HTML links relative to the page's address (MkDocs) or to its
    file (Zensical), and only an index page is served at its own folder.
    """
    if here != "index.md" and not here.endswith("/index.md"):
        raise ValueError(
            f"HTML links only on index pages, where every engine reads them alike: {here}"
        )
    return Markup(f'<a href="{_relative(_page_url(target), _page_url(here))}">{inert(text)}</a>')


@functools.lru_cache(maxsize=65536)
def _relative(target: str, here: str) -> str:
    """The address `target` as seen from `here` (both folders below the site, "" for its root)."""
    to, base = (
        target.strip("/").split("/") if target else [],
        here.strip("/").split("/") if here else [],
    )
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


def _mail_link(
    address: str, subject: str | None = None, body: str | None = None, text: str | None = None
) -> Markup:
    target = "mailto:" + quote(address, safe="@.-_+")
    query = [
        f"{key}={quote(value, safe='')}"
        for key, value in (("subject", subject), ("body", body))
        if value
    ]
    if query:
        target += "?" + "&".join(query)
    return Markup(f"[{inert(text or address)}]({target})")


def _tel_link(phone: str | None) -> Markup:
    """A phone number as a link that dials it; plain text when it cannot be a global number."""
    if not phone:
        return Markup("")
    uri = tel_uri(phone)
    return Markup(f"[{inert(phone)}]({uri})") if uri else inert(phone)


def _front_value(value: object) -> Markup:
    """A title or description for YAML front matter, read back exactly by MkDocs (frontmatter.py).

    HTML-escaped, because MkDocs treats page titles as HTML and themes insert them unescaped.
    """
    return Markup(yaml_string(html.escape(" ".join(str(value).split()))))


def _schema_text(text: str) -> Markup:
    """Field descriptions are Markdown written by developers; only keep them inside a table cell."""
    return Markup(" ".join(text.split()).replace("|", "&#124;"))


def _code_block(text: str) -> Markup:
    """Developer-written text (skeletons, examples) as an indented Markdown code block."""
    return Markup("\n".join(f"    {line}" if line else "" for line in str(text).splitlines()))


def _german_date(value: date | None) -> str:
    """A date as German text („1. Mai 2026“); like every value it passes inert() on output."""
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}" if value else ""


# The filters templates use, by name (render.py installs them; `e` and `escape` are inert too).
FILTERS = {
    "e": inert,
    "escape": inert,
    "join": _join,
    "link": _link,
    "page_link": _page_link,
    "html_link": html_link,
    "url_link": _url_link,
    "mail_link": _mail_link,
    "tel_link": _tel_link,
    "front": _front_value,
    "german_date": _german_date,
    "schema_text": _schema_text,
    "code_block": _code_block,
}
