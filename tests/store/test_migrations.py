"""Schema migrations: create, upgrade with a backup, restore on failure, refuse newer."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from reviewtool.db import migrate
from reviewtool.db.engine import connect, database_url
from reviewtool.db.identity import DATABASE_ID_KEY
from reviewtool.db.models import Base
from reviewtool.domain.errors import DatabaseProblem
from reviewtool.services.reviews.editing import get_review
from reviewtool.services.reviews.search import search_reviews
from reviewtool.services.store import Store, open_store

PREVIOUS = "0003"  # the revision before head
OLDEST = "0001"


def _include(name: str | None, type_: str, _parents: object) -> bool:
    return not (type_ == "table" and name is not None and name.startswith("review_search"))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def new_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A database created from nothing by migrations (the ``store`` fixture copies one)."""
    if request.param == "sqlite":
        url = str(tmp_path / "new.sqlite3")
    else:
        url = request.getfixturevalue("postgres_url")
    opened = open_store(url, backup_dir=tmp_path / "backups")
    yield opened
    opened.close()


def test_new_database_is_created_at_head_and_matches_the_models(new_store: Store) -> None:
    store = new_store
    assert store.migration is not None and store.migration.outcome is migrate.Outcome.CREATED
    assert migrate.current_revision(store.database) == migrate.head_revision()
    with store.database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_name": _include, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []


def _contents(store: Store) -> dict[str, list[tuple[object, ...]]]:
    with store.database.engine.connect() as connection:
        return {
            table: sorted(  # the same rows; their stored order is each server's own
                (
                    tuple(row)
                    for row in connection.execute(text(f"SELECT * FROM {table}"))
                    if table != "settings" or row[0] != DATABASE_ID_KEY  # each has its own
                ),
                key=repr,
            )
            for table in ("codes", "settings", "reviews")
        }


def test_each_tests_database_is_what_a_new_database_holds(new_store: Store, store: Store) -> None:
    """The fixtures copy one migrated database instead of migrating for every test."""
    assert migrate.current_revision(store.database) == migrate.head_revision()
    fresh, copied = _contents(new_store), _contents(store)
    assert fresh["codes"] and fresh == copied
    assert store.database_id is not None and store.database_id != new_store.database_id


def _old_database_with_a_review(url: str, revision: str = PREVIOUS) -> None:
    """A database as an earlier release left it, holding one review."""
    database = connect(database_url(url, Path("unused")))
    try:
        migrate.upgrade(database, revision)
        with database.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO reviews (id, reference, kind, title, status, criteria, summary, "
                    "created_at, updated_at, version) VALUES ("
                    "'11111111-1111-4111-8111-111111111111', "
                    "'OLD-1', 'scr', 'Child O', 'closed', '', 'A story about a lighthouse keeper', "
                    "'2020-01-01 00:00:00', '2020-01-01 00:00:00', 1)"
                )
            )
    finally:
        database.close()


@pytest.mark.parametrize("revision", [PREVIOUS, OLDEST])
def test_upgrade_from_previous_revision_keeps_data_and_backs_up(
    tmp_path: Path, revision: str
) -> None:
    path = tmp_path / "old.sqlite3"
    _old_database_with_a_review(str(path), revision)
    store = open_store(str(path), backup_dir=tmp_path / "backups")
    try:
        assert store.migration is not None
        assert store.migration.outcome is migrate.Outcome.UPGRADED
        assert store.migration.from_revision == revision
        backup = store.migration.backup
        assert backup is not None and backup.exists()
        with sqlite3.connect(backup) as old:
            assert old.execute("SELECT version_num FROM alembic_version").fetchone() == (revision,)
            assert old.execute("SELECT reference FROM reviews").fetchall() == [("OLD-1",)]
        assert get_review(store, "OLD-1").record.title == "Child O"
        # The new search index was filled for the review that was already there.
        assert [hit.reference for hit in search_reviews(store, "lighthouse")] == ["OLD-1"]
    finally:
        store.close()


@pytest.mark.postgres
def test_upgrade_on_postgresql(postgres_url: str, tmp_path: Path) -> None:
    _old_database_with_a_review(postgres_url)
    store = open_store(postgres_url, backup_dir=tmp_path / "backups")
    try:
        assert store.migration is not None and store.migration.outcome is migrate.Outcome.UPGRADED
        assert [hit.reference for hit in search_reviews(store, "lighthouse")] == ["OLD-1"]
    finally:
        store.close()


