"""MkDocs' and Material's private API: used in one module only, and still as that module expects.

generator/site/mkdocs_internals.py wraps every private name of MkDocs and Material the generator uses. The
contract tests here check those names against the installed packages (and the pins in requirements.txt), so an
upgrade fails in this file with the name that changed; the scan checks that no other module uses one.
"""

from __future__ import annotations

import ast
import http.client
import inspect
import json
import re
import threading
import time
from importlib.metadata import version
from pathlib import Path

import pytest
from material.plugins.offline.plugin import OfflinePlugin
from material.plugins.search.plugin import SearchIndex, SearchPlugin
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, PluginCollection
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.site.mkdocs_internals import WRITTEN_FOR, ReloadServer, forget_in_search

from .support import ROOT

GENERATOR = ROOT / "generator"
ADAPTER = GENERATOR / "site" / "mkdocs_internals.py"
UPGRADE = (
    "generator/site/mkdocs_internals.py was written for {package} {written}, but {found}. Read the new release's "
    "source of every name the adapter wraps, adapt the adapter, then set WRITTEN_FOR there."
)

# The private functions the adapter calls and the private methods it calls or overrides, with their parameters.
SIGNATURES = {
    "mkdocs.commands.build._populate_page": (mkdocs_build._populate_page, "(page, config, files, dirty=False)"),
    "mkdocs.commands.build._build_page": (
        mkdocs_build._build_page,
        "(page, config, doc_files, nav, env, dirty=False, excluded=False)",
    ),
    "mkdocs.commands.build._build_theme_template": (
        mkdocs_build._build_theme_template,
        "(template_name, env, files, config, nav)",
    ),
    "mkdocs.commands.build._build_extra_template": (
        mkdocs_build._build_extra_template,
        "(template_name, files, config, nav)",
    ),
    "LiveReloadServer._serve_request": (LiveReloadServer._serve_request, "(self, environ, start_response)"),
    "LiveReloadServer._inject_js_into_html": (LiveReloadServer._inject_js_into_html, "(self, content, epoch)"),
    # Overridden by the adapter, keeping MkDocs' parameters: MkDocs' plugins call it.
    "LiveReloadServer.watch": (LiveReloadServer.watch, "(self, path, func=None, *, recursive=True)"),
}
# The private state of MkDocs' server the adapter reads and writes, with its type.
SERVER_STATE = {
    "_watched_paths": dict,
    "_watch_refs": dict,
    "_rebuild_cond": type(threading.Condition()),
    "_want_rebuild": bool,
    "_epoch_cond": type(threading.Condition()),
    "_visible_epoch": int,
}
# Every private name the adapter touches (the scan below finds exactly these there).
ADAPTER_NAMES = {name.rsplit(".", 1)[-1] for name in SIGNATURES if "._" in name} | set(SERVER_STATE) | {"search_index"}


def _pinned(package: str) -> str | None:
    pins = dict(re.findall(r"^([\w.-]+)==(\S+)$", (ROOT / "requirements.txt").read_text(encoding="utf-8"), re.M))
    return pins.get(package)


@pytest.mark.parametrize("package", sorted(WRITTEN_FOR))
def test_requirements_pin_the_releases_the_adapter_was_written_for(package):
    written, pinned = WRITTEN_FOR[package], _pinned(package)
    assert pinned == written, UPGRADE.format(package=package, written=written, found=f"requirements.txt pins {pinned}")


@pytest.mark.parametrize("package", sorted(WRITTEN_FOR))
def test_the_installed_releases_are_the_ones_the_adapter_was_written_for(package):
    written, installed = WRITTEN_FOR[package], version(package)
    assert installed == written, UPGRADE.format(package=package, written=written, found=f"{installed} is installed")


def _parameters(function) -> str:
    """A signature without annotations: `(page, config, files, dirty=False)`."""
    signature = inspect.signature(function)
    bare = [parameter.replace(annotation=inspect.Parameter.empty) for parameter in signature.parameters.values()]
    return str(signature.replace(parameters=bare, return_annotation=inspect.Signature.empty))


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_each_private_function_the_adapter_calls_has_the_expected_parameters(name):
    function, expected = SIGNATURES[name]
    assert _parameters(function) == expected, UPGRADE.format(
        package="mkdocs", written=WRITTEN_FOR["mkdocs"], found=f"{name} now takes {_parameters(function)}"
    )


