"""MkDocs hook: what search engines may find; public: robots.txt with the sitemap; else none.

The internal site is served behind a login and must not point at the public host: no canonical links
(they would name `/intern/…` pages that do not exist there), no sitemap, `noindex` on every page
(overrides/main.html) and a robots.txt that disallows everything.
"""

from __future__ import annotations

from pathlib import Path

SITEMAP = "sitemap.xml"


def on_config(config):
    """Internal site: no site address (so no canonical links) and no sitemap."""
    if config.extra.get("profile") == "intern":
        config.site_url = None
        config.theme.static_templates.discard(SITEMAP)
    return config


def on_files(files, config):
    """Internal site: the theme's sitemap template, no longer rendered, isn't copied either."""
    if (
        config.extra.get("profile") == "intern"
        and (sitemap := files.get_file_from_path(SITEMAP)) is not None
    ):
        files.remove(sitemap)
    return files


def on_post_build(config) -> None:
    (Path(config.site_dir) / "robots.txt").write_text(robots_txt(config), encoding="utf-8")


def robots_txt(config) -> str:
    """Public: everything may be indexed, the sitemap says what there is. Internal: nothing may."""
    if config.extra.get("profile") == "intern":
        return "# Interne Website: nicht indexieren.\nUser-agent: *\nDisallow: /\n"
    lines = ["User-agent: *", "Allow: /"]
    if config.site_url:
        lines += ["", f"Sitemap: {config.site_url.rstrip('/')}/{SITEMAP}"]
    return "\n".join(lines) + "\n"
