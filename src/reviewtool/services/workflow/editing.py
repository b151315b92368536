"""Opening and saving a review's workflow, each as one transaction, audited field by field."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewtool.bundle.errors import BundleError
from reviewtool.bundle.read import problems_from_validation
from reviewtool.bundle.workflow_checks import check_workflow
from reviewtool.bundle.workflow_schema import WorkflowRecord
from reviewtool.db.models import Agency, Review, ReviewWorkflow
from reviewtool.domain.enums import ReviewKind
from reviewtool.domain.errors import EditConflict
from reviewtool.domain.revisions import Lineage
from reviewtool.services.audit import add_event, changed_fields
from reviewtool.services.clock import now_utc, utc
from reviewtool.services.lookup import resolve_review_id
from reviewtool.services.store import Store
from reviewtool.services.workflow.rows import REPORT_FIELDS, read_workflows, write_workflow


@dataclass(frozen=True)
class ReviewFacts:
    """What the workflow needs to know about its review (read-only here)."""

    id: str
    reference: str
    title: str
    kind: ReviewKind
    notified: date | None
    decision: date | None
    submitted: date | None
    agencies: tuple[str, ...]
    published: date | None = None


@dataclass(frozen=True)
class LoadedWorkflow:
    review: ReviewFacts
    record: WorkflowRecord
    stored_at: datetime | None
    """When it was last saved (None: never): a save names it so no one is overwritten."""


def review_facts(session: Session, review_id: str) -> ReviewFacts:
    review = session.get(Review, review_id)
    assert review is not None
    agencies = session.scalars(
        select(Agency.name).where(Agency.review_id == review_id).order_by(Agency.position)
    )
    return ReviewFacts(
        review.id,
        review.reference,
        review.title,
        ReviewKind(review.kind),
        review.date_notified,
        review.date_decision,
        review.date_rapid_review_submitted,
        tuple(agencies),
        review.date_published,
    )


def load_in_session(session: Session, review_id: str) -> LoadedWorkflow:
    facts = review_facts(session, review_id)
    record = read_workflows(session, [review_id]).get(review_id)
    if record is None:
        return LoadedWorkflow(
            facts, WorkflowRecord(review_id=review_id, updated_at=now_utc()), None
        )
    return LoadedWorkflow(facts, record, record.updated_at)


def load_workflow(store: Store, ref_or_id: str) -> LoadedWorkflow:
    with store.transaction() as session:
        return load_in_session(session, resolve_review_id(session, ref_or_id))


def checked(record: WorkflowRecord, today: date) -> WorkflowRecord:
    """Every rule a bundle's workflow must meet, applied to a record edited on screen."""
    try:
        record = WorkflowRecord.model_validate(record.model_dump())
    except ValidationError as error:
        raise BundleError(problems_from_validation(error)) from None
    problems = check_workflow([record], today)
    if problems:
        raise BundleError(
            [type(p)(p.path.removeprefix("workflow[0]").lstrip("."), p.message) for p in problems]
        )
    return record


def flatten_workflow(record: WorkflowRecord | None) -> dict[str, str | None]:
    """A workflow as field -> text, the unit the audit trail records."""
    if record is None:
        return {}
    flat: dict[str, str | None] = {}
    for request in record.agency_requests:
        flat[f"agency request {request.agency} ({request.id[:8]})"] = _json(request)
    for meeting in record.panel_meetings:
        flat[f"panel meeting {meeting.date} ({meeting.id[:8]})"] = _json(meeting)
    for name in REPORT_FIELDS:
        value = getattr(record.report, name)
        flat[f"report.{name}"] = None if value is None else str(value)
    flat["panel response"] = _json(record.panel_response) if record.panel_response else None
    for milestone in record.milestones:
        flat[f"milestone.{milestone.milestone.value}"] = _json(milestone)
    for pause in record.pauses:
        flat[f"publication pause ({pause.id[:8]})"] = _json(pause)
    return flat


def _json(record: object) -> str:
    from pydantic import BaseModel

    assert isinstance(record, BaseModel)
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)


def apply_in_session(
    session: Session,
    user: str,
    record: WorkflowRecord,
    before: WorkflowRecord | None,
    action: str,
    at: datetime,
    lineage: Lineage | None = None,
) -> None:
    """Write ``record`` and one audit event per changed part; ``lineage`` is the revision
    it takes (None: a local save, which advances the stored revision)."""
    changes = changed_fields(flatten_workflow(before), flatten_workflow(record))
    # A part that disappeared is a change too (changed_fields lists only what is still there).
    old = flatten_workflow(before)
    new = flatten_workflow(record)
    changes += [(name, old[name], None) for name in old if name not in new]
    write_workflow(session, record, at, lineage)
    for name, old_value, new_value in changes:
        add_event(
            session,
            at=at,
            user=user,
            action=action,
            entity="workflow",
            entity_id=record.review_id,
            review_id=record.review_id,
            field=name,
            old_value=old_value,
            new_value=new_value,
        )


def save_workflow(
    store: Store,
    record: WorkflowRecord,
    stored_at: datetime | None,
    today: date | None = None,
    action: str = "edit",
) -> LoadedWorkflow:
    """Save an edited workflow, refusing if anyone saved it since ``stored_at``."""
    now = now_utc()
    record = checked(record, today or date.today()).model_copy(update={"updated_at": now})
    with store.transaction() as session:
        if session.get(Review, record.review_id) is None:
            raise _gone(record.review_id)
        head = session.scalars(
            select(ReviewWorkflow).where(ReviewWorkflow.review_id == record.review_id)
        ).one_or_none()
        current = None if head is None else utc(head.updated_at)
        if current != (utc(stored_at) if stored_at else None):
            raise EditConflict(
                "The workflow of this review was changed by someone else since you opened it"
                + (f" (last saved {current:%d/%m/%Y %H:%M} UTC)" if current else "")
                + ". Your changes have not been saved; they are still on screen."
            )
        before = read_workflows(session, [record.review_id]).get(record.review_id)
        apply_in_session(session, store.user, record, before, action, now)
        return load_in_session(session, record.review_id)


def _gone(review_id: str) -> Exception:
    from reviewtool.domain.errors import NotFound

    return NotFound(f"review {review_id} no longer exists (was it deleted?)")
