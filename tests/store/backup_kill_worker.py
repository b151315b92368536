"""Starts a backup and stops just before it is finished, waiting to be killed (for tests)."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import reviewtool.db.backup as low_level
from reviewtool.services.safety.backups import make_backup
from reviewtool.services.store import open_store


def _hang(_fd: int) -> None:
    print("COPYING", flush=True)
    threading.Event().wait()  # until the test kills this process


def main() -> None:
    database, backups = sys.argv[1], Path(sys.argv[2])
    store = open_store(database, backup_dir=backups)
    low_level.os.fsync = _hang  # type: ignore[attr-defined]
    make_backup(store)


if __name__ == "__main__":
    main()
