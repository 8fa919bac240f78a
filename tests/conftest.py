"""Fixtures: sample data copies, and the public and internal sites built once per test session."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

from generator.pipeline import build_site, build_with
from generator.records.validate import check_data

from .browser import launch
from .support import DATA, FIXED_SETTINGS, LIVE_DATA, copy_data, replace_in, serve
from .walk import WalkMemory

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


# Fixtures that build whole sites: a test taking one is an engine test.
SITE_FIXTURES = {
    "public_site",
    "intern_site",
    "public_url",
    "intern_url",
    "zensical_site",
    "zensical_intern",
    "zensical_url",
    "engine_site",
    "engine_url",
    "live_sites",
    "profile_site",
    "hostile_site",  # tests/test_injection.py
    "hostile_legal_site",  # tests/test_publishing.py
}


def pytest_configure(config: pytest.Config) -> None:
    """Let the garbage collector run less often: the tests make millions of small objects (every scalar of every
    data file they load), and with the default thresholds it ran about 4,000 times in `make test-fast`."""
    gc.set_threshold(20_000, 50, 100)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Leave what collection loaded (modules, schemas, parameters) out of the collector's rounds: it stays."""
    gc.collect()
    gc.freeze()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark browser tests and tests of built sites, so `make test-fast` can leave them out; then put them first."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if "browser" in fixtures:
            item.add_marker(pytest.mark.browser)
        if fixtures & SITE_FIXTURES:
            item.add_marker(pytest.mark.engine)
    _heaviest_first(items)


# The order in which the two processes of `make test` (pytest-xdist) take up the work: units with browser tests,
# then units that build or print whole sites, then the rest, which fills the gaps at the end.
HEAVY_MARKS = ({"browser"}, {"engine", "print", "spelling", "live"})
ENGINES = {"mkdocs", "zensical"}


# Files whose tests run in the same process as another unit: the walk over the live data/ takes the facts of pages
# the walk over the fixtures' MkDocs site found, where both sites have the same page (tests/walk.WalkMemory).
SAME_PROCESS = {"tests/test_live_walk.py": "tests/test_browser.py[mkdocs]"}


def work_unit(nodeid: str) -> str:
    """The file of a test, and the engine a test of both engines runs with: tests that share module fixtures
    (the walk of each engine's site, its printed pages) stay together, each engine's half apart from the other's."""
    file, _, name = nodeid.partition("::")
    if file in SAME_PROCESS:
        return SAME_PROCESS[file]
    parameters = name.partition("[")[2].removesuffix("]").split("-")
    engine = next((part for part in parameters if part in ENGINES), None)
    return f"{file}[{engine}]" if engine else file


def _heaviest_first(items: list[pytest.Item]) -> None:
    """Sort the work units by HEAVY_MARKS (stable: in a unit, and among equals, pytest's order stays)."""
    units = [work_unit(item.nodeid) for item in items]
    weight: dict[str, int] = {}
    for item, unit in zip(items, units, strict=True):
        marks = {mark.name for mark in item.iter_markers()}
        rank = next((i for i, heavy in enumerate(HEAVY_MARKS) if marks & heavy), len(HEAVY_MARKS))
        weight[unit] = min(weight.get(unit, rank), rank)
    first = {unit: index for index, unit in reversed(list(enumerate(units)))}
    order = {item.nodeid: (weight[unit], first[unit]) for item, unit in zip(items, units, strict=True)}
    items.sort(key=lambda item: order[item.nodeid])


