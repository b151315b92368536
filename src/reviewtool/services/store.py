"""The open database and the person using it: what every service works on."""

from __future__ import annotations

import contextlib
import getpass
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from reviewtool.db.backup import remove_abandoned_partials
from reviewtool.db.engine import (
    Database,
    check_integrity,
    connect,
    database_url,
    explain_connection_error,
    explain_write_error,
)
from reviewtool.db.identity import backup_folder, ensure_database_id, read_database_id
from reviewtool.db.migrate import MigrationResult, Outcome, needs_migration, prepare
from reviewtool.db.seed import (
    add_missing_builtin_codes,
    fill_missing_indicators,
    update_default_indicators,
)
from reviewtool.domain.errors import DamagedDatabase, DatabaseProblem, InvalidInput
from reviewtool.paths import data_dir, default_backup_dir, default_database_path

INSUFFICIENT_PRIVILEGE = "42501"


def _user_file() -> Path:
    return data_dir() / "user-name.txt"


def remember_user(name: str) -> None:
    """Keep the name this person gave for the audit trail (on this computer only)."""
    path = _user_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(name.strip() + "\n", encoding="utf-8")


def current_user() -> str:
    """Who is recorded in the audit trail: ``REVIEWTOOL_USER``, the saved name, or the login."""
    name = os.environ.get("REVIEWTOOL_USER")
    if name:
        return name
    try:
        saved = _user_file().read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        saved = ""
    if saved:
        return saved
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


@dataclass
class Store:
    database: Database
    user: str
    backup_dir: Path
    migration: MigrationResult | None = field(default=None)
    database_id: str | None = field(default=None)
    """The id recorded in the database (names its backup folder); ``None`` if unrecorded."""

    @contextmanager
    def transaction(self, write_lock: bool = False) -> Iterator[Session]:
        """A session for one user action: committed on success, rolled back on any error.

        ``write_lock`` takes a local database's write lock before anything is read, for a
        long write such as an import: another program writing at the same moment is waited
        for (at most ``BUSY_TIMEOUT_SECONDS``), then the work reads what that one committed,
        instead of clashing with it half way; if it is still writing, the message says so.
        """
        session = self.database.sessions()
        try:
            with session.begin():
                if write_lock and self.database.is_sqlite:
                    session.connection().exec_driver_sql("BEGIN IMMEDIATE")
                yield session
        except DBAPIError as error:
            if getattr(error, "connection_invalidated", False) or error.orig is None:
                raise explain_connection_error(self.database, error) from None
            if getattr(error.orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
                raise DatabaseProblem(
                    f"Your account ({self.database.url.username}) may read this database but "
                    "not change it, so nothing was saved. Ask the administrator for editor access."
                ) from None
            explained = explain_write_error(self.database, error)
            if explained is not None:
                raise explained from error
            raise
        finally:
            session.close()

    def describe(self) -> str:
        return self.database.describe()

    def check_integrity(self) -> None:
        """Check the whole local file; raise :class:`DatabaseProblem` if it is damaged."""
        check_integrity(self.database)

    def close(self) -> None:
        self.database.close()


def open_store(
    db: str | None = None,
    user: str | None = None,
    backup_dir: Path | None = None,
    passphrase: str | None = None,
    check_integrity_now: bool = True,
) -> Store:
    """Open (creating or upgrading as needed) the database named by ``db``/``REVIEWTOOL_DB``.

    ``passphrase`` (or ``REVIEWTOOL_PASSPHRASE``) opens or creates an encrypted local file.
    A local file is integrity-checked first; with ``check_integrity_now=False`` the caller
    runs ``Store.check_integrity`` itself (before a migration the check always runs here).
    ``backup_dir`` is the folder that holds every database's backup folder (default: the
    data folder's ``backups``); the store's own folder inside it is named by its id.
    """
    url = database_url(db, default_database_path())
    new_file = _check_local_file(url)
    if passphrase is None:
        passphrase = os.environ.get("REVIEWTOOL_PASSPHRASE") or None
    try:
        database = connect(url, passphrase, check_integrity=check_integrity_now)
    except BaseException:
        _remove_new_file(new_file)
        raise
    root = backup_dir or default_backup_dir()
    try:
        known_id = read_database_id(database)
        proposed_id = known_id or uuid.uuid4().hex
        store = Store(
            database,
            user or current_user(),
            backup_folder(root, proposed_id, database),
            database_id=proposed_id,
        )
        remove_abandoned_partials(store.backup_dir)
        if database.path is not None:  # a restore or an encryption killed half way
            name = database.path.name
            remove_abandoned_partials(database.path.parent, (f".{name}.", f"..{name}."))
        if not check_integrity_now and needs_migration(database):
            check_integrity(database)
        store.migration = prepare(database, store.backup_dir)
        if known_id is None:
            store.database_id = ensure_database_id(database, proposed_id)
            store.backup_dir = backup_folder(root, store.database_id, database)
        with store.transaction() as session:
            add_missing_builtin_codes(session)
            if store.migration.outcome is not Outcome.CURRENT:
                fill_missing_indicators(session)
                update_default_indicators(session)
        if store.migration.outcome is Outcome.UPGRADED:
            from reviewtool.services.search_index import rebuild_search_index

            with store.transaction() as session:
                rebuild_search_index(session)
    except BaseException:
        database.close()
        _remove_new_file(new_file)
        raise
    return store


def _check_local_file(url: URL) -> Path | None:
    """Refuse a path that cannot be a database; return it when it will be a new file.

    A mistyped folder is not created silently (only the data folder itself is), and an empty
    file is not taken for a new database: it is what a failed copy or a full disk leaves.
    """
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    path = Path(str(url.database))
    if path.exists():
        if path.is_file() and path.stat().st_size == 0:
            raise DamagedDatabase(
                f"{path} is empty (0 bytes), so it is not a reviewtool database. Restore it "
                f"from a backup (reviewtool --db {path} restore FILE), or delete it to start "
                "a new database there."
            )
        return None
    if not path.parent.is_dir():
        if path == default_database_path():
            path.parent.mkdir(parents=True, exist_ok=True)
        else:
            raise InvalidInput(
                f"--db: the folder {path.parent} does not exist. Check the path, or create "
                "the folder first to start a new database there."
            )
    return path


def _remove_new_file(path: Path | None) -> None:
    """A database file this call created and could not finish is removed, not left empty."""
    if path is None:
        return
    for name in (path.name, path.name + "-wal", path.name + "-shm", path.name + "-journal"):
        with contextlib.suppress(OSError):
            path.with_name(name).unlink()
