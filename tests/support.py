"""Helpers shared by the tests: project paths, data copies, running the command line."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The tests own their data: a fictional fixture set, never the office's live data/.
DATA = Path(__file__).resolve().parent / "fixtures" / "data"
LIVE_DATA = ROOT / "data"
# The day golden files and date-dependent tests take as today (OM_TODAY); the real calendar never matters.
FIXED_TODAY = "2026-11-22"


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


def run_cli(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `python -m generator ARGS` as a user would (from any folder) and capture its output."""
    # CI may run inside GitHub Actions, whose variable switches the output format; tests choose it explicitly.
    environment = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    environment.update({"PYTHONPATH": str(ROOT), **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
    )
