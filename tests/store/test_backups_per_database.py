"""Backups that belong to their database: an id in each database, a folder per database,
unique names, rotation that never crosses databases, and restores that check whose
backup they are given."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reviewtool.cli import main
from reviewtool.db.identity import DATABASE_ID_KEY, read_database_id
from reviewtool.domain.enums import ReviewKind
from reviewtool.domain.errors import DamagedDatabase, InvalidInput
from reviewtool.services.exchange.demo import load_demo
from reviewtool.services.reviews.editing import create_review, new_review_record
from reviewtool.services.reviews.listing import count_reviews
from reviewtool.services.safety.backups import (
    make_backup,
    restore_backup,
    restore_damaged_database,
    rotate_backups,
)
from reviewtool.services.safety.encryption import encrypt_database
from reviewtool.services.snapshots import BACKUP_NAME
from reviewtool.services.store import Store, open_store

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "a long enough passphrase"


def _open(tmp_path: Path, name: str) -> Store:
    return open_store(str(tmp_path / name), backup_dir=tmp_path / "backups")


def _reviews_in(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute("SELECT count(*) FROM reviews").fetchone()[0])


def test_each_database_records_its_own_id_on_first_open(store: Store) -> None:
    assert store.database_id is not None and re.fullmatch(r"[0-9a-f]{32}", store.database_id)
    assert read_database_id(store.database) == store.database_id
    assert store.backup_dir.name == store.database_id


def test_the_id_stays_the_same_when_opened_again(tmp_path: Path) -> None:
    first = _open(tmp_path, "a.sqlite3")
    own_id = first.database_id
    first.close()
    again = _open(tmp_path, "a.sqlite3")
    try:
        assert again.database_id == own_id
    finally:
        again.close()


def test_two_databases_keep_their_backups_apart_and_rotate_their_own(tmp_path: Path) -> None:
    one, two = _open(tmp_path, "one.sqlite3"), _open(tmp_path, "two.sqlite3")
    try:
        assert one.database_id != two.database_id
        assert one.backup_dir != two.backup_dir
        kept_of_two = make_backup(two, reason="on-close")
        for _ in range(25):
            make_backup(one, reason="on-close")  # rotation of one keeps 20 of its own
        assert len(list(one.backup_dir.glob("*.sqlite3"))) == 20
        assert kept_of_two.exists()  # the other database's backup is untouched
    finally:
        one.close()
        two.close()


def test_backup_names_are_unique_to_the_millisecond_with_a_random_part(
    sqlite_store: Store,
) -> None:
    names = {make_backup(sqlite_store).name for _ in range(12)}
    assert len(names) == 12
    for name in names:
        assert re.fullmatch(r"reviewtool-\d{8}-\d{6}-\d{3}-[0-9a-f]{6}-manual\.sqlite3", name)
        assert BACKUP_NAME.match(name)


def test_rotation_still_reads_the_names_of_older_versions(tmp_path: Path) -> None:
    for day in range(1, 5):
        (tmp_path / f"reviewtool-2026010{day}-120000-on-close.sqlite3").write_bytes(b"x")
    (tmp_path / "reviewtool-20260110-120000-123-abcdef-on-close.sqlite3").write_bytes(b"x")
    removed = rotate_backups(tmp_path, keep=2)
    assert sorted(p.name for p in removed)[0] == "reviewtool-20260101-120000-on-close.sqlite3"
    assert len(removed) == 3


def test_restore_refuses_another_databases_backup_and_says_whose(tmp_path: Path) -> None:
    mine, other = _open(tmp_path, "mine.sqlite3"), _open(tmp_path, "other.sqlite3")
    try:
        load_demo(mine)
        create_review(other, new_review_record(ReviewKind.RAPID_REVIEW, "ONLY-1", "Child A"))
        foreign = make_backup(other)
        mine_count = count_reviews(mine)
        with pytest.raises(InvalidInput) as refused:
            restore_backup(mine, foreign)
        message = str(refused.value)
        assert f"database {other.database_id}, holding 1 review," in message
        assert f"this database ({mine.database_id}, {mine_count} reviews)" in message
        assert "--from-other-database" in message
        assert count_reviews(mine) == mine_count  # nothing changed

        result = restore_backup(mine, foreign, from_other_database=True)
        assert result.from_other_database
        assert count_reviews(mine) == 1
        # The file keeps its own id (and so its own backup folder) after taking another's data.
        assert read_database_id(mine.database) == mine.database_id
        assert _reviews_in(result.safety_backup) == mine_count
    finally:
        mine.close()
        other.close()


def test_restore_of_its_own_backup_needs_no_confirmation(sqlite_store: Store) -> None:
    load_demo(sqlite_store)
    backup = make_backup(sqlite_store)
    create_review(sqlite_store, new_review_record(ReviewKind.RAPID_REVIEW, "LATER", "Child L"))
    result = restore_backup(sqlite_store, backup)
    assert not result.from_other_database
    assert count_reviews(sqlite_store) == _reviews_in(backup)


def test_encrypt_touches_only_this_databases_backups(tmp_path: Path) -> None:
    mine, other = _open(tmp_path, "mine.sqlite3"), _open(tmp_path, "other.sqlite3")
    load_demo(other)
    others_backup = make_backup(other)
    stray = mine.backup_dir / "reviewtool-20260101-120000-000-abcdef-manual.sqlite3"
    make_backup(mine)
    mine.backup_dir.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(others_backup.read_bytes())  # another database's backup put here by hand
    other.close()
    assert encrypt_database(mine, PASSPHRASE) == 2  # the manual one and the one before encrypting
    assert others_backup.read_bytes()[:16] == b"SQLite format 3\x00"
    assert stray.read_bytes()[:16] == b"SQLite format 3\x00"  # not its to encrypt
    reopened = _open(tmp_path, "other.sqlite3")
    try:
        assert restore_backup(reopened, others_backup).restored_from == others_backup
    finally:
        reopened.close()


def test_a_killed_backup_leaves_no_partial_file_after_the_next_start(tmp_path: Path) -> None:
    database = tmp_path / "killed.sqlite3"
    store = _open(tmp_path, "killed.sqlite3")
    load_demo(store)
    folder = store.backup_dir
    store.close()
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])}
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.store.backup_kill_worker",
            str(database),
            str(tmp_path / "backups"),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )
    assert worker.stdout is not None
    line = worker.stdout.readline()
    assert line.strip() == "COPYING", worker.stderr.read() if worker.stderr else ""
    worker.send_signal(signal.SIGKILL)
    worker.communicate(timeout=60)
    (partial,) = [p for p in folder.iterdir() if p.name.endswith(".partial")]
    assert partial.stat().st_size > 0  # a real half-finished copy

    reopened = _open(tmp_path, "killed.sqlite3")
    try:
        assert not [p for p in folder.iterdir() if p.name.endswith(".partial")]
        assert count_reviews(reopened) == _reviews_in(make_backup(reopened))
    finally:
        reopened.close()


def test_a_running_backups_partial_file_is_left_alone(tmp_path: Path) -> None:
    from reviewtool.db.backup import remove_abandoned_partials

    live = tmp_path / f".reviewtool-x-manual.sqlite3.{os.getppid()}.partial"
    live.write_bytes(b"x")
    assert remove_abandoned_partials(tmp_path) == []
    assert live.exists()


def _damage(path: Path) -> None:
    """Overwrite pages in the middle of the file: SQLite reports it damaged."""
    size = path.stat().st_size
    with path.open("r+b") as stream:
        stream.seek(4096 * 2)
        stream.write(b"\xa5" * min(4096 * 6, size - 4096 * 3))


def test_restore_works_on_a_damaged_database_and_keeps_the_damaged_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "damaged.sqlite3"
    store = _open(tmp_path, "damaged.sqlite3")
    load_demo(store)
    count = count_reviews(store)
    backup = make_backup(store)
    with store.database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    _damage(database)
    damaged_bytes = database.read_bytes()
    with pytest.raises(DamagedDatabase):
        _open(tmp_path, "damaged.sqlite3")

    code = main(["--db", str(database), "restore", str(backup)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "moved aside, not deleted" in captured.out
    (aside,) = [
        p
        for p in tmp_path.iterdir()
        if re.fullmatch(r"damaged\.sqlite3\.damaged-[-\d]+-[0-9a-f]{6}", p.name)
    ]
    assert aside.read_bytes() == damaged_bytes  # never deleted, never changed
    assert _reviews_in(database) == count


def test_restore_of_an_empty_file_needs_confirmation_when_its_owner_is_unknown(
    tmp_path: Path,
) -> None:
    source = _open(tmp_path, "source.sqlite3")
    load_demo(source)
    backup = make_backup(source)
    source.close()
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    with pytest.raises(DamagedDatabase, match="empty"):
        _open(tmp_path, "empty.sqlite3")
    with pytest.raises(InvalidInput, match="too damaged to say which database"):
        restore_damaged_database(str(empty), backup, tmp_path / "backups")
    assert empty.read_bytes() == b""
    restore_damaged_database(str(empty), backup, tmp_path / "backups", from_other_database=True)
    assert _reviews_in(empty) == _reviews_in(backup)


def test_a_mistyped_folder_is_refused_and_a_new_database_is_announced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no-such-folder" / "reviews.sqlite3"
    assert main(["--db", str(missing), "list"]) == 2
    assert "the folder" in capsys.readouterr().err and not missing.parent.exists()

    fresh = tmp_path / "fresh.sqlite3"
    assert main(["--db", str(fresh), "list"]) == 0
    assert "created a new database" in capsys.readouterr().err
    assert main(["--db", str(fresh), "list"]) == 0
    assert "created" not in capsys.readouterr().err  # only the first time


def test_an_empty_or_foreign_file_is_refused_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    assert main(["--db", str(empty), "list"]) == 1
    assert "is empty (0 bytes)" in capsys.readouterr().err
    assert empty.read_bytes() == b""
    foreign = tmp_path / "notes.sqlite3"
    foreign.write_bytes(b"Dear colleague, " * 100)
    assert main(["--db", str(foreign), "list"]) == 1
    assert "not a reviewtool database" in capsys.readouterr().err
    assert foreign.read_bytes() == b"Dear colleague, " * 100


def test_the_id_key_is_not_a_partnership_setting(sqlite_store: Store) -> None:
    from reviewtool.services.settings import load_settings

    assert not hasattr(load_settings(sqlite_store), DATABASE_ID_KEY)


def test_partial_files_beside_the_database_are_ours_only(tmp_path: Path) -> None:
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()  # a process that has ended: what it left is abandoned
    store = _open(tmp_path, "mine.sqlite3")
    store.close()
    ours = tmp_path / f".mine.sqlite3.{finished.pid}.partial"
    encrypting = tmp_path / f"..mine.sqlite3.encrypting.{finished.pid}.partial"
    foreign = tmp_path / f".holiday-photos.zip.{finished.pid}.partial"
    for path in (ours, encrypting, foreign):
        path.write_bytes(b"half")
    _open(tmp_path, "mine.sqlite3").close()
    assert not ours.exists() and not encrypting.exists()
    assert foreign.exists()  # another program's file is never touched


def test_change_passphrase_rekeys_only_this_databases_backups(tmp_path: Path) -> None:
    from reviewtool.services.safety.encryption import change_passphrase

    mine = open_store(
        str(tmp_path / "mine.sqlite3"), backup_dir=tmp_path / "backups", passphrase=PASSPHRASE
    )
    other = open_store(
        str(tmp_path / "other.sqlite3"), backup_dir=tmp_path / "backups", passphrase=PASSPHRASE
    )
    own_backup = make_backup(mine)
    others_backup = make_backup(other)
    other.close()
    stray = mine.backup_dir / "reviewtool-20260101-120000-000-abcdef-manual.sqlite3"
    stray.write_bytes(others_backup.read_bytes())  # same passphrase, another database
    before_stray, before_other = stray.read_bytes(), others_backup.read_bytes()
    assert change_passphrase(mine, "a brand new passphrase") == 1
    assert stray.read_bytes() == before_stray and others_backup.read_bytes() == before_other
    assert own_backup.read_bytes() != before_stray
    reopened = open_store(
        str(tmp_path / "mine.sqlite3"),
        backup_dir=tmp_path / "backups",
        passphrase="a brand new passphrase",
    )
    try:
        assert restore_backup(reopened, own_backup).restored_from == own_backup
    finally:
        reopened.close()
