"""Learning into practice: each briefing's deliveries and team action plans, and the RAG
reviews of recommendation actions over time."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date

from pydantic import ValidationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from reviewtool.bundle.errors import BundleError
from reviewtool.bundle.learning_schema import (
    DisseminationRecord,
    RagReviewRecord,
    TeamPlanActionRecord,
)
from reviewtool.bundle.read import problems_from_validation
from reviewtool.bundle.workflow_checks import check_learning
from reviewtool.db.models import (
    Action,
    ActionRagReview,
    Briefing,
    ConflictingRevision,
    Dissemination,
    Recommendation,
    Review,
    TeamPlanAction,
)
from reviewtool.domain.actions import action_rag
from reviewtool.domain.enums import ActionStatus
from reviewtool.domain.errors import InvalidInput, NotFound
from reviewtool.domain.revisions import Lineage, next_revision
from reviewtool.services.audit import add_event
from reviewtool.services.clock import naive_utc, now_utc, utc
from reviewtool.services.reviews.conflict_store import DISSEMINATION
from reviewtool.services.store import Store
from reviewtool.services.workflow.lineage import delivery_content, delivery_lineage


@dataclass(frozen=True)
class BriefingChoice:
    """A briefing that can be delivered: a review's own or a topic briefing."""

    briefing_id: str
    label: str
    review_id: str | None


def briefing_choices(store: Store) -> list[BriefingChoice]:
    with store.transaction() as session:
        rows = session.execute(
            select(Briefing.id, Briefing.title, Briefing.review_id, Review.reference, Review.title)
            .outerjoin(Review, Review.id == Briefing.review_id)
            .order_by(Review.reference.is_(None), Review.reference, Briefing.title)
        ).all()
    return [
        BriefingChoice(
            briefing_id,
            f"{reference}: {review_title}" if review_id else f"Topic: {title or ''}",
            review_id,
        )
        for briefing_id, title, review_id, reference, review_title in rows
    ]


def record_of(row: Dissemination, review_id: str | None) -> DisseminationRecord:
    lineage = delivery_lineage(row)
    return DisseminationRecord(
        id=row.id,
        briefing_id=None if review_id else row.briefing_id,
        review_id=review_id,
        delivered_by=row.delivered_by,
        audience=row.audience,
        date=row.delivered_on,
        attendees=row.attendees,
        plan_due=row.plan_due,
        plan_returned=row.plan_returned,
        plan_actions=[
            TeamPlanActionRecord(
                text=a.text, due=a.due, status=ActionStatus(a.status), completed=a.completed
            )
            for a in row.plan_actions
        ],
        updated_at=utc(row.updated_at),
        revision=lineage.revision,
        ancestors=list(lineage.ancestors),
    )


def list_disseminations(store: Store, briefing_id: str) -> list[DisseminationRecord]:
    with store.transaction() as session:
        review_id = session.scalar(select(Briefing.review_id).where(Briefing.id == briefing_id))
        rows = session.scalars(
            select(Dissemination)
            .where(Dissemination.briefing_id == briefing_id)
            .options(selectinload(Dissemination.plan_actions))
            .order_by(Dissemination.delivered_on, Dissemination.id)
        )
        return [record_of(row, review_id) for row in rows]


def new_dissemination(briefing_id: str, today: date) -> DisseminationRecord:
    return DisseminationRecord(
        id=str(uuid.uuid4()),
        briefing_id=briefing_id,
        delivered_by="(who delivered it)",
        audience="(team or agency)",
        date=today,
        attendees=0,
        updated_at=now_utc(),
    )


def _checked(record: DisseminationRecord, today: date) -> DisseminationRecord:
    try:
        record = DisseminationRecord.model_validate(record.model_dump())
    except ValidationError as error:
        raise BundleError(problems_from_validation(error)) from None
    problems = check_learning([record], [], today)
    if problems:
        raise BundleError(
            [
                type(p)(p.path.removeprefix("disseminations[0]").lstrip("."), p.message)
                for p in problems
            ]
        )
    return record


def write_dissemination(
    session: Session,
    briefing_id: str,
    record: DisseminationRecord,
    lineage: Lineage | None = None,
) -> None:
    """Store ``record`` with ``lineage`` as its revision (None: a local save, one revision
    on from the stored one)."""
    row = session.get(Dissemination, record.id)
    if lineage is None:
        content = delivery_content(record)
        lineage = (
            Lineage(next_revision(None, content))
            if row is None
            else delivery_lineage(row).after_save(content)
        )
    if row is None:
        row = Dissemination(id=record.id)
        session.add(row)
    row.revision = lineage.revision
    row.ancestors = json.dumps(list(lineage.ancestors))
    row.briefing_id = briefing_id
    row.delivered_by = record.delivered_by
    row.audience = record.audience
    row.delivered_on = record.date
    row.attendees = record.attendees
    row.plan_due = record.plan_due
    row.plan_returned = record.plan_returned
    row.updated_at = naive_utc(record.updated_at)
    row.plan_actions = [
        TeamPlanAction(
            position=i, text=a.text, due=a.due, status=a.status.value, completed=a.completed
        )
        for i, a in enumerate(record.plan_actions)
    ]


