"""What each identifier is travels in a bundle as ``identifier_kinds``; bad ones are refused
with the field named, and bundles without them import as before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reviewtool.bundle.errors import BundleError
from reviewtool.domain.identifier_kinds import IdentifierKind
from reviewtool.services.exchange.bundle_import import import_bundle_files
from reviewtool.services.reviews.editing import get_review
from reviewtool.services.store import Store
from tests.bundle_samples import dumps, mutated
from tests.conftest import TODAY


def _write(tmp_path: Path, document: dict[str, Any]) -> Path:
    path = tmp_path / "b.rtbundle.json"
    path.write_bytes(dumps(document))
    return path


@pytest.mark.parametrize(
    ("kinds", "message"),
    [
        (["child", "parent"], "reviews[0].identifier_kinds: must have one entry per identifier"),
        (["cousin"], "reviews[0].identifier_kinds[0]"),
    ],
)
def test_bad_kinds_are_refused(
    sqlite_store: Store, tmp_path: Path, kinds: list[str], message: str
) -> None:
    document = mutated(lambda b: b["reviews"][0].update({"identifier_kinds": kinds}))
    with pytest.raises(BundleError) as error:
        import_bundle_files(sqlite_store, [_write(tmp_path, document)], today=TODAY)
    assert message in str(error.value)


def test_kinds_import_and_older_bundles_count_as_other(sqlite_store: Store, tmp_path: Path) -> None:
    document = mutated(lambda b: b["reviews"][0].update({"identifier_kinds": ["child"]}))
    import_bundle_files(sqlite_store, [_write(tmp_path, document)], today=TODAY)
    reference = document["reviews"][0]["reference"]
    assert get_review(sqlite_store, reference).record.identifier_kinds == [IdentifierKind.CHILD]

    older = mutated(lambda b: b["reviews"][0].update({"updated_at": "2026-11-20T10:00:00Z"}))
    older["reviews"][0].pop("identifier_kinds", None)
    import_bundle_files(sqlite_store, [_write(tmp_path, older)], today=TODAY)
    assert get_review(sqlite_store, reference).record.identifier_kinds == [IdentifierKind.OTHER]
