"""Rules of the rapid review's workflow: agency requests and the Panel's response."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from reviewtool.domain.deadlines import DeadlineState, deadline_state
from reviewtool.domain.working_days import add_working_days, working_days_between


class PanelOutcome(StrEnum):
    """What the National Panel said in reply to a rapid review."""

    AGREE = "agree"
    DISAGREE = "disagree"
    MORE_INFORMATION = "more_information"

    @property
    def label(self) -> str:
        return {
            PanelOutcome.AGREE: "Agrees with the partners' decision",
            PanelOutcome.DISAGREE: "Disagrees with the partners' decision",
            PanelOutcome.MORE_INFORMATION: "Asks for more information",
        }[self]


def agency_return_due(sent: date, due_working_days: int) -> date:
    """An agency's return is due a number of working days after the request went out."""
    return add_working_days(sent, due_working_days)


def agency_return_state(
    sent: date | None, due_working_days: int, returned: date | None, today: date
) -> DeadlineState | None:
    if sent is None:
        return None
    return deadline_state(agency_return_due(sent, due_working_days), returned, today)


def working_days_to_submission(notified: date, submitted: date) -> int:
    """Working days from the notification to the rapid review's submission to the Panel."""
    return working_days_between(notified, submitted)


CRITERION_LABELS = {
    "a": "(a) The case highlights improvements needed to safeguard and promote the welfare "
    "of children",
    "b": "(b) The case highlights recurring themes in safeguarding and promoting the welfare "
    "of children",
    "c": "(c) The case highlights concerns about two or more organisations or agencies working "
    "together effectively",
    "d": "(d) The National Panel has considered the case and asked for a local review",
}
"""Regulation 11 of the Child Safeguarding Practice Review and Relevant Agency (England)
Regulations 2018: what the partners weigh in deciding whether to hold a local review."""

DECISION_LABELS = {
    "lcspr": "A local child safeguarding practice review will be held",
    "no_lcspr": "No local child safeguarding practice review",
    "national_review": "The case is referred to the National Panel for a national review",
}
