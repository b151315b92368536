"""Snapshots of a local SQLite database, taken before a risky step or on request.

The naming and rotation rules of the backup folder live here, below every user action, so
that an import can take its snapshot just before it commits without importing the backup
and restore feature (which, on a server, writes a bundle and so sits above exchange).

Every database has a folder of its own (``Store.backup_dir``, named by the database's id),
so the rotation of one database never deletes another's backups. A name carries the UTC
time to the millisecond and a short random part, so two backups never share one.
"""

from __future__ import annotations

import re
import time
from datetime import timedelta
from pathlib import Path

from reviewtool.db.backup import backup_sqlite, remove_abandoned_partials, unique_stamp
from reviewtool.services.store import Store

KEEP_AUTOMATIC = 20
BACKUP_NAME = re.compile(
    r"^reviewtool-\d{8}-\d{6}(-\d{3}-[0-9a-f]{6})?(-\d+)?-(?P<reason>[a-z-]+)"
    r"\.(sqlite3|rtbundle\.json)$"
)


def free_backup_name(folder: Path, reason: str, suffix: str) -> Path:
    candidate = folder / f"reviewtool-{unique_stamp()}-{reason}{suffix}"
    while candidate.exists():  # only if the random part repeats within one millisecond
        candidate = folder / f"reviewtool-{unique_stamp()}-{reason}{suffix}"
    return candidate


def snapshot_sqlite(
    store: Store, to_dir: Path | None = None, reason: str = "manual", rotate: bool = True
) -> Path:
    """Copy the local database with SQLite's online backup API; rotate automatic ones.

    ``rotate=False`` leaves the rotation to the caller (an import rotates only once it has
    committed, so a failed import never costs an older backup).
    """
    folder = to_dir or store.backup_dir
    folder.mkdir(parents=True, exist_ok=True)
    if to_dir is not None:  # a folder of the user's choosing: only our own names
        remove_abandoned_partials(folder, (".reviewtool-",))
    target = backup_sqlite(store.database, free_backup_name(folder, reason, ".sqlite3"))
    if reason != "manual" and rotate:
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
    return snapshot_sqlite(store, reason=reason)


def rotate_backups(folder: Path, keep: int = KEEP_AUTOMATIC) -> list[Path]:
    """Delete the oldest automatic backups beyond ``keep``; manual ones are never deleted."""
    automatic = sorted(
        (
            p
            for p in folder.iterdir()
            if (m := BACKUP_NAME.match(p.name)) and m["reason"] != "manual"
        ),
        key=lambda p: p.name,
    )
    removed = automatic[:-keep] if len(automatic) > keep else []
    for path in removed:
        path.unlink(missing_ok=True)
    return removed
