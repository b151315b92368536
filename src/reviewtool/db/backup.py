"""Consistent copies of a live SQLite database, made with SQLite's online backup API."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from reviewtool.db.engine import SQLITE_HEADER
from reviewtool.domain.errors import DatabaseProblem, InvalidInput


def backup_sqlite(engine: Engine, target: Path) -> Path:
    """Copy the live database into ``target`` (never half-written: temp file, then rename)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    raw = engine.raw_connection()
    try:
        destination = sqlite3.connect(partial)
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


def check_sqlite_file(path: Path) -> None:
    """Refuse anything that is not a readable, intact SQLite database."""
    if not path.is_file():
        raise InvalidInput(f"{path}: no such backup file")
    with path.open("rb") as stream:
        if stream.read(16) != SQLITE_HEADER:
            raise InvalidInput(f"{path} is not a reviewtool backup (not a SQLite database)")
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        verdict = [row[0] for row in connection.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as error:
        raise InvalidInput(f"{path} is damaged: {error}") from None
    finally:
        connection.close()
    if verdict != ["ok"]:
        raise InvalidInput(f"{path} failed its integrity check: {'; '.join(verdict[:3])}")


def schema_revision_of(path: Path) -> str | None:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        connection.close()
    return str(row[0]) if row else None


def restore_sqlite(engine: Engine, source: Path) -> None:
    """Replace the live database's contents with ``source`` page by page."""
    engine.dispose()
    raw = engine.raw_connection()
    try:
        origin = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            origin.backup(raw.driver_connection)  # type: ignore[arg-type]
        finally:
            origin.close()
    finally:
        raw.close()
        engine.dispose()
