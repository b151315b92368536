"""Statutory and expected timescales of the review pipeline (see DOMAIN.md)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from reviewtool.domain.working_days import add_working_days, working_days_between

NOTIFICATION_WORKING_DAYS = 5
RAPID_REVIEW_WORKING_DAYS = 15
CSPR_PUBLICATION_MONTHS = 6


def notification_due(aware: date) -> date:
    """The local authority must notify the national Panel within 5 working days."""
    return add_working_days(aware, NOTIFICATION_WORKING_DAYS)


# The review list works out hundreds of deadlines per keystroke, from few distinct dates:
# these pure functions remember their answers.
@lru_cache(maxsize=4096)
def rapid_review_due(notified: date) -> date:
    """A rapid review is expected within 15 working days of the notification."""
    return add_working_days(notified, RAPID_REVIEW_WORKING_DAYS)


def add_months(start: date, months: int) -> date:
    """Calendar months later, clamped to the end of a shorter month (31 Aug + 6 = 28/29 Feb)."""
    month_index = start.month - 1 + months
    year = start.year + month_index // 12
    month = month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


@lru_cache(maxsize=4096)
def cspr_publication_due(decision: date) -> date:
    """A local review is expected to be published within 6 months of the decision."""
    return add_months(decision, CSPR_PUBLICATION_MONTHS)


def working_days_late(due: date, done: date) -> int:
    """Working days after ``due`` that ``done`` fell; 0 when on time or early."""
    return max(0, working_days_between(due, done))


def _working_days_text(count: int) -> str:
    return f"{count} working day{'s' if count != 1 else ''}"


@dataclass(frozen=True)
class DeadlineState:
    """How a deadline stands on a given day, for showing in words and colour."""

    due: date
    done: date | None
    late: bool
    days_late: int
    """Working days after the due date (0 when on time)."""
    days_left: int
    """Working days until the due date, for an open deadline not yet passed."""

    def describe(self) -> str:
        if self.done is not None:
            if not self.late:
                return "met on time"
            return f"met {_working_days_text(self.days_late)} late"
        if self.late:
            return f"{_working_days_text(self.days_late)} late" if self.days_late else "overdue"
        if self.days_left == 0:
            return "due today"
        return f"due in {_working_days_text(self.days_left)}"


@lru_cache(maxsize=8192)
def deadline_state(due: date, done: date | None, today: date) -> DeadlineState:
    """Describe ``due`` as met, late or upcoming, counted in working days."""
    if done is not None:
        return DeadlineState(due, done, done > due, working_days_late(due, done), 0)
    if today > due:
        return DeadlineState(due, None, True, working_days_between(due, today), 0)
    return DeadlineState(due, None, False, 0, working_days_between(today, due))
