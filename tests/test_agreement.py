"""The agreement's versions: which one is signed, and what changed between two of them, clause by clause."""

from __future__ import annotations

from generator.model.agreement import compare, history, version_to_sign, word_diff
from generator.records.schema import AgreementFile, AgreementVersion, Clause


def _clause(id: str, number: str, text: str, title: str = "Titel") -> Clause:
    return Clause(id=id, number=number, title=title, text=text)


def _version(day: str, status: str, *clauses: Clause) -> AgreementVersion:
    return AgreementVersion(id=day, date=day, status=status, clauses=list(clauses))


def _agreement(*versions: AgreementVersion) -> AgreementFile:
    return AgreementFile(title="Vereinbarung", versions=list(versions), timeline=[])


def test_word_diff_marks_removed_and_added_words_in_reading_order():
    assert word_diff("Die OM vermittelt Kontakte.", "Die OM-Geschäftsstelle vermittelt alle Kontakte.") == (
        ("same", "Die", True),
        ("del", "OM", True),
        ("ins", "OM-Geschäftsstelle", True),
        ("same", "vermittelt", True),
        ("ins", "alle", True),
        ("same", "Kontakte.", True),
    )


def test_word_diff_marks_only_real_changes_next_to_punctuation():
    """A word gaining or losing its full stop is the same word: only the added words and the changed mark differ."""
    assert word_diff(
        "Netzwerk der OM. Die Vereinbarung", "Netzwerk der OM und benennt eine Stelle. Die Vereinbarung"
    ) == (
        ("same", "Netzwerk der OM", True),
        ("ins", "und benennt eine Stelle", True),
        ("same", ". Die Vereinbarung", False),
    )
    assert word_diff("Kontakte (OM).", "Kontakte (OM)!") == (
        ("same", "Kontakte (OM)", True),
        ("del", ".", False),
        ("ins", "!", False),
    )


def test_clauses_are_matched_by_id_across_renumbering():
    old = _version("2021-06-21", "entwurf", _clause("a", "1", "Alt."), _clause("b", "2", "Bleibt."))
    new = _version(
        "2021-11-11",
        "verabschiedet",
        _clause("n", "1", "Neu."),
        _clause("a", "2", "Alt und neu."),
        _clause("c", "3", "X"),
    )
    changes = compare(old, new)
    assert [(c.kind, c.old and c.old.number, c.new and c.new.number) for c in changes.changes] == [
        ("added", None, "1"),
        ("changed", "1", "2"),
        ("added", None, "3"),
        ("removed", "2", None),
    ]
    assert changes.unchanged == 0
    assert changes.changes[1].text == (("same", "Alt", True), ("ins", "und neu", True), ("same", ".", False))


def test_unchanged_clauses_are_only_counted():
    clause = _clause("a", "1", "Gleich.")
    changes = compare(_version("2021-06-21", "entwurf", clause), _version("2021-11-11", "final", clause))
    assert changes.changes == () and changes.unchanged == 1


def test_history_lists_the_newest_change_first():
    a, b, c = (_version(day, "entwurf", _clause("a", "1", day)) for day in ("2021-01-01", "2021-02-01", "2021-03-01"))
    assert [(h.old.id, h.new.id) for h in history(_agreement(a, b, c))] == [
        ("2021-02-01", "2021-03-01"),
        ("2021-01-01", "2021-02-01"),
    ]
    assert history(_agreement(a)) == ()


def test_the_newest_adopted_version_is_the_one_to_sign():
    adopted = _version("2021-11-11", "verabschiedet", _clause("a", "1", "x"))
    draft = _version("2022-03-01", "entwurf", _clause("a", "1", "y"))
    assert version_to_sign(_agreement(adopted, draft)) is adopted


def test_without_an_adopted_version_the_newest_draft_is_shown_to_sign():
    first, second = (_version(day, "entwurf", _clause("a", "1", "x")) for day in ("2021-06-21", "2021-09-01"))
    assert version_to_sign(_agreement(first, second)) is second
