"""Backups and restores of the whole database.

A local SQLite database is copied with SQLite's online backup API. A server database is
backed up as a full bundle (identifiers included), which can be restored by importing it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reviewtool.db.backup import (
    check_sqlite_file,
    restore_sqlite,
    schema_revision_of,
)
from reviewtool.db.migrate import known_revisions, prepare
from reviewtool.domain.errors import DatabaseProblem, InvalidInput
from reviewtool.services.search_index import rebuild_search_index
from reviewtool.services.snapshots import (
    backup_if_due,
    free_backup_name,
    rotate_backups,
    snapshot_sqlite,
)
from reviewtool.services.store import Store

__all__ = ["RestoreResult", "backup_if_due", "make_backup", "restore_backup", "rotate_backups"]


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety_backup: Path


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


def restore_backup(store: Store, source: Path) -> RestoreResult:
    """Replace the database with ``source`` after checking it; the current state is kept first."""
    source = source.expanduser().resolve()
    if not store.database.is_sqlite:
        raise InvalidInput(
            "a server database is restored by importing a full backup bundle "
            "(reviewtool import FILE.rtbundle.json), or with the server's own tools"
        )
    check_sqlite_file(store.database, source)
    revision = schema_revision_of(store.database, source)
    if revision is None:
        raise InvalidInput(f"{source} is not a reviewtool backup (no schema version)")
    if revision not in known_revisions():
        raise InvalidInput(
            f"{source} was made by a newer version of reviewtool (schema {revision}); "
            "install that version to restore it"
        )
    safety = make_backup(store, reason="before-restore")
    restore_sqlite(store.database, source)
    prepare(store.database, store.backup_dir)
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
    return RestoreResult(source, safety)
