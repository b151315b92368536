"""The change set that background work hands back to the views."""

from __future__ import annotations

from reviewtool.domain.changes import EVERYTHING, NOTHING, Changes


def test_nothing_changes_nothing() -> None:
    assert not NOTHING.reviews
    assert not NOTHING.removes("r1")
    assert not NOTHING.removes(None)


def test_a_deleted_review_is_removed_and_others_stay() -> None:
    gone = Changes(deleted=frozenset({"r1"}))
    assert gone.reviews
    assert gone.removes("r1")
    assert not gone.removes("r2")


def test_a_restore_removes_whatever_was_open() -> None:
    assert EVERYTHING.reviews
    assert EVERYTHING.removes("anything")
    assert not EVERYTHING.removes(None)


def test_changes_combine() -> None:
    combined = Changes(saved=frozenset({"a"})) | Changes(deleted=frozenset({"b"}), codebook=True)
    assert combined == Changes(saved=frozenset({"a"}), deleted=frozenset({"b"}), codebook=True)
