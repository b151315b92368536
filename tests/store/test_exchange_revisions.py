"""Computers that exchange bundles never silently overwrite each other (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewtool.bundle.errors import BundleError
from reviewtool.bundle.schema import ReviewRecord
from reviewtool.domain.enums import ReviewKind
from reviewtool.domain.errors import NotFound
from reviewtool.services.exchange.bundle_import import import_bundle_files
from reviewtool.services.reviews.conflicts import (
    differences,
    list_review_conflicts,
    merged_record,
    resolve_review_conflict,
)
from reviewtool.services.reviews.editing import (
    create_review,
    delete_review,
    get_review,
    new_review_record,
)
from reviewtool.services.store import Store
from tests.bundle_samples import REVIEW_ID, dumps, valid_bundle, valid_review
from tests.conftest import TODAY
from tests.store.exchange_helpers import all_texts, computers, edit, send


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def three(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[list[Store]]:
    """Three computers, each with its own database, on SQLite or on PostgreSQL."""
    server = None if request.param == "sqlite" else request.getfixturevalue("postgres_server")
    with computers(3, tmp_path, server) as stores:
        yield stores


def _shared_review(a: Store, others: list[Store], tmp_path: Path) -> str:
    created = create_review(a, new_review_record(ReviewKind.CSPR, "CSPR-2026-01", "Child K"))
    for other in others:
        send(a, other, tmp_path)
    return created.record.id


def _add_learning(text: str):
    return lambda record: record.learning.append(text)


def _set_summary(text: str):
    return lambda record: setattr(record, "summary", text)


def test_both_edited_is_a_conflict_that_keeps_both_copies(
    three: list[Store], tmp_path: Path
) -> None:
    a, b, _ = three
    review_id = _shared_review(a, [b], tmp_path)
    edit(b, review_id, _add_learning("B's learning point"))
    edit(a, review_id, _set_summary("A's summary, saved later"))

    report = send(a, b, tmp_path)  # A's copy has the later time: it used to win silently
    assert report.updated == 0 and len(report.conflicts) == 1
    assert "both changed" in report.conflicts[0].reason
    assert "CSPR-2026-01" in report.describe()
    current = get_review(b, review_id).record
    assert current.learning == ["B's learning point"] and current.summary is None
    (kept,) = list_review_conflicts(b, review_id)
    assert kept.record is not None and kept.record.summary == "A's summary, saved later"
    assert [d.name for d in differences(current, kept.record)] == ["summary", "learning"]

    again = send(a, b, tmp_path)  # the same copy again: still one conflict kept, not two
    assert len(list_review_conflicts(b, review_id)) == 1
    assert "already kept" in again.conflicts[0].reason


def test_a_descendant_updates_and_an_older_copy_changes_nothing(
    three: list[Store], tmp_path: Path
) -> None:
    a, b, _ = three
    review_id = _shared_review(a, [b], tmp_path)
    edit(a, review_id, _set_summary("Newer on A"))
    report = send(a, b, tmp_path)
    assert (report.updated, report.conflicts) == (1, [])
    assert get_review(b, review_id).record.summary == "Newer on A"

    back = send(b, a, tmp_path)
    assert (back.updated, back.unchanged, back.conflicts) == (0, 1, [])
    edit(b, review_id, _add_learning("B builds on A"))
    assert send(b, a, tmp_path).updated == 1
    assert get_review(a, review_id).record.learning == ["B builds on A"]


def test_resolving_is_accepted_on_both_computers_without_a_new_conflict(
    three: list[Store], tmp_path: Path
) -> None:
    a, b, _ = three
    review_id = _shared_review(a, [b], tmp_path)
    edit(a, review_id, _set_summary("A's summary"))
    edit(b, review_id, _add_learning("B's point"))
    send(a, b, tmp_path)
    send(b, a, tmp_path)  # each now holds the other's copy as a conflict

    loaded = get_review(b, review_id)
    (conflict,) = list_review_conflicts(b, review_id)
    assert conflict.record is not None
    merged = merged_record(loaded.record, conflict.record, {"summary"})
    resolved = resolve_review_conflict(b, conflict.id, merged, loaded.version, today=TODAY)
    assert resolved is not None
    assert (resolved.record.summary, resolved.record.learning) == ("A's summary", ["B's point"])
    assert list_review_conflicts(b, review_id) == []

    report = send(b, a, tmp_path)
    assert (report.updated, report.conflicts) == (1, [])
    assert list_review_conflicts(a, review_id) == []  # settled on A too
    assert get_review(a, review_id).record.learning == ["B's point"]
    assert send(a, b, tmp_path).conflicts == []


def test_a_stale_resolution_is_refused(three: list[Store], tmp_path: Path) -> None:
    a, b, _ = three
    review_id = _shared_review(a, [b], tmp_path)
    edit(a, review_id, _set_summary("A"))
    edit(b, review_id, _set_summary("B"))
    send(a, b, tmp_path)
    loaded = get_review(b, review_id)
    (conflict,) = list_review_conflicts(b, review_id)
    edit(b, review_id, _add_learning("saved meanwhile"))
    with pytest.raises(Exception, match="changed by someone else"):
        resolve_review_conflict(b, conflict.id, loaded.record, loaded.version, today=TODAY)
    assert len(list_review_conflicts(b, review_id)) == 1


def test_a_deletion_travels_and_an_older_copy_does_not_bring_it_back(
    three: list[Store], tmp_path: Path
) -> None:
    a, b, c = three
    review_id = _shared_review(a, [b, c], tmp_path)
    old_copy = tmp_path / "before-deletion.rtbundle.json"
    from reviewtool.services.exchange.bundle_export import export_bundle

    export_bundle(b, old_copy, include_identifiers=True)
    delete_review(a, review_id, get_review(a, review_id).version)

    report = send(a, b, tmp_path)
    assert report.deleted == 1 and report.conflicts == []
    assert "1 deleted" in report.describe()
    with pytest.raises(NotFound):
        get_review(b, review_id)
    again = import_bundle_files(b, [old_copy], today=TODAY)
    assert again.created == 0
    with pytest.raises(NotFound):
        get_review(b, review_id)
    send(b, c, tmp_path)  # B passes the deletion on to C
    with pytest.raises(NotFound):
        get_review(c, review_id)


def test_a_deletion_against_an_edit_is_a_conflict_on_both_computers(
    three: list[Store], tmp_path: Path
) -> None:
    a, b, _ = three
    review_id = _shared_review(a, [b], tmp_path)
    delete_review(a, review_id, get_review(a, review_id).version)
    edit(b, review_id, _set_summary("B kept working on it"))

    on_b = send(a, b, tmp_path)
    assert on_b.deleted == 0 and len(on_b.conflicts) == 1
    assert "deleted on the other computer" in on_b.conflicts[0].reason
    assert get_review(b, review_id).record.summary == "B kept working on it"
    (deletion,) = list_review_conflicts(b, review_id)
    assert deletion.deleted and deletion.record is None

    on_a = send(b, a, tmp_path)  # A gets B's edit: the review is back, the deletion beside it
    assert len(on_a.conflicts) == 1
    assert get_review(a, review_id).record.summary == "B kept working on it"
    assert [c.deleted for c in list_review_conflicts(a, review_id)] == [True]

    # B accepts the deletion; it then travels to A with no new conflict.
    assert resolve_review_conflict(b, deletion.id, None, get_review(b, review_id).version) is None
    final = send(b, a, tmp_path)
    assert final.deleted == 1 and final.conflicts == []
    for store in (a, b):
        with pytest.raises(NotFound):
            get_review(store, review_id)


def test_three_computers_in_different_orders_end_with_the_same_content(
    three: list[Store], tmp_path: Path
) -> None:
    a, b, c = three
    review_id = _shared_review(a, [b, c], tmp_path)
    edit(a, review_id, _add_learning("from A"))
    send(a, c, tmp_path)
    edit(c, review_id, _add_learning("from C after A"))
    send(c, b, tmp_path)
    edit(b, review_id, _set_summary("from B after C"))
    # Everything goes everywhere, in two different orders.
    for source, target in [(b, a), (a, c), (c, b), (b, c), (c, a), (a, b)]:
        assert send(source, target, tmp_path).conflicts == []
    records = [get_review(s, review_id).record for s in (a, b, c)]
    assert records[0] == records[1] == records[2]
    assert records[0].learning == ["from A", "from C after A"]
    assert records[0].summary == "from B after C"


def test_three_computers_with_a_conflict_lose_no_text_and_agree_once_resolved(
    three: list[Store], tmp_path: Path
) -> None:
    a, b, c = three
    review_id = _shared_review(a, [b, c], tmp_path)
    edit(a, review_id, _add_learning("A's point"))
    edit(b, review_id, _add_learning("B's point"))
    edit(c, review_id, _set_summary("C's summary"))
    for source, target in [(a, b), (c, a), (b, c), (b, a), (a, c), (c, b)]:
        send(source, target, tmp_path)
    expected = {"A's point", "B's point", "C's summary"}
    for store in (a, b, c):
        assert all_texts(store, review_id) == expected  # nothing lost anywhere

    # Someone on C merges everything into one copy; it reaches the others as an update.
    loaded = get_review(c, review_id)
    mine = loaded.record
    for conflict in list_review_conflicts(c, review_id):
        assert conflict.record is not None
        learning = list(dict.fromkeys(mine.learning + conflict.record.learning))
        mine = mine.model_copy(update={"learning": learning})
        resolved = resolve_review_conflict(c, conflict.id, mine, loaded.version, today=TODAY)
        assert resolved is not None
        loaded, mine = resolved, resolved.record
    for source, target in [(c, a), (c, b), (a, b), (b, a)]:
        assert send(source, target, tmp_path).conflicts == []
    records = [get_review(s, review_id).record for s in (a, b, c)]
    assert records[0] == records[1] == records[2]
    assert set(records[0].learning) == {"A's point", "B's point"}
    assert records[0].summary == "C's summary"
    assert all(list_review_conflicts(s, review_id) == [] for s in (a, b, c))


def _write(tmp_path: Path, name: str, document: dict[str, object]) -> Path:
    path = tmp_path / name
    path.write_bytes(dumps(document))
    return path


def test_version_one_bundles_still_import_by_time_and_keep_the_older_copy(
    store: Store, tmp_path: Path
) -> None:
    import_bundle_files(store, [_write(tmp_path, "a.json", valid_bundle())], today=TODAY)
    newer = valid_bundle(reviews=[valid_review(title="Renamed", updated_at="2024-01-01T00:00:00Z")])
    assert import_bundle_files(store, [_write(tmp_path, "b.json", newer)], today=TODAY).updated == 1
    older = valid_bundle(reviews=[valid_review(title="Older", updated_at="2023-06-01T00:00:00Z")])
    report = import_bundle_files(store, [_write(tmp_path, "c.json", older)], today=TODAY)
    assert report.updated == 0 and "newer" in report.conflicts[0].reason
    assert get_review(store, REVIEW_ID).record.title == "Renamed"
    (kept,) = list_review_conflicts(store, REVIEW_ID)
    assert kept.record is not None and kept.record.title == "Older"
    # The very copy the review was first imported from is an ancestor: nothing to keep.
    first = import_bundle_files(store, [_write(tmp_path, "d.json", valid_bundle())], today=TODAY)
    assert len(first.conflicts) == 1 and len(list_review_conflicts(store, REVIEW_ID)) == 1


def test_a_bundle_from_a_newer_format_is_refused(store: Store, tmp_path: Path) -> None:
    document = valid_bundle()
    document["version"] = 3
    with pytest.raises(BundleError, match="bundle version 3 was written by a newer reviewtool"):
        import_bundle_files(store, [_write(tmp_path, "new.json", document)], today=TODAY)
    with store.transaction() as session:
        from reviewtool.db.models import Review

        assert session.query(Review).count() == 0


def test_exported_bundle_is_version_two_with_revisions_and_deletions(
    store: Store, tmp_path: Path
) -> None:
    from reviewtool.services.exchange.bundle_export import export_bundle

    kept = create_review(store, new_review_record(ReviewKind.CSPR, "KEEP", "Kept"))
    gone = create_review(store, new_review_record(ReviewKind.CSPR, "GONE", "Gone"))
    edit(store, kept.record.id, _set_summary("Edited"))
    delete_review(store, gone.record.id, gone.version)
    out = tmp_path / "out.rtbundle.json"
    export_bundle(store, out)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["version"] == 2
    (review,) = document["reviews"]
    assert review["revision"].startswith("2-") and review["ancestors"][0].startswith("1-")
    (deleted,) = document["deleted"]
    assert deleted["id"] == gone.record.id and deleted["reference"] == "GONE"
    assert deleted["revision"].startswith("2-")


def test_streamed_import_applies_revisions_and_deletions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewtool.bundle import stream

    monkeypatch.setattr(stream, "STREAM_FROM_BYTES", 1)  # every file is read as a stream
    with computers(2, tmp_path) as (a, b):
        review_id = _shared_review(a, [b], tmp_path)
        other = create_review(a, new_review_record(ReviewKind.SCR, "SCR-1", "Other")).record.id
        send(a, b, tmp_path)
        edit(a, review_id, _set_summary("A"))
        edit(b, review_id, _set_summary("B"))
        delete_review(a, other, get_review(a, other).version)
        report = send(a, b, tmp_path)
        assert report.deleted == 1 and len(report.conflicts) == 1
        assert get_review(b, review_id).record.summary == "B"
        assert [c.record.summary for c in list_review_conflicts(b, review_id) if c.record] == ["A"]


def _identical(record: ReviewRecord) -> ReviewRecord:
    return record.model_copy(update={"revision": None, "ancestors": []})


def test_the_same_change_on_two_computers_is_not_a_conflict(
    three: list[Store], tmp_path: Path
) -> None:
    a, b, _ = three
    review_id = _shared_review(a, [b], tmp_path)
    edit(a, review_id, _set_summary("Same words"))
    edit(b, review_id, _set_summary("Same words"))
    assert send(a, b, tmp_path).conflicts == []
    assert send(b, a, tmp_path).conflicts == []
    assert _identical(get_review(a, review_id).record).summary == "Same words"


def test_a_deletion_does_not_drop_a_copy_kept_beside_the_review(
    three: list[Store], tmp_path: Path
) -> None:
    a, b, c = three
    review_id = _shared_review(a, [b, c], tmp_path)
    edit(a, review_id, _set_summary("A's text"))
    edit(b, review_id, _set_summary("B's text"))
    send(a, b, tmp_path)  # B: its own copy current, A's kept beside it
    send(b, c, tmp_path)  # C takes B's copy and deletes it, never having seen A's
    delete_review(c, review_id, get_review(c, review_id).version)
    report = send(c, b, tmp_path)
    assert report.deleted == 0 and len(report.conflicts) == 1
    # A's text, which the deletion never saw, is kept: it becomes the current copy, with the
    # deletion beside it to resolve. B's text was deleted on C by someone who had it, as a
    # computer holding A's copy when the deletion arrived would also conclude: every
    # computer ends holding the same copies.
    assert get_review(b, review_id).record.summary == "A's text"
    assert all_texts(b, review_id) == {"A's text"}
    assert [x.deleted for x in list_review_conflicts(b, review_id)] == [True]
