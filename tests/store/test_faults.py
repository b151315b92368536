"""Faults injected into real work: a full disk, a read-only file, another writer, two imports
at once. Nothing is lost, nothing half-written is kept, and no message (nor the log) shows a
statement, its values or what a person typed."""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import IntegrityError, OperationalError

import reviewtool.db.engine as engine_module
from reviewtool.cli import main
from reviewtool.db.engine import ANOTHER_WRITER
from reviewtool.domain.errors import DatabaseProblem
from reviewtool.errorlog import log_path
from reviewtool.services.exchange.bundle_import import import_bundle_files
from reviewtool.services.exchange.demo import load_demo
from reviewtool.services.reviews.listing import count_reviews
from reviewtool.services.store import Store, open_store
from tests.bundle_samples import dumps, valid_bundle, valid_review

SECRET_NAME = "Zebedee Quartermaine"
SECRET_TEXT = "Unpublished account of the night of the incident"
LEAKS = (SECRET_NAME, SECRET_TEXT, "INSERT INTO", "[parameters", "SELECT ", "UPDATE ")


def _bundle(path: Path, count: int, prefix: str) -> Path:
    reviews = [
        valid_review(
            id=str(uuid.uuid4()),
            reference=f"{prefix}-{number}",
            summary=f"{SECRET_TEXT} " * 40,
            identifiers=[f"{SECRET_NAME} {number}"],
            recommendations=[],
            briefing=None,
        )
        for number in range(count)
    ]
    path.write_bytes(dumps(valid_bundle(reviews=reviews, briefings=[])))
    return path


@pytest.fixture
def demo_file(tmp_path: Path) -> Iterator[Path]:
    database = tmp_path / "reviews.sqlite3"
    store = open_store(str(database))
    load_demo(store)
    store.close()
    yield database


def _count(database: Path) -> int:
    with sqlite3.connect(database) as connection:
        return int(connection.execute("SELECT count(*) FROM reviews").fetchone()[0])


def _backups(home: Path, reason: str) -> list[Path]:
    return list((home / "backups").glob(f"*/*-{reason}.sqlite3"))


def _assert_clean(*texts: str) -> None:
    for shown in texts:
        for leak in LEAKS:
            assert leak not in shown, (leak, shown[:500])


def _with_pragma(monkeypatch: pytest.MonkeyPatch, *pragmas: str) -> None:
    """A write hook: every new connection of the program gets these settings."""
    original = engine_module._configure_sqlite_connection

    def configure(dbapi_connection: Any) -> None:
        original(dbapi_connection)
        for pragma in pragmas:
            dbapi_connection.execute(pragma)

    monkeypatch.setattr(engine_module, "_configure_sqlite_connection", configure)


def _log_text() -> str:
    return log_path().read_text(encoding="utf-8") if log_path().exists() else ""