def save_dissemination(
    store: Store, briefing_id: str, record: DisseminationRecord, today: date
) -> DisseminationRecord:
    """Record (or correct) a delivery of ``briefing_id`` and its team's action plan."""
    now = now_utc()
    record = _checked(
        record.model_copy(
            update={"briefing_id": briefing_id, "review_id": None, "updated_at": now}
        ),
        today,
    )
    with store.transaction() as session:
        briefing = session.get(Briefing, briefing_id)
        if briefing is None:
            raise NotFound(f"no briefing with id {briefing_id}")
        existed = session.get(Dissemination, record.id) is not None
        write_dissemination(session, briefing_id, record)
        add_event(
            session,
            at=now,
            user=store.user,
            action="edit" if existed else "create",
            entity="dissemination",
            entity_id=record.id,
            review_id=briefing.review_id,
            field="delivery",
            new_value=f"{record.date} {record.audience}: {record.attendees} people, "
            f"by {record.delivered_by}; plan "
            + (f"returned {record.plan_returned}" if record.plan_returned else "not returned")
            + f", {len(record.plan_actions)} actions",
        )
    return record


def delete_dissemination(store: Store, dissemination_id: str) -> None:
    with store.transaction() as session:
        row = session.get(Dissemination, dissemination_id)
        if row is None:
            raise NotFound(f"no delivery with id {dissemination_id}")
        add_event(
            session,
            at=now_utc(),
            user=store.user,
            action="delete",
            entity="dissemination",
            entity_id=dissemination_id,
            old_value=f"{row.delivered_on} {row.audience}",
        )
        # Copies of it kept from other computers go with it.
        session.execute(
            delete(ConflictingRevision).where(
                ConflictingRevision.entity == DISSEMINATION,
                ConflictingRevision.entity_id == dissemination_id,
            )
        )
        session.delete(row)


# RAG reviews ------------------------------------------------------------------------------


def record_rag_review(
    store: Store, action_id: str, on: date, note: str | None, today: date
) -> RagReviewRecord:
    """Record an action's RAG status as it stands on ``on`` (e.g. at a panel meeting)."""
    if on > today:
        raise InvalidInput(f"{on:%d/%m/%Y} is in the future")
    with store.transaction() as session:
        action = session.get(Action, action_id)
        if action is None:
            raise NotFound(f"no action with id {action_id}")
        status = ActionStatus(action.status)
        if status is ActionStatus.COMPLETE and action.completed and action.completed > on:
            status = ActionStatus.IN_PROGRESS  # not yet complete on the day reviewed
        rag = action_rag(status, action.due, on)
        record = RagReviewRecord(
            id=str(uuid.uuid4()),
            action_id=action_id,
            date=on,
            rag=rag,
            note=(note or "").strip() or None,
            reviewed_by=store.user,
        )
        session.add(
            ActionRagReview(
                id=record.id,
                action_id=action_id,
                reviewed_on=on,
                rag=rag.value,
                note=record.note,
                reviewed_by=store.user,
            )
        )
        review_id = session.scalar(
            select(Recommendation.review_id).where(Recommendation.id == action.recommendation_id)
        )
        add_event(
            session,
            at=now_utc(),
            user=store.user,
            action="rag-review",
            entity="action",
            entity_id=action_id,
            review_id=review_id,
            field="rag",
            new_value=f"{on} {rag.value}" + (f": {record.note}" if record.note else ""),
        )
    return record


def rag_history(store: Store, action_id: str) -> list[RagReviewRecord]:
    with store.transaction() as session:
        return rag_reviews_of(session, [action_id])


def rag_reviews_of(session: Session, action_ids: list[str] | None) -> list[RagReviewRecord]:
    from reviewtool.domain.actions import Rag

    query = select(ActionRagReview).order_by(ActionRagReview.reviewed_on, ActionRagReview.id)
    if action_ids is not None:
        query = query.where(ActionRagReview.action_id.in_(action_ids))
    return [
        RagReviewRecord(
            id=row.id,
            action_id=row.action_id,
            date=row.reviewed_on,
            rag=Rag(row.rag),
            note=row.note,
            reviewed_by=row.reviewed_by,
        )
        for row in session.scalars(query)
    ]
