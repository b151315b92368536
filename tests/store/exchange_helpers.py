"""Several computers, each with its own database, that exchange bundles."""

from __future__ import annotations

import contextlib
import itertools
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text

from reviewtool.bundle.schema import ReviewRecord
from reviewtool.domain.errors import NotFound
from reviewtool.services.exchange.bundle_export import export_bundle
from reviewtool.services.exchange.bundle_import import ImportReport, import_bundle_files
from reviewtool.services.reviews.conflicts import list_review_conflicts
from reviewtool.services.reviews.editing import get_review, save_review
from reviewtool.services.store import Store, open_store
from tests.conftest import TODAY

_files = itertools.count()


@contextmanager
def _postgres_database(server: str) -> Iterator[str]:
    name = f"rt_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def computers(
    count: int, tmp_path: Path, postgres_server: str | None = None
) -> Iterator[list[Store]]:
    """``count`` computers, each with a database of its own (all SQLite, or all PostgreSQL)."""
    with ExitStack() as stack:
        stores = []
        for number in range(count):
            if postgres_server is None:
                url = str(tmp_path / f"computer{number}.sqlite3")
            else:
                url = stack.enter_context(_postgres_database(postgres_server))
            store = open_store(url, backup_dir=tmp_path / f"backups{number}")
            stack.callback(store.close)
            stores.append(store)
        yield stores


def send(source: Store, target: Store, tmp_path: Path) -> ImportReport:
    """Export everything on ``source`` (identifiers included) and import it on ``target``."""
    path = tmp_path / f"exchange{next(_files)}.rtbundle.json"
    export_bundle(source, path, include_identifiers=True)
    return import_bundle_files(target, [path], today=TODAY)


def edit(store: Store, review_id: str, change: Callable[[ReviewRecord], None]) -> ReviewRecord:
    """Open, change and save a review, as someone would in the editor."""
    loaded = get_review(store, review_id)
    record = loaded.record.model_copy(deep=True)
    change(record)
    return save_review(store, record, loaded.version, today=TODAY).record


def all_texts(store: Store, review_id: str) -> set[str]:
    """Every learning point and summary held for a review: current copy and kept copies."""
    copies: list[ReviewRecord] = []
    with contextlib.suppress(NotFound):  # deleted here: only kept copies remain
        copies.append(get_review(store, review_id).record)
    copies += [c.record for c in list_review_conflicts(store, review_id) if c.record]
    texts: set[str] = set()
    for record in copies:
        texts.update(record.learning)
        if record.summary:
            texts.add(record.summary)
    return texts
