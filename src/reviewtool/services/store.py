"""The open database and the person using it: what every service works on."""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from reviewtool.db.engine import (
    Database,
    check_integrity,
    connect,
    database_url,
    explain_connection_error,
)
from reviewtool.db.migrate import MigrationResult, Outcome, needs_migration, prepare
from reviewtool.db.seed import (
    add_missing_builtin_codes,
    fill_missing_indicators,
    update_default_indicators,
)
from reviewtool.domain.errors import DatabaseProblem
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

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session for one user action: committed on success, rolled back on any error."""
        session = self.database.sessions()
        try:
            with session.begin():
                yield session
        except DBAPIError as error:
            if getattr(error, "connection_invalidated", False) or error.orig is None:
                raise explain_connection_error(self.database, error) from None
            if getattr(error.orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
                raise DatabaseProblem(
                    f"Your account ({self.database.url.username}) may read this database but "
                    "not change it, so nothing was saved. Ask the administrator for editor access."
                ) from None
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
    """
    url = database_url(db, default_database_path())
    if passphrase is None:
        passphrase = os.environ.get("REVIEWTOOL_PASSPHRASE") or None
    database = connect(url, passphrase, check_integrity=check_integrity_now)
    store = Store(database, user or current_user(), backup_dir or default_backup_dir())
    try:
        if not check_integrity_now and needs_migration(database):
            check_integrity(database)
        store.migration = prepare(database, store.backup_dir)
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
        raise
    return store
