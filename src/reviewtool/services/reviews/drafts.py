"""Autosaved drafts of reviews being edited: a crash or a refused save never loses text.

Drafts are small files in the user's data folder, written atomically (owner-only, 0600), and
removed once the review is saved. A draft of an encrypted database's review is encrypted
with a key derived from that database's passphrase (scrypt, then Fernet: AES with an HMAC),
so no plain copy of its text is ever written; ``encrypt_drafts`` converts the plain drafts
a database had before it was encrypted.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from reviewtool.bundle.schema import ReviewRecord
from reviewtool.bundle.write import write_text_atomically
from reviewtool.paths import data_dir

MAGIC = b"RTDRAFT1"
SALT_BYTES = 16
_SESSION_SALT = os.urandom(SALT_BYTES)
"""One salt per run, so the (deliberately slow) key derivation runs once per passphrase."""


def drafts_dir() -> Path:
    folder = data_dir() / "drafts"
    folder.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        folder.chmod(0o700)
    return folder


def _plain_path(review_id: str) -> Path:
    return drafts_dir() / f"{review_id}.json"


def _sealed_path(review_id: str) -> Path:
    return drafts_dir() / f"{review_id}.draft"


@lru_cache(maxsize=8)
def _key(passphrase: str, salt: bytes) -> bytes:
    derived = hashlib.scrypt(passphrase.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return base64.urlsafe_b64encode(derived)


def _seal(text: str, passphrase: str) -> bytes:
    from cryptography.fernet import Fernet

    token = Fernet(_key(passphrase, _SESSION_SALT)).encrypt(text.encode("utf-8"))
    return MAGIC + _SESSION_SALT + token


def _unseal(data: bytes, passphrase: str) -> str | None:
    from cryptography.fernet import Fernet, InvalidToken

    if not data.startswith(MAGIC):
        return None
    salt = data[len(MAGIC) : len(MAGIC) + SALT_BYTES]
    try:
        return Fernet(_key(passphrase, salt)).decrypt(data[len(MAGIC) + SALT_BYTES :]).decode()
    except (InvalidToken, UnicodeDecodeError):
        return None


def _write_private(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def save_draft(record: ReviewRecord, passphrase: str | None = None) -> Path:
    """Keep the text being edited; encrypted when the database is (``passphrase``)."""
    if passphrase is None:
        path = _plain_path(record.id)
        write_text_atomically(path, record.model_dump_json())
        return path
    path = _sealed_path(record.id)
    _write_private(path, _seal(record.model_dump_json(), passphrase))
    _plain_path(record.id).unlink(missing_ok=True)
    return path


def load_draft(review_id: str, passphrase: str | None = None) -> ReviewRecord | None:
    try:
        if passphrase is None:
            path = _plain_path(review_id)
            if not path.exists():
                return None
            text: str | None = path.read_text(encoding="utf-8")
        else:
            path = _sealed_path(review_id)
            if not path.exists():
                return None
            text = _unseal(path.read_bytes(), passphrase)
        if text is None:
            return None
        return ReviewRecord.model_validate_json(text)
    except (ValidationError, OSError, UnicodeDecodeError):
        return None


def discard_draft(review_id: str) -> None:
    for path in (_plain_path(review_id), _sealed_path(review_id)):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def encrypt_drafts(review_ids: set[str], passphrase: str) -> int:
    """Encrypt the plain drafts of these reviews (a database just encrypted); returns how many.

    Drafts of other reviews (another database's) are left as they are.
    """
    folder = data_dir() / "drafts"
    if not folder.is_dir():
        return 0
    done = 0
    for path in sorted(folder.glob("*.json")):
        if path.stem not in review_ids:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            path.unlink(missing_ok=True)  # unreadable: it cannot be kept in the plain
            continue
        _write_private(_sealed_path(path.stem), _seal(text, passphrase))
        path.unlink(missing_ok=True)
        done += 1
    return done


def reseal_drafts(old: str, new: str) -> int:
    """Encrypt again with a new passphrase the drafts the old one opens; returns how many."""
    folder = data_dir() / "drafts"
    if not folder.is_dir():
        return 0
    done = 0
    for path in sorted(folder.glob("*.draft")):
        try:
            text = _unseal(path.read_bytes(), old)
        except OSError:
            continue
        if text is not None:  # another database's draft: not this passphrase's to change
            _write_private(path, _seal(text, new))
            done += 1
    return done
