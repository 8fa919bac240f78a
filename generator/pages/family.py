"""Helpers shared by the page sets: pages that repeat once per record, and the names they must not take.

A page family declares, when its module loads, the folders where it writes one page per record
(`record_folder`) and the fixed pages and subfolders it writes there (`fixed_page`). An id equal to
such a name would silently replace that page (`index` replacing an overview), so the rules refuse
ids taken from exactly these declarations, never from a list kept by hand.
"""

from __future__ import annotations

from jinja2 import Environment

# Folder below docs/ → the data section whose records get one page each there ("networks.yaml", "networks").
RECORD_FOLDERS: dict[str, tuple[str, str]] = {}
# Folder below docs/ → names the families write there themselves (a page's stem or a subfolder).
FIXED_NAMES: dict[str, set[str]] = {}


def record_folder(folder: str, data_file: str, section: str) -> str:
    """Declare a folder with one page per record of a data section; return the folder."""
    RECORD_FOLDERS[folder] = (data_file, section)
    return folder


def fixed_page(path: str) -> str:
    """Declare a page (`netzwerke/index.md`) or folder (`netzwerke/status/`) a family always writes; return it."""
    parts = path.rstrip("/").split("/")
    for depth in range(1, len(parts)):
        FIXED_NAMES.setdefault("/".join(parts[:depth]), set()).add(parts[depth].removesuffix(".md"))
    return path


def record_pages(env: Environment, template: str, folder: str, records, name: str, shared: dict) -> dict[str, str]:
    """One page per record at `folder/<id>.md`, the record given to the template as `name`."""
    page = env.get_template(template)
    return {f"{folder}/{record.id}.md": page.render(shared, **{name: record}) for record in records}
