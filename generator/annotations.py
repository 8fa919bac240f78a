"""GitHub Actions annotations: problems appear on the changed line of a pull request."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import TextIO

from .problems import Problem


def in_github_actions() -> bool:
    """True when running as a step of a GitHub Actions workflow."""
    return os.environ.get("GITHUB_ACTIONS") == "true"


def annotation(problem: Problem) -> str:
    """The workflow command that shows one problem as an error or warning at its file and line."""
    kind = "warning" if problem.warning else "error"
    title = f"{problem.path}" if problem.path else "Daten"
    properties = f"file={_property(problem.file)},line={problem.line},title={_property(title)}"
    return f"::{kind} {properties}::{_data(problem.message)}"


def print_annotations(problems: Iterable[Problem], stream: TextIO | None = None) -> None:
    """Print an annotation per problem when running in GitHub Actions; elsewhere nothing."""
    if in_github_actions():
        for problem in problems:
            print(annotation(problem), file=stream or sys.stdout)


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
