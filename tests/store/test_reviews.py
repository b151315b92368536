"""The review store, on SQLite and on PostgreSQL alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewtool.bundle.errors import BundleError
from reviewtool.bundle.schema import ChildRecord, FactorRecord
from reviewtool.domain.enums import FactorRole, ReviewKind, Sex
from reviewtool.domain.errors import EditConflict, InvalidInput, NotFound
from reviewtool.services.audit import review_history
from reviewtool.services.exchange.bundle_export import build_bundle
from reviewtool.services.exchange.bundle_import import import_bundle_files
from reviewtool.services.exchange.demo import load_demo
from reviewtool.services.reviews.editing import (
    create_review,
    delete_review,
    get_review,
    new_review_record,
    save_review,
)
from reviewtool.services.reviews.listing import ReviewFilter, count_reviews, list_reviews
from reviewtool.services.store import Store, open_store
from tests.bundle_samples import REVIEW_ID, dumps, valid_bundle, valid_review
from tests.conftest import TODAY


def test_create_open_save_and_audit(store: Store) -> None:
    record = new_review_record(ReviewKind.RAPID_REVIEW, "RR-2026-01", "Child Ł")
    created = create_review(store, record)
    assert created.version == 1

    opened = get_review(store, "rr-2026-01")  # references match whatever the case
    edited = opened.record.model_copy(deep=True)
    edited.summary = "Dziecko – zdarzenie 🌧"
    edited.children.append(ChildRecord(pseudonym="Child Ł", age_months=7, sex=Sex.FEMALE))
    edited.factors.append(FactorRecord(code="parent.domestic_abuse", role=FactorRole.PRESENT))
    edited.identifiers = ["Łucja Wróbel"]
    saved = save_review(store, edited, opened.version)
    assert saved.version == 2

    again = get_review(store, record.id)
    assert again.record.summary == "Dziecko – zdarzenie 🌧"
    assert again.record.children[0].age_months == 7
    assert again.record.identifiers == ["Łucja Wróbel"]

    with store.transaction() as session:
        history = review_history(session, record.id)
    fields = {entry.field: entry for entry in history if entry.action == "edit"}
    assert history[0].action == "create" and history[0].user == "test.user"
    assert fields["summary"].old_value is None
    assert fields["summary"].new_value == "Dziecko – zdarzenie 🌧"
    assert "children" in fields and "factors" in fields
    # The trail records that identifiers changed, never the identifiers themselves.
    assert fields["identifiers"].new_value == "1 identifier"
    assert all("Łucja" not in (entry.new_value or "") for entry in history)


def test_second_writer_is_refused_and_nothing_is_overwritten(store: Store) -> None:
    created = create_review(store, new_review_record(ReviewKind.CSPR, "CSPR-1", "Child A"))
    first = get_review(store, "CSPR-1")
    second = get_review(store, "CSPR-1")

    mine = first.record.model_copy(update={"summary": "First writer's text"})
    save_review(store, mine, first.version)

    theirs = second.record.model_copy(update={"summary": "Second writer's text"})
    with pytest.raises(EditConflict, match="changed by someone else"):
        save_review(store, theirs, second.version)
    assert get_review(store, created.record.id).record.summary == "First writer's text"


def test_concurrent_save_between_read_and_write_is_refused(tmp_path: Path, store: Store) -> None:
    """Two connections (two laptops on the server) racing for the same row."""
    create_review(store, new_review_record(ReviewKind.RAPID_REVIEW, "RR-9", "Child B"))
    other = open_store(
        store.database.url.render_as_string(hide_password=False), backup_dir=tmp_path / "other"
    )
    try:
        loaded = get_review(store, "RR-9")
        save_review(other, loaded.record.model_copy(update={"title": "Theirs"}), loaded.version)
        with pytest.raises(EditConflict):
            save_review(store, loaded.record.model_copy(update={"title": "Mine"}), loaded.version)
        assert get_review(store, "RR-9").record.title == "Theirs"
    finally:
        other.close()


def test_save_checks_the_record(store: Store) -> None:
    created = create_review(store, new_review_record(ReviewKind.RAPID_REVIEW, "RR-1", "Child C"))
    bad = created.record.model_copy(deep=True)
    bad.factors.append(FactorRecord(code="child.nothing", role=FactorRole.PRESENT))
    with pytest.raises(BundleError, match=r"factors\[0\].code: unknown code"):
        save_review(store, bad, created.version)


def test_delete(store: Store) -> None:
    created = create_review(store, new_review_record(ReviewKind.SCR, "SCR-1", "Child D"))
    with pytest.raises(EditConflict):
        delete_review(store, created.record.id, created.version + 1)
    delete_review(store, created.record.id, created.version)
    with pytest.raises(NotFound):
        get_review(store, "SCR-1")


def test_ambiguous_reference_asks_for_the_id(store: Store) -> None:
    create_review(store, new_review_record(ReviewKind.SCR, "SAME", "One"))
    create_review(store, new_review_record(ReviewKind.SCR, "SAME", "Two"))
    with pytest.raises(InvalidInput, match="matches 2 reviews"):
        get_review(store, "SAME")


def _write(tmp_path: Path, name: str, document: dict[str, object]) -> Path:
    path = tmp_path / name
    path.write_bytes(dumps(document))
    return path


def test_reimport_merges_by_id_newer_wins_conflicts_reported(store: Store, tmp_path: Path) -> None:
    first = import_bundle_files(store, [_write(tmp_path, "a.json", valid_bundle())], today=TODAY)
    assert (first.created, first.updated, first.conflicts) == (1, 0, [])

    same = import_bundle_files(store, [_write(tmp_path, "b.json", valid_bundle())], today=TODAY)
    assert (same.created, same.updated, same.unchanged, same.conflicts) == (0, 0, 1, [])

    newer = valid_bundle(
        reviews=[valid_review(title="Child J (renamed)", updated_at="2024-01-01T00:00:00Z")]
    )
    report = import_bundle_files(store, [_write(tmp_path, "c.json", newer)], today=TODAY)
    assert report.updated == 1
    assert get_review(store, REVIEW_ID).record.title == "Child J (renamed)"

    older = valid_bundle(
        reviews=[valid_review(title="Old title", updated_at="2023-01-01T00:00:00Z")]
    )
    report = import_bundle_files(store, [_write(tmp_path, "d.json", older)], today=TODAY)
    assert report.updated == 0 and len(report.conflicts) == 1
    assert "newer" in report.conflicts[0].reason
    assert "CEP-RR-2022-03" in report.describe()
    assert get_review(store, REVIEW_ID).record.title == "Child J (renamed)"

    with store.transaction() as session:
        history = review_history(session, REVIEW_ID)
    assert any(e.field == "title" and e.new_value == "Child J (renamed)" for e in history)


def test_bundle_without_identifiers_keeps_the_stored_ones(store: Store, tmp_path: Path) -> None:
    import_bundle_files(store, [_write(tmp_path, "a.json", valid_bundle())], today=TODAY)
    review = valid_review(updated_at="2025-01-01T00:00:00Z", summary="Updated")
    del review["identifiers"]
    import_bundle_files(
        store, [_write(tmp_path, "b.json", valid_bundle(reviews=[review]))], today=TODAY
    )
    loaded = get_review(store, REVIEW_ID)
    assert loaded.record.summary == "Updated"
    assert loaded.record.identifiers == ["Jayden Smith"]


def test_demo_data_loads_and_lists(store: Store) -> None:
    report = load_demo(store)
    assert report.created >= 15 and not report.conflicts
    assert count_reviews(store) == report.created
    assert load_demo(store).unchanged == report.created  # loading twice changes nothing

    cspr = list_reviews(store, ReviewFilter(kinds=(ReviewKind.CSPR,)))
    assert cspr and all(row.kind is ReviewKind.CSPR for row in cspr)
    recent = list_reviews(store, ReviewFilter(year_from=2025))
    assert recent and all(row.notified is None or row.notified.year >= 2025 for row in recent)
    sleep = list_reviews(store, ReviewFilter(theme="parent.unsafe_sleep"))
    assert {row.title for row in sleep} >= {"Child J", "Baby T"}
    rr = next(row for row in list_reviews(store) if row.reference == "NSP-RR-2021-03")
    assert rr.rapid_review_due is not None and rr.themes
    open_rr = list_reviews(
        store, ReviewFilter(statuses=("open",), kinds=(ReviewKind.RAPID_REVIEW,))
    )
    assert {row.reference for row in open_rr} == {"NSP-RR-2024-05", "NSP-RR-2026-04"}


def test_demo_meets_its_brief(store: Store) -> None:
    load_demo(store)
    bundle = build_bundle(store, include_identifiers=True)
    reviews = bundle.reviews
    kinds = {r.kind for r in reviews}
    assert kinds == set(ReviewKind)
    converted = [r for r in reviews if r.converted_from]
    assert len(converted) >= 2 and all(r.kind is ReviewKind.CSPR for r in converted)
    years = {r.dates.notified.year for r in reviews if r.dates.notified}
    assert min(years) <= 2014 and max(years) >= 2026
    groups = {f.code.split(".")[0] for r in reviews for f in r.factors}
    assert groups == {"child", "parent", "practice", "good"}
    states = {a.status.value for r in reviews for rec in r.recommendations for a in rec.actions}
    assert states == {"not_started", "in_progress", "complete", "dropped"}
    assert sum(1 for r in reviews if r.briefing) >= 4 and bundle.briefings
    text = json.dumps(bundle.model_dump(mode="json"), ensure_ascii=False)
    assert "Wiśniewska" in text and "Llŷr" in text  # Polish and Welsh names survive


def test_export_named_reviews_only(store: Store) -> None:
    load_demo(store)
    bundle = build_bundle(store, ["NSP-RR-2021-03", "NSP-CSPR-2021-01"])
    assert [r.reference for r in bundle.reviews] == ["NSP-RR-2021-03", "NSP-CSPR-2021-01"]
    assert all(r.identifiers is None for r in bundle.reviews)
    assert bundle.briefings == []


def test_audit_trail_export(store: Store, tmp_path: Path) -> None:
    import csv

    from reviewtool.services.audit import export_audit_trail

    created = create_review(store, new_review_record(ReviewKind.CSPR, "AUD-1", "Child Ż"))
    save_review(
        store,
        created.record.model_copy(update={"summary": 'Zmiana, "quoted"\nline'}),
        created.version,
    )
    create_review(store, new_review_record(ReviewKind.CSPR, "AUD-2", "Other"))
    out = tmp_path / "audit.csv"
    assert export_audit_trail(store, out, "AUD-1") == 2
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [row["action"] for row in rows] == ["create", "edit"]
    assert rows[1]["field"] == "summary" and rows[1]["new_value"] == 'Zmiana, "quoted"\nline'
    assert rows[1]["user"] == "test.user"
    assert export_audit_trail(store, out) == 3
