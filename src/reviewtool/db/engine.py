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

from reviewtool.db.cipher import (
    SQLITE_HEADER,
    PassphraseNeeded,
    WrongPassphrase,
    apply_key,
    cipher_module,
    is_encrypted_file,
    open_raw,
)
from reviewtool.domain.errors import DamagedDatabase, DatabaseProblem, InvalidInput

BUSY_TIMEOUT_SECONDS = 5
"""How long a writer waits for another program's write to finish before giving up."""
ANOTHER_WRITER = "another reviewtool is writing to this database; try again"
NOTHING_SAVED = "Nothing was saved by this step."
_PG_BUSY = {"40001", "40P01", "55P03"}  # serialization failure, deadlock, lock not available
_PG_DISK_FULL = {"53100"}
_PG_TOO_LONG = "22001"
__all__ = ["SQLITE_HEADER", "Database", "connect", "database_url"]


@dataclass
class Database:
    url: URL
    engine: Engine
    sessions: sessionmaker[Session]
    passphrase: str | None = None
    """Kept in memory only, for backups of an encrypted database."""

    @property
    def encrypted(self) -> bool:
        return self.passphrase is not None

    def open_file(self, path: Path, read_only: bool = False) -> Any:
        """A raw connection to another file (a backup) keyed like this database."""
        return open_raw(path, self.passphrase, read_only=read_only)

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
            kind = "Encrypted local database" if self.encrypted else "Local database"
            return f"{kind} {self.path}"
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


def connect(url: URL, passphrase: str | None = None, check_integrity: bool = True) -> Database:
    """Create the engine and prove the database can be read; raise :class:`DatabaseProblem`.

    A local file is encrypted (SQLCipher) when a passphrase is given: a new file is created
    encrypted, an existing one must already be. ``check_integrity=False`` reads only the
    schema here, for a caller that runs :func:`check_integrity` itself (the app does, on a
    background thread, so a large file does not hold up the window).
    """
    if url.get_backend_name() == "sqlite":
        engine = _sqlite_engine(url, passphrase)
    else:
        try:
            engine = create_engine(url, pool_pre_ping=True, hide_parameters=True)
        except (NoSuchModuleError, ImportError) as error:
            raise InvalidInput(f"--db: no driver for {url.drivername!r} ({error})") from None
    if url.get_backend_name() != "sqlite":
        passphrase = None
    database = Database(url, engine, sessionmaker(engine, expire_on_commit=False), passphrase)
    try:
        with engine.connect() as connection:
            if database.is_sqlite and check_integrity:
                _quick_check(connection, database.path)
            elif database.is_sqlite:
                connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").fetchall()
            else:
                connection.execute(text("SELECT 1"))
    except DBAPIError as error:
        engine.dispose()
        if passphrase is not None and "not a database" in str(error.orig):
            raise WrongPassphrase(
                f"The passphrase does not open {database.path}. Check it and try again."
            ) from None
        raise explain_connection_error(database, error) from None
    return database


def unopened(url: URL, passphrase: str | None = None) -> Database:
    """A local database described but not read (its file may be damaged): for recovery."""
    options: dict[str, Any] = {"module": cipher_module()} if passphrase is not None else {}
    engine = create_engine(url, hide_parameters=True, **options)  # connects only when used
    return Database(url, engine, sessionmaker(engine), passphrase)


def _sqlite_engine(url: URL, passphrase: str | None) -> Engine:
    path = Path(str(url.database)) if url.database not in (None, "", ":memory:") else None
    if path is not None:
        if path.is_dir():
            raise InvalidInput(f"{path} is a folder, not a database file")
        if is_encrypted_file(path) and passphrase is None:
            raise PassphraseNeeded(
                f"{path} is encrypted (or is not a reviewtool database). Give its passphrase "
                "(the app asks for it; on the command line set REVIEWTOOL_PASSPHRASE)."
            )
        if (
            passphrase is not None
            and path.exists()
            and not is_encrypted_file(path)
            and path.stat().st_size > 0
        ):
            raise InvalidInput(
                f"{path} is not encrypted. To encrypt it, run: reviewtool --db {path} encrypt"
            )
        path.parent.mkdir(parents=True, exist_ok=True)
    # The pool hands a connection to one thread at a time, so long work may run on a
    # background thread with a connection first opened on the GUI thread.
    options: dict[str, Any] = {
        "connect_args": {"timeout": BUSY_TIMEOUT_SECONDS, "check_same_thread": False},
        # An error's text must never carry what was being written (review text, names).
        "hide_parameters": True,
    }
    if passphrase is not None:
        options["module"] = cipher_module()
    engine = create_engine(url, **options)

    def configure(dbapi_connection: Any, _record: Any) -> None:
        if passphrase is not None:
            apply_key(dbapi_connection, passphrase)  # before anything reads the file
        _configure_sqlite_connection(dbapi_connection)

    event.listen(engine, "connect", configure)
    return engine


