"""Debian's chromium driven by Playwright: no browser download, no request leaves the machine."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page, Playwright

CHROMIUM = "/usr/bin/chromium"
# Headless and quiet: no background traffic of the browser's own, no GPU, no first-run dialogs.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
    # No request leaves the machine: every host name but this machine's is unknown to the browser. Blocking here
    # rather than through Playwright's routing keeps the HTTP cache a visitor has (routing turns it off) and takes
    # about 40 % less CPU per page; requests to other hosts are still seen, and counted (Visit.foreign_requests).
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
# Colours are only final once fades and transitions have ended (e.g. the search results fading in).
# Only the violations come back, as the walk reports them: axe's whole result (passes, inapplicable rules, some
# 40 KB a page) made up about a fifth of the time of each check, in building it and in handing it over.
SETTLED_THEN_AXE = """tags => Promise.all(document.getAnimations()
        .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
        .map(a => a.finished.catch(() => null)))
    .then(() => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
                                   reporter: 'no-passes'}))
    .then(result => result.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target)})))"""


def launch(playwright: Playwright) -> Browser:
    """Start Debian's chromium headless; a fresh profile comes with every launch."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def is_loopback(url: str) -> bool:
    """Whether a request stays on this machine (data:, blob: and file: URLs never leave it)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "file"):  # file: the offline site opened from disk
        return True
    host = parts.hostname or ""
    return host in LOOPBACK_HOSTS or host.startswith("127.")


@dataclass
class Visit:
    """A page opened in a fresh browser context, with every request it made."""

    page: Page
    requests: list[str] = field(default_factory=list)

    def __enter__(self) -> Visit:
        return self

    def __exit__(self, *exc) -> None:
        self.page.context.close()

    def goto(self, url: str) -> None:
        """Open another page in the same context (its cache is kept); record only that page's requests."""
        self.requests.clear()
        self.page.goto(url, wait_until="load")

    @property
    def foreign_requests(self) -> list[str]:
        """Requests to any host that is not this machine (blocked, but counted)."""
        return [url for url in self.requests if not is_loopback(url)]

    def axe_violations(self) -> list[dict]:
        """WCAG 2.1 A/AA violations axe-core finds on the page as it is now (open_page with axe=True)."""
        return self.page.evaluate(SETTLED_THEN_AXE, WCAG_21_AA)

    def horizontal_overflow(self) -> int:
        """Pixels the page is wider than the window (0 means no horizontal scrolling)."""
        return self.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def open_page(
    browser: Browser, url: str, viewport: dict = DESKTOP, javascript: bool = True, axe: bool = False
) -> Visit:
    """Open a URL in a new context that records every request (the browser blocks those leaving the machine)."""
    context = browser.new_context(viewport=viewport, java_script_enabled=javascript, locale="de-DE")
    if axe:  # as an init script axe-core loads several times faster than as a script tag, and sends nothing
        context.add_init_script(path=str(AXE))
    page = context.new_page()
    visit = Visit(page)
    # On the context, not the page: requests of the page's workers (Material's search) count too.
    context.on("request", lambda request: visit.requests.append(request.url))
    visit.goto(url)
    return visit
