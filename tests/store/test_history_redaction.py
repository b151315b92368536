"""History without names: identifiers are replaced when the trail is written; a value typed
by mistake can be removed afterwards (the removal recorded with who, when and why)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from reviewtool.db.models import AuditEvent
from reviewtool.domain.errors import InvalidInput
from reviewtool.domain.publication_check import REDACTED
from reviewtool.services.audit import review_audit_trail
from reviewtool.services.exchange.demo import load_demo
from reviewtool.services.reviews.editing import get_review, save_review
from reviewtool.services.reviews.history import ACTION, remove_from_history
from reviewtool.services.store import Store


def _trail_text(store: Store, review_id: str) -> str:
    return " ".join(
        f"{e.old_value or ''} {e.new_value or ''}" for e in review_audit_trail(store, review_id)
    )


def _edit_summary(store: Store, reference: str, summary: str) -> str:
    loaded = get_review(store, reference)
    save_review(store, loaded.record.model_copy(update={"summary": summary}), loaded.version)
    return loaded.record.id


def test_identifiers_never_reach_the_trail(store: Store) -> None:
    load_demo(store)
    review_id = _edit_summary(
        store, "NSP-RR-2021-03", "Jayden Smith's mother (Mrs Smith) lived at 14 oak road."
    )
    trail = _trail_text(store, review_id)
    assert "Jayden" not in trail and "Smith" not in trail and "oak road" not in trail
    assert f"{REDACTED}'s mother" not in trail  # the possessive goes with the name
    assert f"{REDACTED} mother ({REDACTED}) lived at {REDACTED}." in trail


def test_a_value_typed_by_mistake_is_removed_and_the_removal_recorded(store: Store) -> None:
    load_demo(store)
    review_id = _edit_summary(store, "NSP-RR-2021-03", "Seen by Tommy Kowalski at home.")
    _edit_summary(store, "NSP-RR-2021-03", "Seen at home.")
    assert "Tommy Kowalski" in _trail_text(store, review_id)

    changed = remove_from_history(
        store, "NSP-RR-2021-03", "A name was typed into the summary by mistake", "Tommy Kowalski"
    )
    assert changed == 2  # the entry that added it and the one that took it out
    trail = review_audit_trail(store, review_id)
    text = _trail_text(store, review_id)
    assert "Tommy" not in text and "Kowalski" not in text
    assert "Seen by [identifier removed] at home." in text
    last = trail[-1]
    assert last.action == ACTION and last.user == "test.user"
    assert last.new_value == "A name was typed into the summary by mistake"
    assert last.old_value == "2 entries changed"


def test_identifiers_added_later_are_removed_from_the_history(store: Store) -> None:
    load_demo(store)
    review_id = _edit_summary(store, "NSP-RR-2024-05", "Sam's brother Kai Brennan was 15.")
    loaded = get_review(store, "NSP-RR-2024-05")
    save_review(
        store, loaded.record.model_copy(update={"identifiers": ["Kai Brennan"]}), loaded.version
    )
    assert "Kai Brennan" in _trail_text(store, review_id)
    assert remove_from_history(store, "NSP-RR-2024-05", "Identifiers recorded late") == 1
    assert "Kai" not in _trail_text(store, review_id)


def test_a_reason_is_required_and_nothing_changes_without_one(store: Store) -> None:
    load_demo(store)
    _edit_summary(store, "NSP-RR-2024-05", "Kai was seen.")
    with pytest.raises(InvalidInput, match="why"):
        remove_from_history(store, "NSP-RR-2024-05", "  ", "Kai")
    with pytest.raises(InvalidInput, match="no identifiers recorded"):
        remove_from_history(store, "NSP-RR-2024-05", "why not")
    with store.transaction() as session:
        assert session.scalars(select(AuditEvent).where(AuditEvent.action == ACTION)).all() == []


def test_the_command(
    sqlite_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reviewtool.cli import main

    load_demo(sqlite_store)
    review_id = _edit_summary(sqlite_store, "NSP-RR-2024-05", "Seen with Kai Brennan.")
    database = str(sqlite_store.database.path)
    sqlite_store.close()
    status = main(
        [
            "--db",
            database,
            "remove-from-history",
            "NSP-RR-2024-05",
            "--reason",
            "typed by mistake",
            "--text",
            "Kai Brennan",
        ]
    )
    assert status == 0
    assert "removed from 1 entry" in capsys.readouterr().out
    from reviewtool.services.store import open_store

    again = open_store(database, backup_dir=tmp_path / "b")
    try:
        assert "Kai" not in _trail_text(again, review_id)
    finally:
        again.close()
