"""The exchange revision of a review's workflow and of a briefing delivery: read from its
row, advanced by every save."""

from __future__ import annotations

import json

from reviewtool.bundle.learning_schema import DisseminationRecord
from reviewtool.bundle.workflow_schema import WorkflowRecord
from reviewtool.db.models import Dissemination, ReviewWorkflow
from reviewtool.domain.revisions import Lineage, legacy_revision
from reviewtool.services.clock import utc

_NOT_CONTENT = {"revision", "ancestors", "updated_at"}


def workflow_content(record: WorkflowRecord) -> str:
    """What a workflow revision id is taken from: its content, not its lineage or time."""
    return record.model_dump_json(exclude=_NOT_CONTENT)


def workflow_lineage(head: ReviewWorkflow) -> Lineage:
    """The stored workflow's lineage; one saved before workflows had revisions takes the one
    every laptop derives from the review id and saved time."""
    if head.revision:
        return Lineage(head.revision, tuple(json.loads(head.ancestors or "[]")))
    return Lineage(legacy_revision(head.review_id, utc(head.updated_at)))


def record_workflow_lineage(record: WorkflowRecord) -> Lineage | None:
    """The lineage a bundle's workflow carries, or None (a bundle without revisions)."""
    if record.revision is None:
        return None
    return Lineage(record.revision, tuple(record.ancestors))


def incoming_workflow_lineage(record: WorkflowRecord) -> Lineage:
    return record_workflow_lineage(record) or Lineage(
        legacy_revision(record.review_id, record.updated_at)
    )


def set_workflow_lineage(head: ReviewWorkflow, lineage: Lineage) -> None:
    head.revision = lineage.revision
    head.ancestors = json.dumps(list(lineage.ancestors))


# Briefing deliveries ----------------------------------------------------------------------

# Which of the two names its briefing depends on how it is read, not on what was delivered.
_DELIVERY_NOT_CONTENT = _NOT_CONTENT | {"briefing_id", "review_id"}


def delivery_content(record: DisseminationRecord) -> str:
    return record.model_dump_json(exclude=_DELIVERY_NOT_CONTENT)


def delivery_lineage(row: Dissemination) -> Lineage:
    if row.revision:
        return Lineage(row.revision, tuple(json.loads(row.ancestors or "[]")))
    return Lineage(legacy_revision(row.id, utc(row.updated_at)))


def incoming_delivery_lineage(record: DisseminationRecord) -> Lineage:
    if record.revision is not None:
        return Lineage(record.revision, tuple(record.ancestors))
    return Lineage(legacy_revision(record.id, record.updated_at))
