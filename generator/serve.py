"""The live preview's server (`generator serve`): a rebuild per saved edit, German errors.

MkDocs' live-reload server, told about every write, creation, deletion and rename in the data and
the project's pages, templates and theme. While the data is invalid, every page request is answered
at once with a German page listing the problems as `check` prints them; the open tab reloads itself
when the data is fixed. MkDocs' own (English) log lines never reach the terminal. With `--engine
zensical` each save builds the whole site with Zensical (generator/preview_zensical.py); the server
is the same.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import signal
import sys
import threading
from pathlib import Path

import watchdog.observers

from generator.preview import Preview
from generator.preview_zensical import ZensicalPreview
from generator.settings import Profile, Settings
from generator.site.build import CONFIG
from generator.site.engines import DEFAULT_ENGINE
from generator.site.mkdocs_internals import Answer, ReloadServer
from generator.site.staging import HAND_WRITTEN, ROOT
from generator.site.zensical import ZENSICAL_ONLY

# What an edit in the project can change in the preview (data is watched wherever it lies).
WATCHED = (HAND_WRITTEN, ROOT / "overrides", ROOT / "generator" / "templates", CONFIG)
# What the loaded build holds itself (theme templates, configuration): a change builds in full.
THEME = (ROOT / "overrides", CONFIG)
# The Zensical preview also reads Zensical's own overrides (each of its builds is a full one).
WATCHED_ZENSICAL = (*WATCHED, ROOT / ZENSICAL_ONLY)


class PreviewServer(ReloadServer):
    """MkDocs' live-reload server, answering with the error page while the data is invalid."""

    def __init__(self, preview: Preview | ZensicalPreview, host: str, port: int, report):
        def builder():
            report(preview.rebuild_pages())
            # The browser reloads when this returns; the downloads (the workbook alone takes half
            # a second at 1,000 partners) are made meanwhile, and the lock makes the next save
            # wait for them.
            threading.Thread(target=preview.finish, daemon=True).start()

        super().__init__(builder=builder, host=host, port=port, root=str(preview.site))
        self.preview = preview
        self.bound_host = host
        # inotify (where available) sees a save at once; polling would add up to half a second.
        # livereload's type names polling
        self.observer = watchdog.observers.Observer()  # type: ignore[assignment]
        self.error_handler = self._not_found

    def on_file_event(self, event) -> None:
        """Rebuild on writes, creations, deletions and renames; reading a file is no change."""
        if event.is_directory or event.event_type not in _CHANGES:
            return
        paths = (
            Path(os.fsdecode(event.src_path)),
            Path(os.fsdecode(getattr(event, "dest_path", "") or ".")),
        )
        if any(path == theme or theme in path.parents for path in paths for theme in THEME):
            self.preview.theme_changed = True
        self.request_rebuild()

    def answer(self, environ, start_response) -> Answer:
        """Nothing for other hosts; a page waits while built, is the error page on invalid data."""
        if not host_allowed(environ.get("HTTP_HOST", ""), self.bound_host, self.server_address[1]):
            # A page of another site whose name resolves here now (DNS rebinding) gets nothing.
            content = b"Falscher Host: Die Vorschau antwortet nur unter ihrer eigenen Adresse.\n"
            return _respond(start_response, "400 Bad Request", "text/plain; charset=utf-8", content)
        path = environ["PATH_INFO"]
        if not _is_page(path) or path.startswith("/livereload/"):
            return None
        self.preview.saw(path)
        if self.preview.pending(path):
            self.preview.settled.wait(timeout=60)  # never an outdated page: it is being built
        if not self.preview.problems:
            return None
        page = self.with_reload_script(self.preview.error_page())
        return _respond(start_response, "200 OK", "text/html; charset=utf-8", page)

    def _not_found(self, code: int) -> bytes | None:
        page = Path(self.root) / "404.html"
        return page.read_bytes() if code == 404 and page.is_file() else None


def _respond(start_response, status: str, content_type: str, content: bytes) -> list[bytes]:
    start_response(status, [("Content-Type", content_type), ("Content-Length", str(len(content)))])
    return [content]


_CHANGES = {"created", "modified", "deleted", "moved", "closed"}
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}
_WILDCARD = {"0.0.0.0", "::", ""}


def host_allowed(header: str, host: str, port: int) -> bool:
    """Whether a request's Host header names the address the preview is bound to (no other does).

    Bound to a loopback address, the loopback names are that address; bound to every interface, an
    IP address is (a name could be anyone's, resolved to this machine by a hostile page).
    """
    name, _, given_port = header.rpartition(":") if not header.endswith("]") else (header, "", "")
    if given_port != str(port):
        return False
    name = name.removeprefix("[").removesuffix("]").lower()
    bound = host.removeprefix("[").removesuffix("]").lower()
    if name == bound or (bound in _LOOPBACK and name in _LOOPBACK):
        return True
    if bound in _WILDCARD:
        try:
            ipaddress.ip_address(name)
        except ValueError:
            return False
        return True
    return False


def _is_page(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return not name or name.endswith(".html") or "." not in name


def serve(
    data_dir: str | os.PathLike,
    dev_addr: str = "127.0.0.1:8000",
    report=None,
    settings: Settings | None = None,
    engine: str = DEFAULT_ENGINE,
) -> None:
    """Build once, then serve and rebuild on every saved edit until interrupted (Strg+C)."""
    report = report or (lambda line: print(line, file=sys.stderr, flush=True))
    _silence_mkdocs()
    signal.signal(signal.SIGTERM, _interrupt)  # a terminated preview cleans up like Strg+C
    preview: Preview | ZensicalPreview
    watched: tuple[Path, ...]
    if engine == "zensical":
        preview, watched = ZensicalPreview(data_dir, Profile.PUBLIC, settings), WATCHED_ZENSICAL
    else:
        preview, watched = Preview(data_dir, Profile.PUBLIC, dev_addr, settings), WATCHED
    host, port = dev_addr.rsplit(":", 1)
    server = PreviewServer(preview, host, int(port), report)
    try:
        report(preview.rebuild_pages())
        # The downloads, while the server starts
        threading.Thread(target=preview.finish, daemon=True).start()
        for path in (preview.data_dir, *watched):
            if path.exists():
                server.watch(str(path))
        report(f"Vorschau läuft unter http://{host}:{port}/ (beenden mit Strg+C).")
        try:
            server.serve()
        except KeyboardInterrupt:
            report("Vorschau beendet.")
        finally:
            server.shutdown()
    finally:
        preview.close()


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _silence_mkdocs() -> None:
    """MkDocs' lines are English, meant for developers; the preview prints its own German ones."""
    for name in ("mkdocs", "watchdog"):
        logger = logging.getLogger(name)
        logger.setLevel(logging.CRITICAL + 1)
        logger.propagate = False
