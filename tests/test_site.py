"""The site builds strictly from the sample data; bad data never touches the pages or the last good site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from generator import mkdocs_hook
from generator.write import write_pages

from .support import ROOT, replace_in, run_cli


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_public_site_has_a_page_per_network_and_partner(public_site):
    assert (public_site / "netzwerke" / "index.html").is_file()
    assert (public_site / "netzwerke" / "beispiel-dresden" / "index.html").is_file()
    assert (public_site / "partner" / "dguv" / "index.html").is_file()
    assert (public_site / "referenz" / "datenfelder" / "index.html").is_file()
    assert len(list((public_site / "partner").glob("*/index.html"))) == 16


def test_site_is_german(public_site):
    assert '<html lang="de"' in (public_site / "index.html").read_text(encoding="utf-8")


def test_detail_pages_are_not_listed_in_the_sidebar(public_site):
    overview = (public_site / "netzwerke" / "index.html").read_text(encoding="utf-8")
    start = (public_site / "index.html").read_text(encoding="utf-8")
    assert 'href="beispiel-dresden/"' in overview
    assert "beispiel-dresden" not in start


def test_plain_mkdocs_build_strict_runs_the_generator_through_the_hook(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert (tmp_path / "site" / "partner" / "dguv" / "index.html").is_file()


def test_build_with_bad_data_writes_nothing_and_keeps_the_last_site(data_dir, tmp_path):
    site = tmp_path / "site"
    assert run_cli("build", "--data", str(data_dir), "--site-dir", str(site)).returncode == 0
    before_site, before_docs = _snapshot(site), _snapshot(ROOT / "docs")
    replace_in(data_dir / "partners.yaml", "email: c.beispielmann@example.org", "email: max@")
    replace_in(data_dir / "partners.yaml", "    name: Bundesagentur für Arbeit", "    name: Bundesagentur ohne Arbeit")
    result = run_cli("build", "--data", str(data_dir), "--site-dir", str(site))
    assert result.returncode == 1
    assert "partners[0].liaison.email: keine gültige E-Mail-Adresse" in result.stderr
    assert "\n1 Fehler gefunden; es wurde nichts geschrieben.\n" in result.stderr
    assert _snapshot(site) == before_site
    assert _snapshot(ROOT / "docs") == before_docs


def test_hook_stops_mkdocs_before_it_cleans_the_site(data_dir, tmp_path):
    replace_in(data_dir / "networks.yaml", 'postcode: "80331"', 'postcode: "8033"')
    config = SimpleNamespace(
        config_file_path=str(ROOT / "mkdocs.yml"),
        docs_dir=str(tmp_path / "docs"),
        extra={"data_dir": str(data_dir), "profile": "public"},
    )
    with pytest.raises(PluginError, match=r"^1 Fehler in den Daten; es wurde nichts erzeugt\.$"):
        mkdocs_hook.on_pre_build(config)
    assert not (tmp_path / "docs").exists()


def test_writer_touches_only_changed_files_and_removes_stale_ones(tmp_path):
    pages = {"partner/a.md": "A\n", "partner/b.md": "B\n"}
    assert write_pages(tmp_path, pages) == ["partner/a.md", "partner/b.md"]
    stamp = (tmp_path / "partner" / "a.md").stat().st_mtime_ns
    assert write_pages(tmp_path, pages) == []
    assert write_pages(tmp_path, {"partner/a.md": "A\n"}) == ["partner/b.md"]
    assert (tmp_path / "partner" / "a.md").stat().st_mtime_ns == stamp
    assert not (tmp_path / "partner" / "b.md").exists()


def test_writer_never_touches_hand_written_pages(tmp_path):
    (tmp_path / "index.md").write_text("Handarbeit\n", encoding="utf-8")
    with pytest.raises(ValueError, match="outside the generated folders"):
        write_pages(tmp_path, {"index.md": "überschrieben"})
    write_pages(tmp_path, {})
    assert (tmp_path / "index.md").read_text(encoding="utf-8") == "Handarbeit\n"


def test_internal_site_goes_to_its_own_folder(intern_site, public_site):
    assert intern_site != public_site
    assert (intern_site / "partner" / "ifaa" / "index.html").is_file()


def test_cli_help_names_every_command():
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("check", "generate", "build", "serve"):
        assert command in result.stdout


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str:
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(condition, seconds: float = 30.0) -> bool:
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


def test_serve_shows_a_yaml_edit_live_and_then_settles(data_dir):
    import os
    import time

    port = _free_port()
    url = f"http://127.0.0.1:{port}/netzwerke/hannover/"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "generator", "serve", "--data", str(data_dir), "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert _wait_for(lambda: "Netzwerkbüro Hannover" in _fetch(url)), "serve did not start"
        replace_in(data_dir / "networks.yaml", "Netzwerkbüro Hannover (Beispiel)", "Netzwerkbüro Hannover-Mitte")
        assert _wait_for(lambda: "Netzwerkbüro Hannover-Mitte" in _fetch(url)), "edit did not show up"
        time.sleep(4)  # a hook that rewrote docs/ on every build would keep the server rebuilding
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0]
    builds = output.count("Building documentation")
    assert 2 <= builds <= 3, output


def test_network_page_leads_to_its_agreement_and_one_page_sheet(public_site):
    page = (public_site / "netzwerke" / "beispiel-dresden" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../vereinbarung/netzwerke/beispiel-dresden/"' in page
    assert 'href="../../merkblaetter/beispiel-dresden/"' in page
    assert "unterzeichnet am" in page


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        (".", "enthält Projektdateien"),
        ("/", "enthält Projektdateien"),
        ("generator/..", "enthält Projektdateien"),
        ("data", "liegt im Projektordner; dort sind nur site/ (öffentlich) und site-intern/ (intern) vorgesehen"),
        ("docs", "liegt im Projektordner; dort sind nur site/ (öffentlich) und site-intern/ (intern) vorgesehen"),
        ("docs/neu", "liegt im Projektordner; dort sind nur site/ (öffentlich) und site-intern/ (intern) vorgesehen"),
        (
            "overrides/vorschau",
            "liegt im Projektordner; dort sind nur site/ (öffentlich) und site-intern/ (intern) vorgesehen",
        ),
        ("site-intern", "gehört zur anderen Fassung der Website (öffentlich oder intern)"),
        (
            "README.md/x",
            "liegt im Projektordner; dort sind nur site/ (öffentlich) und site-intern/ (intern) vorgesehen",
        ),
    ],
)
def test_build_refuses_a_site_folder_that_would_delete_or_publish_project_files(target, reason):
    before = _snapshot(ROOT / "data")
    result = run_cli("build", "--site-dir", target)
    assert result.returncode == 1
    assert result.stderr.startswith("Die Website wurde nicht gebaut: Zielordner ")
    assert result.stderr.rstrip().endswith(reason)
    assert _snapshot(ROOT / "data") == before
    assert not (ROOT / "overrides" / "vorschau").exists()


def test_internal_site_is_never_built_into_the_public_folder():
    result = run_cli("build", "--profile", "intern", "--site-dir", "site")
    assert result.returncode == 1
    assert "gehört zur anderen Fassung der Website" in result.stderr


def test_site_folder_with_a_tilde_means_the_home_folder(tmp_path):
    result = run_cli("build", "--site-dir", "~/omsite", env={"HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "omsite" / "index.html").is_file()


def test_unusable_site_path_is_one_german_line(tmp_path):
    (tmp_path / "datei").write_text("x\n", encoding="utf-8")
    result = run_cli("build", "--site-dir", str(tmp_path / "datei" / "site"))
    assert result.returncode == 1
    assert result.stderr.rstrip().endswith("kann nicht angelegt werden; bitte den Pfad prüfen")


def test_build_refuses_a_folder_it_did_not_build(tmp_path):
    (tmp_path / "notizen.txt").write_text("wichtig\n", encoding="utf-8")
    result = run_cli("build", "--site-dir", str(tmp_path))
    assert result.returncode == 1
    assert "ist nicht leer und enthält keine mit diesem Befehl gebaute Website" in result.stderr
    assert (tmp_path / "notizen.txt").read_text(encoding="utf-8") == "wichtig\n"


def test_build_replaces_its_own_earlier_site(tmp_path):
    site = tmp_path / "site"
    assert run_cli("build", "--site-dir", str(site)).returncode == 0
    (site / "veraltet.html").write_text("alt\n", encoding="utf-8")
    assert run_cli("build", "--site-dir", str(site)).returncode == 0
    assert not (site / "veraltet.html").exists()
    assert (site / "index.html").is_file()


def test_command_line_help_and_usage_errors_are_german():
    help_text = run_cli("build", "--help").stdout
    assert help_text.startswith("Aufruf: python -m generator build")
    assert "diese Hilfe zeigen und beenden" in help_text
    wrong = run_cli("build", "--profile", "oeffentlich")
    assert wrong.returncode == 2
    assert wrong.stderr.splitlines()[-1] == (
        "python -m generator build: Fehler: Angabe --profile: ungültige Auswahl: 'oeffentlich' "
        "(möglich: 'public', 'intern')"
    )


def test_live_preview_says_in_german_that_it_waits_for_fixed_data(data_dir, tmp_path, caplog):
    replace_in(data_dir / "networks.yaml", 'postcode: "80331"', 'postcode: "8033"')
    config = SimpleNamespace(
        config_file_path=str(ROOT / "mkdocs.yml"),
        docs_dir=str(tmp_path / "docs"),
        extra={"data_dir": str(data_dir), "profile": "public"},
    )
    mkdocs_hook.on_startup(command="serve", dirty=False)
    try:
        with pytest.raises(PluginError):
            mkdocs_hook.on_pre_build(config)
    finally:
        mkdocs_hook.on_startup(command="build", dirty=False)
    assert caplog.messages[-1] == (
        "Die Vorschau wartet, bis die Fehler behoben sind; danach lädt sie die Seite von selbst neu."
    )
