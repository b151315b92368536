"""Encrypted local databases (SQLCipher 4) and the plain ones, opened the same way.

SQLCipher encrypts every page of the database file and of its WAL; a copy made with the
backup API into a keyed file is encrypted with the same key.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from reviewtool.domain.errors import DatabaseProblem

SQLITE_HEADER = b"SQLite format 3\x00"


class PassphraseNeeded(DatabaseProblem):
    """The database is encrypted and no passphrase was given."""


class WrongPassphrase(DatabaseProblem):
    """The passphrase given does not open the database."""


def cipher_module() -> Any:
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        raise DatabaseProblem(
            "Encrypted databases need the sqlcipher3 package, which is not installed."
        ) from None
    return dbapi2


def quoted(passphrase: str) -> str:
    """A passphrase as an SQL string literal (PRAGMA key takes no bound parameters)."""
    if "\x00" in passphrase:
        raise DatabaseProblem("A passphrase cannot contain a NUL character.")
    return "'" + passphrase.replace("'", "''") + "'"


def apply_key(connection: Any, passphrase: str) -> None:
    """Key a fresh SQLCipher connection; must come before anything else touches the file."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA cipher_log_level = NONE")  # no noise on stderr for a wrong key
    cursor.execute(f"PRAGMA key = {quoted(passphrase)}")
    cursor.close()


def is_encrypted_file(path: Path) -> bool:
    """True for an existing, non-empty file that is not a plain SQLite database."""
    if not path.is_file() or path.stat().st_size == 0:
        return False
    with path.open("rb") as stream:
        return stream.read(16) != SQLITE_HEADER


def open_raw(path: Path | str, passphrase: str | None, read_only: bool = False) -> Any:
    """A DB-API connection to a database file: sqlite3 when plain, SQLCipher when keyed."""
    if passphrase is None:
        if read_only:
            return sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        return sqlite3.connect(path)
    connection = cipher_module().connect(str(path))
    apply_key(connection, passphrase)
    return connection


def verify_key(connection: Any, where: str) -> None:
    """Raise :class:`WrongPassphrase` if the keyed connection cannot read the file."""
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except Exception as error:  # SQLCipher raises its own DatabaseError class
        if "not a database" in str(error):
            raise WrongPassphrase(
                f"The passphrase does not open {where}. Check it and try again."
            ) from None
        raise


def encrypt_file(plain: Path, target: Path, passphrase: str) -> None:
    """Write an encrypted copy of a plain database (sqlcipher_export), never half a file."""
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    connection = cipher_module().connect(str(plain))
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(
            f"ATTACH DATABASE ? AS encrypted KEY {quoted(passphrase)}", (str(partial),)
        )
        connection.execute("SELECT sqlcipher_export('encrypted')")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        connection.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        connection.execute("DETACH DATABASE encrypted")
    finally:
        connection.close()
    with partial.open("rb") as stream:
        os.fsync(stream.fileno())
    os.replace(partial, target)


def rekey_file(path: Path, old: str | None, new: str) -> None:
    """Change the passphrase of an encrypted file (or encrypt a plain one in place)."""
    if old is None:
        encrypt_file(path, path, new)
        return
    connection = open_raw(path, old)
    try:
        verify_key(connection, str(path))
        connection.execute(f"PRAGMA rekey = {quoted(new)}")
    finally:
        connection.close()