@pytest.fixture
def server(tmp_path):
    """The adapter's server on a free port, serving tmp_path; every build it runs is counted."""
    (tmp_path / "index.html").write_text("<html><body>Seite</body></html>", encoding="utf-8")
    built = threading.Semaphore(0)
    server = _AnsweringServer(builder=built.release, host="127.0.0.1", port=0, root=str(tmp_path))
    server.built = built
    yield server
    server.shutdown()


class _AnsweringServer(ReloadServer):
    def answer(self, environ, start_response):
        if environ["PATH_INFO"] != "/eigene/":
            return None
        start_response("200 OK", [("Content-Type", "text/html")])
        return [self.with_reload_script(b"<html><body>Eigene Antwort</body></html>")]


def test_mkdocs_server_keeps_the_private_state_the_adapter_uses(server):
    found = {name: type(getattr(server, name, None)) for name in SERVER_STATE}
    wrong = {name: kind.__name__ for name, kind in found.items() if kind is not SERVER_STATE[name]}
    changed = f"LiveReloadServer's state is now {wrong}"
    assert not wrong, UPGRADE.format(package="mkdocs", written=WRITTEN_FOR["mkdocs"], found=changed)


def _get(server: ReloadServer, path: str) -> str:
    connection = http.client.HTTPConnection(*server.server_address[:2], timeout=10)
    connection.request("GET", path)
    return connection.getresponse().read().decode("utf-8")


def _serving(server: ReloadServer) -> None:
    """Serve in a thread; return once requests are answered (MkDocs starts its watcher just before)."""
    threading.Thread(target=server.serve, daemon=True).start()
    deadline = time.monotonic() + 10
    while not server.serve_thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.01)


def test_a_file_written_below_a_watched_path_rebuilds_and_pages_get_the_reload_script(server, tmp_path):
    watched = tmp_path / "daten"
    watched.mkdir()
    server.watch(str(watched))
    _serving(server)
    for attempt in range(20):  # the watcher's first look at the folder may come after a first write
        (watched / "partners.yaml").write_text(f"- id: neu-{attempt}\n", encoding="utf-8")
        if server.built.acquire(timeout=0.5):
            break
    else:
        pytest.fail("no write started a build")
    assert "livereload(" in _get(server, "/")  # MkDocs adds the script only where a path is watched


def test_a_requested_rebuild_runs_the_builder(server):
    _serving(server)
    server.request_rebuild()
    assert server.built.acquire(timeout=10), "request_rebuild did not start a build"


def test_the_servers_own_answer_comes_first_with_the_reload_script(server):
    server.watch(str(Path(server.root)))
    _serving(server)
    own = _get(server, "/eigene/")
    assert own.startswith("<html><body>Eigene Antwort<script>") and "livereload(" in own
    assert "Seite" in _get(server, "/")  # None: MkDocs serves the file


def test_the_search_index_written_is_the_entries_list_the_adapter_edits(tmp_path):
    (tmp_path / "docs").mkdir()
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(tmp_path / "docs"), site_dir=str(tmp_path / "site"))
    search = next(plugin for plugin in config.plugins.values() if isinstance(plugin, SearchPlugin))
    search.on_config(config)
    assert isinstance(search.search_index, SearchIndex)
    search.search_index.entries = [{"location": "a/"}, {"location": "a/#teil"}, {"location": "b/"}]
    forget_in_search(config, {"a/"})
    assert json.loads(search.search_index.generate_search_index(None))["docs"] == [{"location": "b/"}]


# --- no module but the adapter uses a private name of MkDocs or Material -----------------------------------------

PACKAGES = ("mkdocs", "material")
ADAPTER_MODULE = "generator.site.mkdocs_internals"
# Not private by name, but the state of Material's search that the adapter edits.
INTERNAL_MEMBERS = {"search_index"}


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__") and name != "_"


def _known_private_names() -> set[str]:
    """The private names of the MkDocs and Material objects the generator handles (classes, instances, modules)."""
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(ROOT))
    server.server_close()
    holders = (
        *(LiveReloadServer, server, mkdocs_build, MkDocsConfig, File, Files, Page, Navigation, BasePlugin),
        *(PluginCollection, SearchPlugin, SearchIndex(), OfflinePlugin),
    )
    return {name for holder in holders for name in dir(holder) if _private(name)} | INTERNAL_MEMBERS


KNOWN = _known_private_names()


def _from_packages(module: str | None) -> bool:
    return module is not None and (module.split(".")[0] in PACKAGES or module == ADAPTER_MODULE)


