"""The workflow section of bundles: read for export, applied on import (newer copy wins)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from reviewtool.bundle.errors import BundleError, Problem
from reviewtool.bundle.learning_schema import DisseminationRecord, RagReviewRecord
from reviewtool.bundle.workflow_schema import WorkflowRecord
from reviewtool.db.models import (
    Action,
    ActionRagReview,
    Briefing,
    Dissemination,
    Recommendation,
    Review,
    ReviewWorkflow,
)
from reviewtool.services.audit import add_event
from reviewtool.services.clock import utc
from reviewtool.services.workflow.dissemination import (
    rag_reviews_of,
    record_of,
    write_dissemination,
)
from reviewtool.services.workflow.editing import apply_in_session
from reviewtool.services.workflow.rows import read_workflows

CHUNK = 500


def workflows_for_export(
    session: Session, review_ids: Sequence[str] | None
) -> list[WorkflowRecord]:
    """The workflow of every review that has one (of ``review_ids``, or of all reviews)."""
    with_workflow = list(session.scalars(select(ReviewWorkflow.review_id)))
    if review_ids is not None:
        wanted = set(review_ids)
        with_workflow = [i for i in with_workflow if i in wanted]
    records: list[WorkflowRecord] = []
    for start in range(0, len(with_workflow), CHUNK):
        found = read_workflows(session, with_workflow[start : start + CHUNK])
        records.extend(found.values())
    return sorted(records, key=lambda r: r.review_id)


@dataclass
class WorkflowImport:
    applied: int = 0
    unchanged: int = 0
    conflicts: list[tuple[str, str]] = field(default_factory=list)
    """(review reference, reason) for each copy kept because the database's is newer."""


def import_workflows(
    session: Session, user: str, records: Sequence[WorkflowRecord], now: datetime
) -> WorkflowImport:
    """Apply the bundle's workflow records; a record for an unknown review rejects the file."""
    result = WorkflowImport()
    if not records:
        return result
    ids = [r.review_id for r in records]
    references: dict[str, str] = {
        review_id: reference
        for review_id, reference in session.execute(
            select(Review.id, Review.reference).where(Review.id.in_(ids))
        )
    }
    missing = [
        Problem(f"workflow[{i}].review_id", f"no review {r.review_id} in the bundle or database")
        for i, r in enumerate(records)
        if r.review_id not in references
    ]
    if missing:
        raise BundleError(missing)
    stored = read_workflows(session, ids)
    for record in records:
        current = stored.get(record.review_id)
        if current is None or record.updated_at > current.updated_at:
            apply_in_session(session, user, record, current, "import", now)
            # The copy keeps the time it was saved at, so a later import compares fairly.
            head = session.get(ReviewWorkflow, record.review_id)
            assert head is not None
            head.updated_at = record.updated_at.replace(tzinfo=None)
            result.applied += 1
        elif current.model_dump() == record.model_dump():
            result.unchanged += 1
        else:
            result.conflicts.append(
                (
                    references[record.review_id],
                    "the database copy of its workflow is newer "
                    f"(database {current.updated_at:%Y-%m-%d %H:%M}, "
                    f"bundle {record.updated_at:%Y-%m-%d %H:%M} UTC)",
                )
            )
    session.flush()
    return result


# Learning into practice ------------------------------------------------------------------


def learning_for_export(
    session: Session, review_ids: Sequence[str] | None
) -> tuple[list[DisseminationRecord], list[RagReviewRecord]]:
    """Deliveries of the exported reviews' briefings (and of every topic briefing when
    everything is exported), and the RAG reviews of their actions."""
    query = select(Dissemination, Briefing.review_id).join(
        Briefing, Briefing.id == Dissemination.briefing_id
    )
    wanted = set(review_ids) if review_ids is not None else None
    deliveries = []
    for row, review_id in session.execute(
        query.options(selectinload(Dissemination.plan_actions)).order_by(Dissemination.id)
    ):
        if wanted is None or review_id in wanted:
            deliveries.append(record_of(row, review_id))
    action_query = select(Action.id, Recommendation.review_id).join(
        Recommendation, Recommendation.id == Action.recommendation_id
    )
    reviewed = {
        action_id
        for action_id, review_id in session.execute(
            action_query.join(ActionRagReview, ActionRagReview.action_id == Action.id)
        )
        if wanted is None or review_id in wanted
    }
    reviews = [r for r in rag_reviews_of(session, None) if r.action_id in reviewed]
    return deliveries, reviews


def import_learning(
    session: Session,
    user: str,
    deliveries: Sequence[DisseminationRecord],
    rag_reviews: Sequence[RagReviewRecord],
    now: datetime,
) -> tuple[int, list[tuple[str, str]]]:
    """Apply deliveries (newer copy wins) and new RAG reviews; returns (applied, conflicts).

    A delivery of a briefing, or a RAG review of an action, that neither the bundle nor the
    database holds rejects the file (the caller's transaction is rolled back).
    """
    problems: list[Problem] = []
    applied = 0
    conflicts: list[tuple[str, str]] = []
    review_briefings = dict(
        (review_id, briefing_id)
        for briefing_id, review_id in session.execute(
            select(Briefing.id, Briefing.review_id).where(
                Briefing.review_id.in_([d.review_id for d in deliveries if d.review_id])
            )
        )
    )
    for index, record in enumerate(deliveries):
        if record.review_id is not None:
            briefing_id = review_briefings.get(record.review_id)
        else:
            briefing_id = record.briefing_id if session.get(Briefing, record.briefing_id) else None
        if briefing_id is None:
            problems.append(
                Problem(f"disseminations[{index}]", "its briefing is not in the bundle or database")
            )
            continue
        stored = session.get(Dissemination, record.id)
        if stored is not None and utc(stored.updated_at) >= record.updated_at:
            if utc(stored.updated_at) > record.updated_at:
                conflicts.append((record.audience, "the database copy of this delivery is newer"))
            continue
        write_dissemination(session, briefing_id, record)
        add_event(
            session,
            at=now,
            user=user,
            action="import",
            entity="dissemination",
            entity_id=record.id,
            new_value=f"{record.date} {record.audience}",
        )
        applied += 1
    for index, review in enumerate(rag_reviews):
        if session.get(ActionRagReview, review.id) is not None:
            continue
        if session.get(Action, review.action_id) is None:
            problems.append(Problem(f"rag_reviews[{index}].action_id", "no such action"))
            continue
        session.add(
            ActionRagReview(
                id=review.id,
                action_id=review.action_id,
                reviewed_on=review.date,
                rag=review.rag.value,
                note=review.note,
                reviewed_by=review.reviewed_by,
            )
        )
        applied += 1
    if problems:
        raise BundleError(problems)
    session.flush()
    return applied, conflicts
