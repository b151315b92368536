"""Encrypting a local database, and changing its passphrase.

Both work on the closed file and bring its backups along, so that no plain copy (or copy
only the old passphrase opens) is left in the backup folder. Open the store again afterwards.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from sqlalchemy import text

from reviewtool.db.cipher import encrypt_file, is_encrypted_file, open_raw, rekey_file, verify_key
from reviewtool.db.identity import database_id_in_file
from reviewtool.domain.errors import DatabaseProblem, InvalidInput
from reviewtool.services.reviews.drafts import encrypt_drafts, reseal_drafts
from reviewtool.services.safety.backups import make_backup
from reviewtool.services.store import Store

MIN_PASSPHRASE = 8


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise InvalidInput(f"a passphrase needs at least {MIN_PASSPHRASE} characters")
    if "\x00" in passphrase:
        raise InvalidInput("a passphrase cannot contain a NUL character")


def _local_file(store: Store) -> Path:
    path = store.database.path
    if path is None:
        raise InvalidInput("only a local database file can be encrypted (a server has its own)")
    return path


def _fold_wal_and_close(store: Store) -> None:
    with store.database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()


def _remove_side_files(path: Path) -> None:
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + suffix).unlink()


def _count_reviews(path: Path, passphrase: str | None) -> int:
    connection = open_raw(path, passphrase)
    try:
        if passphrase is not None:
            verify_key(connection, str(path))
        if connection.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
            raise DatabaseProblem(f"{path} failed its integrity check")
        return int(connection.execute("SELECT count(*) FROM reviews").fetchone()[0])
    finally:
        connection.close()


def encrypt_database(store: Store, passphrase: str) -> int:
    """Encrypt the store's file and its backups; returns how many backups were encrypted."""
    check_new_passphrase(passphrase)
    path = _local_file(store)
    if store.database.encrypted:
        raise InvalidInput(f"{path} is already encrypted; change its passphrase instead")
    make_backup(store, reason="before-encrypt")
    with store.transaction() as session:
        expected = int(session.execute(text("SELECT count(*) FROM reviews")).scalar_one())
        review_ids = set(session.scalars(text("SELECT id FROM reviews")))
    backup_dir = store.backup_dir
    own_id = store.database_id
    _fold_wal_and_close(store)
    encrypted = path.with_name(f".{path.name}.encrypting")
    encrypt_file(path, encrypted, passphrase)
    if _count_reviews(encrypted, passphrase) != expected:
        encrypted.unlink(missing_ok=True)
        raise DatabaseProblem("The encrypted copy did not match the database; nothing changed.")
    encrypted.replace(path)
    _remove_side_files(path)
    done = 0
    for backup in _own_backups(backup_dir, own_id, None):
        if not is_encrypted_file(backup):
            encrypt_file(backup, backup, passphrase)
            done += 1
    encrypt_drafts(review_ids, passphrase)  # no plain copy of its text is left behind
    return done


def _own_backups(folder: Path, own_id: str | None, passphrase: str | None) -> list[Path]:
    """The backups in the database's own folder that say they are of this database.

    Anything else (a file another database left there, one the passphrase does not open)
    is left exactly as it is: it may be restorable only as it stands.
    """
    if own_id is None or not folder.is_dir():
        return []
    own = []
    for backup in sorted(folder.glob("*.sqlite3")):
        key = passphrase if is_encrypted_file(backup) else None
        if is_encrypted_file(backup) and passphrase is None:
            continue
        try:
            connection = open_raw(backup, key, read_only=key is None)
        except Exception:  # sqlite3 / SQLCipher errors: not a readable backup
            continue
        try:
            if database_id_in_file(connection) == own_id:
                own.append(backup)
        finally:
            connection.close()
    return own


def change_passphrase(store: Store, new_passphrase: str) -> int:
    """Rekey the store's file and every backup the old passphrase opens; returns that count."""
    check_new_passphrase(new_passphrase)
    path = _local_file(store)
    old = store.database.passphrase
    if old is None:
        raise InvalidInput(f"{path} is not encrypted; encrypt it first")
    backup_dir = store.backup_dir
    own = _own_backups(backup_dir, store.database_id, old)
    _fold_wal_and_close(store)
    rekey_file(path, old, new_passphrase)
    _remove_side_files(path)
    done = 0
    for backup in own:
        try:
            rekey_file(backup, old if is_encrypted_file(backup) else None, new_passphrase)
            done += 1
        except DatabaseProblem:
            continue  # made under an even older passphrase: it stays as it was
    reseal_drafts(old, new_passphrase)
    return done
