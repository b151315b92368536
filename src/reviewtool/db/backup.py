"""Consistent copies of a live SQLite database, made with SQLite's online backup API.

A copy of an encrypted database is encrypted with the same passphrase. A copy is written to
a ``.partial`` file named after the process writing it, then renamed; a process killed half
way leaves that file behind, and :func:`remove_abandoned_partials` clears it on a later start.
"""

from __future__ import annotations

import os
import re
import secrets
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reviewtool.db.cipher import SQLITE_HEADER, WrongPassphrase, is_encrypted_file, verify_key
from reviewtool.db.engine import Database
from reviewtool.db.identity import database_id_in_file
from reviewtool.domain.errors import DatabaseProblem, InvalidInput

PARTIAL = re.compile(r"^\..+?(\.(?P<pid>\d+))?\.partial$")
ABANDONED_AFTER_SECONDS = 3600
"""Where a writer's process cannot be asked about, an untouched ``.partial`` this old is dead."""


def unique_stamp() -> str:
    """UTC time to the millisecond and a short random part: two backups never share a name."""
    now = datetime.now(UTC)
    return f"{now:%Y%m%d-%H%M%S}-{now.microsecond // 1000:03d}-{secrets.token_hex(3)}"


def _process_alive(pid: int) -> bool | None:
    """Whether process ``pid`` is running; ``None`` where that cannot be asked safely."""
    if sys.platform == "win32":
        return None  # os.kill would end the process there
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return None
    return True


def remove_abandoned_partials(folder: Path, prefixes: tuple[str, ...] = (".",)) -> list[Path]:
    """Delete the half-written copies a killed backup left in ``folder``; returns them.

    Only names starting with one of ``prefixes`` are considered: in a folder of the user's
    own (beside the database), another program's ``.partial`` file is never touched.
    """
    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for path in entries:
        match = PARTIAL.match(path.name)
        if match is None or not path.name.startswith(prefixes) or not path.is_file():
            continue
        pid = int(match["pid"]) if match["pid"] else None
        alive = _process_alive(pid) if pid is not None else None
        if pid == os.getpid():
            continue
        if alive is None:
            try:
                alive = time.time() - path.stat().st_mtime < ABANDONED_AFTER_SECONDS
            except OSError:
                continue
        if not alive:
            try:
                path.unlink()
            except OSError:
                continue
            removed.append(path)
    return removed


def backup_sqlite(database: Database, target: Path) -> Path:
    """Copy the live database into ``target`` (never half-written: temp file, then rename)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    raw = database.engine.raw_connection()
    try:
        destination = database.open_file(partial)
        try:
            raw.driver_connection.backup(destination)  # type: ignore[union-attr]
            destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            destination.close()
        with partial.open("rb") as stream:
            os.fsync(stream.fileno())
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise DatabaseProblem(f"Could not write the backup {target}: {error.strerror}") from None
    except Exception as error:  # sqlite3/SQLCipher: disk full, I/O error while copying
        partial.unlink(missing_ok=True)
        if type(error).__module__.split(".")[0] in ("sqlite3", "sqlcipher3"):
            raise DatabaseProblem(
                f"Could not write the backup {target} ({_first_line(error)}); nothing was changed."
            ) from None
        raise
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        raw.close()
    return target


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0][:200] if lines else type(error).__name__


def _open_backup(database: Database, path: Path) -> Any:
    if not path.is_file():
        raise InvalidInput(f"{path}: no such backup file")
    if database.encrypted:
        if not is_encrypted_file(path):
            raise InvalidInput(f"{path} is not an encrypted backup of this database")
        connection = database.open_file(path)
        try:
            verify_key(connection, str(path))
        except WrongPassphrase:
            connection.close()
            raise InvalidInput(
                f"{path} was encrypted with another passphrase; it cannot be restored here"
            ) from None
        return connection
    with path.open("rb") as stream:
        if stream.read(16) != SQLITE_HEADER:
            raise InvalidInput(f"{path} is not a reviewtool backup (not a SQLite database)")
    return database.open_file(path, read_only=True)


def check_sqlite_file(database: Database, path: Path) -> None:
    """Refuse anything that is not a readable, intact backup of this kind of database."""
    connection = _open_backup(database, path)
    try:
        verdict = [row[0] for row in connection.execute("PRAGMA quick_check").fetchall()]
    except Exception as error:  # sqlite3 and SQLCipher raise their own DatabaseError
        raise InvalidInput(f"{path} is damaged: {error}") from None
    finally:
        connection.close()
    if verdict != ["ok"]:
        raise InvalidInput(f"{path} failed its integrity check: {'; '.join(verdict[:3])}")


def schema_revision_of(database: Database, path: Path) -> str | None:
    connection = _open_backup(database, path)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except Exception:
        return None
    finally:
        connection.close()
    return str(row[0]) if row else None


def restore_sqlite(database: Database, source: Path) -> None:
    """Replace the live database's contents with ``source`` page by page."""
    engine = database.engine
    engine.dispose()
    raw = engine.raw_connection()
    try:
        origin = database.open_file(source, read_only=True)
        try:
            origin.backup(raw.driver_connection)
        finally:
            origin.close()
    finally:
        raw.close()
        engine.dispose()


@dataclass(frozen=True)
class BackupFacts:
    """What a backup file says about itself: whose it is and how much it holds."""

    database_id: str | None
    reviews: int | None


def backup_facts(database: Database, path: Path) -> BackupFacts:
    connection = _open_backup(database, path)
    try:
        owner = database_id_in_file(connection)
        try:
            reviews: int | None = int(
                connection.execute("SELECT count(*) FROM reviews").fetchone()[0]
            )
        except Exception:  # no reviews table: not a reviewtool backup (refused elsewhere)
            reviews = None
    finally:
        connection.close()
    return BackupFacts(owner, reviews)


def copy_backup_into(database: Database, source: Path, target: Path) -> None:
    """Write ``source`` as the new file ``target`` (keyed like ``database``), atomically."""
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    try:
        origin = database.open_file(source, read_only=True)
        try:
            destination = database.open_file(partial)
            try:
                origin.backup(destination)
                destination.execute("PRAGMA journal_mode = DELETE")
            finally:
                destination.close()
        finally:
            origin.close()
        with partial.open("rb") as stream:
            os.fsync(stream.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
