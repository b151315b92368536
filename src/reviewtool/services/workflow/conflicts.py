"""Settling a review's workflow or a briefing delivery kept in conflict: keep this computer's
copy or take the other.

Either way the result is a new revision that descends from both copies, so the other
computer accepts it as an update on the next exchange instead of seeing a new conflict.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from reviewtool.bundle.learning_schema import DisseminationRecord
from reviewtool.bundle.workflow_schema import WorkflowRecord
from reviewtool.db.models import (
    Briefing,
    ConflictingRevision,
    Dissemination,
    Review,
    ReviewWorkflow,
)
from reviewtool.domain.errors import NotFound
from reviewtool.domain.revisions import Lineage
from reviewtool.services.audit import add_event
from reviewtool.services.clock import now_utc
from reviewtool.services.reviews.conflict_store import stored_lineage
from reviewtool.services.workflow.dissemination import record_of, write_dissemination
from reviewtool.services.workflow.editing import apply_in_session
from reviewtool.services.workflow.lineage import (
    delivery_content,
    delivery_lineage,
    workflow_content,
    workflow_lineage,
)
from reviewtool.services.workflow.rows import read_workflows


def resolve_workflow_conflict(
    session: Session, user: str, row: ConflictingRevision, take: bool
) -> str:
    review = session.get(Review, row.entity_id)
    if review is None:
        raise NotFound(f"review {row.entity_id} no longer exists (was it deleted?)")
    mine = read_workflows(session, [review.id]).get(review.id)
    head = session.get(ReviewWorkflow, review.id)
    theirs = WorkflowRecord.model_validate_json(row.content or "{}")
    chosen = theirs if take or mine is None else mine
    local = workflow_lineage(head) if head is not None else None
    other = stored_lineage(row)
    content = workflow_content(chosen)
    lineage = (
        local.joined(other, content)
        if local is not None
        else Lineage(other.revision, other.ancestors).after_save(content)
    )
    apply_in_session(session, user, chosen, mine, "resolve-conflict", now_utc(), lineage)
    session.delete(row)
    session.flush()
    kept = "the other computer's copy" if take else "this computer's copy"
    return f"{review.reference}: workflow: kept {kept}"


def resolve_delivery_conflict(
    session: Session, user: str, row: ConflictingRevision, take: bool
) -> str:
    stored = session.get(Dissemination, row.entity_id)
    theirs = DisseminationRecord.model_validate_json(row.content or "{}")
    if stored is None:
        # Deleted here (or with its briefing) since: keeping this computer's state drops
        # the other copy; taking it needs its briefing.
        if take:
            raise NotFound(
                "that delivery was deleted here; its briefing must exist to take the other copy"
            )
        session.delete(row)
        return f"delivery {theirs.date} to {theirs.audience}: kept its deletion here"
    mine = record_of(stored, None)
    chosen = theirs if take else mine
    lineage = delivery_lineage(stored).joined(stored_lineage(row), delivery_content(chosen))
    now = now_utc()
    write_dissemination(
        session, stored.briefing_id, chosen.model_copy(update={"updated_at": now}), lineage
    )
    session.delete(row)
    briefing = session.get(Briefing, stored.briefing_id)
    add_event(
        session,
        at=now,
        user=user,
        action="resolve-conflict",
        entity="dissemination",
        entity_id=stored.id,
        review_id=briefing.review_id if briefing else None,
        new_value=f"{chosen.date} {chosen.audience}",
    )
    session.flush()
    kept = "the other computer's copy" if take else "this computer's copy"
    return f"delivery {chosen.date} to {chosen.audience}: kept {kept}"
