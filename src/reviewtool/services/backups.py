"""Backups and restores of the whole database.

A local SQLite database is copied with SQLite's online backup API. A server database is
backed up as a full bundle (identifiers included), which can be restored by importing it.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reviewtool.db.backup import (
    backup_sqlite,
    check_sqlite_file,
    restore_sqlite,
    schema_revision_of,
)
from reviewtool.db.migrate import known_revisions, prepare
from reviewtool.domain.errors import DatabaseProblem, InvalidInput
from reviewtool.services.store import Store

KEEP_AUTOMATIC = 20
_NAME = re.compile(r"^reviewtool-\d{8}-\d{6}(-\d+)?-(?P<reason>[a-z-]+)\.(sqlite3|rtbundle\.json)$")


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety_backup: Path


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S")


def _free_name(folder: Path, reason: str, suffix: str) -> Path:
    stamp = _stamp()
    candidate = folder / f"reviewtool-{stamp}-{reason}{suffix}"
    counter = 1
    while candidate.exists():
        candidate = folder / f"reviewtool-{stamp}-{counter}-{reason}{suffix}"
        counter += 1
    return candidate


def make_backup(store: Store, to_dir: Path | None = None, reason: str = "manual") -> Path:
    folder = to_dir or store.backup_dir
    folder.mkdir(parents=True, exist_ok=True)
    if store.database.is_sqlite:
        target = backup_sqlite(store.database, _free_name(folder, reason, ".sqlite3"))
    else:
        from reviewtool.services.bundle_export import export_bundle

        target = _free_name(folder, reason, ".rtbundle.json")
        export_bundle(store, target, include_identifiers=True)
    if reason != "manual":
        rotate_backups(folder)
    return target


def backup_if_due(
    store: Store, reason: str = "on-close", every: timedelta = timedelta(hours=12)
) -> Path | None:
    """An automatic backup, at most one per ``every`` (so closing often costs nothing)."""
    if not store.database.is_sqlite:
        return None
    folder = store.backup_dir
    if folder.is_dir():
        newest = max((p.stat().st_mtime for p in folder.glob("reviewtool-*.sqlite3")), default=0.0)
        if time.time() - newest < every.total_seconds():
            return None
    return make_backup(store, reason=reason)


def rotate_backups(folder: Path, keep: int = KEEP_AUTOMATIC) -> list[Path]:
    """Delete the oldest automatic backups beyond ``keep``; manual ones are never deleted."""
    automatic = sorted(
        (p for p in folder.iterdir() if (m := _NAME.match(p.name)) and m["reason"] != "manual"),
        key=lambda p: p.name,
    )
    removed = automatic[:-keep] if len(automatic) > keep else []
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


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
    from reviewtool.services.search import rebuild_search_index

    rebuild_search_index(store)
    with store.database.engine.connect() as connection:
        verdict = [row[0] for row in connection.exec_driver_sql("PRAGMA quick_check")]
    if verdict != ["ok"]:
        restore_sqlite(store.database, safety)
        raise DatabaseProblem(
            f"The restored database failed its integrity check ({'; '.join(verdict[:3])}); "
            "the previous state has been put back."
        )
    return RestoreResult(source, safety)
