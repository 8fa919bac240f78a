"""Helpers shared by the tests: project paths, data copies, running the command line."""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import os
import shutil
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

from generator.model.directory import Directory, build_directory
from generator.pages.render import render_pages
from generator.records.validate import Records, load_records
from generator.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
# The tests own their data: a fictional fixture set, never the office's live data/.
DATA = Path(__file__).resolve().parent / "fixtures" / "data"
LIVE_DATA = ROOT / "data"
# The day golden files and date-dependent tests take as today (OM_TODAY); the real calendar never matters.
FIXED_TODAY = "2026-11-22"


# The settings of every test run that does not choose its own: the fixed day, the default age, no CI.
FIXED_SETTINGS = Settings(date.fromisoformat(FIXED_TODAY))


@functools.cache
def sample_records() -> Records:
    """The fixture data, loaded and validated once per test session (records are frozen)."""
    return load_records(DATA, today=date.fromisoformat(FIXED_TODAY))


@functools.cache
def sample_directory(profile: str = "public") -> Directory:
    """The directory of the fixture data for a profile, on the fixed day (the chain records → model, once)."""
    return build_directory(sample_records(), profile, settings=FIXED_SETTINGS)


@functools.cache
def _rendered(profile: str) -> dict[str, str | bytes]:
    return render_pages(sample_directory(profile))


def sample_pages(profile: str = "public") -> dict[str, str | bytes]:
    """The generated pages of the fixture data for a profile, on the fixed day (records → model → pages, once)."""
    return dict(_rendered(profile))


def serve(folder: Path) -> tuple[http.server.HTTPServer, str]:
    """Serve a built site on 127.0.0.1 in a background thread; return the server and its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that closes a page while files are still loading is normal, not an error of the site.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def copy_data(target: Path) -> Path:
    """A writable copy of the sample data folder."""
    shutil.copytree(DATA, target)
    return target


def replace_in(file: Path, old: str, new: str, count: int = 1) -> None:
    """Edit a data file the way an editor would; fail loudly when the text to replace is missing."""
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file.name}"
    file.write_text(text.replace(old, new, count), encoding="utf-8")


def run_cli(
    *args: str, cwd: Path = ROOT, env: dict | None = None, process: bool = False
) -> subprocess.CompletedProcess:
    """Run `python -m generator ARGS` as a user would (from any folder) and capture its output.

    In-process through cli.main() by default (the same code, a fraction of the time); `process=True` starts a real
    `python -m generator` where the process boundary is the point.
    """
    # CI may run inside GitHub Actions, whose variable switches the output format; tests choose it explicitly.
    environment = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    environment.update({"PYTHONPATH": str(ROOT), **(env or {})})
    if process:
        return subprocess.run(
            [sys.executable, "-m", "generator", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=environment,
        )
    return _run_in_process(list(args), cwd, environment)


def _run_in_process(argv: list[str], cwd: Path, environment: dict[str, str]) -> subprocess.CompletedProcess:
    from generator import cli

    out, err = io.StringIO(), io.StringIO()
    saved_environment, saved_cwd = dict(os.environ), os.getcwd()
    os.environ.clear()
    os.environ.update(environment)
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(argv)
            except SystemExit as exit:  # argparse's usage errors
                code = exit.code if isinstance(exit.code, int) else 1
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_environment)
    return subprocess.CompletedProcess(["python", "-m", "generator", *argv], code, out.getvalue(), err.getvalue())


# The editing page (Sveltia CMS, docs/redaktion/) is a program of its own, not a page of the site: the walks over
# every page leave it out, and tests/test_cms.py tests it in the browser.
EDITING_PAGE = "redaktion"


def site_files(site: Path, pattern: str) -> list[Path]:
    """The site's files matching `pattern` (e.g. "*.html"), sorted, without the editing page."""
    return [file for file in sorted(site.rglob(pattern)) if file.relative_to(site).parts[0] != EDITING_PAGE]
