"""Fixtures: every test gets a fresh database, SQLite or a real PostgreSQL server."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from reviewtool.db.identity import DATABASE_ID_KEY
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


def _create_database(server: str, name: str, template: str | None = None) -> str:
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            copy = f' TEMPLATE "{template}"' if template else ""
            connection.execute(text(f'CREATE DATABASE "{name}"{copy}'))
    finally:
        admin.dispose()
    return server.rsplit("/", 1)[0] + f"/{name}"


def _drop_database(server: str, name: str) -> None:
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A new, empty database on the test server."""
    name = f"rt_{uuid.uuid4().hex[:12]}"
    yield _create_database(postgres_server, name)
    _drop_database(postgres_server, name)


_FORGET_DATABASE_ID = f"DELETE FROM settings WHERE key = '{DATABASE_ID_KEY}'"
"""Each copy of a template is a database of its own: it records its own id when opened."""


@pytest.fixture(scope="session")
def _postgres_template(postgres_server: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database migrated once per test run, copied for each test (CREATE ... TEMPLATE)."""
    name = "rt_template"
    url = _create_database(postgres_server, name)
    with _private_home(tmp_path_factory):
        open_store(url, backup_dir=tmp_path_factory.mktemp("pg-template")).close()
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(text(_FORGET_DATABASE_ID))
    finally:
        engine.dispose()
    return name


@pytest.fixture
def postgres_migrated_url(postgres_server: str, _postgres_template: str) -> Iterator[str]:
    """A new database with the current schema and built-in codebook, as a new one is opened."""
    name = f"rt_{uuid.uuid4().hex[:12]}"
    yield _create_database(postgres_server, name, template=_postgres_template)
    _drop_database(postgres_server, name)


@contextmanager
def _private_home(factory: pytest.TempPathFactory) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REVIEWTOOL_HOME", str(factory.mktemp("template-home")))
        patch.setenv("REVIEWTOOL_USER", "test.user")
        patch.delenv("REVIEWTOOL_DB", raising=False)
        yield


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated once per test run; each test gets a copy of it."""
    folder = tmp_path_factory.mktemp("sqlite-template")
    path = folder / "template.sqlite3"
    with _private_home(tmp_path_factory):
        open_store(str(path), backup_dir=folder / "backups").close()
    with sqlite3.connect(path) as connection:
        connection.execute(_FORGET_DATABASE_ID)
    connection.close()
    leftovers = [p.name for p in folder.glob("template.sqlite3-*")]
    assert not leftovers, f"the template was not closed cleanly: {leftovers}"
    return path


def new_sqlite_database(template: Path, folder: Path) -> Path:
    """A fresh database file, the same as a newly created one, without migrating again."""
    target = folder / "reviews.sqlite3"
    shutil.copyfile(template, target)
    return target


@pytest.fixture
def sqlite_store(tmp_path: Path, _sqlite_template: Path) -> Iterator[Store]:
    path = new_sqlite_database(_sqlite_template, tmp_path)
    store = open_store(str(path), backup_dir=tmp_path / "backups")
    yield store
    store.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The same test on a local SQLite file and on a PostgreSQL server."""
    if request.param == "sqlite":
        url = str(new_sqlite_database(request.getfixturevalue("_sqlite_template"), tmp_path))
    else:
        url = request.getfixturevalue("postgres_migrated_url")
    opened = open_store(url, backup_dir=tmp_path / "backups")
    yield opened
    opened.close()
