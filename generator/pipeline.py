"""The one pipeline every entry point uses: load → validate → model → render → write."""

from __future__ import annotations

import os

from .model import build_directory
from .render import render_pages
from .validate import load_records
from .write import write_pages


def generate(
    data_dir: str | os.PathLike, docs_dir: str | os.PathLike, profile: str = "public", extra: dict | None = None
) -> list[str]:
    """Validate the data and write the generated pages of a profile; raise DataInvalid before writing anything.

    `extra` (MkDocs' config.extra) receives what the theme's templates take from the data.
    """
    records = load_records(data_dir)
    directory = build_directory(records, profile)
    pages = render_pages(directory)
    if extra is not None:
        extra["report_email"] = directory.report_email
    return write_pages(docs_dir, pages)
