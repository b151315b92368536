"""A local review's milestones and publication pauses, and the open reviews' progress."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from reviewtool.bundle.workflow_schema import WorkflowRecord
from reviewtool.db.models import Review
from reviewtool.domain.enums import ReviewKind
from reviewtool.domain.milestones import (
    Milestone,
    MilestoneState,
    Pause,
    PublicationClock,
    milestone_states,
    next_milestone,
    publication_clock,
)
from reviewtool.services.settings import load_settings
from reviewtool.services.store import Store
from reviewtool.services.workflow.editing import ReviewFacts
from reviewtool.services.workflow.rows import read_workflows

CHUNK = 500


def pauses_of(record: WorkflowRecord | None) -> list[Pause]:
    if record is None:
        return []
    return [Pause(p.reason, p.start, p.end) for p in record.pauses]


def milestone_dates(
    record: WorkflowRecord | None, decision: date | None, published: date | None
) -> dict[Milestone, date]:
    """The dated milestones; the review's own decision and publication dates fill gaps."""
    dates = {m.milestone: m.date for m in record.milestones} if record else {}
    if decision is not None:
        dates.setdefault(Milestone.DECISION, decision)
    if published is not None:
        dates.setdefault(Milestone.PUBLISHED, published)
    return dates


def states_for(
    facts: ReviewFacts, record: WorkflowRecord, today: date, copy_working_days: int
) -> list[MilestoneState]:
    return milestone_states(
        milestone_dates(record, facts.decision, facts.published),
        facts.decision,
        pauses_of(record),
        today,
        copy_working_days,
    )


@dataclass(frozen=True)
class CsprProgress:
    review_id: str
    reference: str
    title: str
    next: MilestoneState | None
    clock: PublicationClock | None
    """None until the decision is dated."""
    paused_now: bool

    def describe(self) -> str:
        """The next step and the publication clock in words, for the dashboard."""
        if self.next is None:
            step = "all milestones reached"
        else:
            step = f"next: {self.next.milestone.label}"
            if self.next.due is not None:
                step += f" (due {self.next.due:%d/%m/%Y})"
        if self.clock is None:
            return step + "; no decision date recorded"
        if self.clock.late:
            days = self.clock.days_late
            clock = f"publication {days} working day{'s' if days != 1 else ''} late"
        else:
            left = self.clock.allowed - self.clock.used
            clock = f"publication on time ({left} working days left)"
        if self.clock.paused:
            clock += f", {self.clock.paused} paused working days excluded"
        if self.paused_now:
            clock += "; publication paused now"
        return f"{step}; {clock}"

    @property
    def late(self) -> bool:
        return bool((self.clock and self.clock.late) or (self.next and self.next.late))


def open_cspr_progress(store: Store, today: date) -> list[CsprProgress]:
    """Each open local review's next milestone and whether it is late (pauses excluded)."""
    copy_days = load_settings(store).copy_to_panel_working_days
    with store.transaction() as session:
        rows = session.execute(
            select(
                Review.id,
                Review.reference,
                Review.title,
                Review.date_decision,
                Review.date_published,
            )
            .where(Review.kind == ReviewKind.CSPR.value, Review.status == "open")
            .order_by(Review.reference)
        ).all()
        workflows: dict[str, WorkflowRecord] = {}
        ids = [row[0] for row in rows]
        for start in range(0, len(ids), CHUNK):
            workflows.update(read_workflows(session, ids[start : start + CHUNK]))
    progress = []
    for review_id, reference, title, decision, published in rows:
        record = workflows.get(review_id)
        dates = milestone_dates(record, decision, published)
        decided = dates.get(Milestone.DECISION)
        pauses = pauses_of(record)
        states = milestone_states(dates, decided, pauses, today, copy_days)
        clock = (
            publication_clock(decided, dates.get(Milestone.PUBLISHED), today, pauses)
            if decided
            else None
        )
        paused_now = any(p.start <= today and (p.end is None or p.end >= today) for p in pauses)
        progress.append(
            CsprProgress(review_id, reference, title, next_milestone(states), clock, paused_now)
        )
    return progress
