"""Backups and restores of the whole database.

A local SQLite database is copied with SQLite's online backup API. A server database is
backed up as a full bundle (identifiers included), which can be restored by importing it.
Every backup of a local database carries the database's id; a restore refuses another
database's backup unless the user says it is meant (``from_other_database``).
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from reviewtool.db.backup import (
    BackupFacts,
    backup_facts,
    check_sqlite_file,
    copy_backup_into,
    restore_sqlite,
    schema_revision_of,
    unique_stamp,
)
from reviewtool.db.cipher import open_raw
from reviewtool.db.engine import Database, database_url, unopened
from reviewtool.db.identity import database_id_in_file, set_database_id
from reviewtool.db.migrate import known_revisions, prepare
from reviewtool.domain.errors import DatabaseProblem, InvalidInput, OtherDatabaseBackup
from reviewtool.paths import default_database_path
from reviewtool.services.search_index import rebuild_search_index
from reviewtool.services.snapshots import (
    backup_if_due,
    free_backup_name,
    rotate_backups,
    snapshot_sqlite,
)
from reviewtool.services.store import Store, open_store

__all__ = [
    "RestoreResult",
    "backup_if_due",
    "make_backup",
    "restore_backup",
    "restore_damaged_database",
    "rotate_backups",
]


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety_backup: Path
    """The state before the restore: a backup, or the damaged file moved aside."""
    from_other_database: bool = False


def make_backup(store: Store, to_dir: Path | None = None, reason: str = "manual") -> Path:
    """A local database is copied; a server database is written as a full bundle."""
    if store.database.is_sqlite:
        return snapshot_sqlite(store, to_dir, reason)
    # Imported here: the app imports this module at start-up, and only a server needs it.
    from reviewtool.services.exchange.bundle_export import export_bundle

    folder = to_dir or store.backup_dir
    folder.mkdir(parents=True, exist_ok=True)
    target = free_backup_name(folder, reason, ".rtbundle.json")
    export_bundle(store, target, include_identifiers=True)
    if reason != "manual":
        rotate_backups(folder)
    return target


def _checked_backup(database: Database, source: Path) -> BackupFacts:
    """Refuse a file that is not an intact backup this version can restore."""
    check_sqlite_file(database, source)
    revision = schema_revision_of(database, source)
    if revision is None:
        raise InvalidInput(f"{source} is not a reviewtool backup (no schema version)")
    if revision not in known_revisions():
        raise InvalidInput(
            f"{source} was made by a newer version of reviewtool (schema {revision}); "
            "install that version to restore it"
        )
    return backup_facts(database, source)


def _describe(facts: BackupFacts) -> str:
    count = "an unknown number of" if facts.reviews is None else str(facts.reviews)
    owner = (
        f"database {facts.database_id}"
        if facts.database_id
        else "a database that did not record its id (an older version of reviewtool)"
    )
    return f"a backup of {owner}, holding {count} review{'s' if facts.reviews != 1 else ''}"


def _refuse_other(
    source: Path, facts: BackupFacts, own_id: str | None, own_reviews: int | None
) -> None:
    here = f"this database ({own_id or 'id unknown'}"
    here += f", {own_reviews} reviews)" if own_reviews is not None else ")"
    raise OtherDatabaseBackup(
        f"{source} is {_describe(facts)}, not of {here}. Restoring it would replace "
        "everything here with another database's data. If that is what you mean, run the "
        "restore again with --from-other-database."
    )


def restore_backup(store: Store, source: Path, from_other_database: bool = False) -> RestoreResult:
    """Replace the database with ``source`` after checking it; the current state is kept first."""
    source = source.expanduser().resolve()
    if not store.database.is_sqlite:
        raise InvalidInput(
            "a server database is restored by importing a full backup bundle "
            "(reviewtool import FILE.rtbundle.json), or with the server's own tools"
        )
    facts = _checked_backup(store.database, source)
    other = facts.database_id is None or facts.database_id != store.database_id
    if other and not from_other_database:
        from reviewtool.services.reviews.listing import count_reviews

        _refuse_other(source, facts, store.database_id, count_reviews(store))
    safety = make_backup(store, reason="before-restore")
    restore_sqlite(store.database, source)
    prepare(store.database, store.backup_dir)
    if store.database_id is not None and facts.database_id != store.database_id:
        set_database_id(store.database, store.database_id)  # the file keeps its own folder
    with store.transaction() as session:
        rebuild_search_index(session)
    with store.database.engine.connect() as connection:
        verdict = [row[0] for row in connection.exec_driver_sql("PRAGMA quick_check")]
    if verdict != ["ok"]:
        restore_sqlite(store.database, safety)
        raise DatabaseProblem(
            f"The restored database failed its integrity check ({'; '.join(verdict[:3])}); "
            "the previous state has been put back."
        )
    return RestoreResult(source, safety, other)


def restore_damaged_database(
    db: str | None,
    source: Path,
    backup_dir: Path | None = None,
    passphrase: str | None = None,
    from_other_database: bool = False,
) -> RestoreResult:
    """Put a backup in place of a damaged (or empty) local database file.

    The damaged file is moved aside beside it (``NAME.damaged-TIME``), never deleted: it may
    still hold something a specialist can recover.
    """
    source = source.expanduser().resolve()
    url = database_url(db, default_database_path())
    database = unopened(url, passphrase)
    path = database.path
    if path is None:
        raise InvalidInput("only a local database file can be restored from a backup file")
    try:
        facts = _checked_backup(database, source)
        own_id = _damaged_file_id(path, passphrase)
        other = facts.database_id is None or facts.database_id != own_id
        if other and not from_other_database:
            if own_id is None:
                raise OtherDatabaseBackup(
                    f"{path} is too damaged to say which database it was, so reviewtool "
                    f"cannot check that {source} is its backup. {source} is "
                    f"{_describe(facts)}. If it is the right one, run the restore again with "
                    "--from-other-database."
                )
            _refuse_other(source, facts, own_id, None)
    finally:
        database.close()
    aside = _move_aside(path)
    copy_backup_into(database, source, path)
    store = open_store(db, backup_dir=backup_dir, passphrase=passphrase)
    try:
        if own_id is not None and store.database_id != own_id:
            set_database_id(store.database, own_id)
        with store.transaction() as session:
            rebuild_search_index(session)
    finally:
        store.close()
    return RestoreResult(source, aside, other)


def _damaged_file_id(path: Path, passphrase: str | None) -> str | None:
    """The id of a damaged file, if the part of it that holds the id can still be read."""
    if not path.is_file() or path.stat().st_size == 0:
        return None
    try:
        connection = open_raw(path, passphrase, read_only=True)
    except Exception:  # sqlite3 / SQLCipher errors: unreadable is an answer too
        return None
    try:
        return database_id_in_file(connection)
    finally:
        connection.close()


def _move_aside(path: Path) -> Path:
    """Rename the damaged file (and its journal files, which belong to it) out of the way."""
    aside = path.with_name(f"{path.name}.damaged-{unique_stamp()}")
    if path.exists():
        os.replace(path, aside)
    for suffix in ("-wal", "-shm", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            with contextlib.suppress(OSError):
                os.replace(side, aside.with_name(aside.name + suffix))
    return aside