def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """`make test` runs in two processes (pytest-xdist, `-n 2`): each takes whole work units, in the order above."""
    from xdist.scheduler import LoadScopeScheduling

    class ByWorkUnit(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    config.option.loadscopereorder = False  # keep the order of the collection (heaviest first)
    return ByWorkUnit(config, log)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A writable copy of data/ for one test."""
    return copy_data(tmp_path / "data")


@pytest.fixture
def editor(data_dir, monkeypatch):
    """Edit a sample data file, then list the problems as `check` prints them (paths relative to the project).

    `{line}` in an expected message stands for the line of the edit; `line_of(file, text)` finds another line.
    """
    monkeypatch.chdir(data_dir.parent)

    def problems_after(file: str, old: str, new: str) -> list[str]:
        before = (data_dir / file).read_text(encoding="utf-8")
        replace_in(data_dir / file, old, new)
        line = before[: before.index(old)].count("\n") + 1 + (len(old) - len(old.lstrip("\n")))
        return [str(problem).replace(f":{line}: ", ":{line}: ", 1) for problem in check_data("data")]

    def line_of(file: str, text: str) -> int:
        content = (data_dir / file).read_text(encoding="utf-8")
        return content[: content.index(text)].count("\n") + 1

    problems_after.line_of = line_of
    return problems_after


@pytest.fixture(scope="session")
def live_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Both profiles of the live data/, built strictly once (every warning, e.g. a broken Markdown link, fails)."""
    folder = tmp_path_factory.mktemp("live")
    return {profile: build_site(profile, LIVE_DATA, folder / profile) for profile in ("public", "intern")}


@pytest.fixture(scope="session")
def public_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The public site of the fixture data on the fixed day, built strictly once per session."""
    return build_site("public", DATA, tmp_path_factory.mktemp("public") / "site", settings=FIXED_SETTINGS)


@pytest.fixture(scope="session")
def intern_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The internal site of the fixture data on the fixed day (its review lists depend on it), built once."""
    return build_site("intern", DATA, tmp_path_factory.mktemp("intern") / "site", settings=FIXED_SETTINGS)


@pytest.fixture
def profile_site(request: pytest.FixtureRequest) -> Path:
    """The built site of the profile a test is parametrized with (`indirect=True`): "public" or "intern"."""
    return request.getfixturevalue(f"{request.param}_site")


@pytest.fixture(scope="session")
def public_url(public_site: Path):
    """Base URL of the public site served on 127.0.0.1 (for browser tests)."""
    server, url = serve(public_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def intern_url(intern_site: Path):
    """Base URL of the internal site served on 127.0.0.1."""
    server, url = serve(intern_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The public site of the fixture data built strictly with Zensical, once per session."""
    return build_with("zensical", "public", DATA, tmp_path_factory.mktemp("zensical") / "site", FIXED_SETTINGS)


@pytest.fixture(scope="session")
def zensical_intern(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_with("zensical", "intern", DATA, tmp_path_factory.mktemp("zensical-intern") / "site", FIXED_SETTINGS)


@pytest.fixture(scope="session")
def zensical_url(zensical_site: Path):
    server, url = serve(zensical_site)
    yield url
    server.shutdown()


# The public site as each engine builds it: a test taking `engine_site` or `engine_url` runs once per engine.
ENGINE_FIXTURES = {"mkdocs": ("public_site", "public_url"), "zensical": ("zensical_site", "zensical_url")}


@pytest.fixture(scope="session", params=sorted(ENGINE_FIXTURES))
def engine(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="session")
def engine_site(engine: str, request: pytest.FixtureRequest) -> Path:
    """The public site of the fixture data as `engine` builds it."""
    return request.getfixturevalue(ENGINE_FIXTURES[engine][0])


@pytest.fixture(scope="session")
def engine_url(engine: str, request: pytest.FixtureRequest) -> str:
    """Base URL of the public site as `engine` builds it, served on 127.0.0.1."""
    return request.getfixturevalue(ENGINE_FIXTURES[engine][1])


@pytest.fixture(scope="session")
def walk_memory() -> WalkMemory:
    """The facts of every page a browser walk of this process found (tests/walk.py): a page walked once, with the
    same bytes and the same files around it, is not walked again."""
    return WalkMemory()


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium, started once per test session (tests/browser.py has the details)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()