def test_a_full_disk_during_an_import_changes_nothing_and_keeps_no_backup(
    demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    before = _count(demo_file)
    with sqlite3.connect(demo_file) as connection:
        pages = int(connection.execute("PRAGMA page_count").fetchone()[0])
    bundle = _bundle(tmp_path / "big.rtbundle.json", 200, "FULL")
    # SQLite's own "database or disk is full", as on a full disk: the file may not grow.
    _with_pragma(monkeypatch, f"PRAGMA max_page_count = {pages + 8}")
    assert main(["--db", str(demo_file), "import", str(bundle)]) == 1
    err = capsys.readouterr().err
    assert "is full" in err and "Nothing was saved" in err
    _assert_clean(err, _log_text())
    monkeypatch.undo()
    assert _count(demo_file) == before
    assert not _backups(tmp_path / "home", "before-import")
    assert not list((tmp_path / "home" / "backups").glob("*/.*partial"))


def test_a_failure_at_commit_deletes_the_backup_taken_for_it(
    demo_file: Path, tmp_path: Path
) -> None:
    store = open_store(str(demo_file))
    try:
        before = count_reviews(store)

        def disk_full(_connection: Any) -> None:
            raise OperationalError(
                "COMMIT", {}, sqlite3.OperationalError("database or disk is full")
            )

        event.listen(store.database.engine, "commit", disk_full)
        bundle = _bundle(tmp_path / "some.rtbundle.json", 5, "COMMIT")
        with pytest.raises(DatabaseProblem, match="is full") as failed:
            import_bundle_files(store, [bundle], backup_first=True)
        _assert_clean(str(failed.value))
        event.remove(store.database.engine, "commit", disk_full)
        assert count_reviews(store) == before
        assert not list(store.backup_dir.glob("*before-import*"))  # taken, then removed
        import_bundle_files(store, [bundle], backup_first=True)
        assert count_reviews(store) == before + 5
        assert len(list(store.backup_dir.glob("*before-import*"))) == 1
    finally:
        store.close()


def test_a_read_only_file_is_reported_plainly(
    demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    before = _count(demo_file)
    bundle = _bundle(tmp_path / "some.rtbundle.json", 3, "RO")
    _with_pragma(monkeypatch, "PRAGMA query_only = ON")
    assert main(["--db", str(demo_file), "import", str(bundle)]) == 1
    err = capsys.readouterr().err
    assert "read-only" in err and "Nothing was saved" in err
    _assert_clean(err, _log_text())
    monkeypatch.undo()
    assert _count(demo_file) == before


def test_an_unexpected_database_error_shows_no_statement_values_or_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    import reviewtool.commandline.reviews as commands

    def failing(_args: Any) -> int:
        raise IntegrityError(
            "INSERT INTO identifiers (review_id, value) VALUES (?, ?)",
            ("abc", SECRET_NAME),
            sqlite3.IntegrityError(f"UNIQUE constraint failed: '{SECRET_NAME}'"),
        )

    monkeypatch.setattr(commands, "cmd_list", failing)
    monkeypatch.delenv("REVIEWTOOL_DEBUG", raising=False)
    assert main(["--db", str(tmp_path / "x.sqlite3"), "list"]) == 1
    err = capsys.readouterr().err
    assert "unexpected error (IntegrityError)" in err and str(log_path()) in err
    log = _log_text()
    assert "IntegrityError" in log and "statement: INSERT INTO identifiers" in log
    assert SECRET_NAME not in err and SECRET_NAME not in log and "abc" not in log
    assert "INSERT" not in err
    assert oct(log_path().stat().st_mode & 0o777) == "0o600"

    monkeypatch.setenv("REVIEWTOOL_DEBUG", "1")  # then the detail is on the screen
    with pytest.raises(IntegrityError):
        main(["--db", str(tmp_path / "x.sqlite3"), "list"])


def test_the_database_engine_never_puts_values_into_an_error(sqlite_store: Store) -> None:
    with pytest.raises(DatabaseProblem) as clash, sqlite_store.transaction() as session:
        session.execute(
            text("INSERT INTO settings (key, value) VALUES ('dup', :v)"), {"v": SECRET_NAME}
        )
        session.execute(
            text("INSERT INTO settings (key, value) VALUES ('dup', :v)"), {"v": SECRET_NAME}
        )
    cause = clash.value.__cause__
    assert cause is not None and SECRET_NAME not in str(cause)
    _assert_clean(str(clash.value))


def test_another_writer_is_waited_for_then_named(
    demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_SECONDS", 1)
    store = open_store(str(demo_file))
    other = sqlite3.connect(demo_file, isolation_level=None)
    try:
        before = count_reviews(store)
        bundle = _bundle(tmp_path / "some.rtbundle.json", 3, "BUSY")
        other.execute("BEGIN IMMEDIATE")  # another program is writing
        with pytest.raises(DatabaseProblem) as busy:
            import_bundle_files(store, [bundle], backup_first=True)
        assert ANOTHER_WRITER in str(busy.value)
        _assert_clean(str(busy.value))
        other.execute("ROLLBACK")
        assert count_reviews(store) == before
        import_bundle_files(store, [bundle], backup_first=True)  # once it has finished
        assert count_reviews(store) == before + 3
    finally:
        other.close()
        store.close()


def test_two_imports_at_once_on_one_file_are_both_safe(demo_file: Path, tmp_path: Path) -> None:
    bundles = [_bundle(tmp_path / f"{n}.rtbundle.json", 60, f"TWO{n}") for n in (1, 2)]
    before = _count(demo_file)
    outcomes: dict[int, object] = {}
    start = threading.Barrier(2)

    def run(number: int) -> None:
        store = open_store(str(demo_file))
        try:
            start.wait()
            outcomes[number] = import_bundle_files(store, [bundles[number]], backup_first=True)
        except DatabaseProblem as error:
            outcomes[number] = error
        finally:
            store.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    succeeded = [n for n, outcome in outcomes.items() if not isinstance(outcome, Exception)]
    for outcome in outcomes.values():
        if isinstance(outcome, Exception):
            assert ANOTHER_WRITER in str(outcome)  # never a raw error, never half an import
    assert succeeded
    assert _count(demo_file) == before + 60 * len(succeeded)
    backups = _backups(tmp_path / "home", "before-import")
    assert len(backups) == len(succeeded) == len({b.name for b in backups})
    for backup in backups:
        with sqlite3.connect(backup) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
