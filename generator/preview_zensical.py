"""The live preview with Zensical (`serve --engine zensical`): a full build per saved edit.

Zensical 0.0.73 has no interface for building single pages, and `zensical serve` runs neither the
generator nor the steps of generator/site/zensical.py. So each save runs the same `build --engine
zensical` as the command line (validate, generate, build strictly, into a temporary folder outside
the project); the server of generator/serve.py serves the result and reloads the open tab. While the
data is invalid or the build fails, the preview shows the German problems, as with MkDocs; the last
good site stays in place meanwhile.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

from generator.pipeline import build_with
from generator.preview import data_problems, error_page, failed_build, shown
from generator.problems import DataInvalid
from generator.settings import Profile, Settings, read_settings
from generator.site.engines import BuildFailed


class ZensicalPreview:
    """The Zensical preview's state: the last good site, or the problems of the data or build."""

    def __init__(
        self,
        data_dir: str | os.PathLike,
        profile: Profile = Profile.PUBLIC,
        settings: Settings | None = None,
    ):
        self.data_dir = Path(data_dir).resolve()
        self.settings = settings or read_settings()
        self.profile = profile
        self.work = Path(tempfile.mkdtemp(prefix="om-vorschau-zensical-"))
        self.site = self.work / "site"
        self.site.mkdir()  # served from the start; the first build fills it
        self.problems: list[str] = []
        self.theme_changed = False  # every build is a full one: nothing to remember
        self.settled = threading.Event()
        self.settled.set()
        self._lock = threading.Lock()

    def rebuild_pages(self) -> str:
        """Build the whole site with Zensical; return one German line for the terminal."""
        started = time.perf_counter()
        with self._lock:
            try:
                build_with("zensical", self.profile, self.data_dir, self.site, self.settings)
            except DataInvalid as invalid:
                self.problems = data_problems(invalid)
                return shown(self.problems)
            except BuildFailed as failed:
                self.problems = [str(failed)]
                return self.problems[0]
            except Exception as error:
                # Whatever breaks, the editor gets a German page, not a traceback
                self.problems = failed_build(error)
                return self.problems[0]
            self.problems = []
            return (
                "Vorschau aktualisiert: ganze Website mit Zensical gebaut "
                f"({time.perf_counter() - started:.1f} s)."
            )

    def rebuild(self) -> str:
        return self.rebuild_pages()

    def finish(self) -> None:
        """Nothing follows a build: Zensical built every page and download at once."""

    def saw(self, url_path: str) -> None:
        """Pages open in the browser come first only in the MkDocs preview."""

    def pending(self, url_path: str) -> bool:
        return False

    def error_page(self) -> bytes:
        return error_page(self.problems)

    def close(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)
