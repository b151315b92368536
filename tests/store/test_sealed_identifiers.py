"""Identifiers between laptops: sealed with a shared passphrase, or the receiving side is
told that they were left behind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewtool.domain.errors import InvalidInput
from reviewtool.domain.identifier_kinds import IdentifierKind
from reviewtool.paths import resource
from reviewtool.services.audit import review_audit_trail
from reviewtool.services.exchange.bundle_export import export_bundle
from reviewtool.services.exchange.bundle_import import import_bundle_files
from reviewtool.services.outputs.publication import identifiers_of
from reviewtool.services.reviews.editing import get_review
from reviewtool.services.store import Store, open_store
from tests.conftest import TODAY

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def other(tmp_path: Path) -> Store:
    store = open_store(str(tmp_path / "other.sqlite3"), backup_dir=tmp_path / "other-backups")
    yield store  # type: ignore[misc]
    store.close()


def _demo(store: Store) -> None:
    import_bundle_files(store, [resource("demo.rtbundle.json")], today=TODAY)


def test_sealed_identifiers_travel_and_open_with_the_passphrase(
    store: Store, other: Store, tmp_path: Path
) -> None:
    _demo(store)
    out = tmp_path / "sealed.rtbundle.json"
    export_bundle(store, out, identifiers_passphrase=PASSPHRASE)
    text = out.read_text(encoding="utf-8")
    assert "Jayden" not in text and "Oak Road" not in text and "Wiśniewska" not in text
    document = json.loads(text)
    assert "identifiers" not in document["reviews"][0]
    assert document["sealed_identifiers"]["cipher"] == "AES-256-GCM"

    report = import_bundle_files(other, [out], today=TODAY, identifiers_passphrase=PASSPHRASE)
    assert report.identifiers_unsealed == 18 and report.identifiers_left_behind == []
    record = get_review(other, "NSP-RR-2021-03").record
    assert record.identifiers == ["Jayden Smith", "14 Oak Road"]
    assert record.identifier_kinds == [IdentifierKind.CHILD, IdentifierKind.ADDRESS]
    assert sorted(identifiers_of(other, None)) == sorted(identifiers_of(store, None))
    # The trail says identifiers arrived, never what they are.
    trail = review_audit_trail(other, record.id)
    assert any(e.field == "identifiers" and e.new_value == "2 identifiers" for e in trail)
    assert not any("Jayden" in (e.new_value or "") for e in trail)


def test_without_the_passphrase_the_receiver_is_told(
    sqlite_store: Store, other: Store, tmp_path: Path
) -> None:
    _demo(sqlite_store)
    out = tmp_path / "sealed.rtbundle.json"
    export_bundle(sqlite_store, out, identifiers_passphrase=PASSPHRASE)
    report = import_bundle_files(other, [out], today=TODAY)
    assert report.sealed_not_opened == 18
    message = report.describe()
    assert "The identifiers of 18 reviews are sealed in the bundle and were left behind" in message
    assert "arrived without identifiers" not in message
    assert get_review(other, "NSP-RR-2021-03").record.identifiers == []

    # Importing again with the passphrase brings them (the reviews themselves are unchanged).
    again = import_bundle_files(other, [out], today=TODAY, identifiers_passphrase=PASSPHRASE)
    assert again.unchanged == 18
    assert get_review(other, "NSP-RR-2021-03").record.identifiers == ["Jayden Smith", "14 Oak Road"]


def test_a_wrong_passphrase_imports_nothing(
    sqlite_store: Store, other: Store, tmp_path: Path
) -> None:
    _demo(sqlite_store)
    out = tmp_path / "sealed.rtbundle.json"
    export_bundle(sqlite_store, out, identifiers_passphrase=PASSPHRASE)
    with pytest.raises(InvalidInput, match="passphrase is wrong"):
        import_bundle_files(other, [out], today=TODAY, identifiers_passphrase="not the one")
    from reviewtool.services.reviews.listing import count_reviews

    assert count_reviews(other) == 0


def test_a_plain_bundle_without_identifiers_is_reported(
    sqlite_store: Store, other: Store, tmp_path: Path
) -> None:
    _demo(sqlite_store)
    out = tmp_path / "plain.rtbundle.json"
    export_bundle(sqlite_store, out, ["NSP-RR-2021-03", "NSP-RR-2022-01"])
    report = import_bundle_files(other, [out], today=TODAY)
    assert report.identifiers_left_behind == ["NSP-RR-2021-03", "NSP-RR-2022-01"]
    assert (
        "2 reviews arrived without identifiers (left behind on the sending side): "
        "NSP-RR-2021-03, NSP-RR-2022-01" in report.describe()
    )


def test_sealing_and_plain_identifiers_are_not_mixed(sqlite_store: Store, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="either"):
        export_bundle(
            sqlite_store,
            tmp_path / "x.rtbundle.json",
            include_identifiers=True,
            identifiers_passphrase=PASSPHRASE,
        )


def test_a_large_bundle_read_as_a_stream_unseals_too(
    sqlite_store: Store, other: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewtool.bundle import stream

    _demo(sqlite_store)
    out = tmp_path / "sealed.rtbundle.json"
    export_bundle(sqlite_store, out, identifiers_passphrase=PASSPHRASE)
    monkeypatch.setattr(stream, "STREAM_FROM_BYTES", 1)
    report = import_bundle_files(other, [out], today=TODAY, identifiers_passphrase=PASSPHRASE)
    assert report.identifiers_unsealed == 18
    assert get_review(other, "NSP-RR-2022-01").record.identifiers == ["Zofia Wiśniewska"]
