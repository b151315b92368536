"""Counting a period's timeliness, decisions, dissemination and impact for the annual report."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import and_, or_, select

from reviewtool.db.models import (
    Action,
    ActionRagReview,
    Dissemination,
    PublicationPause,
    Recommendation,
    Review,
    TeamPlanAction,
)
from reviewtool.domain.actions import Rag
from reviewtool.domain.enums import ActionStatus, ReviewKind
from reviewtool.domain.milestones import Pause, publication_clock
from reviewtool.domain.workflow import DECISION_LABELS, working_days_to_submission
from reviewtool.reports.annual_practice_model import ImpactItem, PracticeFigures
from reviewtool.services.store import Store

IMPACT_SHOWN = 30


def annual_practice_figures(store: Store, start: date, end: date, today: date) -> PracticeFigures:
    with store.transaction() as session:
        rapid = session.execute(
            select(Review.date_notified, Review.date_rapid_review_submitted).where(
                Review.kind == ReviewKind.RAPID_REVIEW.value,
                Review.date_notified.between(start, end),
            )
        ).all()
        csprs = session.execute(
            select(Review.id, Review.date_decision, Review.date_published).where(
                Review.kind == ReviewKind.CSPR.value,
                Review.date_published.between(start, end),
                Review.date_decision.is_not(None),
            )
        ).all()
        pauses: dict[str, list[Pause]] = {}
        for review_id, reason, begun, ended in session.execute(
            select(
                PublicationPause.review_id,
                PublicationPause.reason,
                PublicationPause.start,
                PublicationPause.end,
            ).where(PublicationPause.review_id.in_([c[0] for c in csprs]))
        ):
            pauses.setdefault(review_id, []).append(Pause(reason, begun, ended))
        decisions = Counter(
            session.scalars(
                select(Review.decision).where(
                    Review.kind == ReviewKind.RAPID_REVIEW.value,
                    Review.date_decision.between(start, end),
                    Review.decision.is_not(None),
                )
            )
        )
        deliveries = session.execute(
            select(
                Dissemination.id,
                Dissemination.briefing_id,
                Dissemination.audience,
                Dissemination.attendees,
                Dissemination.plan_due,
                Dissemination.plan_returned,
            ).where(Dissemination.delivered_on.between(start, end))
        ).all()
        plan_statuses = list(
            session.scalars(
                select(TeamPlanAction.status).where(
                    TeamPlanAction.dissemination_id.in_([d[0] for d in deliveries])
                )
            )
        )
        rag_reviews = Counter(
            session.scalars(
                select(ActionRagReview.rag).where(ActionRagReview.reviewed_on.between(start, end))
            )
        )
        impact_rows = session.execute(
            select(Review.reference, Action.text, Action.impact)
            .join(Recommendation, Recommendation.review_id == Review.id)
            .join(Action, Action.recommendation_id == Recommendation.id)
            .where(
                Action.impact.is_not(None),
                Action.impact != "",
                or_(
                    Action.completed.between(start, end),
                    and_(Action.completed.is_(None), Action.due.between(start, end)),
                ),
            )
            .order_by(Review.reference, Action.position)
        ).all()

    submitted = [(n, s) for n, s in rapid if n is not None and s is not None]
    days = [working_days_to_submission(n, s) for n, s in submitted]
    late = [d - 15 for d in days if d > 15]
    in_time = 0
    for review_id, decided, published in csprs:
        assert decided is not None and published is not None  # filtered in the query
        if not publication_clock(decided, published, today, pauses.get(review_id, [])).late:
            in_time += 1
    return PracticeFigures(
        period=f"{start:%d %B %Y} to {end:%d %B %Y}",
        rapid_reviews_submitted=len(submitted),
        rapid_reviews_in_time=sum(1 for d in days if d <= 15),
        rapid_reviews_pending=len(rapid) - len(submitted),
        rapid_review_average_days_late=sum(late) / len(late) if late else None,
        csprs_published=len(csprs),
        csprs_in_time=in_time,
        csprs_paused=sum(1 for c in csprs if c[0] in pauses),
        decisions={
            label: decisions[value] for value, label in DECISION_LABELS.items() if decisions[value]
        },
        deliveries=len(deliveries),
        people_reached=sum(d[3] for d in deliveries),
        briefings_delivered=len({d[1] for d in deliveries}),
        audiences=sorted({d[2] for d in deliveries}),
        plans_requested=sum(1 for d in deliveries if d[4] is not None or d[5] is not None),
        plans_returned=sum(1 for d in deliveries if d[5] is not None),
        plan_actions=len(plan_statuses),
        plan_actions_complete=sum(1 for s in plan_statuses if s == ActionStatus.COMPLETE.value),
        rag_reviews={rag.label: rag_reviews[rag.value] for rag in Rag if rag_reviews[rag.value]},
        impact=[
            ImpactItem(reference, text, impact or "")
            for reference, text, impact in impact_rows[:IMPACT_SHOWN]
        ],
    )