def _configure_sqlite_connection(dbapi_connection: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    # FULL: a transaction reported as committed survives a crash or power cut.
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
    # 32 MB of page cache (the default is 2 MB): large imports and reports touch many pages.
    cursor.execute("PRAGMA cache_size = -32000")
    cursor.close()


def check_integrity(database: Database) -> None:
    """SQLite's quick check over the whole file; raise :class:`DatabaseProblem` if it fails."""
    if not database.is_sqlite:
        return
    try:
        with database.engine.connect() as connection:
            _quick_check(connection, database.path)
    except DBAPIError as error:
        raise explain_connection_error(database, error) from None


def _quick_check(connection: Any, path: Path | None) -> None:
    rows = connection.exec_driver_sql("PRAGMA quick_check").fetchall()
    verdict = [row[0] for row in rows]
    if verdict != ["ok"]:
        where = path or "the database"
        raise DamagedDatabase(
            f"{where} failed its integrity check ({'; '.join(verdict[:3])[:300]}). "
            f"Restore it from a backup (reviewtool --db {where} restore FILE)."
        )


def explain_connection_error(database: Database, error: DBAPIError) -> DatabaseProblem:
    original = error.orig
    where = database.describe()
    message = str(original).strip().splitlines()[0] if original else str(error)
    if isinstance(original, sqlite3.DatabaseError) or type(original).__module__.startswith(
        "sqlcipher3"
    ):
        lowered = message.lower()
        if "locked" in lowered or "busy" in lowered:
            return DatabaseProblem(f"{where}: {ANOTHER_WRITER}.")
        if "not a database" in lowered or "malformed" in lowered:
            return DamagedDatabase(
                f"{where} is damaged or is not a reviewtool database ({message[:200]}). "
                "Restore it from a backup (reviewtool restore FILE)."
            )
        if "unable to open" in lowered or "readonly" in lowered:
            return DatabaseProblem(f"{where} cannot be opened for writing ({message}).")
        return DatabaseProblem(f"{where}: {message}")
    return DatabaseProblem(f"Cannot reach {where}: {message}")


def explain_write_error(database: Database, error: DBAPIError) -> DatabaseProblem | None:
    """A failed write, told without the statement, its values or the driver's detail.

    ``None`` when the failure is not one a person can act on (a bug, logged as such).
    """
    from sqlalchemy.exc import IntegrityError

    where = database.describe()
    original = error.orig
    lowered = str(original).lower()
    sqlstate = getattr(original, "sqlstate", None)
    if sqlstate in _PG_BUSY or (database.is_sqlite and ("locked" in lowered or "busy" in lowered)):
        return DatabaseProblem(f"{where}: {ANOTHER_WRITER}. {NOTHING_SAVED}")
    if sqlstate in _PG_DISK_FULL or "disk is full" in lowered or "no space" in lowered:
        return DatabaseProblem(
            f"The disk holding {where} is full. {NOTHING_SAVED} Free some space and try again."
        )
    if "readonly" in lowered or "read-only" in lowered:
        return DatabaseProblem(
            f"{where} cannot be written (the file or its folder is read-only). {NOTHING_SAVED}"
        )
    if "disk i/o error" in lowered:
        return DatabaseProblem(
            f"Writing to {where} failed (a disk input/output error). {NOTHING_SAVED} "
            "Check the disk and try again."
        )
    if sqlstate == _PG_TOO_LONG or "too long" in lowered:
        return DatabaseProblem(f"A value is longer than the database allows. {NOTHING_SAVED}")
    if isinstance(error, IntegrityError):
        return DatabaseProblem(
            "The change clashes with what is already in the database (a value that must be "
            f"unique is there already, or something it refers to is missing). {NOTHING_SAVED}"
        )
    return None
