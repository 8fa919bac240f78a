"""The numbered cases of issue 25: nothing in the work tree runs, the bot acts only for members, every PR is checked."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
from pathlib import Path

import pytest
from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import bc_magic

from generator import pipeline, usercache
from generator.pages import qr, render
from generator.settings import Profile
from generator.site.staging import TrackedBuild, refuse_tracked_build

from .support import DATA, FIXED_SETTINGS, ROOT, sample_records


def _git(folder: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": "2026-11-01T12:00:00", "GIT_COMMITTER_DATE": "2026-11-01T12:00:00"}
    command = ["git", "-C", str(folder), "-c", "user.name=Test", "-c", "user.email=test@example.org", *args]
    return subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout


# --- 1. nothing in the work tree's build/ runs ------------------------------------------------------------------


class _Payload:
    """Unpickling this touches `marker`: what an attacker's bytecode cache file would do, harmlessly."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def _planted(folder: Path, template: str, marker: Path) -> Path:
    """A file where Jinja's FileSystemBytecodeCache in `folder` would look for `template`'s compiled code."""
    cache = FileSystemBytecodeCache(str(folder))
    key = cache.get_cache_key(template, str(render.TEMPLATES / template))
    file = folder / (cache.pattern % key)
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(bc_magic + pickle.dumps(_Payload(marker)))
    return file


def test_a_bytecode_file_committed_under_build_is_never_read(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    marker = tmp_path / "ran"
    planted = [
        _planted(ROOT / "build" / "cache" / "templates", name, marker) for name in ("network.md.j2", "home.md.j2")
    ]
    try:
        render._environment.cache_clear()  # a fresh process: every template is loaded again
        pipeline.render_source(DATA, Profile.PUBLIC, sample_records(), FIXED_SETTINGS)
    finally:
        for file in planted:
            file.unlink()
        render._environment.cache_clear()
    assert not marker.exists()
    assert any((tmp_path / "user-cache" / "om-netzwerke" / "templates").iterdir())  # the cache is the user's


def test_the_user_cache_is_private_and_never_inside_the_project(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    root = usercache.cache_root(ROOT)
    assert root == tmp_path / "om-netzwerke" and oct(root.stat().st_mode & 0o777) == "0o700"
    monkeypatch.setenv("XDG_CACHE_HOME", str(ROOT / "build"))
    assert usercache.cache_root(ROOT) is None
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "shared"))
    (tmp_path / "shared" / "om-netzwerke").mkdir(parents=True, mode=0o777)
    os.chmod(tmp_path / "shared" / "om-netzwerke", 0o777)  # a folder others may write: not trusted
    assert usercache.cache_root(ROOT) is None


def test_a_build_folder_tracked_by_git_is_refused_in_german(tmp_path, monkeypatch):
    _git(tmp_path, "init", "-q")
    (tmp_path / "build" / "cache").mkdir(parents=True)
    (tmp_path / "build" / "cache" / "x.cache").write_bytes(b"\x80")
    refuse_tracked_build(tmp_path)  # untracked: fine
    _git(tmp_path, "add", "-f", "build/cache/x.cache")
    with pytest.raises(TrackedBuild) as refused:
        refuse_tracked_build(tmp_path)
    assert str(refused.value).startswith("build/ ist in Git eingecheckt (build/cache/x.cache); ")
    monkeypatch.setattr(pipeline, "ROOT", tmp_path)
    with pytest.raises(TrackedBuild):  # every render of the pipeline asks first
        pipeline.render_source(DATA, Profile.PUBLIC, sample_records(), FIXED_SETTINGS)


# --- 2. a QR code cannot be redirected by a cache ---------------------------------------------------------------


def test_a_code_of_another_address_stored_in_the_cache_never_reaches_a_page(tmp_path):
    url = "https://netzwerke.example.org/netzwerke/hannover/"
    other = qr.CodeMemory().svg("https://evil.example.com/")
    file = tmp_path / "qr-codes.json"
    file.write_text(json.dumps({qr._key(url): other}), encoding="utf-8")
    qr.qr_svg.cache_clear()
    with qr.remembered_codes(file):
        drawn = str(qr.qr_svg(url, "QR"))
    qr.qr_svg.cache_clear()
    assert other.split('d="')[1] not in drawn
    assert drawn == str(qr.qr_svg(url, "QR"))  # the same as drawn without any cache
