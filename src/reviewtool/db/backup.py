"""Consistent copies of a live SQLite database, made with SQLite's online backup API.

A copy of an encrypted database is encrypted with the same passphrase.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from reviewtool.db.cipher import SQLITE_HEADER, WrongPassphrase, is_encrypted_file, verify_key
from reviewtool.db.engine import Database
from reviewtool.domain.errors import DatabaseProblem, InvalidInput


def backup_sqlite(database: Database, target: Path) -> Path:
    """Copy the live database into ``target`` (never half-written: temp file, then rename)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    raw = database.engine.raw_connection()
    try:
        destination = database.open_file(partial)
        try:
            raw.driver_connection.backup(destination)  # type: ignore[union-attr]
            destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            destination.close()
        with partial.open("rb") as stream:
            os.fsync(stream.fileno())
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise DatabaseProblem(f"Could not write the backup {target}: {error.strerror}") from None
    finally:
        raw.close()
    return target


def _open_backup(database: Database, path: Path) -> Any:
    if not path.is_file():
        raise InvalidInput(f"{path}: no such backup file")
    if database.encrypted:
        if not is_encrypted_file(path):
            raise InvalidInput(f"{path} is not an encrypted backup of this database")
        connection = database.open_file(path)
        try:
            verify_key(connection, str(path))
        except WrongPassphrase:
            connection.close()
            raise InvalidInput(
                f"{path} was encrypted with another passphrase; it cannot be restored here"
            ) from None
        return connection
    with path.open("rb") as stream:
        if stream.read(16) != SQLITE_HEADER:
            raise InvalidInput(f"{path} is not a reviewtool backup (not a SQLite database)")
    return database.open_file(path, read_only=True)


def check_sqlite_file(database: Database, path: Path) -> None:
    """Refuse anything that is not a readable, intact backup of this kind of database."""
    connection = _open_backup(database, path)
    try:
        verdict = [row[0] for row in connection.execute("PRAGMA quick_check").fetchall()]
    except Exception as error:  # sqlite3 and SQLCipher raise their own DatabaseError
        raise InvalidInput(f"{path} is damaged: {error}") from None
    finally:
        connection.close()
    if verdict != ["ok"]:
        raise InvalidInput(f"{path} failed its integrity check: {'; '.join(verdict[:3])}")


def schema_revision_of(database: Database, path: Path) -> str | None:
    connection = _open_backup(database, path)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except Exception:
        return None
    finally:
        connection.close()
    return str(row[0]) if row else None


def restore_sqlite(database: Database, source: Path) -> None:
    """Replace the live database's contents with ``source`` page by page."""
    engine = database.engine
    engine.dispose()
    raw = engine.raw_connection()
    try:
        origin = database.open_file(source, read_only=True)
        try:
            origin.backup(raw.driver_connection)
        finally:
            origin.close()
    finally:
        raw.close()
        engine.dispose()
