"""Opening a database: a local SQLite file by default, or any SQLAlchemy URL."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from reviewtool.domain.errors import DatabaseProblem, InvalidInput

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 5


@dataclass
class Database:
    url: URL
    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def path(self) -> Path | None:
        """The file of a SQLite database; ``None`` for a server."""
        if self.is_sqlite and self.url.database not in (None, "", ":memory:"):
            return Path(str(self.url.database))
        return None

    def describe(self) -> str:
        if self.path is not None:
            return f"Local database {self.path}"
        return f"Server {self.url.render_as_string(hide_password=True)}"

    def close(self) -> None:
        self.engine.dispose()


def database_url(argument: str | None, default_path: Path) -> URL:
    """``--db`` wins, then ``REVIEWTOOL_DB``, then the default file; a bare path means SQLite."""
    raw = argument or os.environ.get("REVIEWTOOL_DB") or str(default_path)
    if "://" not in raw:
        return URL.create("sqlite", database=str(Path(raw).expanduser().resolve()))
    try:
        url = make_url(raw)
    except ArgumentError:
        raise InvalidInput(f"--db: {raw!r} is not a database URL or a file path") from None
    if url.get_backend_name() == "postgresql" and url.get_driver_name() in ("", "psycopg2"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def connect(url: URL) -> Database:
    """Create the engine and prove the database can be read; raise :class:`DatabaseProblem`."""
    if url.get_backend_name() == "sqlite":
        engine = _sqlite_engine(url)
    else:
        try:
            engine = create_engine(url, pool_pre_ping=True)
        except (NoSuchModuleError, ImportError) as error:
            raise InvalidInput(f"--db: no driver for {url.drivername!r} ({error})") from None
    database = Database(url, engine, sessionmaker(engine, expire_on_commit=False))
    try:
        with engine.connect() as connection:
            if database.is_sqlite:
                _quick_check(connection, database.path)
            else:
                connection.execute(text("SELECT 1"))
    except DBAPIError as error:
        engine.dispose()
        raise explain_connection_error(database, error) from None
    return database


def _sqlite_engine(url: URL) -> Engine:
    path = Path(str(url.database)) if url.database not in (None, "", ":memory:") else None
    if path is not None:
        if path.is_dir():
            raise InvalidInput(f"{path} is a folder, not a database file")
        if path.exists() and path.stat().st_size > 0:
            with path.open("rb") as stream:
                if stream.read(16) != SQLITE_HEADER:
                    raise DatabaseProblem(
                        f"{path} is not a reviewtool database (it is not a SQLite file, "
                        "or it is encrypted)."
                    )
        path.parent.mkdir(parents=True, exist_ok=True)
    # The pool hands a connection to one thread at a time, so long work may run on a
    # background thread with a connection first opened on the GUI thread.
    engine = create_engine(
        url, connect_args={"timeout": BUSY_TIMEOUT_SECONDS, "check_same_thread": False}
    )
    event.listen(engine, "connect", _configure_sqlite_connection)
    return engine


def _configure_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    # FULL: a transaction reported as committed survives a crash or power cut.
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
    cursor.close()


def _quick_check(connection: Any, path: Path | None) -> None:
    rows = connection.exec_driver_sql("PRAGMA quick_check").fetchall()
    verdict = [row[0] for row in rows]
    if verdict != ["ok"]:
        where = path or "the database"
        raise DatabaseProblem(
            f"{where} failed its integrity check ({'; '.join(verdict[:3])}). "
            "Restore it from a backup (reviewtool restore FILE)."
        )


def explain_connection_error(database: Database, error: DBAPIError) -> DatabaseProblem:
    original = error.orig
    where = database.describe()
    message = str(original).strip().splitlines()[0] if original else str(error)
    if isinstance(original, sqlite3.DatabaseError):
        lowered = message.lower()
        if "locked" in lowered or "busy" in lowered:
            return DatabaseProblem(
                f"{where} is locked by another program. Close the other copy of reviewtool "
                "and try again."
            )
        if "not a database" in lowered or "malformed" in lowered:
            return DatabaseProblem(
                f"{where} is damaged or is not a reviewtool database ({message}). "
                "Restore it from a backup."
            )
        if "unable to open" in lowered or "readonly" in lowered:
            return DatabaseProblem(f"{where} cannot be opened for writing ({message}).")
        return DatabaseProblem(f"{where}: {message}")
    return DatabaseProblem(f"Cannot reach {where}: {message}")
