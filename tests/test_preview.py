"""The live preview shows each saved edit after one rebuild, and German errors in the browser while data is invalid."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from .support import ROOT, replace_in

pytestmark = pytest.mark.engine  # builds whole sites

ENGLISH = ("Building documentation", "INFO", "WARNING", "Aborted", "The server will appear stuck", "Traceback")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str, timeout: float = 5) -> str:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except (OSError, urllib.error.URLError):
        return ""


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_preview_shows_edits_then_the_german_error_page_then_the_page_again(data_dir, engine):
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "generator", "serve", "--data", str(data_dir), "--dev-addr", f"127.0.0.1:{port}"]
    command += ["--engine", engine]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    networks = data_dir / "networks.yaml"
    try:
        page = f"{base}/netzwerke/hannover/"
        assert _wait_for(lambda: "Netzwerkbüro Hannover" in _fetch(page), 180), "the preview did not start"
        replace_in(networks, "Netzwerkbüro Hannover (Beispiel)", "Netzwerkbüro Hannover-Mitte")
        assert _wait_for(lambda: "Netzwerkbüro Hannover-Mitte" in _fetch(page), 60), "the edit did not show"

        line = networks.read_text(encoding="utf-8").splitlines().index('      postcode: "80331"') + 1
        replace_in(networks, 'postcode: "80331"', 'postcode: "8033"')
        assert _wait_for(lambda: "Fehler in den Daten" in _fetch(page), 60), "no error page"
        started = time.monotonic()
        for address in (page, f"{base}/", f"{base}/partner/dguv/", f"{base}/gibt-es-nicht/"):
            error = _fetch(address, timeout=3)
            assert '<html lang="de">' in error and "<h1>Fehler in den Daten</h1>" in error, address
            assert (
                f"networks.yaml:{line}: networks[0] „Musternetzwerk München“ (muenchen).contact.postcode: keine "
                "gültige Postleitzahl" in error
            )
            assert "/livereload/" in error  # the open tab polls and reloads itself once the data is fixed
        assert time.monotonic() - started < 3, "error pages must be answered at once"
        rebound = urllib.request.Request(page, headers={"Host": f"rebind.example.com:{port}"})
        with pytest.raises(urllib.error.HTTPError) as refused:  # DNS rebinding: a foreign name reads nothing
            urllib.request.urlopen(rebound, timeout=3)
        assert refused.value.code == 400 and b"postcode" not in refused.value.read()

        replace_in(networks, 'postcode: "8033"', 'postcode: "80331"')
        assert _wait_for(lambda: "Netzwerkbüro Hannover-Mitte" in _fetch(page), 60), "the fixed page did not return"
        time.sleep(3)  # a rebuild that triggered itself would show up as a further line
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0]
    assert output.count("Vorschau aktualisiert") == 3, output  # start, edit, fix: one rebuild per save
    assert output.count("Fehler in den Daten; die Vorschau zeigt sie an") == 1, output
    assert not [word for word in ENGLISH if word in output], output
