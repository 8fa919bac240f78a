"""The state of the live preview: the last good site, or the problems of the current data.

Each save runs the pipeline once: only data files whose bytes changed are parsed again, pages
rendered before come from the page cache, and only generated files whose bytes changed are written.
The loaded MkDocs build (site/live.py) then renders just those pages, the ones open in the browser
first; the rest and the downloads follow in finish(). The generated source and the site live in a
temporary folder outside the project and are not watched, so a rebuild never triggers another.
"""

from __future__ import annotations

import collections
import html
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

from generator.pages.family import Deferred
from generator.pipeline import generate
from generator.problems import DataInvalid
from generator.records.reader import load_file
from generator.records.validate import Records, load_records
from generator.settings import Profile, Settings, read_settings
from generator.site.build import site_config
from generator.site.live import LiveBuild
from generator.site.staging import StagedFiles


class Preview:
    """The state of the preview: the last good site, or the problems of the current data."""

    def __init__(
        self,
        data_dir: str | os.PathLike,
        profile: Profile = Profile.PUBLIC,
        dev_addr: str = "127.0.0.1:8000",
        settings: Settings | None = None,
    ):
        self.data_dir = Path(data_dir).resolve()
        self.settings = settings or read_settings()
        self.profile = profile
        self.dev_addr = dev_addr
        self.work = Path(tempfile.mkdtemp(prefix="om-vorschau-"))
        self.docs, self.site = self.work / "docs", self.work / "site"
        self.problems: list[str] = []
        self.extra: dict = {}
        host, port = dev_addr.rsplit(":", 1)
        options = {"strict": False, "dev_addr": dev_addr, "site_url": f"http://{host}:{port}/"}
        # Built once in full, then page by page; the theme's `extra` values are read when it loads.
        self.live = LiveBuild(
            lambda: site_config(
                self.site, self.docs, profile, self.data_dir, extra=self.extra, **options
            )
        )
        self.built = False
        self.theme_changed = False
        self._built_extra: dict = {}
        # The preview's memory: what it staged, and downloads deferred until finish() makes them.
        self.staged = StagedFiles(self.docs)
        self.deferred: dict[str, Deferred] = {}
        self._parsed: dict[Path, tuple[bytes, tuple]] = {}
        self._lock = threading.Lock()
        # The pages open in the browser (their sources), built first on a save; finish() the rest.
        self._viewed: collections.deque[str] = collections.deque(maxlen=16)
        self._pending: set[str] = set()
        self.settled = threading.Event()
        self.settled.set()

    def rebuild(self) -> str:
        """Bring the preview up to date with the files, downloads included; return a German line."""
        line = self.rebuild_pages()
        self.finish()
        return line

    def rebuild_pages(self) -> str:
        """Bring the pages up to date (downloads follow in finish()); return a German line."""
        started = time.perf_counter()
        with self._lock:
            try:
                records = load_records(self.data_dir, load=self._load, today=self.settings.today)
            except DataInvalid as invalid:
                self.problems = data_problems(invalid)
                return shown(self.problems)
            try:
                changed = self._stage_and_build(records)
            except Exception as error:
                # Whatever breaks, the editor gets a German page, not a traceback
                self.problems = failed_build(error)
                return self.problems[0]
            self.problems = []
            return (
                f"Vorschau aktualisiert: {len(changed)} Dateien geändert "
                f"({time.perf_counter() - started:.1f} s)."
            )

    def _stage_and_build(self, records: Records) -> list[str]:
        """Stage the source, remember what finish() and the next save need, build changed pages."""
        self.deferred = {}  # a failed generate leaves no downloads for finish() to make
        staged = generate(self.data_dir, self.staged, self.profile, records, self.settings)
        self.deferred, self.extra = staged.deferred, dict(staged.extra)
        if staged.changed or not self.built:
            self._build(staged.changed)
        return staged.changed

    def finish(self) -> None:
        """Build changed pages not open in the browser, make the downloads, put them in the site."""
        with self._lock:
            try:
                if (self._pending or self.deferred) and not self.problems:
                    made = {path: make() for path, make in self.deferred.items()}
                    # One update for both: the search index and robots.txt are written once.
                    self.live.build(sorted(self._pending) + self.staged.update(made))
            except Exception as error:  # as in rebuild_pages: a German line, never a traceback
                self.problems = failed_build(error)
            finally:
                self._pending.clear()
                self.deferred = {}
                self.settled.set()

    def saw(self, url_path: str) -> None:
        """Note a page the browser asked for (`/partner/dguv/`) so the next save builds it first."""
        for source in sources_of(url_path):
            if source not in self._viewed:
                self._viewed.append(source)

    def pending(self, url_path: str) -> bool:
        """Whether the page at `url_path` waits to be built after the pages open in the browser."""
        return not self.settled.is_set() and any(
            source in self._pending for source in sources_of(url_path)
        )

    def _load(self, file: Path):
        """Parse a data file, or reuse the last parse while its bytes are the same."""
        content = file.read_bytes()
        cached = self._parsed.get(file)
        if cached is None or cached[0] != content:
            cached = (content, load_file(file))
            self._parsed[file] = cached
        return cached[1]

    def _build(self, changed: list[str]) -> None:
        """Render the changed pages; all again after a change to theme, configuration or `extra`."""
        in_full = not self.built or self.theme_changed or self.extra != self._built_extra
        self.theme_changed = False
        first = [path for path in changed if path in self._viewed]
        if in_full or not first or len(first) == len(changed):
            self.live.build(None if in_full else changed)
        else:
            # What the editor looks at first; the server holds requests for the rest until
            # finish() built it
            self.settled.clear()
            self._pending = set(changed) - set(first)
            self.live.build(first)
        self._built_extra, self.built = dict(self.extra), True

    def error_page(self) -> bytes:
        """The German page shown for every request while the data is invalid."""
        return error_page(self.problems)

    def close(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)


