"""Messages name the record they are about, and a line moved left is reported where it moved."""

from __future__ import annotations

import pytest

from generator.messages import annotation
from generator.records.reader import load_file
from generator.records.validate import check_data

from .support import replace_in, run_cli

HANNOVER_EMAIL = "networks[2] „Musternetzwerk Hannover“ (hannover).contact.email"


def test_a_message_names_the_record_by_name_and_id_in_the_terminal(data_dir):
    replace_in(data_dir / "networks.yaml", "email: hannover@example.org", "email: hannover@")
    result = run_cli("check", "--data", str(data_dir))
    assert result.returncode == 1
    assert f"{HANNOVER_EMAIL}: keine gültige E-Mail-Adresse" in result.stderr


def test_the_annotation_carries_the_record_in_its_title(data_dir):
    replace_in(data_dir / "networks.yaml", "email: hannover@example.org", "email: hannover@")
    (problem,) = check_data(data_dir)
    # Workflow command properties escape „:“ and „,“; the record's name and id stay readable.
    assert annotation(problem).startswith("::error file=")
    assert "title=networks[2] „Musternetzwerk Hannover“ (hannover).contact.email::" in annotation(problem)


def test_a_record_without_a_readable_name_is_named_by_its_id(data_dir):
    replace_in(data_dir / "networks.yaml", "    name: Musternetzwerk Hannover\n", "    name: [Hannover, Region]\n")
    found = [str(problem) for problem in check_data(data_dir)]
    assert any("networks[2] (hannover).name: muss ein einzelner Text sein" in line for line in found), found


def test_the_preview_error_page_names_the_record(data_dir):
    from generator.preview import Preview
    from generator.settings import read_settings

    replace_in(data_dir / "networks.yaml", "email: hannover@example.org", "email: hannover@")
    preview = Preview(data_dir, settings=read_settings())
    try:
        preview.rebuild_pages()  # the data are refused before anything is built
        assert any(HANNOVER_EMAIL in line for line in preview.problems), preview.problems
        assert HANNOVER_EMAIL in preview.error_page().decode("utf-8")
    finally:
        preview.close()


# A line moved left by one or two spaces, in the shapes the issue found: the first field of a section (read as a
# sibling of its parent, the next field refused), the „- id“ line of a record, a middle field of a section, and a
# section key that took its fields along.
MOVED = [
    ("networks.yaml", "      lat: 52.3759\n", "     lat: 52.3759\n"),
    ("networks.yaml", "      lat: 52.3759\n", "    lat: 52.3759\n"),
    ("networks.yaml", "  - id: hannover\n", "- id: hannover\n"),
    ("networks.yaml", "  - id: hannover\n", " - id: hannover\n"),
    (
        "networks.yaml",
        "      organisation: Netzwerkbüro Hannover (Beispiel)\n",
        "    organisation: Netzwerkbüro Hannover (Beispiel)\n",
    ),
    ("partners.yaml", "      email: c.beispielmann@example.org\n", "    email: c.beispielmann@example.org\n"),
    ("partners.yaml", "      consent:\n        given_on: 2024-02-12\n", "    consent:\n        given_on: 2024-02-12\n"),
]


@pytest.mark.parametrize(("file", "old", "new"), MOVED)
def test_a_line_moved_left_is_reported_at_that_line(data_dir, file, old, new):
    text = (data_dir / file).read_text(encoding="utf-8")
    moved = text[: text.index(old)].count("\n") + 1
    replace_in(data_dir / file, old, new)
    _, problems = load_file(data_dir / file)
    assert [problem.line for problem in problems] == [moved], [str(p) for p in problems]
    assert "Einrückung" in problems[0].message


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # Indented too far: the refused line itself is the one to change.
        (
            "    status: initiative\n    status_as_of: 2021-06-23\n    description: >-\n",
            "    status: initiative\n      status_as_of: 2021-06-23\n    description: >-\n",
        ),
        ("      city: Hannover\n", "        city: Hannover\n"),
    ],
)
def test_a_line_moved_right_is_still_reported_at_that_line(data_dir, old, new):
    text = (data_dir / "networks.yaml").read_text(encoding="utf-8")
    differs = next(n for n, (a, b) in enumerate(zip(old.split("\n"), new.split("\n"), strict=True)) if a != b)
    moved = text[: text.index(old)].count("\n") + 1 + differs
    replace_in(data_dir / "networks.yaml", old, new)
    _, problems = load_file(data_dir / "networks.yaml")
    assert [problem.line for problem in problems] == [moved], [str(p) for p in problems]
