"""MkDocs hook: edit links internally, „Fehler melden“ in public; the internal site gets its pages.

The repository is private, so a public page must not link into it: visitors would land on a 404
page, and the link would point at the very files that hold personal data. Public pages offer a
mail to the coordination office instead, with the page's address filled in. The internal site
keeps the links to the exact record (`extra.source_url`, the repository's file view, plus the
page's `source`).
No `repo_url`: with it, Material would make every visitor's browser call the GitHub API.
"""

from __future__ import annotations

from urllib.parse import quote

from generator.pages.requests import INTERN_PAGES
from generator.site.staging import GENERATED_ROOTS


def on_config(config):
    """Add the internal pages to the navigation of the internal site only."""
    section = {"Intern": [{title: path} for path, title in INTERN_PAGES.items()]}
    if (
        config.extra.get("profile") == "intern"
        and config.nav is not None
        and section not in config.nav
    ):
        config.nav.append(section)
    return config


def on_page_context(context, page, config, nav):
    """Internal site: the edit button opens the data record or the hand-written page.

    Public site: no edit button; „Fehler melden“ opens a mail to the coordination office naming this
    page. One handler for both: it runs once per page, as late as the title is known.
    """
    extra = config.extra
    if extra.get("profile") == "intern":
        page.edit_url = edit_url(page.file.src_uri, page.meta, extra.get("source_url"))
        if page.edit_url:
            page.meta["edit_label"] = edit_label(page.edit_url, extra["source_url"])
    else:
        page.edit_url = None
        page.meta["report_url"] = report_url(
            extra.get("report_email"), page.title, page.canonical_url
        )
    return context


def edit_url(src_uri: str, meta: dict, base: str | None) -> str | None:
    """Where „Seite bearbeiten“ leads: the page's `source` record, its Markdown file, or nowhere."""
    if not base:
        return None
    source = meta.get("source")
    if src_uri.split("/", 1)[0] in GENERATED_ROOTS:
        return base.rstrip("/") + "/" + source if source else None
    return base.rstrip("/") + "/docs/" + src_uri


def edit_label(url: str, base: str) -> str:
    """„Seite bearbeiten: data/partners.yaml, Zeile 9“: what the edit button opens."""
    path, _, line = url.removeprefix(base.rstrip("/") + "/").partition("#L")
    return f"Seite bearbeiten: {path}" + (f", Zeile {line}" if line else "")


def report_url(address: str | None, title: str | None, page_url: str | None) -> str | None:
    """A mailto: link with subject and body filled in, every part percent-encoded (RFC 6068)."""
    if not address:
        return None
    subject = f"Fehler auf der Seite „{title or 'Startseite'}“"
    # RFC 6068: CRLF
    body = f"Seite: {page_url or ''}\r\n\r\nWas ist falsch, und wie lautet es richtig?\r\n\r\n"
    query = f"subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    return f"mailto:{quote(address, safe='@')}?{query}"