class _Scan(ast.NodeVisitor):
    """Private names of MkDocs and Material in one module, as `line: what`."""

    def __init__(self):
        self.found: list[str] = []
        self.imported: set[str] = set()  # names bound to MkDocs' or Material's modules, classes and functions
        self.derived: list[bool] = []  # for each class entered: whether it derives from MkDocs or Material

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name.split(".")[0] in PACKAGES:
                self.imported.add(alias.asname or alias.name.split(".")[0])
                self._check(node, *(part for part in alias.name.split(".") if _private(part)))

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if _from_packages(node.module):
            self.imported |= {alias.asname or alias.name for alias in node.names}
            self._check(node, *(part for part in (node.module or "").split(".") if _private(part)))
            self._check(node, *(alias.name for alias in node.names if _private(alias.name)))

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.derived.append(any(_root(base) in self.imported for base in node.bases))
        self.generic_visit(node)
        self.derived.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        if self._in_derived_class() and node.name in KNOWN:
            self._check(node, node.name)  # overrides a private step
        self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        owner = _root(node.value)
        on_package = owner in self.imported and _private(node.attr)  # `mkdocs_build._populate_page`
        # `self._lock` of the project's own class is fine; `self._rebuild_cond` of MkDocs' server is not.
        own = owner in ("self", "super", "cls") and not self._in_derived_class()
        if on_package or (node.attr in KNOWN and not own):
            self._check(node, node.attr)
        self.generic_visit(node)

    def _in_derived_class(self) -> bool:
        return bool(self.derived) and self.derived[-1]

    def visit_Call(self, node: ast.Call) -> None:
        if isinstance(node.func, ast.Name) and node.func.id in ("getattr", "setattr", "hasattr", "delattr"):
            names = [arg.value for arg in node.args[1:2] if isinstance(arg, ast.Constant)]
            self._check(node, *(name for name in names if name in KNOWN))
        self.generic_visit(node)

    def _check(self, node: ast.AST, *names: str) -> None:
        self.found += [f"{getattr(node, 'lineno', 0)}: {name}" for name in names]


def _root(node: ast.expr) -> str:
    """The name an expression starts from: `mkdocs_build` for `mkdocs_build._x`, `super` for `super()._x`."""
    while isinstance(node, ast.Attribute | ast.Call | ast.Subscript):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else ""


def private_uses(source: str) -> list[str]:
    scan = _Scan()
    scan.visit(ast.parse(source))
    return scan.found


def test_no_module_but_the_adapter_uses_a_private_name_of_mkdocs_or_material():
    users = {
        str(file.relative_to(ROOT)): found
        for file in sorted(GENERATOR.rglob("*.py"))
        if file != ADAPTER and (found := private_uses(file.read_text(encoding="utf-8")))
    }
    assert not users, f"private MkDocs/Material names outside {ADAPTER.relative_to(ROOT)}: {users}"


def test_the_adapter_uses_exactly_the_private_names_its_contract_checks():
    found = {use.split(": ")[1] for use in private_uses(ADAPTER.read_text(encoding="utf-8"))}
    assert found == ADAPTER_NAMES


@pytest.mark.parametrize(
    "source",
    [
        "from mkdocs.commands.build import _build_page",
        "from mkdocs.commands import build as b\nb._populate_page(page, config, files)",
        "import mkdocs.commands.build\nmkdocs.commands.build._build_page",
        "from mkdocs.livereload import _Handler",
        "def f(server):\n    server._want_rebuild = True",
        "def f(server):\n    return getattr(server, '_visible_epoch')",
        "def f(config):\n    return config._current_page",
        "def f(plugin):\n    return plugin.search_index.entries",
        "from mkdocs.livereload import LiveReloadServer\nclass S(LiveReloadServer):\n"
        "    def f(self):\n        return self._rebuild_cond",
        "from mkdocs.livereload import LiveReloadServer\nclass S(LiveReloadServer):\n"
        "    def _serve_request(self, environ, start_response):\n        return None",
        "from generator.site.mkdocs_internals import ReloadServer\nclass S(ReloadServer):\n"
        "    def g(self):\n        return super()._serve_request({}, print)",
    ],
)
def test_the_scan_finds_a_private_name(source):
    assert private_uses(source)


def test_the_scan_leaves_the_projects_own_private_names_alone():
    source = (
        "from mkdocs.livereload import LiveReloadServer\nclass Own:\n    def __init__(self):\n"
        "        self._build = self._load = None\n        self._lock = LiveReloadServer.serve\n"
        "def _helper():\n    return Own()._lock\n"
    )
    assert private_uses(source) == []
