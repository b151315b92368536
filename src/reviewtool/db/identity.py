"""Each database's own id, kept in its settings table.

The id names the database's backup folder and is copied into every backup, so that a backup
always says which database it came from and a restore can refuse someone else's.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from reviewtool.db.engine import Database

DATABASE_ID_KEY = "database_id"


def read_database_id(database: Database) -> str | None:
    """The id recorded in the database, or ``None`` (no settings table yet, or no id)."""
    with database.engine.connect() as connection:
        if not inspect(connection).has_table("settings"):
            return None
        row = connection.execute(
            text("SELECT value FROM settings WHERE key = :key"), {"key": DATABASE_ID_KEY}
        ).first()
    return _parse(row[0]) if row else None


def ensure_database_id(database: Database, proposed: str | None = None) -> str | None:
    """Read the id, recording ``proposed`` (or a new one) if there is none; ``None`` if it
    cannot be written.

    A read-only account on a server cannot record one: its backups then go to a folder named
    after the server address instead (see ``services.snapshots``).
    """
    existing = read_database_id(database)
    if existing is not None:
        return existing
    new_id = proposed or uuid.uuid4().hex
    try:
        with database.engine.begin() as connection:
            if not inspect(connection).has_table("settings"):
                return None
            connection.execute(
                text("INSERT INTO settings (key, value) VALUES (:key, :value)"),
                {"key": DATABASE_ID_KEY, "value": json.dumps(new_id)},
            )
    except DBAPIError:
        # Not allowed to write (a reader's account, a read-only file), or another program
        # recorded one at the same moment: whatever is there now is the answer.
        return read_database_id(database)
    return new_id


def set_database_id(database: Database, database_id: str) -> None:
    """Record ``database_id`` (after a restore from another database's backup, the file keeps
    its own id, and so its own backup folder)."""
    with database.engine.begin() as connection:
        connection.execute(text("DELETE FROM settings WHERE key = :key"), {"key": DATABASE_ID_KEY})
        connection.execute(
            text("INSERT INTO settings (key, value) VALUES (:key, :value)"),
            {"key": DATABASE_ID_KEY, "value": json.dumps(database_id)},
        )


def database_id_in_file(raw_connection: Any) -> str | None:
    """The id inside a backup file opened with a raw DB-API connection."""
    try:
        row = raw_connection.execute(
            "SELECT value FROM settings WHERE key = ?", (DATABASE_ID_KEY,)
        ).fetchone()
    except Exception:  # sqlite3 and SQLCipher raise their own errors; no table = no id
        return None
    return _parse(row[0]) if row else None


def _parse(value: object) -> str | None:
    try:
        parsed = json.loads(str(value))
    except ValueError:
        return None
    return parsed if isinstance(parsed, str) and parsed else None


def backup_folder(root: Path, database_id: str | None, database: Database) -> Path:
    """The database's own backup folder under ``root``: named by its id.

    Without an id (a read-only account on a server that never recorded one) the folder is
    named after the address instead, so two databases still never share one.
    """
    if database_id is not None:
        return root / database_id
    address = database.url.render_as_string(hide_password=True)
    return root / f"address-{hashlib.sha256(address.encode()).hexdigest()[:16]}"
