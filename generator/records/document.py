"""A data file as read: its values, the line of every key and list item, problems at a path."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.problems import Path, Problem, format_path, record_label


@dataclass
class Document:
    """A loaded data file: its values and the line where each path starts."""

    file: str
    data: object = None  # the values as composed: mappings, lists, text, true/false, None
    lines: dict[Path, int] = field(default_factory=dict)
    # Mappings that lost a duplicate key: their records are not trusted for rules across records.
    damaged: set[Path] = field(default_factory=set)
    # Ids that lost to an earlier `id` in the mapping (a missing „- “): references aren't errors.
    dropped_ids: set[str] = field(default_factory=set)

    # Every path that holds a damaged mapping (the mapping itself and its parents).
    damaged_within: set[Path] = field(default_factory=set)
    # What rules derive from the raw data more than once (the data never changes after loading).
    cache: dict[tuple[str, str], list[str]] = field(default_factory=dict, repr=False, compare=False)

    def mark_damaged(self, path: Path) -> None:
        self.damaged.add(path)
        self.damaged_within.update(path[:end] for end in range(len(path) + 1))

    def is_damaged(self, path: Path) -> bool:
        """Whether the record at path, or anything inside it, had a duplicate key."""
        return tuple(path) in self.damaged_within

    def value_at(self, path: Path) -> object:
        """The value as written at a data path, or None where the path leads nowhere."""
        value = self.data
        for key in path:
            if isinstance(value, dict):
                value = value.get(key)
            elif isinstance(value, list) and isinstance(key, int) and 0 <= key < len(value):
                value = value[key]
            else:
                return None
        return value

    def line_of(self, path: Path) -> int:
        """Line of the path, or of its nearest parent that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)

    def problem(self, path: Path, message: str, *, warning: bool = False) -> Problem:
        """A problem located at the given data path of this file."""
        return Problem(
            self.file, self.line_of(path), format_path(path, self.record_of(path)), message, warning
        )

    def record_of(self, path: Path) -> str:
        """The label of the section's list record the path leads into („Name“ (id)), or ""."""
        if len(path) < 2 or not isinstance(path[1], int) or not isinstance(self.data, dict):
            return ""
        items = self.data.get(path[0])
        if not isinstance(items, list) or not 0 <= path[1] < len(items):
            return ""
        return record_label(items[path[1]])
