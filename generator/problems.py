"""Data problems found while loading and validating, and how they are shown to editors."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass

Path = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """One error (or warning) in a data file, located by file, line and field path."""

    file: str
    line: int
    path: str
    message: str
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        prefix = "Warnung: " if self.warning else ""
        if self.path:
            return f"{where}: {self.path}: {prefix}{self.message}"
        return f"{where}: {prefix}{self.message}"


class DataInvalid(Exception):
    """Raised with every problem of a run, so the caller can report all at once."""

    # Shown after the problems when cross-record rules skipped a file or record that did not load.
    WAITING = (
        "Hinweis: Weitere Prüfungen über Datensätze "
        "hinweg folgen, sobald diese Fehler behoben sind."
    )

    def __init__(self, problems: list[Problem], incomplete: bool = False):
        self.problems = sorted(problems)
        self.incomplete = incomplete
        super().__init__("\n".join(str(p) for p in self.problems))


def format_path(path: Path, record: str = "") -> str:
    """Render ('partners', 3, 'liaison', 'email') as partners[3].liaison.email.

    `record` names the record of the section's list that the path passes through (see record_label):
    partners[3] „Handwerkskammer Hannover“ (hwk-hannover).liaison.email. An index alone counts from
    zero and says nothing about which entry an editor has to open.
    """
    text = ""
    for position, part in enumerate(path):
        if isinstance(part, int):
            text += f"[{part}]"
            if position == 1 and record:
                text += f" {record}"
        else:
            text += f".{part}" if text else str(part)
    return text


def record_label(record: object) -> str:
    """The name and id a section's list record is known by: „Musternetzwerk Hannover“ (hannover)."""
    if not isinstance(record, dict):
        return ""
    name, key = record.get("name"), record.get("id")
    parts = []
    if isinstance(name, str) and name.strip():
        parts.append(f"„{' '.join(name.split())}“")
    if isinstance(key, str) and key.strip():
        parts.append(f"({key.strip()})")
    return " ".join(parts)


def display_name(file: str | os.PathLike[str]) -> str:
    """Show a data file relative to the working directory when it lies below it."""
    relative = os.path.relpath(os.fspath(file))
    return os.fspath(file) if relative.startswith("..") else relative.replace(os.sep, "/")


def shown(value: object) -> str:
    """Quote a rejected value for a message, shortened so a long text stays readable."""
    text = str(value).replace("\n", " ")
    if len(text) > 60:
        text = text[:57] + "..."
    return f'"{text}"'


# Why the system refused to read or write, in German (the system's own text is English).
_SYSTEM_REASONS = {
    errno.ENOSPC: "kein Speicherplatz mehr frei",
    errno.EDQUOT: "Speicherkontingent erschöpft",
    errno.EACCES: "keine Berechtigung",
    errno.EPERM: "keine Berechtigung",
    errno.EROFS: "das Laufwerk ist schreibgeschützt",
    errno.ENOENT: "Datei oder Ordner fehlt",
    errno.EISDIR: "ist ein Ordner, keine Datei",
    errno.ENOTDIR: "ein Teil des Pfads ist kein Ordner",
    errno.EEXIST: "existiert bereits",
    errno.ENOTEMPTY: "Ordner ist nicht leer",
    errno.EBUSY: "wird gerade benutzt",
    errno.EIO: "Ein-/Ausgabefehler des Laufwerks",
    errno.ENAMETOOLONG: "Dateiname zu lang",
    errno.EMFILE: "zu viele offene Dateien",
}


def system_error(error: OSError) -> str:
    """An OSError as German text naming the file: „data/partners.yaml: keine Berechtigung“."""
    reason = _SYSTEM_REASONS.get(error.errno or 0, f"Systemfehler {error.errno or ''}".strip())
    file = error.filename
    return f"{display_name(file)}: {reason}" if file else reason
