"""A local review's milestones and pauses as stored, shown on the dashboard and exchanged."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from sqlalchemy import select

from reviewtool.bundle.schema import ReviewDates
from reviewtool.bundle.workflow_schema import MilestoneRecord, PauseRecord
from reviewtool.db.models import AuditEvent, PublicationPause, ReviewMilestone
from reviewtool.domain.enums import ReviewKind
from reviewtool.domain.milestones import Milestone
from reviewtool.services.exchange.bundle_export import export_bundle
from reviewtool.services.exchange.bundle_import import import_bundle_files
from reviewtool.services.reviews.editing import create_review, new_review_record
from reviewtool.services.store import Store, open_store
from reviewtool.services.workflow.editing import load_workflow, save_workflow
from reviewtool.services.workflow.milestones import open_cspr_progress

TODAY = date(2026, 11, 21)


def _cspr(store: Store, reference: str, decision: date) -> str:
    record = new_review_record(ReviewKind.CSPR, reference, "Child K")
    record = record.model_copy(update={"dates": ReviewDates(decision=decision)})
    return create_review(store, record, TODAY).record.id


def _set(
    store: Store, reference: str, milestones: list[MilestoneRecord], pauses: list[PauseRecord]
) -> None:
    loaded = load_workflow(store, reference)
    record = loaded.record.model_copy(update={"milestones": milestones, "pauses": pauses})
    save_workflow(store, record, loaded.stored_at, TODAY)


def test_dashboard_progress_counts_only_unpaused_time(store: Store) -> None:
    _cspr(store, "CSPR-LATE", date(2026, 3, 2))
    _cspr(store, "CSPR-PAUSED", date(2026, 3, 2))
    _cspr(store, "CSPR-NEW", date(2026, 11, 2))
    _set(
        store,
        "CSPR-PAUSED",
        [MilestoneRecord(milestone=Milestone.TERMS_OF_REFERENCE, date=date(2026, 4, 1))],
        # Paused since Mon 1 June 2026 and still paused: only 3 March .. 29 May counts,
        # 21 + 20 + 19 = 60 working days (Easter and the two May bank holidays skipped),
        # well inside the 6 months.
        [PauseRecord(id=str(uuid.uuid4()), reason="Criminal trial", start=date(2026, 6, 1))],
    )
    rows = {row.reference: row for row in open_cspr_progress(store, TODAY)}
    late = rows["CSPR-LATE"]
    assert late.late and late.clock is not None and late.clock.days_late == 57
    assert late.next is not None and late.next.milestone is Milestone.TERMS_OF_REFERENCE
    assert "publication 57 working days late" in late.describe()

    paused = rows["CSPR-PAUSED"]
    assert paused.clock is not None and not paused.clock.late
    assert paused.paused_now and "publication paused now" in paused.describe()
    assert paused.next is not None and paused.next.milestone is Milestone.REVIEWER_COMMISSIONED

    fresh = rows["CSPR-NEW"]
    assert not fresh.late and "on time" in fresh.describe()


def test_milestones_are_stored_audited_and_exchanged(store: Store, tmp_path: Path) -> None:
    _cspr(store, "CSPR-1", date(2026, 3, 2))
    pause_id = str(uuid.uuid4())
    _set(
        store,
        "CSPR-1",
        [
            MilestoneRecord(milestone=Milestone.TERMS_OF_REFERENCE, date=date(2026, 4, 1)),
            MilestoneRecord(
                milestone=Milestone.PRACTITIONER_EVENT,
                date=date(2026, 6, 10),
                note="Online — 14 staff",
            ),
        ],
        [PauseRecord(id=pause_id, reason="Inquest", start=date(2026, 6, 1), end=date(2026, 6, 5))],
    )
    with store.transaction() as session:
        stored = {m.milestone: m.happened_on for m in session.scalars(select(ReviewMilestone))}
        assert stored == {
            "terms_of_reference": date(2026, 4, 1),
            "practitioner_event": date(2026, 6, 10),
        }
        assert session.scalars(select(PublicationPause.reason)).all() == ["Inquest"]
        fields = set(
            session.scalars(select(AuditEvent.field).where(AuditEvent.entity == "workflow"))
        )
    assert "milestone.practitioner_event" in fields
    assert any(field and field.startswith("publication pause") for field in fields)

    bundle = tmp_path / "b.rtbundle.json"
    export_bundle(store, bundle, ["CSPR-1"])
    other = open_store(str(tmp_path / "other.sqlite3"), backup_dir=tmp_path / "b2")
    try:
        import_bundle_files(other, [bundle], today=TODAY)
        assert load_workflow(other, "CSPR-1").record == load_workflow(store, "CSPR-1").record
    finally:
        other.close()


def test_review_list_deadline_is_net_of_pauses(store: Store) -> None:
    from reviewtool.services.reviews.listing import list_reviews

    _cspr(store, "CSPR-1", date(2026, 3, 2))
    rows = {r.reference: r for r in list_reviews(store, today=TODAY)}
    assert rows["CSPR-1"].deadline is not None and rows["CSPR-1"].deadline.days_late == 57
    # Paused Mon 1 - Fri 12 June 2026: 10 working days fewer late.
    _set(
        store,
        "CSPR-1",
        [],
        [
            PauseRecord(
                id=str(uuid.uuid4()), reason="Trial", start=date(2026, 6, 1), end=date(2026, 6, 12)
            )
        ],
    )
    state = {r.reference: r for r in list_reviews(store, today=TODAY)}["CSPR-1"].deadline
    assert state is not None and state.days_late == 47
    assert state.describe() == "47 working days late"
