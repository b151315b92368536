"""Fixtures: every test gets a fresh database, SQLite or a real PostgreSQL server."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from reviewtool.services.store import Store, open_store
from tests.postgres_server import running_server

TODAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user data folder; never pick up a user's database setting."""
    monkeypatch.setenv("REVIEWTOOL_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("REVIEWTOOL_DB", raising=False)
    monkeypatch.setenv("REVIEWTOOL_USER", "test.user")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    with running_server() as url:
        yield url


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A new, empty database on the test server."""
    name = f"rt_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield postgres_server.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    store = open_store(str(tmp_path / "reviews.sqlite3"), backup_dir=tmp_path / "backups")
    yield store
    store.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The same test on a local SQLite file and on a PostgreSQL server."""
    if request.param == "sqlite":
        url = str(tmp_path / "reviews.sqlite3")
    else:
        url = request.getfixturevalue("postgres_url")
    opened = open_store(url, backup_dir=tmp_path / "backups")
    yield opened
    opened.close()
