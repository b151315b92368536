"""A local review's milestones, its publication pauses, and lateness net of the pauses.

The 6-month expectation runs from the decision to publication. Publication is often held
back by criminal proceedings or an inquest; partnerships report lateness net of that time,
so the clock here counts only working days that no pause covers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from reviewtool.domain.deadlines import DeadlineState, cspr_publication_due
from reviewtool.domain.working_days import (
    add_working_days,
    is_working_day,
    working_days_between,
)

COPY_BEFORE_PUBLICATION_WORKING_DAYS = 7
"""Guidance has said the Panel and the Secretary of State get the report at least 7 working
days before publication (a partnership setting may change it)."""

SEND_AFTER_PUBLICATION_DAYS = 7
"""Working Together 2023: the published report goes to the Panel and DfE within a week."""


class Milestone(StrEnum):
    DECISION = "decision"
    TERMS_OF_REFERENCE = "terms_of_reference"
    REVIEWER_COMMISSIONED = "reviewer_commissioned"
    PRACTITIONER_EVENT = "practitioner_event"
    FAMILY_INVOLVEMENT = "family_involvement"
    DRAFT_RECEIVED = "draft_received"
    FINAL_TO_PARTNERS = "final_to_partners"
    COPY_TO_PANEL = "copy_to_panel"
    PUBLISHED = "published"
    SENT_TO_PANEL = "sent_to_panel"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Milestone.DECISION: "Decision to hold a local review",
    Milestone.TERMS_OF_REFERENCE: "Terms of reference agreed",
    Milestone.REVIEWER_COMMISSIONED: "Reviewer commissioned",
    Milestone.PRACTITIONER_EVENT: "Practitioner learning event",
    Milestone.FAMILY_INVOLVEMENT: "Family involvement",
    Milestone.DRAFT_RECEIVED: "Draft report received",
    Milestone.FINAL_TO_PARTNERS: "Final report to the safeguarding partners",
    Milestone.COPY_TO_PANEL: "Copy to the Panel and the Secretary of State",
    Milestone.PUBLISHED: "Published",
    Milestone.SENT_TO_PANEL: "Sent to the Panel and DfE after publication",
}

MILESTONE_ORDER = tuple(Milestone)


@dataclass(frozen=True)
class Pause:
    """Publication held back (e.g. parallel criminal proceedings); ``end`` None = still paused."""

    reason: str
    start: date
    end: date | None


def subtract_working_days(end: date, count: int) -> date:
    """The latest date that is ``count`` working days before ``end`` (a working day)."""
    day = end
    remaining = count
    while remaining:
        day -= timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def paused_working_days(start: date, end: date, pauses: Sequence[Pause]) -> int:
    """Working days in (start, end] that a pause covers (overlapping pauses count once)."""
    if end <= start:
        return 0
    covered: list[tuple[date, date]] = []
    for pause in sorted(pauses, key=lambda p: p.start):
        first = max(pause.start, start + timedelta(days=1))
        last = min(pause.end or end, end)
        if first > last:
            continue
        if covered and first <= covered[-1][1] + timedelta(days=1):
            covered[-1] = (covered[-1][0], max(covered[-1][1], last))
        else:
            covered.append((first, last))
    return sum(working_days_between(first - timedelta(days=1), last) for first, last in covered)


def unpaused_working_days(start: date, end: date, pauses: Sequence[Pause]) -> int:
    """Working days in (start, end] that no pause covers."""
    if end <= start:
        return 0
    return working_days_between(start, end) - paused_working_days(start, end, pauses)


@dataclass(frozen=True)
class PublicationClock:
    """Where a local review stands against the 6-month publication expectation."""

    allowed: int
    """Working days from the decision to the 6-month date."""
    used: int
    """Unpaused working days from the decision to publication (or to today)."""
    paused: int
    due: date
    """The 6-month date moved on by the paused working days."""

    @property
    def days_late(self) -> int:
        return max(0, self.used - self.allowed)

    @property
    def late(self) -> bool:
        return self.used > self.allowed


def publication_clock(
    decision: date, published: date | None, today: date, pauses: Sequence[Pause]
) -> PublicationClock:
    """Lateness counted only on days no pause covers (the pause stops the clock)."""
    until = published or today
    nominal_due = cspr_publication_due(decision)
    allowed = working_days_between(decision, nominal_due)
    paused = paused_working_days(decision, until, pauses)
    used = max(0, working_days_between(decision, until) - paused)
    due = add_working_days(nominal_due, paused) if paused else nominal_due
    return PublicationClock(allowed, used, paused, due)


def copy_to_panel_due(
    planned_publication: date, working_days: int = COPY_BEFORE_PUBLICATION_WORKING_DAYS
) -> date:
    """The copy to the Panel and the Secretary of State is due this many working days ahead."""
    return subtract_working_days(planned_publication, working_days)


def sent_after_publication_due(published: date) -> date:
    return published + timedelta(days=SEND_AFTER_PUBLICATION_DAYS)


@dataclass(frozen=True)
class MilestoneState:
    milestone: Milestone
    done: date | None
    due: date | None
    late: bool
    days_late: int
    """Working days late (net of pauses for publication)."""


def milestone_states(
    dates: dict[Milestone, date],
    decision: date | None,
    pauses: Sequence[Pause],
    today: date,
    copy_working_days: int = COPY_BEFORE_PUBLICATION_WORKING_DAYS,
) -> list[MilestoneState]:
    """Every milestone in order with its date, its computed due date and lateness."""
    decision = dates.get(Milestone.DECISION, decision)
    published = dates.get(Milestone.PUBLISHED)
    clock = publication_clock(decision, published, today, pauses) if decision else None
    dues: dict[Milestone, date] = {}
    if clock is not None:
        dues[Milestone.PUBLISHED] = clock.due
        dues[Milestone.COPY_TO_PANEL] = copy_to_panel_due(published or clock.due, copy_working_days)
    if published is not None:
        dues[Milestone.SENT_TO_PANEL] = sent_after_publication_due(published)
    states = []
    for milestone in MILESTONE_ORDER:
        done, due = dates.get(milestone), dues.get(milestone)
        if milestone is Milestone.DECISION and done is None:
            done = decision
        if milestone is Milestone.PUBLISHED and clock is not None:
            late, days = clock.late, clock.days_late
        elif due is not None:
            until = done or today
            late = until > due
            days = max(0, working_days_between(due, until))
        else:
            late, days = False, 0
        states.append(MilestoneState(milestone, done, due, late, days))
    return states


def next_milestone(states: Sequence[MilestoneState]) -> MilestoneState | None:
    """The first milestone not yet reached, in the order a review moves through them."""
    return next((state for state in states if state.done is None), None)


def publication_deadline(
    decision: date, published: date | None, today: date, pauses: Sequence[Pause]
) -> DeadlineState:
    """The publication deadline in the shape every list shows, net of any pause."""
    clock = publication_clock(decision, published, today, pauses)
    if published is not None or clock.late:
        return DeadlineState(clock.due, published, clock.late, clock.days_late, 0)
    return DeadlineState(clock.due, None, False, 0, clock.allowed - clock.used)
