"""The agreement pages and the one-page sheets print on A4 with Debian's chromium (its print to PDF).

Every test runs on the site as each engine builds it (MkDocs and Zensical: `engine_url` in tests/conftest.py)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser

from generator.pipeline import build_with

from .support import FIXED_SETTINGS, copy_data, replace_in, sample_directory, serve

pytestmark = pytest.mark.print

A4_POINTS = (595, 842)
NETWORKS = [network.id for network in sample_directory().networks]
SHEETS = [f"merkblaetter/{network}/" for network in NETWORKS]
# One signed and one unsigned network: the other agreement pages differ only in names.
AGREEMENTS = ["vereinbarung/netzwerke/beispiel-dresden/", "vereinbarung/netzwerke/hannover/"]
VERSIONS = ["vereinbarung/fassungen/2021-06-21/", "vereinbarung/fassungen/2021-11-11/"]


def print_to_pdf(browser: Browser, url: str) -> bytes:
    """The page as chromium prints it: in a fresh context, on the paper its print styles ask for (A4), without
    header and footer lines. (The test session's browser prints as `chromium --print-to-pdf` does, page for page,
    without starting a browser for every page.)"""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        return page.pdf(prefer_css_page_size=True)
    finally:
        context.close()


def page_count(pdf: bytes) -> int:
    """Pages of a PDF as chromium writes it (the page tree's /Count)."""
    return int(re.search(rb"/Type /Pages\s*/Count (\d+)", pdf).group(1))


def page_size(pdf: bytes) -> tuple[int, int]:
    box = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    return round(float(box.group(1))), round(float(box.group(2)))


@pytest.fixture(scope="module")
def printed(browser, engine_url) -> dict[str, bytes]:
    """Every printable page of the handbook, printed once."""
    return {path: print_to_pdf(browser, engine_url + path) for path in SHEETS + AGREEMENTS + VERSIONS}


@pytest.mark.parametrize("path", SHEETS)
def test_one_page_sheet_prints_on_one_a4_page(printed, path):
    assert page_size(printed[path]) == A4_POINTS
    assert page_count(printed[path]) == 1


@pytest.mark.parametrize("path", AGREEMENTS + VERSIONS)
def test_agreement_prints_on_a4_in_at_most_three_pages(printed, path):
    assert page_size(printed[path]) == A4_POINTS
    assert 1 < page_count(printed[path]) <= 3


@pytest.fixture(scope="module")
def print_layout(engine_url, browser):
    """Measure the printed layout: chromium in print media at the width of the A4 text area."""
    # 210 mm less the page margins of print.css (18 + 15 mm) at 96 dpi.
    page = browser.new_page(viewport={"width": 669, "height": 1000})
    page.emulate_media(media="print")

    def measure(path: str) -> dict:
        page.goto(engine_url + path)
        return page.evaluate(LAYOUT)

    yield measure
    page.close()


LAYOUT = """() => {
  const shown = (selector) => [...document.querySelectorAll(selector)].filter(e => e.getClientRects().length > 0);
  return {
    navigation: shown('.md-header, .md-tabs, .md-sidebar, .md-footer, .md-search, .md-top').length,
    article: document.querySelector('article').getBoundingClientRect().width,
    cut_tables: [...document.querySelectorAll('article table')]
      .filter(t => t.getBoundingClientRect().right > document.querySelector('article').getBoundingClientRect().right + 1
                   || t.scrollWidth > t.clientWidth + 1).length,
    tables: document.querySelectorAll('article table').length,
    signatures: [...document.querySelectorAll('.om-signatures')].map(e => getComputedStyle(e).breakInside),
  };
}"""


# The partner overview is in the list because without print.css its table is cut at the right edge.
@pytest.mark.parametrize(
    "path", ["merkblaetter/hannover/", "vereinbarung/netzwerke/hannover/", "vereinbarung/", "partner/"]
)
def test_print_shows_no_navigation_and_cuts_no_table(print_layout, path):
    layout = print_layout(path)
    assert layout["navigation"] == 0
    assert layout["article"] >= 660
    assert layout["cut_tables"] == 0


def test_tables_of_printed_pages_are_measured(print_layout):
    assert print_layout("vereinbarung/")["tables"] == 2
    assert print_layout("merkblaetter/hannover/")["tables"] == 0  # the sheet lists its partners in columns


def test_signatures_stay_together_on_one_page(print_layout):
    assert print_layout("vereinbarung/netzwerke/hannover/")["signatures"] == ["avoid"]


CROWD = 35  # added to the five partners of Hannover: 40 on one sheet
# Names as long as the real partners' (30 to 60 characters), the longest a Kammer's.
NAMES = (
    "Handwerkskammer Beispielstadt",
    "Industrie- und Handelskammer Beispielregion zu Musterstadt",
    "Berufsgenossenschaft Beispielbranche Muster und Probe",
    "Kreishandwerkerschaft Musterkreis",
)


@pytest.fixture(scope="module")
def crowded_sheet(tmp_path_factory, engine, browser) -> bytes:
    """The sheet of a network with 40 partners, long names among them, printed by chromium."""
    work = tmp_path_factory.mktemp("crowded")
    data = copy_data(work / "data")
    added = [f"kammer-{i:02d}" for i in range(CROWD)]
    with (data / "partners.yaml").open("a", encoding="utf-8") as stream:
        for i, key in enumerate(added):
            name = f"{NAMES[i % len(NAMES)]} {i:02d}"
            stream.write(f"\n  - id: {key}\n    name: {name}\n    kind: kammer\n    scope: regional\n")
    old = "      - dgb\n    ambassadors:\n"  # the end of Hannover's list of partners, one id per line
    members = "".join(f"      - {key}\n" for key in added)
    replace_in(data / "networks.yaml", old, "      - dgb\n" + members + "    ambassadors:\n")
    site = build_with(engine, "public", data, work / "site", FIXED_SETTINGS)
    server, url = serve(site)
    try:
        return print_to_pdf(browser, url + "merkblaetter/hannover/")
    finally:
        server.shutdown()


def test_a_sheet_with_40_partners_still_prints_on_one_a4_page(crowded_sheet):
    assert page_size(crowded_sheet) == A4_POINTS
    assert page_count(crowded_sheet) == 1


def test_procedure_prints_its_text_first_and_the_diagram_on_a_page_of_its_own(public_url, browser):
    """The diagram is taller than what is left of the first page: in the flow it would leave half a page empty."""
    page = browser.new_page(viewport={"width": 669, "height": 1000})
    page.emulate_media(media="print")
    page.goto(public_url + "verfahren/")
    tops = page.evaluate(
        """() => [...document.querySelectorAll('article > :not(.md-content__button)')]
            .map(e => [e.tagName.toLowerCase(), e.getBoundingClientRect().top, e.getBoundingClientRect().height])"""
    )
    page.close()
    figure = next(top for tag, top, _ in tops if tag == "figure")
    height = next(size for tag, _, size in tops if tag == "figure")
    assert max(top for tag, top, _ in tops if tag != "figure") < figure  # the text first, without a gap
    assert height <= 250 / 25.4 * 96 + 1  # fits a page
    assert page_count(print_to_pdf(browser, public_url + "verfahren/")) <= 3
