"""Where the program's own files and the user's data live."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _shipped(packaged: str, in_checkout: str) -> Path:
    # Installed: the wheel carries the folder inside the package. Running from a source
    # checkout: the folder sits at the top of the repository (see ARCHITECTURE.md).
    inside = _PACKAGE / packaged
    if inside.is_dir():
        return inside
    return _PACKAGE.parents[1] / in_checkout


def resources_dir() -> Path:
    return _shipped("resources", "resources")


def migrations_dir() -> Path:
    return _shipped("migrations", "db")


def resource(name: str) -> Path:
    return resources_dir() / name


def data_dir() -> Path:
    """The user's data folder; ``REVIEWTOOL_HOME`` moves it (tests, portable installs)."""
    override = os.environ.get("REVIEWTOOL_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("reviewtool", appauthor=False))


def default_database_path() -> Path:
    return data_dir() / "reviewtool.sqlite3"


def default_backup_dir() -> Path:
    return data_dir() / "backups"


@contextmanager
def private_temp_dir() -> Iterator[Path]:
    """A temporary folder only this user can open (0700), removed with all it holds."""
    folder = Path(tempfile.mkdtemp(prefix="reviewtool-"))
    try:
        folder.chmod(0o700)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
