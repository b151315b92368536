"""Keeping the data safe: backups, restores and encryption of the local file.

The public functions are loaded on first use (PEP 562), so importing the package costs
nothing at start-up.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reviewtool.services.safety.backups import backup_if_due as backup_if_due
    from reviewtool.services.safety.backups import make_backup as make_backup
    from reviewtool.services.safety.backups import restore_backup as restore_backup
    from reviewtool.services.safety.encryption import change_passphrase as change_passphrase
    from reviewtool.services.safety.encryption import check_new_passphrase as check_new_passphrase
    from reviewtool.services.safety.encryption import encrypt_database as encrypt_database

_HOME = {
    "make_backup": "backups",
    "restore_backup": "backups",
    "backup_if_due": "backups",
    "encrypt_database": "encryption",
    "change_passphrase": "encryption",
    "check_new_passphrase": "encryption",
}
__all__ = sorted(_HOME)


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOME[name]}"), name)
