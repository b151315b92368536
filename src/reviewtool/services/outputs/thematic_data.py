"""The facts a thematic analysis reads about each review, loaded in bulk as plain objects.

A thematic review over thousands of reviews reads only a few columns of each; one query per
table (the cohort as a sub-query, not thousands of bound ids) into slotted objects costs a
fraction of building full bundle records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from reviewtool.db.models import Action, Child, Factor, Recommendation, Review
from reviewtool.domain.enums import (
    ActionStatus,
    FactorRole,
    NotificationType,
    Plan,
    ReviewKind,
    Sex,
)

_KINDS = {kind.value: kind for kind in ReviewKind}
_NOTIFICATIONS = {kind.value: kind for kind in NotificationType}
_ROLES = {role.value: role for role in FactorRole}
_SEXES = {sex.value: sex for sex in Sex}
_PLANS = {plan.value: plan for plan in Plan}
_STATUSES = {status.value: status for status in ActionStatus}


@dataclass(slots=True)
class CaseChild:
    age_months: int | None
    unborn: bool
    sex: Sex
    ethnicity: str | None
    disability: bool | None
    looked_after: bool | None
    known_to_csc: bool | None
    plan: Plan


@dataclass(slots=True)
class CaseFactor:
    code: str
    role: FactorRole
    note: str | None = None
    """The reviewer's note on the theme in this review (its evidence)."""


@dataclass(slots=True)
class CaseAction:
    text: str
    owner: str | None
    due: date | None
    status: ActionStatus
    completed: date | None
    assurance: str | None
    impact: str | None


@dataclass(slots=True)
class CaseRecommendation:
    text: str
    actions: list[CaseAction] = field(default_factory=list)
    from_reference: str | None = None
    """The rapid review it was made in, when that review is counted under its CSPR."""


@dataclass(slots=True)
class Case:
    """One review as the thematic analysis sees it (no identifiers, no narrative)."""

    id: str
    reference: str
    title: str
    kind: ReviewKind
    notified: date | None
    decision: date | None
    published: date | None
    converted_from: str | None
    notification_type: NotificationType | None
    children: list[CaseChild] = field(default_factory=list)
    factors: list[CaseFactor] = field(default_factory=list)
    recommendations: list[CaseRecommendation] = field(default_factory=list)
    codes: frozenset[str] = frozenset()
    """Every code tagged on the review, whatever its role."""
    themes: frozenset[str] = frozenset()
    """The codes and every parent above them: what the review counts for."""


def read_cases(session: Session, cohort: Select[Any]) -> list[Case]:
    """The reviews whose ids ``cohort`` selects, in its order, with what analysis needs."""
    connection = session.connection()
    ids = list(connection.execute(cohort).scalars())
    wanted = cohort.with_only_columns(Review.id).order_by(None).scalar_subquery()
    cases: dict[str, Case] = {}
    reviews = connection.execute(
        select(
            Review.id,
            Review.reference,
            Review.title,
            Review.kind,
            Review.date_notified,
            Review.date_decision,
            Review.date_published,
            Review.converted_from,
            Review.notification_type,
        ).where(Review.id.in_(wanted))
    )
    for row in reviews.all():
        cases[row[0]] = Case(
            row[0],
            row[1],
            row[2],
            _KINDS[row[3]],
            row[4],
            row[5],
            row[6],
            row[7],
            _NOTIFICATIONS[row[8]] if row[8] else None,
        )
    children = connection.execute(
        select(
            Child.review_id,
            Child.age_months,
            Child.unborn,
            Child.sex,
            Child.ethnicity,
            Child.disability,
            Child.looked_after,
            Child.known_to_csc,
            Child.plan,
        )
        .where(Child.review_id.in_(wanted))
        .order_by(Child.review_id, Child.position)
    )
    for child in children.all():
        cases[child[0]].children.append(
            CaseChild(
                child[1],
                bool(child[2]),
                _SEXES[child[3]],
                child[4],
                child[5],
                child[6],
                child[7],
                _PLANS[child[8]],
            )
        )
    factors = connection.execute(
        select(Factor.review_id, Factor.code, Factor.role, Factor.note)
        .where(Factor.review_id.in_(wanted))
        .order_by(Factor.review_id, Factor.position)
    )
    roles = _ROLES
    # A hundred thousand rows at partnership scale, in order of review: each review's
    # factors are made in one go.
    for review_id, rows in groupby(factors.all(), key=itemgetter(0)):
        case = cases[review_id]
        case.factors = [CaseFactor(code, roles[role], note) for _, code, role, note in rows]
        case.codes = frozenset(factor.code for factor in case.factors)
    recommendations: dict[str, CaseRecommendation] = {}
    for recommendation_id, review_id, text in connection.execute(
        select(Recommendation.id, Recommendation.review_id, Recommendation.text)
        .where(Recommendation.review_id.in_(wanted))
        .order_by(Recommendation.review_id, Recommendation.position)
    ).all():
        recommendation = CaseRecommendation(text)
        recommendations[str(recommendation_id)] = recommendation
        cases[review_id].recommendations.append(recommendation)
    actions = connection.execute(
        select(
            Action.recommendation_id,
            Action.text,
            Action.owner,
            Action.due,
            Action.status,
            Action.completed,
            Action.assurance,
            Action.impact,
        )
        .join(Recommendation, Recommendation.id == Action.recommendation_id)
        .where(Recommendation.review_id.in_(wanted))
        .order_by(Action.recommendation_id, Action.position)
    )
    statuses = _STATUSES
    for recommendation_id, lines in groupby(actions.all(), key=itemgetter(0)):
        recommendations[str(recommendation_id)].actions = [
            CaseAction(text, owner, due, statuses[status], completed, assurance, impact)
            for _, text, owner, due, status, completed, assurance, impact in lines
        ]
    return [cases[review_id] for review_id in ids]
