"""Kill the program at random moments: the database stays sound and keeps what it said it saved."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reviewtool.domain.enums import ReviewKind
from reviewtool.services.reviews.editing import create_review, new_review_record
from reviewtool.services.store import open_store

ROOT = Path(__file__).resolve().parents[2]
KILLS = 50


@pytest.mark.slow
def test_sigkill_during_saves_and_imports_loses_nothing_reported_saved(tmp_path: Path) -> None:
    database = tmp_path / "crash.sqlite3"
    store = open_store(str(database), backup_dir=tmp_path / "backups")
    record = new_review_record(ReviewKind.RAPID_REVIEW, "CRASH-TARGET", "Child Z")
    create_review(store, record.model_copy(update={"summary": "0 saves"}))
    store.close()
    rng = random.Random(20261121)
    reported_saves = 0
    reported_imports: set[str] = set()
    environment = {
        **os.environ,
        "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    }
    for attempt in range(KILLS):
        worker = subprocess.Popen(
            [sys.executable, "-m", "tests.store.crash_worker", str(database), "CRASH-TARGET"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=environment,
        )
        # Wait until it is at work (its first save is reported), then kill it at a random
        # moment: inside a save, an import, a commit or between them.
        assert worker.stdout is not None
        first = worker.stdout.readline()
        assert first.startswith("SAVED"), (first, worker.stderr.read() if worker.stderr else "")
        time.sleep(rng.random() * 0.4)
        worker.send_signal(signal.SIGKILL)
        out, err = worker.communicate(timeout=30)
        assert worker.returncode == -signal.SIGKILL, err
        for line in [first, *out.splitlines()]:
            kind, _, value = line.partition(" ")
            if kind == "SAVED":
                reported_saves = max(reported_saves, int(value))
            elif kind == "IMPORTED":
                reported_imports.add(value)

        with sqlite3.connect(database) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)], attempt
            summary = connection.execute(
                "SELECT summary FROM reviews WHERE reference = 'CRASH-TARGET'"
            ).fetchone()[0]
            stored_ids = {row[0] for row in connection.execute("SELECT id FROM reviews")}
        assert int(summary.split()[0]) >= reported_saves, (attempt, summary, reported_saves)
        assert reported_imports <= stored_ids, attempt
    assert reported_saves >= KILLS  # every kill came after at least one save
    assert reported_imports
