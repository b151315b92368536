"""Identifiers sealed inside a bundle with a passphrase both laptops know.

The reviews of such a bundle carry no identifiers; a separate ``sealed_identifiers`` part
holds them, encrypted with AES-256-GCM under a key derived from the passphrase by scrypt.
Without the passphrase the part is useless; with a wrong one it cannot be opened (GCM
authenticates), and nothing is imported.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass

from reviewtool.bundle.schema import SealedIdentifiers
from reviewtool.domain.errors import InvalidInput
from reviewtool.domain.identifier_kinds import IdentifierKind

SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
_ASSOCIATED = b"reviewtool.bundle sealed_identifiers v1"


@dataclass(frozen=True)
class ReviewIdentifiers:
    values: list[str]
    kinds: list[IdentifierKind]


def _key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def seal_identifiers(
    identifiers: dict[str, ReviewIdentifiers], passphrase: str
) -> SealedIdentifiers:
    """``identifiers`` by review id, encrypted with ``passphrase``."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not passphrase:
        raise InvalidInput("the identifiers passphrase is empty")
    payload = json.dumps(
        {
            review_id: {"identifiers": entry.values, "kinds": [k.value for k in entry.kinds]}
            for review_id, entry in identifiers.items()
        },
        ensure_ascii=False,
    ).encode("utf-8")
    salt, nonce = os.urandom(16), os.urandom(12)
    key = _key(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    data = AESGCM(key).encrypt(nonce, payload, _ASSOCIATED)
    return SealedIdentifiers(
        cipher="AES-256-GCM",
        kdf="scrypt",
        n=SCRYPT_N,
        r=SCRYPT_R,
        p=SCRYPT_P,
        salt=_b64(salt),
        nonce=_b64(nonce),
        data=_b64(data),
        reviews=len(identifiers),
    )


def open_sealed(sealed: SealedIdentifiers, passphrase: str) -> dict[str, ReviewIdentifiers]:
    """The identifiers by review id; :class:`InvalidInput` if the passphrase is wrong or the
    part is damaged."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        salt = base64.b64decode(sealed.salt, validate=True)
        nonce = base64.b64decode(sealed.nonce, validate=True)
        data = base64.b64decode(sealed.data, validate=True)
        key = _key(passphrase, salt, sealed.n, sealed.r, sealed.p)
        payload = json.loads(AESGCM(key).decrypt(nonce, data, _ASSOCIATED).decode("utf-8"))
        return {
            str(review_id): ReviewIdentifiers(
                [str(value) for value in entry["identifiers"]],
                [IdentifierKind(kind) for kind in entry["kinds"]],
            )
            for review_id, entry in payload.items()
        }
    except InvalidTag:
        raise InvalidInput(
            "sealed_identifiers: the identifiers passphrase is wrong (or the file was "
            "changed); nothing was imported"
        ) from None
    except (ValueError, KeyError, TypeError, AttributeError):
        raise InvalidInput("sealed_identifiers: the sealed part is damaged") from None
