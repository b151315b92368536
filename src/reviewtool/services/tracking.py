"""Deadlines and the action tracker: what the panel looks at first."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select

from reviewtool.db.models import Action, Identifier, Recommendation, Review
from reviewtool.domain.actions import Rag, action_rag
from reviewtool.domain.counting import counting_note
from reviewtool.domain.deadlines import (
    DeadlineState,
    cspr_publication_due,
    deadline_state,
    rapid_review_due,
)
from reviewtool.domain.enums import ActionStatus, ReviewKind, ReviewStatus
from reviewtool.services.counting import cases_by_year
from reviewtool.services.store import Store

DUE_SOON_WORKING_DAYS = 5


@dataclass(frozen=True)
class ActionRow:
    id: str
    review_id: str
    review_reference: str
    review_title: str
    recommendation: str
    text: str
    owner: str | None
    due: date | None
    status: ActionStatus
    completed: date | None
    assurance: str | None
    impact: str | None
    dropped_reason: str | None
    rag: Rag


def list_actions(
    store: Store, today: date, open_only: bool = False, counted_only: bool = False
) -> list[ActionRow]:
    """Every action across reviews, by owner then due date; ``counted_only`` leaves out the
    actions of withdrawn reviews, as every count does (`domain.counting`)."""
    with store.transaction() as session:
        query = (
            select(Action, Recommendation.text, Review.id, Review.reference, Review.title)
            .join(Recommendation, Action.recommendation_id == Recommendation.id)
            .join(Review, Recommendation.review_id == Review.id)
        )
        if counted_only:
            query = query.where(Review.status != ReviewStatus.WITHDRAWN.value)
        if open_only:
            query = query.where(Action.status.in_(["not_started", "in_progress"]))
        rows = session.execute(
            query.order_by(
                func.coalesce(Action.owner, ""), Action.due.nulls_last(), Review.reference
            )
        ).all()
        return [
            ActionRow(
                id=a.id,
                review_id=rid,
                review_reference=ref,
                review_title=title,
                recommendation=rec_text,
                text=a.text,
                owner=a.owner,
                due=a.due,
                status=ActionStatus(a.status),
                completed=a.completed,
                assurance=a.assurance,
                impact=a.impact,
                dropped_reason=a.dropped_reason,
                rag=action_rag(ActionStatus(a.status), a.due, today),
            )
            for a, rec_text, rid, ref, title in rows
        ]


@dataclass(frozen=True)
class DeadlineRow:
    review_id: str
    reference: str
    title: str
    what: str
    state: DeadlineState


@dataclass(frozen=True)
class Dashboard:
    by_year_and_kind: dict[int, Counter[str]]
    """Cases by year and kind, counted by the rule every output uses."""
    rapid_reviews: list[DeadlineRow]
    """Open rapid reviews that are late or due within five working days."""
    unpublished_csprs: list[DeadlineRow]
    """CSPRs more than six months past their decision and not yet published."""
    actions_by_rag: Counter[Rag]
    overdue_actions: list[ActionRow]
    counting: str = ""
    """The counting rule, in the words every output uses."""
    without_identifiers: list[tuple[str, str, str]] = field(default_factory=list)
    """(id, reference, title) of reviews with no protected identifier recorded."""


def dashboard(store: Store, today: date) -> Dashboard:
    with store.transaction() as session:
        by_year, folded = cases_by_year(session)

        rapid = session.execute(
            select(
                Review.id,
                Review.reference,
                Review.title,
                Review.date_notified,
                Review.date_rapid_review_submitted,
            ).where(
                Review.kind == ReviewKind.RAPID_REVIEW.value,
                Review.status == "open",
                Review.date_notified.is_not(None),
            )
        ).all()
        rapid_rows = []
        for rid, ref, title, notified, submitted in rapid:
            assert notified is not None  # filtered in the query
            state = deadline_state(rapid_review_due(notified), submitted, today)
            if submitted is None and (state.late or state.days_left <= DUE_SOON_WORKING_DAYS):
                rapid_rows.append(DeadlineRow(rid, ref, title, "Rapid review", state))
        rapid_rows.sort(key=lambda row: row.state.due)

        csprs = session.execute(
            select(Review.id, Review.reference, Review.title, Review.date_decision).where(
                Review.kind == ReviewKind.CSPR.value,
                Review.date_published.is_(None),
                Review.status != "withdrawn",
                Review.date_decision.is_not(None),
            )
        ).all()
        cspr_rows = []
        for rid, ref, title, decided in csprs:
            assert decided is not None  # filtered in the query
            due = cspr_publication_due(decided)
            if today > due:
                cspr_rows.append(
                    DeadlineRow(rid, ref, title, "Publication", deadline_state(due, None, today))
                )
        cspr_rows.sort(key=lambda row: row.state.due)
        protected = select(Identifier.review_id).where(Identifier.review_id == Review.id)
        unprotected = session.execute(
            select(Review.id, Review.reference, Review.title)
            .where(~protected.exists(), Review.status != "withdrawn")
            .order_by(Review.reference)
        ).all()
    actions = list_actions(store, today, counted_only=True)
    return Dashboard(
        by_year_and_kind=by_year,
        rapid_reviews=rapid_rows,
        unpublished_csprs=cspr_rows,
        actions_by_rag=Counter(a.rag for a in actions),
        overdue_actions=sorted(
            (a for a in actions if a.rag is Rag.RED), key=lambda a: a.due or date.min
        ),
        counting=counting_note(folded),
        without_identifiers=[(rid, ref, title) for rid, ref, title in unprotected],
    )
