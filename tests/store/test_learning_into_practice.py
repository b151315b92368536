"""Topic briefings made in the application, deliveries and team action plans, RAG reviews,
and the annual report's figures on timeliness, decisions, dissemination and impact."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from pathlib import Path

import pytest
from docx import Document
from sqlalchemy import func, select

from reviewtool.bundle.errors import BundleError
from reviewtool.bundle.learning_schema import TeamPlanActionRecord
from reviewtool.bundle.schema import (
    ActionRecord,
    RecommendationRecord,
    ReviewBriefing,
    ReviewDates,
    Section,
)
from reviewtool.bundle.workflow_schema import PauseRecord
from reviewtool.db.models import AuditEvent, Briefing, Dissemination
from reviewtool.domain.actions import Rag
from reviewtool.domain.enums import ActionStatus, Decision, ReviewKind
from reviewtool.domain.errors import EditConflict
from reviewtool.services.exchange.bundle_export import export_bundle
from reviewtool.services.exchange.bundle_import import import_bundle_files
from reviewtool.services.outputs.thematic import ThematicRequest
from reviewtool.services.outputs.thematic_export import ThematicOutputs, export_thematic
from reviewtool.services.reviews.editing import create_review, new_review_record
from reviewtool.services.store import Store, open_store
from reviewtool.services.workflow.annual_figures import annual_practice_figures
from reviewtool.services.workflow.dissemination import (
    briefing_choices,
    list_disseminations,
    new_dissemination,
    rag_history,
    record_rag_review,
    save_dissemination,
)
from reviewtool.services.workflow.editing import load_workflow, save_workflow
from reviewtool.services.workflow.topic_briefings import (
    get_topic_briefing,
    new_topic_briefing,
    save_topic_briefing,
)

TODAY = date(2026, 11, 21)
ACTION = "5d7e0000-0000-4000-8000-000000000001"


def _review(store: Store, reference: str, kind: ReviewKind, **changes: object) -> str:
    record = new_review_record(kind, reference, "Child J").model_copy(update=changes)
    return create_review(store, record, TODAY).record.id


def _with_action(store: Store) -> str:
    return _review(
        store,
        "RR-A",
        ReviewKind.RAPID_REVIEW,
        dates=ReviewDates(notified=date(2026, 4, 7), rapid_review_submitted=date(2026, 4, 24)),
        decision=Decision.NO_LCSPR,
        briefing=ReviewBriefing(sections=[Section(heading="Background", body="...")]),
        recommendations=[
            RecommendationRecord(
                id=str(uuid.uuid4()),
                text="Safer sleep",
                actions=[
                    ActionRecord(
                        id=ACTION,
                        text="Add a safe sleep question",
                        due=date(2026, 6, 30),
                        status=ActionStatus.IN_PROGRESS,
                        impact="A later review found safe sleep discussed with both parents",
                    )
                ],
            )
        ],
    )


def test_topic_briefing_is_created_edited_and_audited(store: Store) -> None:
    created = new_topic_briefing(store, "Neglect — what to look for", "child.harm.neglect")
    assert [s.heading for s in created.sections][:2] == ["Background", "Why it matters"]
    sections = list(created.sections)
    sections[3] = Section(heading="Key learning", body="Look at the home — ✓")
    saved = save_topic_briefing(
        store, created.model_copy(update={"sections": sections}), created.updated_at
    )
    assert get_topic_briefing(store, created.id).sections[3].body == "Look at the home — ✓"
    with pytest.raises(EditConflict):
        save_topic_briefing(store, created, datetime(2020, 1, 1))
    with pytest.raises(BundleError, match="theme: unknown code"):
        save_topic_briefing(
            store, saved.model_copy(update={"theme": "child.nope"}), saved.updated_at
        )
    with store.transaction() as session:
        fields = set(
            session.scalars(select(AuditEvent.field).where(AuditEvent.entity_id == created.id))
        )
    assert "section 4" in fields


def test_deliveries_plans_and_rag_history(store: Store, tmp_path: Path) -> None:
    _with_action(store)
    topic = new_topic_briefing(store, "Neglect")
    choices = {c.label: c for c in briefing_choices(store)}
    review_briefing = choices["RR-A: Child J"].briefing_id
    assert "Topic: Neglect" in choices

    delivery = new_dissemination(review_briefing, TODAY).model_copy(
        update={
            "delivered_by": "Safeguarding trainer",
            "audience": "Health visiting team (North)",
            "date": date(2026, 9, 10),
            "attendees": 14,
            "plan_due": date(2026, 10, 10),
            "plan_returned": date(2026, 10, 3),
            "plan_actions": [
                TeamPlanActionRecord(text="Add to supervision", status=ActionStatus.COMPLETE),
                TeamPlanActionRecord(text="Audit 10 records"),
            ],
        }
    )
    save_dissemination(store, review_briefing, delivery, TODAY)
    save_dissemination(
        store,
        topic.id,
        new_dissemination(topic.id, TODAY).model_copy(
            update={
                "delivered_by": "Manager",
                "audience": "Police",
                "attendees": 30,
                "date": date(2026, 9, 20),
            }
        ),
        TODAY,
    )
    stored = list_disseminations(store, review_briefing)
    assert [(d.audience, d.attendees, len(d.plan_actions)) for d in stored] == [
        ("Health visiting team (North)", 14, 2)
    ]
    with pytest.raises(BundleError, match="attendees"):
        save_dissemination(store, topic.id, delivery.model_copy(update={"attendees": -1}), TODAY)

    # Due 30/06/2026 and in progress: Amber on 1 June, Red on 1 July.
    record_rag_review(store, ACTION, date(2026, 6, 1), "On track", TODAY)
    record_rag_review(store, ACTION, date(2026, 7, 1), "Slipped", TODAY)
    assert [(r.date, r.rag) for r in rag_history(store, ACTION)] == [
        (date(2026, 6, 1), Rag.AMBER),
        (date(2026, 7, 1), Rag.RED),
    ]

    bundle = tmp_path / "all.rtbundle.json"
    export_bundle(store, bundle)
    other = open_store(str(tmp_path / "other.sqlite3"), backup_dir=tmp_path / "b2")
    try:
        report = import_bundle_files(other, [bundle], today=TODAY)
        assert report.learning_imported == 4
        with other.transaction() as session:
            assert session.scalar(select(func.count()).select_from(Dissemination)) == 2
            other_briefing = session.scalar(
                select(Briefing.id).where(Briefing.review_id.is_not(None))
            )
        assert other_briefing is not None
        assert list_disseminations(other, other_briefing)[0].plan_actions == stored[0].plan_actions
        assert [r.rag for r in rag_history(other, ACTION)] == [Rag.AMBER, Rag.RED]
        assert import_bundle_files(other, [bundle], today=TODAY).learning_imported == 0
    finally:
        other.close()


def test_annual_figures_and_chapter(store: Store, tmp_path: Path) -> None:
    # Tue 07/04/2026 -> Fri 24/04/2026 (Easter Monday, 6 April, is before it): 8-10,
    # 13-17, 20-24 April = 13 working days: in time.
    _with_action(store)
    # Tue 27/10 -> Fri 20/11/2026: 18 working days: 3 late.
    _review(
        store,
        "RR-B",
        ReviewKind.RAPID_REVIEW,
        dates=ReviewDates(
            notified=date(2026, 10, 27),
            rapid_review_submitted=date(2026, 11, 20),
            decision=date(2026, 11, 20),
        ),
        decision=Decision.LCSPR,
    )
    _review(store, "RR-C", ReviewKind.RAPID_REVIEW, dates=ReviewDates(notified=date(2026, 11, 16)))
    # Decision Mon 2 Mar, published Wed 16 Sep 2026: 10 working days late, but paused
    # 1-12 June (10 working days): in time net of the pause.
    cspr = _review(
        store,
        "CSPR-A",
        ReviewKind.CSPR,
        dates=ReviewDates(decision=date(2026, 3, 2), published=date(2026, 9, 16)),
    )
    loaded = load_workflow(store, cspr)
    save_workflow(
        store,
        loaded.record.model_copy(
            update={
                "pauses": [
                    PauseRecord(
                        id=str(uuid.uuid4()),
                        reason="Trial",
                        start=date(2026, 6, 1),
                        end=date(2026, 6, 12),
                    )
                ]
            }
        ),
        loaded.stored_at,
        TODAY,
    )
    _review(
        store,
        "CSPR-B",
        ReviewKind.CSPR,
        dates=ReviewDates(decision=date(2026, 3, 2), published=date(2026, 9, 16)),
    )
    briefing = briefing_choices(store)[0].briefing_id
    save_dissemination(
        store,
        briefing,
        new_dissemination(briefing, TODAY).model_copy(
            update={
                "delivered_by": "Trainer",
                "audience": "GP practice",
                "attendees": 12,
                "date": date(2026, 9, 1),
                "plan_due": date(2026, 10, 1),
            }
        ),
        TODAY,
    )
    record_rag_review(store, ACTION, date(2026, 7, 1), None, TODAY)

    figures = annual_practice_figures(store, date(2026, 1, 1), date(2026, 12, 31), TODAY)
    assert (figures.rapid_reviews_in_time, figures.rapid_reviews_submitted) == (1, 2)
    assert figures.rapid_reviews_pending == 1 and figures.rapid_review_average_days_late == 3.0
    assert (figures.csprs_in_time, figures.csprs_published, figures.csprs_paused) == (1, 2, 1)
    assert figures.decisions == {"A local child safeguarding practice review will be held": 1}
    assert (
        figures.deliveries,
        figures.people_reached,
        figures.plans_requested,
        figures.plans_returned,
    ) == (1, 12, 1, 0)
    assert figures.rag_reviews == {Rag.RED.label: 1}
    assert figures.impact[0].impact.startswith("A later review found")

    out = tmp_path / "chapter.docx"
    export_thematic(
        store,
        ThematicRequest(date(2026, 1, 1), date(2026, 12, 31)),
        ThematicOutputs(docx=out),
        today=TODAY,
    )
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "within 15 working days of the notification: 1 of 2 (50%)" in text
    assert "on average 3.0 working days late" in text
    assert "paused, for example for criminal proceedings, not counted): 1 of 2 (50%)" in text
    assert "delivered once" in text and "reaching 12 people" in text
    assert "A later review found safe sleep discussed with both parents" in text


def test_rag_review_reads_the_action_as_it_was_that_day(store: Store) -> None:
    _review(
        store,
        "RR-Z",
        ReviewKind.RAPID_REVIEW,
        recommendations=[
            RecommendationRecord(
                id=str(uuid.uuid4()),
                text="R",
                actions=[
                    ActionRecord(
                        id=ACTION,
                        text="Done late",
                        due=date(2026, 3, 31),
                        status=ActionStatus.COMPLETE,
                        completed=date(2026, 5, 1),
                    )
                ],
            )
        ],
    )
    # On 1 April it was past due and not yet complete: Red; on 2 May it was complete.
    assert record_rag_review(store, ACTION, date(2026, 4, 1), None, TODAY).rag is Rag.RED
    assert record_rag_review(store, ACTION, date(2026, 5, 2), None, TODAY).rag is Rag.GREEN
