"""The site builds strictly from the sample data; bad data never touches the pages or the last good site."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

from generator.pipeline import build_site, generate
from generator.problems import DataInvalid
from generator.site.staging import GENERATED_ROOTS, HandWrittenClash, hand_written_pages, write_pages

from .support import DATA, FIXED_SETTINGS, FIXED_TODAY, ROOT, replace_in, run_cli

pytestmark = pytest.mark.engine  # builds whole sites


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_public_site_has_a_page_per_network_and_partner(public_site):
    assert (public_site / "netzwerke" / "index.html").is_file()
    assert (public_site / "netzwerke" / "beispiel-dresden" / "index.html").is_file()
    assert (public_site / "partner" / "dguv" / "index.html").is_file()
    assert (public_site / "referenz" / "datenfelder" / "index.html").is_file()
    # 16 partners (the one that left keeps its page) and one former address that forwards
    assert len(list((public_site / "partner").glob("*/index.html"))) == 17


def test_site_is_german(public_site):
    assert '<html lang="de"' in (public_site / "index.html").read_text(encoding="utf-8")


def test_detail_pages_are_not_listed_in_the_sidebar(public_site):
    overview = (public_site / "netzwerke" / "index.html").read_text(encoding="utf-8")
    start = (public_site / "index.html").read_text(encoding="utf-8")
    sidebar = start[start.index('class="md-nav md-nav--primary"') : start.index('class="md-content"')]
    assert 'href="beispiel-dresden/"' in overview
    assert "beispiel-dresden" not in sidebar  # the home page's map links it, the navigation does not


def test_any_engine_builds_the_staged_folder_without_generating_anything(tmp_path):
    """`generate` stages build/docs/ (mkdocs.yml's docs_dir); a plain `mkdocs build --strict` then builds it."""
    assert run_cli("generate", "--data", str(DATA)).returncode == 0
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert (tmp_path / "site" / "partner" / "dguv" / "index.html").is_file()


@pytest.mark.parametrize("profile", ["public", "intern"])
def test_the_build_from_memory_is_the_site_mkdocs_builds_from_the_staged_folder(tmp_path, profile):
    """`build` hands MkDocs the generated pages in memory; the site is byte for byte the staged folder's."""
    from mkdocs.commands.build import build

    from generator.site.build import MARKER, site_config

    built = _snapshot(build_site(profile, DATA, tmp_path / "site", settings=FIXED_SETTINGS))
    extra = generate(DATA, tmp_path / "docs", profile, settings=FIXED_SETTINGS).extra
    build(site_config(tmp_path / "staged", tmp_path / "docs", profile, DATA, extra=extra))
    staged = _snapshot(tmp_path / "staged")
    assert built.pop(MARKER) and built.keys() == staged.keys()
    assert [path for path in built if built[path] != staged[path]] == []


def test_docs_folder_holds_only_hand_written_pages():
    assert not {p.name for p in (ROOT / "docs").iterdir()} & set(GENERATED_ROOTS)
    for ignore in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines():
        assert not ignore.startswith("/docs/"), "generated pages no longer live in docs/"


def test_build_with_bad_data_writes_nothing_and_keeps_the_last_site(data_dir, tmp_path):
    site = tmp_path / "site"
    assert run_cli("build", "--data", str(data_dir), "--site-dir", str(site)).returncode == 0
    before_site, before_docs = _snapshot(site), _snapshot(ROOT / "docs")
    replace_in(data_dir / "partners.yaml", "email: c.beispielmann@example.org", "email: max@")
    replace_in(data_dir / "partners.yaml", "    name: Bundesagentur für Arbeit", "    name: Bundesagentur ohne Arbeit")
    result = run_cli("build", "--data", str(data_dir), "--site-dir", str(site))
    assert result.returncode == 1
    assert (
        "partners[0] „Deutsche Gesetzliche Unfallversicherung“ (dguv).liaison.email: keine gültige E-Mail-Adresse"
        in result.stderr
    )
    assert "\n1 Fehler gefunden; es wurde nichts geschrieben.\n" in result.stderr
    assert _snapshot(site) == before_site
    assert _snapshot(ROOT / "docs") == before_docs


def test_invalid_data_stages_nothing(data_dir, tmp_path):
    replace_in(data_dir / "networks.yaml", 'postcode: "80331"', 'postcode: "8033"')
    with pytest.raises(DataInvalid):
        generate(data_dir, tmp_path / "docs")
    assert not (tmp_path / "docs").exists()


def test_a_build_leaves_the_garbage_collector_as_it_found_it(data_dir, tmp_path):
    """The pipeline pauses the collector while it renders; built, refused or already paused, it is as it was."""
    build_site("public", DATA, tmp_path / "site", settings=FIXED_SETTINGS)
    assert gc.isenabled()
    replace_in(data_dir / "networks.yaml", 'postcode: "80331"', 'postcode: "8033"')
    with pytest.raises(DataInvalid):
        build_site("public", data_dir, tmp_path / "site", settings=FIXED_SETTINGS)
    assert gc.isenabled()
    gc.disable()
    try:
        with pytest.raises(DataInvalid):
            build_site("public", data_dir, tmp_path / "site", settings=FIXED_SETTINGS)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_writer_touches_only_changed_files_and_removes_stale_ones(tmp_path):
    pages = {"partner/a.md": "A\n", "partner/b.md": "B\n"}
    assert write_pages(tmp_path, pages) == ["partner/a.md", "partner/b.md"]
    stamp = (tmp_path / "partner" / "a.md").stat().st_mtime_ns
    assert write_pages(tmp_path, pages) == []
    assert write_pages(tmp_path, {"partner/a.md": "A\n"}) == ["partner/b.md"]
    assert (tmp_path / "partner" / "a.md").stat().st_mtime_ns == stamp
    assert not (tmp_path / "partner" / "b.md").exists()


def test_staged_folder_is_hand_written_pages_plus_generated_ones(tmp_path):
    hand = {"handbuch/om.md": b"OM\n", "handbuch/index.md": b"Handbuch\n"}
    write_pages(tmp_path, {"partner/a.md": "A\n"}, hand)
    assert _snapshot(tmp_path) == {**hand, "partner/a.md": b"A\n"}
    assert write_pages(tmp_path, {"partner/a.md": "A\n"}, {"handbuch/om.md": b"OM\n"}) == ["handbuch/index.md"]
    with pytest.raises(ValueError, match="outside the generated folders"):
        write_pages(tmp_path, {"handbuch/index.md": "überschrieben"}, hand)


def test_a_hand_written_page_in_a_generated_folder_is_refused_in_german(tmp_path):
    (tmp_path / "partner").mkdir()
    (tmp_path / "partner" / "alt.md").write_text("alt\n", encoding="utf-8")
    with pytest.raises(HandWrittenClash, match="der Ordner „partner“ gehört den erzeugten Seiten"):
        hand_written_pages(tmp_path)


def test_internal_site_goes_to_its_own_folder(intern_site, public_site):
    assert intern_site != public_site
    assert (intern_site / "partner" / "ifaa" / "index.html").is_file()


def test_cli_help_names_every_command():
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("check", "generate", "build", "serve"):
        assert command in result.stdout


def _wait_for(condition, seconds: float = 30.0, step: float = 0.3) -> bool:
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False


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
    result = _build_fixture("--site-dir", target)
    assert result.returncode == 1
    assert result.stderr.startswith("Die Website wurde nicht gebaut: Zielordner ")
    assert result.stderr.rstrip().endswith(reason)
    assert _snapshot(ROOT / "data") == before
    assert not (ROOT / "overrides" / "vorschau").exists()


def test_internal_site_is_never_built_into_the_public_folder():
    result = _build_fixture("--profile", "intern", "--site-dir", "site")
    assert result.returncode == 1
    assert "gehört zur anderen Fassung der Website" in result.stderr


def test_site_folder_with_a_tilde_means_the_home_folder(tmp_path):
    result = _build_fixture("--site-dir", "~/omsite", env={"HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "omsite" / "index.html").is_file()


def test_unusable_site_path_is_one_german_line(tmp_path):
    (tmp_path / "datei").write_text("x\n", encoding="utf-8")
    result = _build_fixture("--site-dir", str(tmp_path / "datei" / "site"))
    assert result.returncode == 1
    assert result.stderr.rstrip().endswith("kann nicht angelegt werden; bitte den Pfad prüfen")


def test_build_refuses_a_folder_it_did_not_build(tmp_path):
    (tmp_path / "notizen.txt").write_text("wichtig\n", encoding="utf-8")
    result = _build_fixture("--site-dir", str(tmp_path))
    assert result.returncode == 1
    assert "ist nicht leer und enthält keine mit diesem Befehl gebaute Website" in result.stderr
    assert (tmp_path / "notizen.txt").read_text(encoding="utf-8") == "wichtig\n"


def test_build_replaces_its_own_earlier_site(tmp_path):
    site = tmp_path / "site"
    assert _build_fixture("--site-dir", str(site)).returncode == 0
    (site / "veraltet.html").write_text("alt\n", encoding="utf-8")
    assert _build_fixture("--site-dir", str(site)).returncode == 0
    assert not (site / "veraltet.html").exists()
    assert (site / "index.html").is_file()


def test_command_line_help_and_usage_errors_are_german():
    help_text = run_cli("build", "--help").stdout
    assert help_text.startswith("Aufruf: python -m generator build")
    assert "diese Hilfe zeigen und beenden" in help_text
    wrong = _build_fixture("--profile", "oeffentlich")
    assert wrong.returncode == 2
    assert wrong.stderr.splitlines()[-1] == (
        "python -m generator build: Fehler: Angabe --profile: ungültige Auswahl: 'oeffentlich' "
        "(möglich: 'public', 'intern')"
    )


def _git(*args: str, cwd: Path) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return result.stdout


def test_a_killed_build_leaves_nothing_for_git_and_the_next_build_cleans_up(tmp_path):
    import os
    import signal

    from generator.site.build import WORK_MARKER

    project = tmp_path / "repo"
    project.mkdir()
    _git("init", "-q", cwd=project)
    site = project / "site-intern"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "generator", "build", "--profile", "intern", "--data", str(DATA)]
    build = subprocess.Popen([*command, "--site-dir", str(site)], cwd=ROOT, env=env)
    try:
        assert _wait_for(lambda: any(project.glob(f".site-intern-*/{WORK_MARKER}")), seconds=60)
        # Well inside the build: MkDocs is writing the pages with private data into the work folder.
        assert _wait_for(lambda: any(project.glob(".site-intern-*/site/partner/*/index.html")), seconds=60, step=0.02)
    finally:
        build.send_signal(signal.SIGKILL)
        build.wait()
    assert any(project.glob(".site-intern-*"))
    assert _git("status", "--porcelain", "--untracked-files=all", cwd=project) == ""
    assert run_cli(*command[3:], "--site-dir", str(site)).returncode == 0
    assert not list(project.glob(".site-intern-*"))
    assert (site / "index.html").is_file()


def test_the_swap_leaves_a_site_at_every_moment(tmp_path, monkeypatch):
    from generator.site import build as site_module

    site = tmp_path / "site"
    build_site("public", DATA, site, settings=FIXED_SETTINGS)
    (site / "alt.txt").write_text("alt\n", encoding="utf-8")

    def killed_after_swap(path, ignore_errors=False):
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(site_module.shutil, "rmtree", killed_after_swap)
        with pytest.raises(KeyboardInterrupt):
            build_site("public", DATA, site, settings=FIXED_SETTINGS)
    assert (site / "index.html").is_file() and not (site / "alt.txt").exists()
    site_module.clean_leftovers(site)
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_without_an_atomic_exchange_a_kill_between_the_renames_is_undone_by_the_next_run(tmp_path, monkeypatch):
    from generator.site import build as site_module

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("alt\n", encoding="utf-8")
    work = site_module.work_folder(site)
    (work / "site").mkdir()
    original, renames = Path.rename, []

    def rename_then_die(self, target):
        renames.append(target)
        if len(renames) == 2:
            raise KeyboardInterrupt
        return original(self, target)

    with monkeypatch.context() as patch:
        patch.setattr(site_module, "exchange", lambda first, second: False)
        patch.setattr(Path, "rename", rename_then_die)
        with pytest.raises(KeyboardInterrupt):
            site_module.swap(site, work / "site")
    assert not site.exists()
    site_module.clean_leftovers(site)
    assert (site / "index.html").read_text(encoding="utf-8") == "alt\n"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def _build_fixture(*args: str, env: dict | None = None):
    """`build` on the fixture data on the fixed day: a valid edit to data/ or the calendar never fails these tests."""
    return run_cli("build", "--data", str(DATA), *args, env={"OM_TODAY": FIXED_TODAY, **(env or {})})
