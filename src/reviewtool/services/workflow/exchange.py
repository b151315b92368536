"""The workflow section of bundles: read for export, applied on import (newer copy wins)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewtool.bundle.errors import BundleError, Problem
from reviewtool.bundle.workflow_schema import WorkflowRecord
from reviewtool.db.models import Review, ReviewWorkflow
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
