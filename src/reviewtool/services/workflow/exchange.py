"""The workflow section of bundles: read for export, applied on import by revision (or, for
older bundles, by time), never dropping a copy both computers changed."""

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
    ConflictingRevision,
    Dissemination,
    Recommendation,
    Review,
    ReviewWorkflow,
)
from reviewtool.domain.revisions import Lineage, Relation, bounded_history, relate
from reviewtool.services.reviews.conflict_store import (
    DISSEMINATION,
    WORKFLOW,
    conflicts_of,
    drop_known_conflicts,
    keep_other_copy,
)
from reviewtool.services.workflow.delivery_merge import DeliveryMerge
from reviewtool.services.workflow.dissemination import (
    rag_reviews_of,
    record_of,
)
from reviewtool.services.workflow.editing import apply_in_session
from reviewtool.services.workflow.lineage import (
    incoming_workflow_lineage,
    record_workflow_lineage,
    set_workflow_lineage,
    workflow_content,
)
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
    """(review reference, reason) for each copy that both computers changed: the copy here
    stays current and the other is kept beside it (``conflicting_revisions``) to resolve."""


def import_workflows(
    session: Session,
    user: str,
    records: Sequence[WorkflowRecord],
    now: datetime,
    source: str | None = None,
) -> WorkflowImport:
    """Apply the bundle's workflow records by their revisions (or, without one, by time); a
    record for an unknown review rejects the file."""
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
    kept = conflicts_of(session, WORKFLOW, ids)
    merge = _Merge(session, user, now, source, result)
    for record in records:
        merge.one(record, stored.get(record.review_id), references[record.review_id], kept)
    session.flush()
    return result


@dataclass
class _Merge:
    """Deciding, for one review's workflow, what the incoming copy means for the one here."""

    session: Session
    user: str
    now: datetime
    source: str | None
    result: WorkflowImport

    def one(
        self,
        record: WorkflowRecord,
        current: WorkflowRecord | None,
        reference: str,
        kept: dict[str, list[ConflictingRevision]],
    ) -> None:
        theirs = record_workflow_lineage(record)
        if current is None:
            self._apply(record, None, incoming_workflow_lineage(record))
            return
        local = Lineage(current.revision or "", tuple(current.ancestors))
        same = workflow_content(current) == workflow_content(record)
        rows = kept[record.review_id]
        if theirs is None:
            self._by_time(record, current, local, same, reference, rows)
            return
        relation = relate(local, theirs)
        if relation in (Relation.SAME, Relation.LOCAL_IS_NEWER):
            self.result.unchanged += 1
        elif relation is Relation.INCOMING_IS_NEWER:
            lineage = Lineage(theirs.revision, bounded_history(theirs.ancestors, [local.revision]))
            drop_known_conflicts(self.session, lineage, rows)
            self._apply(record, current, lineage)
        elif same:
            # The same workflow reached on both computers: agree on one revision.
            joined = local.absorbing(theirs)
            head = self.session.get(ReviewWorkflow, record.review_id)
            assert head is not None
            set_workflow_lineage(head, joined)
            drop_known_conflicts(self.session, joined, rows)
            self.result.unchanged += 1
        else:
            self._keep(record, theirs, current, reference, rows, "both changed since they agreed")

    def _by_time(
        self,
        record: WorkflowRecord,
        current: WorkflowRecord,
        local: Lineage,
        same: bool,
        reference: str,
        rows: list[ConflictingRevision],
    ) -> None:
        """A copy without a revision (an older bundle): the later time wins, and an older
        copy that differs is kept beside this one rather than dropped."""
        if same:
            self.result.unchanged += 1
            return
        if record.updated_at > current.updated_at:
            # One save on from the copy here, remembering the copy taken in, so that the
            # same bundle read again is recognised as an earlier state.
            saved = local.after_save(workflow_content(record))
            taken = incoming_workflow_lineage(record).revision
            self._apply(
                record, current, Lineage(saved.revision, bounded_history(saved.ancestors, [taken]))
            )
            return
        reason = (
            "the copy here is newer"
            if record.updated_at < current.updated_at
            else "same time, different text"
        )
        theirs = incoming_workflow_lineage(record)
        # Times are kept to the second, so only a strictly older copy can be recognised as an
        # earlier state of this one by its derived revision; any other is kept.
        if record.updated_at < current.updated_at and local.knows(theirs.revision):
            note = "an earlier state of the copy here, so there is nothing to keep"
            self.result.conflicts.append((reference, f"{reason}; {note}"))
            return
        self._keep(record, theirs, current, reference, rows, reason)

    def _apply(
        self, record: WorkflowRecord, current: WorkflowRecord | None, lineage: Lineage
    ) -> None:
        apply_in_session(self.session, self.user, record, current, "import", self.now, lineage)
        # The copy keeps the time it was saved at, so a later import compares fairly.
        head = self.session.get(ReviewWorkflow, record.review_id)
        assert head is not None
        head.updated_at = record.updated_at.replace(tzinfo=None)
        self.result.applied += 1

    def _keep(
        self,
        record: WorkflowRecord,
        theirs: Lineage,
        current: WorkflowRecord,
        reference: str,
        rows: list[ConflictingRevision],
        reason: str,
    ) -> None:
        note = keep_other_copy(
            self.session,
            entity=WORKFLOW,
            entity_id=record.review_id,
            record=record,
            theirs=theirs,
            updated_at=record.updated_at,
            received_at=self.now,
            source=self.source,
            kept=rows,
        )
        here, there = current.updated_at, record.updated_at
        stamp = f"here {here:%Y-%m-%d %H:%M}, other {there:%Y-%m-%d %H:%M} UTC"
        self.result.conflicts.append((reference, f"{reason} ({stamp}); {note}"))


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
    source: str | None = None,
) -> tuple[int, list[tuple[str, str]]]:
    """Apply deliveries (by revision, or without one by time; a copy both computers changed
    is kept beside the one here) and new RAG reviews; returns (applied, conflicts).

    A delivery of a briefing, or a RAG review of an action, that neither the bundle nor the
    database holds rejects the file (the caller's transaction is rolled back).
    """
    problems: list[Problem] = []
    conflicts: list[tuple[str, str]] = []
    review_briefings = dict(
        (review_id, briefing_id)
        for briefing_id, review_id in session.execute(
            select(Briefing.id, Briefing.review_id).where(
                Briefing.review_id.in_([d.review_id for d in deliveries if d.review_id])
            )
        )
    )
    kept = conflicts_of(session, DISSEMINATION, [d.id for d in deliveries])
    merge = DeliveryMerge(session, user, now, source)
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
        reason = merge.one(briefing_id, record, kept[record.id])
        if reason is not None:
            conflicts.append((f"{record.date} {record.audience}", reason))
    applied = merge.applied
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
