"""Bring a database to the schema this version expects, safely.

A new database is created by running every migration. An older one is backed up first
(SQLite backup API), upgraded, and restored from that backup if the upgrade fails. A database
written by a newer reviewtool is refused rather than damaged.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import inspect

from reviewtool.db.backup import backup_sqlite, restore_sqlite, unique_stamp
from reviewtool.db.engine import Database
from reviewtool.domain.errors import DatabaseProblem
from reviewtool.paths import migrations_dir


class Outcome(StrEnum):
    CREATED = "created"
    UPGRADED = "upgraded"
    CURRENT = "current"


@dataclass(frozen=True)
class MigrationResult:
    outcome: Outcome
    from_revision: str | None
    backup: Path | None = None


def _alembic_config() -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    return config


HEAD_REVISION = "0013"
"""The newest migration; kept in step with db/versions by a test, so that opening a database
that is already up to date never needs to load Alembic and every migration script."""


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {
        script.revision
        for script in ScriptDirectory.from_config(_alembic_config()).walk_revisions()
    }


def current_revision(database: Database) -> str | None:
    with database.engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        return str(row[0]) if row else None


def needs_migration(database: Database) -> bool:
    """True unless the database is already at this version's schema."""
    return current_revision(database) != HEAD_REVISION


def upgrade(database: Database, revision: str = "head") -> None:
    """Run migrations up to ``revision`` in one transaction."""
    from alembic import command

    config = _alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def prepare(database: Database, backup_dir: Path) -> MigrationResult:
    """Create, upgrade or accept the database; :class:`DatabaseProblem` if it cannot be used."""
    current = current_revision(database)
    if current == HEAD_REVISION:
        return MigrationResult(Outcome.CURRENT, current)
    head = head_revision()
    if current == head:
        return MigrationResult(Outcome.CURRENT, current)
    if current is None:
        _refuse_foreign_database(database)
        upgrade(database)
        return MigrationResult(Outcome.CREATED, None)
    if current not in known_revisions():
        raise DatabaseProblem(
            f"{database.describe()} was written by a newer version of reviewtool "
            f"(schema {current}). Install the newer version to open it; this one has "
            "not changed it."
        )
    backup = None
    if database.is_sqlite:
        name = f"before-upgrade-{current}-{unique_stamp()}.sqlite3"
        backup = backup_sqlite(database, backup_dir / name)
    try:
        upgrade(database)
    except Exception as error:
        if backup is not None:
            restore_sqlite(database, backup)
        reason = str(getattr(error, "orig", None) or type(error).__name__).splitlines()[0][:200]
        raise DatabaseProblem(
            f"Upgrading {database.describe()} from schema {current} failed ({reason}). "
            + ("It has been restored as it was" + (f" (backup: {backup})." if backup else "."))
        ) from error
    return MigrationResult(Outcome.UPGRADED, current, backup)


def _refuse_foreign_database(database: Database) -> None:
    with database.engine.connect() as connection:
        tables = [
            name for name in inspect(connection).get_table_names() if not name.startswith("sqlite_")
        ]
    if tables:
        raise DatabaseProblem(
            f"{database.describe()} already holds tables that reviewtool did not create "
            f"({', '.join(sorted(tables)[:5])}). Choose an empty database or a reviewtool file."
        )