def test_failed_upgrade_restores_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite3"
    _old_database_with_a_review(str(path))
    real_upgrade = migrate.upgrade

    def broken_upgrade(database: object, revision: str = "head") -> None:
        real_upgrade(database, revision)  # type: ignore[arg-type]
        with database.engine.begin() as connection:  # type: ignore[attr-defined]
            connection.execute(text("DELETE FROM reviews"))
        raise RuntimeError("disk full")

    monkeypatch.setattr(migrate, "upgrade", broken_upgrade)
    with pytest.raises(DatabaseProblem, match="restored as it was"):
        open_store(str(path), backup_dir=tmp_path / "backups")
    with sqlite3.connect(path) as restored:
        assert restored.execute("SELECT version_num FROM alembic_version").fetchone() == (PREVIOUS,)
        assert restored.execute("SELECT reference FROM reviews").fetchall() == [("OLD-1",)]


def test_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    open_store(str(path)).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = path.read_bytes()
    with pytest.raises(DatabaseProblem, match="newer version of reviewtool"):
        open_store(str(path))
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "9999_future",
        )
    assert len(path.read_bytes()) == len(before)


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(DatabaseProblem, match="did not create"):
        open_store(str(path))


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"this is a text file, not a database" * 100, "not a reviewtool database"),
        (b"SQLite format 3\x00" + b"\xff" * 4000, "damaged"),
    ],
)
def test_unusable_files_give_a_clear_message(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(content)
    with pytest.raises(DatabaseProblem, match=words):
        open_store(str(path))


def test_locked_database_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.sqlite3"
    open_store(str(path)).close()
    monkeypatch.setattr("reviewtool.db.engine.BUSY_TIMEOUT_SECONDS", 0)
    holder = sqlite3.connect(path)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseProblem, match=r"locked|busy"):
            open_store(str(path))
    finally:
        holder.rollback()
        holder.close()


def test_unreachable_server_is_reported() -> None:
    with pytest.raises(DatabaseProblem, match="Cannot reach"):
        open_store("postgresql://nobody:secret@127.0.0.1:1/reviews")


def test_password_never_appears_in_messages() -> None:
    with pytest.raises(DatabaseProblem) as raised:
        open_store("postgresql://nobody:s3cretpw@127.0.0.1:1/reviews")
    assert "s3cretpw" not in str(raised.value)


def test_models_match_migrations_on_postgresql_too(store: Store) -> None:
    engine = create_engine(store.database.url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"include_name": _include, "compare_type": True}
            )
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_head_revision_constant_matches_the_migrations() -> None:
    assert migrate.head_revision() == migrate.HEAD_REVISION


def _damage_a_table_page(path: Path) -> None:
    """Overwrite one page in the middle of the file (not the schema page) with garbage."""
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'review_factors'"
        ).fetchone()
    with path.open("r+b") as stream:
        stream.seek((root - 1) * page_size)
        stream.write(b"\x0d" + b"\xff" * (page_size - 1))


def test_integrity_check_can_run_after_opening(tmp_path: Path) -> None:
    """The app opens without the whole-file check and runs it in the background: it must
    still find a damaged file, and a plain open must refuse it."""
    from reviewtool.services.exchange.demo import load_demo

    path = tmp_path / "damaged.sqlite3"
    store = open_store(str(path), backup_dir=tmp_path / "backups")
    load_demo(store)
    store.close()
    _damage_a_table_page(path)

    opened = open_store(str(path), backup_dir=tmp_path / "backups", check_integrity_now=False)
    try:
        with pytest.raises(DatabaseProblem, match=r"failed its integrity check|damaged"):
            opened.check_integrity()
    finally:
        opened.close()
    with pytest.raises(DatabaseProblem, match=r"failed its integrity check|damaged"):
        open_store(str(path), backup_dir=tmp_path / "backups")


def test_integrity_check_passes_on_a_sound_file(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "sound.sqlite3"), check_integrity_now=False)
    try:
        store.check_integrity()
    finally:
        store.close()
