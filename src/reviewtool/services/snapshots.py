"""Snapshots of a local SQLite database, taken before a risky step or on request.

The naming and rotation rules of the backup folder live here, below every user action, so
that an import can take its snapshot just before it commits without importing the backup
and restore feature (which, on a server, writes a bundle and so sits above exchange).
"""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reviewtool.db.backup import backup_sqlite
from reviewtool.services.store import Store

KEEP_AUTOMATIC = 20
BACKUP_NAME = re.compile(
    r"^reviewtool-\d{8}-\d{6}(-\d+)?-(?P<reason>[a-z-]+)\.(sqlite3|rtbundle\.json)$"
)


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S")


def free_backup_name(folder: Path, reason: str, suffix: str) -> Path:
    stamp = _stamp()
    candidate = folder / f"reviewtool-{stamp}-{reason}{suffix}"
    counter = 1
    while candidate.exists():
        candidate = folder / f"reviewtool-{stamp}-{counter}-{reason}{suffix}"
        counter += 1
    return candidate


def snapshot_sqlite(store: Store, to_dir: Path | None = None, reason: str = "manual") -> Path:
    """Copy the local database with SQLite's online backup API; rotate automatic ones."""
    folder = to_dir or store.backup_dir
    folder.mkdir(parents=True, exist_ok=True)
    target = backup_sqlite(store.database, free_backup_name(folder, reason, ".sqlite3"))
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
