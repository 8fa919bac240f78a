"""Build the site with Zensical instead of MkDocs: same pages, same overrides, same safety.

Zensical reads mkdocs.yml but runs no MkDocs hooks, so everything the hooks do happens here, outside
the engine: pages, internal navigation and edit links are staged in a work folder before the build,
the search spellings are added after it. The work folder sits beside the site folder and is removed
in every case; the old site is replaced only after a strict build succeeded.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from types import SimpleNamespace

from generator.pages.requests import INTERN_PAGES
from generator.settings import Profile
from generator.site.engines import BuildFailed
from generator.site.hooks.indexing import SITEMAP, robots_txt
from generator.site.staging import GENERATED_ROOTS, hand_written_pages, write_pages
from generator.site.zensical_dialog import translate_search_dialog
from generator.site.zensical_meta import PageLinks, add_hook_meta, nav_titles, read_config
from generator.site.zensical_search import add_ascii_spellings

# Overrides made for Material's own templates only: Zensical brings its own search dialog, with
# a name, and its own header and menu (the copies of Material's header and nav-item partials
# would replace them).
MATERIAL_ONLY = (
    "partials/search.html",
    "partials/header.html",
    "partials/nav-item.html",
    "sitemap.xml",
)
# Overrides of Zensical's own templates, over overrides/ for Zensical only (MkDocs never sees them).
ZENSICAL_ONLY = "overrides-zensical"
# Zensical's own look, with Material's layout and colours the project's styles were written for.
THEME = {"custom_dir": "overrides", "variant": "classic"}


def zensical_build(
    work: Path,
    pages: Mapping[str, str | bytes],
    profile: Profile,
    config_file: str | os.PathLike,
    report_email,
) -> Path:
    """Build hand-written and generated `pages` strictly with Zensical in `work`; return the site.

    `work` is the build's work folder (generator/pipeline.py: the same as MkDocs builds use,
    git-ignored by construction, removed by the next run if killed); what the MkDocs hooks would do
    is done here.
    """
    config_file = Path(config_file).resolve()
    mkdocs_config = read_config(config_file)
    # The internal site names no public address: no canonical links, no
    # sitemap (generator/site/hooks/indexing.py).
    site_url = mkdocs_config.get("site_url") if profile == "public" else None
    links = PageLinks(
        profile,
        (mkdocs_config.get("extra") or {}).get("source_url"),
        site_url,
        report_email,
        nav_titles(mkdocs_config.get("nav")),
    )
    _stage_docs(config_file.parent / "docs", work / "docs", pages)
    shifted = add_hook_meta(work / "docs", links)
    _stage_overrides(
        config_file.parent / "overrides", config_file.parent / ZENSICAL_ONLY, work / "overrides"
    )
    _run(_write_config(config_file, profile, site_url, work), work, shifted)
    built = work / "site"
    add_ascii_spellings(built)
    translate_search_dialog(built)
    _index_rules(built, profile, site_url)
    return built


def _stage_docs(docs: Path, staged: Path, pages: Mapping[str, str | bytes]) -> None:
    """The hand-written pages of docs/ and the profile's generated ones, in one folder."""
    write_pages(staged, pages, hand_written_pages(docs))


def _stage_overrides(overrides: Path, zensical_only: Path, staged: Path) -> None:
    """overrides/ without what only Material reads, plus our overrides of Zensical's templates."""
    shutil.copytree(
        overrides, staged, ignore=lambda folder, names: _material_only(overrides, folder, names)
    )
    if zensical_only.is_dir():  # a project copy in the tests may have none
        shutil.copytree(zensical_only, staged, dirs_exist_ok=True)


def _material_only(overrides: Path, folder: str, names: list[str]) -> list[str]:
    relative = Path(folder).relative_to(overrides)
    return [name for name in names if (relative / name).as_posix() in MATERIAL_ONLY]


def zensical_config(config_file: Path, profile: Profile, site_url: str | None) -> dict:
    """What the work folder's configuration changes in mkdocs.yml (dicts merged, lists appended)."""
    config: dict[str, object] = {
        "INHERIT": str(config_file),
        "docs_dir": "docs",
        "site_dir": "site",
        "site_url": site_url,
        "theme": dict(THEME),
        "extra": {"profile": profile},
    }
    # What generator/site/hooks/editing.py adds to the navigation for MkDocs
    if profile == "intern":
        config["nav"] = [{"Intern": [{title: path} for path, title in INTERN_PAGES.items()]}]
    return config


def _write_config(config_file: Path, profile: Profile, site_url: str | None, work: Path) -> Path:
    written = work / "mkdocs.yml"
    # JSON is YAML, and json.dumps quotes every value safely.
    config = zensical_config(config_file, profile, site_url)
    written.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    return written


def _index_rules(built: Path, profile: Profile, site_url: str | None) -> None:
    """What search engines may find, as generator/site/hooks/indexing.py decides it for MkDocs."""
    if profile == "intern":
        for sitemap in (built / SITEMAP, built / f"{SITEMAP}.gz"):
            sitemap.unlink(missing_ok=True)
    config = SimpleNamespace(extra={"profile": profile}, site_url=site_url)
    (built / "robots.txt").write_text(robots_txt(config), encoding="utf-8")


def _run(config: Path, work: Path, shifted: dict[str, int]) -> None:
    """Run `zensical build --strict` in its own process; raise BuildFailed, problems in German.

    `shifted` says how many front matter lines staging added to a page, so each problem names its
    line in docs/.
    """
    result = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--strict", "--config-file", str(config)],
        cwd=work,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "NO_COLOR": "1"},
    )
    if result.returncode != 0 or not (work / "site" / "index.html").is_file():
        raise BuildFailed(_problems(result.stdout + result.stderr, shifted))


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_WARNING = re.compile(
    r"(?:Warning|Error): (?P<message>[^\n]+)\n[^\n]*\[ (?P<file>[^\n]+?):(?P<line>\d+):\d+ \]"
)
GERMAN = {
    "page does not exist": "Link auf eine Seite, die es nicht gibt",
    "anchor does not exist": "Link auf einen Abschnitt, den es nicht gibt",
}


def _problems(output: str, shifted: dict[str, int]) -> str:
    """Zensical's warnings as `docs/file.md:line: Meldung` lines, else its last line."""
    text = _ANSI.sub("", output)
    lines = []
    for match in _WARNING.finditer(text):
        page, message = match["file"], match["message"].strip()
        line = max(1, int(match["line"]) - shifted.get(page, 0))
        lines.append(f"{_source(page)}:{line}: {GERMAN.get(message, message)}")
    if lines:
        return "Zensical meldet:\n" + "\n".join(lines)
    last = [line for line in text.splitlines() if line.strip()][-1:] or ["keine Ausgabe"]
    return f"Zensical brach ab: {last[0].strip()}"


def _source(page: str) -> str:
    """Where a page comes from: a generated page from data/, a hand-written one from docs/."""
    return page if page.split("/", 1)[0] in GENERATED_ROOTS else f"docs/{page}"
