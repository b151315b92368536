"""Backups with the SQLite backup API, and restores that check what they restore."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reviewtool.domain.enums import ReviewKind
from reviewtool.domain.errors import InvalidInput
from reviewtool.services.exchange.demo import load_demo
from reviewtool.services.reviews.editing import create_review, get_review, new_review_record
from reviewtool.services.reviews.listing import count_reviews
from reviewtool.services.reviews.search import search_reviews
from reviewtool.services.safety.backups import make_backup, restore_backup, rotate_backups
from reviewtool.services.store import Store


def test_backup_then_restore_brings_back_the_data(sqlite_store: Store, tmp_path: Path) -> None:
    load_demo(sqlite_store)
    count = count_reviews(sqlite_store)
    backup = make_backup(sqlite_store, tmp_path / "mine")
    assert backup.parent == tmp_path / "mine" and backup.name.endswith("-manual.sqlite3")
    with sqlite3.connect(backup) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT count(*) FROM reviews").fetchone() == (count,)

    create_review(sqlite_store, new_review_record(ReviewKind.RAPID_REVIEW, "AFTER", "Later"))
    assert count_reviews(sqlite_store) == count + 1

    result = restore_backup(sqlite_store, backup)
    assert count_reviews(sqlite_store) == count
    assert result.safety_backup.exists()  # the state before the restore is kept
    with sqlite3.connect(result.safety_backup) as kept:
        assert kept.execute("SELECT count(*) FROM reviews").fetchone() == (count + 1,)
    assert search_reviews(sqlite_store, "malnutrition")  # the index is rebuilt
    assert get_review(sqlite_store, "NSP-RR-2021-03").record.title == "Child J"


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"", "not a reviewtool backup"), (b"hello" * 100, "not a reviewtool backup")],
)
def test_restore_refuses_files_that_are_not_backups(
    sqlite_store: Store, tmp_path: Path, content: bytes, words: str
) -> None:
    load_demo(sqlite_store)
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    with pytest.raises(InvalidInput, match=words):
        restore_backup(sqlite_store, bad)
    assert count_reviews(sqlite_store) >= 15


def test_restore_refuses_a_sqlite_file_of_another_program(
    sqlite_store: Store, tmp_path: Path
) -> None:
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE t (x)")
    with pytest.raises(InvalidInput, match="no schema version"):
        restore_backup(sqlite_store, other)


def test_restore_refuses_a_backup_from_a_newer_version(sqlite_store: Store, tmp_path: Path) -> None:
    backup = make_backup(sqlite_store, tmp_path)
    with sqlite3.connect(backup) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'zzzz'")
    with pytest.raises(InvalidInput, match="newer version"):
        restore_backup(sqlite_store, backup)


def test_missing_backup_file(sqlite_store: Store, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no such backup"):
        restore_backup(sqlite_store, tmp_path / "nothing.sqlite3")


def test_rotation_keeps_manual_backups_and_the_newest_automatic_ones(tmp_path: Path) -> None:
    for day in range(1, 10):
        (tmp_path / f"reviewtool-2026010{day}-120000-before-import.sqlite3").write_bytes(b"x")
    (tmp_path / "reviewtool-20250101-120000-manual.sqlite3").write_bytes(b"x")
    removed = rotate_backups(tmp_path, keep=3)
    assert len(removed) == 6
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == [
        "reviewtool-20250101-120000-manual.sqlite3",
        "reviewtool-20260107-120000-before-import.sqlite3",
        "reviewtool-20260108-120000-before-import.sqlite3",
        "reviewtool-20260109-120000-before-import.sqlite3",
    ]


@pytest.mark.postgres
def test_server_backup_is_a_full_bundle(postgres_url: str, tmp_path: Path) -> None:
    from reviewtool.services.store import open_store

    store = open_store(postgres_url, backup_dir=tmp_path / "b")
    try:
        load_demo(store)
        backup = make_backup(store, tmp_path)
        assert backup.name.endswith(".rtbundle.json")
        assert "Jayden Smith" in backup.read_text(encoding="utf-8")  # identifiers included
    finally:
        store.close()


def test_automatic_backup_is_throttled(sqlite_store: Store) -> None:
    from datetime import timedelta

    from reviewtool.services.safety.backups import backup_if_due

    first = backup_if_due(sqlite_store)
    assert first is not None and first.name.endswith("-on-close.sqlite3")
    assert backup_if_due(sqlite_store) is None  # a second close soon after: no new copy
    assert backup_if_due(sqlite_store, every=timedelta(seconds=0)) is not None
