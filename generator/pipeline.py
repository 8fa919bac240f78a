"""The one pipeline every entry point uses: load → validate → model → render → stage → build.

The CLI, the preview and the tests call these functions; MkDocs hooks never generate pages.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.model.directory import build_directory
from generator.pages.family import Deferred, made
from generator.pages.render import render_pages
from generator.records.history import data_history
from generator.records.validate import Records, load_records
from generator.settings import Profile, Settings, read_settings
from generator.site.build import (
    CONFIG,
    MARKER,
    build_into,
    prepare_target,
    remove_work,
    swap,
    work_folder,
)
from generator.site.staging import (
    HAND_WRITTEN,
    ROOT,
    StagedFiles,
    hand_written_pages,
    refuse_symlinks,
    refuse_tracked_build,
    source_files,
    sync_folder,
)
from generator.usercache import cache_root


@dataclass(frozen=True)
class Source:
    """The generated files of a profile's site and what the theme takes from the data."""

    pages: dict[str, str | bytes]
    # Downloads a render asked to defer, made once the pages are built
    deferred: dict[str, Deferred]
    extra: dict[str, object]  # becomes part of MkDocs' config.extra


def render_source(
    data_dir: str | os.PathLike,
    profile: Profile,
    records: Records,
    settings: Settings,
    defer: bool = False,
) -> Source:
    """Model and pages of validated records; `defer`: downloads may come deferred (the preview)."""
    # Internal pages show each record's last changes; a git log per commit (cached for the preview).
    history = data_history(data_dir) if profile == Profile.INTERN else None
    directory = build_directory(records, profile, history, settings)
    rendered = render_pages(directory, defer=defer, cache=_cache())
    # Only a render asked to defer hands out Deferred values; they wait there, files stay as staged.
    deferred = {path: value for path, value in rendered.items() if isinstance(value, Deferred)}
    pages = made({path: value for path, value in rendered.items() if path not in deferred})
    return Source(pages, deferred, {"report_email": directory.report_email})


def _cache() -> Path | None:
    """The per-user rendering cache (templates, QR masks); never build/, which a commit can fill."""
    refuse_tracked_build(ROOT)
    refuse_symlinks(ROOT / "overrides")  # the theme's files are copied into the site as they are
    return cache_root(ROOT)


@dataclass(frozen=True)
class Staged:
    """What staging a profile's site source did, and what the engine's build of it needs."""

    changed: list[str]  # the paths written or removed
    # Downloads not yet made; their files stay as staged until the preview makes them
    deferred: dict[str, Deferred]
    extra: dict[str, object]  # becomes part of MkDocs' config.extra


def generate(
    data_dir: str | os.PathLike,
    target: str | os.PathLike | StagedFiles,
    profile: Profile = Profile.PUBLIC,
    records: Records | None = None,
    settings: Settings | None = None,
) -> Staged:
    """Validate the data (unless already loaded) and stage a profile's site source into `target`.

    Raises DataInvalid before anything is written. `target` is a folder, compared with the files on
    disk, or the preview's StagedFiles, compared with its memory. Only the preview defers downloads
    not yet made: it alone makes and writes them (Preview.finish), once the pages are on screen.
    """
    settings = settings or read_settings()
    records = records if records is not None else load_records(data_dir, today=settings.today)
    source = render_source(
        data_dir, profile, records, settings, defer=isinstance(target, StagedFiles)
    )
    files = source_files(source.pages, hand_written_pages(HAND_WRITTEN))
    if isinstance(target, StagedFiles):
        changed = target.sync(files, deferred=source.deferred)
    else:
        changed = sync_folder(Path(target), files)
    return Staged(changed, source.deferred, source.extra)


def build_site(
    profile: Profile = Profile.PUBLIC,
    data_dir: str | os.PathLike = ROOT / "data",
    site_dir: str | os.PathLike | None = None,
    config_file: str | os.PathLike = CONFIG,
    settings: Settings | None = None,
) -> Path:
    """Validate, generate and build strictly with MkDocs; the previous site stays on any failure."""
    return build_with("mkdocs", profile, data_dir, site_dir, settings, config_file)


def build_with(
    engine: str,
    profile: Profile,
    data_dir: str | os.PathLike,
    site_dir: str | os.PathLike | None = None,
    settings: Settings | None = None,
    config_file: str | os.PathLike = CONFIG,
    offline: bool = False,
) -> Path:
    """Validate, generate and build strictly with the chosen engine; return the site folder.

    The previous site stays if anything fails: the engine builds in a work folder next to it,
    and the new site replaces the old in one step. `offline` (MkDocs only): a site that works
    opened from disk.
    """
    settings = settings or read_settings()
    with _collector_paused():
        # All data errors surface here, before anything is written.
        records = load_records(data_dir, today=settings.today)
        site = prepare_target(profile, site_dir, config_file, data_dir)
        source = render_source(data_dir, profile, records, settings)
    work = work_folder(site)
    try:
        swap(site, _build(engine, work, source, profile, data_dir, config_file, offline))
    finally:
        remove_work(work)
    return site


def _build(
    engine: str,
    work: Path,
    source: Source,
    profile: Profile,
    data_dir: str | os.PathLike,
    config_file: str | os.PathLike,
    offline: bool = False,
) -> Path:
    """The engine's build of the rendered source in `work`: the site, marked with its command."""
    if engine == "zensical":
        from generator.site.zensical import zensical_build

        built = zensical_build(
            work, source.pages, profile, config_file, source.extra["report_email"]
        )
    else:
        hand_written_pages(HAND_WRITTEN)  # refuses a hand-written page where the generator writes
        # MkDocs takes the generated pages from memory: nothing of them is written but the site.
        built = work / "site"
        build_into(
            built, source.pages, profile, data_dir, config_file, extra=source.extra, offline=offline
        )
    option = ("" if engine == "mkdocs" else f" --engine {engine}") + (
        " --offline" if offline else ""
    )
    (built / MARKER).write_text(
        f"Von python -m generator build{option} erzeugt.\n", encoding="utf-8"
    )
    return built


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while the generator loads and renders; one collection after.

    Loading and rendering make few reference cycles but about a million objects, and the
    collector walks the young ones again and again (a quarter of a second at 1,000 partners).
    Once done, one collection of the young generations takes what is garbage; the engine's build
    then runs as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        gc.collect(1)
    finally:
        if enabled:
            gc.enable()
