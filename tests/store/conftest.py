"""Fixtures shared by the database-backed tests."""

from __future__ import annotations

import pytest

from reviewtool.bundle.read import parse_bundle_bytes
from reviewtool.services.exchange.bundle_import import import_bundles, known_codes
from reviewtool.services.store import Store
from tests.bundle_samples import dumps, valid_bundle
from tests.store.test_thematic_analysis import FIXTURE, TODAY


@pytest.fixture
def fixture_store(sqlite_store: Store) -> Store:
    bundle = parse_bundle_bytes(
        dumps(valid_bundle(reviews=FIXTURE, briefings=[])), known_codes(sqlite_store), TODAY
    )
    import_bundles(sqlite_store, [bundle])
    return sqlite_store
