"""What goes to the terminal and CI: problem lines, capped and escaped, and GitHub annotations.

The Actions runner reads every output line that starts with `::` (after spaces) as a workflow
command, on standard output and standard error alike. A data value can hold a line break, so
every line printed here has its line breaks and control characters made visible, and none can
start with `::`.
"""

from __future__ import annotations

import logging
import re
import sys
from typing import TextIO

from generator.problems import Problem

# Enough to fix a file from; the summary line says how many more there are.
MAX_SHOWN = 50
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def terminal_line(text: str) -> str:
    """One line that a terminal shows as it is and the Actions runner does not read as a command."""
    line = _INVISIBLE.sub(_visible, str(text))
    if line.lstrip().startswith("::"):
        line = line.replace("::", ": :", 1)
    return line


def _visible(match: re.Match) -> str:
    char = match.group()
    return {"\n": "\\n", "\r": "\\r", "\t": " "}.get(char) or f"\\u{ord(char):04x}"


def say(text: str = "", stream: TextIO | None = None) -> None:
    """Print text line by line, each line escaped (see terminal_line)."""
    for line in str(text).split("\n"):
        print(terminal_line(line), file=stream or sys.stderr)


def problem_lines(problems: list[Problem]) -> list[str]:
    """The escaped lines of the first problems, and a line saying how many are not shown."""
    lines = [terminal_line(str(problem)) for problem in problems[:MAX_SHOWN]]
    if len(problems) > MAX_SHOWN:
        lines.append(
            f"… und {len(problems) - MAX_SHOWN} weitere; gezeigt sind die ersten {MAX_SHOWN}."
        )
    return lines


def annotation(problem: Problem) -> str:
    """The workflow command that shows one problem as an error or warning at its file and line."""
    kind = "warning" if problem.warning else "error"
    title = f"{problem.path}" if problem.path else "Daten"
    properties = f"file={_property(problem.file)},line={problem.line},title={_property(title)}"
    return f"::{kind} {properties}::{_data(problem.message)}"


def report_problems(problems: list[Problem], github_actions: bool) -> None:
    """Print problems as `check` does (stderr, capped, escaped), annotated in GitHub Actions."""
    for line in problem_lines(problems):
        say(line)
    if github_actions:
        for problem in problems[:MAX_SHOWN]:
            print(annotation(problem), file=sys.stdout)


class EscapingFormatter(logging.Formatter):
    """Log records (MkDocs' too) escaped like every other output line."""

    def format(self, record: logging.LogRecord) -> str:
        return "\n".join(terminal_line(line) for line in super().format(record).split("\n"))


def _data(text: str) -> str:
    # Values of workflow commands: %, CR and LF escaped for the runner, other controls made visible.
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return _INVISIBLE.sub(_visible, escaped)


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