def data_problems(invalid: DataInvalid) -> list[str]:
    """The problems of invalid data as the preview shows them (one line each, as `check` prints)."""
    return [str(problem) for problem in invalid.problems] + (
        [DataInvalid.WAITING] if invalid.incomplete else []
    )


def failed_build(error: Exception) -> list[str]:
    """Whatever else breaks a preview build: one German line for page and terminal, no traceback."""
    return [f"Die Vorschau konnte nicht gebaut werden: {error}"]


def shown(problems: list[str]) -> str:
    """The terminal's line about the problems the preview shows."""
    return f"{len(problems)} Fehler in den Daten; die Vorschau zeigt sie an:\n" + "\n".join(
        problems
    )


def error_page(problems: list[str]) -> bytes:
    """The German page shown for every request while the data is invalid."""
    lines = "\n".join(f"<li><code>{html.escape(line)}</code></li>" for line in problems)
    return _ERROR_PAGE.replace("{{lines}}", lines).encode("utf-8")


_ERROR_PAGE = """<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Fehler in den Daten – Vorschau</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:1rem/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}
h1{color:#b71c1c;font-size:1.5rem}li{margin:.4rem 0}code{white-space:pre-wrap;word-break:break-word}</style>
</head><body><h1>Fehler in den Daten</h1>
<p>Die Vorschau zeigt die Seiten wieder, sobald diese Fehler behoben und die Datei gespeichert ist.
Diese Seite lädt sich dann von selbst neu.</p>
<ul>
{{lines}}
</ul>
<p>Jede Zeile nennt Datei, Zeile, Feld und Meldung, wie <code>make check</code>.</p>
</body></html>
"""  # noqa: E501


def sources_of(url_path: str) -> tuple[str, ...]:
    """The sources a page address may come from: /partner/dguv/ ← partner/dguv.md or …/index.md."""
    page = url_path.strip("/").removesuffix("index.html").strip("/")
    return ("index.md",) if not page else (f"{page}.md", f"{page}/index.md")
