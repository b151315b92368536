"""Copying reviews between bundle records and database rows, both ways."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.strategy_options import _AbstractLoad

from reviewtool.bundle.schema import (
    ActionRecord,
    ChildRecord,
    FactorRecord,
    RecommendationRecord,
    ReviewBriefing,
    ReviewDates,
    ReviewRecord,
    Section,
)
from reviewtool.db.models import (
    Action,
    Agency,
    Briefing,
    BriefingSection,
    Child,
    Factor,
    Identifier,
    LearningItem,
    Recommendation,
    Review,
    Tag,
)
from reviewtool.domain.enums import (
    ActionStatus,
    BriefingStatus,
    Criterion,
    Decision,
    FactorRole,
    NotificationType,
    Plan,
    ReviewKind,
    ReviewStatus,
    Sex,
)
from reviewtool.domain.identifier_kinds import IdentifierKind
from reviewtool.services.clock import naive_utc, utc
from reviewtool.services.lineage import row_lineage

DATE_FIELDS = tuple(ReviewDates.model_fields)


def full_review_loading() -> list[_AbstractLoad]:
    """Load options that fetch a review with everything it holds in a few bulk queries."""
    return [
        selectinload(Review.children),
        selectinload(Review.agencies),
        selectinload(Review.factors),
        selectinload(Review.tags),
        selectinload(Review.identifiers),
        selectinload(Review.items),
        selectinload(Review.recommendations).selectinload(Recommendation.actions),
        selectinload(Review.briefing).selectinload(Briefing.sections),
    ]


def claim_next_version(session: Session, review: Review, expected: int) -> None:
    """Raise ``review`` to its next version now, or fail if it is no longer at ``expected``.

    Every save does this first, whatever it changes (fields, lists, children, briefing):
    one ``UPDATE reviews SET version = expected + 1 WHERE id = ... AND version = expected``.
    A save that changed only lists used to leave the row, and so its version, untouched, and
    a stale copy saved after it was accepted. Zero rows matched raises SQLAlchemy's
    ``StaleDataError``, which the caller reports as an edit conflict; on PostgreSQL the row
    stays locked until commit, so a concurrent save waits and then finds the new version.
    """
    review.version = expected + 1
    session.flush()


def build_record(
    review: Any,
    *,
    children: Sequence[Any],
    agencies: Sequence[Any],
    factors: Sequence[Any],
    tags: Sequence[Any],
    items: Sequence[Any],
    identifiers: Sequence[Any] | None,
    recommendations: Sequence[Any],
    actions_of: Callable[[Any], Sequence[Any]],
    briefing: Any | None,
    sections: Sequence[Any],
    with_lineage: bool = True,
) -> ReviewRecord:
    """A review record from stored rows: ORM objects or plain rows, which share their names.

    Stored data met every rule when it was written, so records are built without
    re-validating (converting stored values to the record's enum types); this is what makes
    reading thousands of reviews quick.
    """
    review_briefing = None
    if briefing is not None:
        review_briefing = ReviewBriefing.model_construct(
            status=BriefingStatus(briefing.status),
            sections=[Section.model_construct(heading=s.heading, body=s.body) for s in sections],
            approved_by=briefing.approved_by,
            approved_at=utc(briefing.approved_at) if briefing.approved_at else None,
        )
    # An analysis never reads the exchange history: it is left out (it may be long).
    lineage = row_lineage(review) if with_lineage else None
    return ReviewRecord.model_construct(
        revision=lineage.revision if lineage else None,
        ancestors=list(lineage.ancestors) if lineage else [],
        id=review.id,
        reference=review.reference,
        kind=ReviewKind(review.kind),
        title=review.title,
        status=ReviewStatus(review.status),
        updated_at=utc(review.updated_at),
        converted_from=review.converted_from,
        notification_type=NotificationType(review.notification_type)
        if review.notification_type
        else None,
        dates=ReviewDates.model_construct(
            **{name: getattr(review, f"date_{name}") for name in DATE_FIELDS}
        ),
        decision=Decision(review.decision) if review.decision else None,
        decision_rationale=review.decision_rationale,
        criteria=[Criterion(c) for c in review.criteria],
        reviewer=review.reviewer,
        methodology=review.methodology,
        children=[
            ChildRecord.model_construct(
                pseudonym=c.pseudonym,
                age_months=c.age_months,
                unborn=c.unborn,
                sex=Sex(c.sex),
                ethnicity=c.ethnicity,
                disability=c.disability,
                looked_after=c.looked_after,
                plan=Plan(c.plan),
                known_to_csc=c.known_to_csc,
            )
            for c in children
        ],
        agencies=[a.name for a in agencies],
        summary=review.summary,
        factors=[
            FactorRecord.model_construct(code=f.code, role=FactorRole(f.role), note=f.note)
            for f in factors
        ],
        tags=[t.tag for t in tags],
        identifiers=[i.value for i in identifiers] if identifiers is not None else None,
        identifier_kinds=[IdentifierKind(i.kind) for i in identifiers]
        if identifiers is not None
        else None,
        learning=[i.text for i in items if i.kind == "learning"],
        good_practice=[i.text for i in items if i.kind == "good_practice"],
        recommendations=[
            RecommendationRecord.model_construct(
                id=r.id,
                text=r.text,
                actions=[
                    ActionRecord.model_construct(
                        id=a.id,
                        text=a.text,
                        owner=a.owner,
                        due=a.due,
                        status=ActionStatus(a.status),
                        completed=a.completed,
                        assurance=a.assurance,
                        impact=a.impact,
                        dropped_reason=a.dropped_reason,
                    )
                    for a in actions_of(r)
                ],
            )
            for r in recommendations
        ],
        briefing=review_briefing,
    )


def identifier_kinds_of(record: ReviewRecord) -> list[IdentifierKind]:
    """One kind per identifier: those the record gives, "other" where it gives none."""
    values = record.identifiers or []
    kinds = list(record.identifier_kinds or [])
    return (kinds + [IdentifierKind.OTHER] * len(values))[: len(values)]


def record_from_review(review: Review, include_identifiers: bool) -> ReviewRecord:
    """The record of a review loaded as an ORM object (see `full_review_loading`)."""
    return build_record(
        review,
        children=review.children,
        agencies=review.agencies,
        factors=review.factors,
        tags=review.tags,
        items=review.items,
        identifiers=review.identifiers if include_identifiers else None,
        recommendations=review.recommendations,
        actions_of=lambda recommendation: recommendation.actions,
        briefing=review.briefing,
        sections=review.briefing.sections if review.briefing is not None else [],
    )


def apply_record(review: Review, record: ReviewRecord, now: datetime) -> None:
    """Make ``review`` hold exactly what ``record`` says.

    Identifiers are left alone when the record has none (``None``): a bundle exported
    without identifiers must not erase them on its way back in.
    """
    review.reference = record.reference
    review.kind = record.kind.value
    review.title = record.title
    review.status = record.status.value
    review.notification_type = record.notification_type.value if record.notification_type else None
    review.converted_from = record.converted_from
    for name in DATE_FIELDS:
        setattr(review, f"date_{name}", getattr(record.dates, name))
    review.decision = record.decision.value if record.decision else None
    review.criteria = "".join(sorted(c.value for c in record.criteria))
    review.decision_rationale = record.decision_rationale
    review.reviewer = record.reviewer
    review.methodology = record.methodology
    review.summary = record.summary
    review.updated_at = naive_utc(record.updated_at)

    review.children = [
        Child(
            position=i,
            pseudonym=c.pseudonym,
            age_months=c.age_months,
            unborn=c.unborn,
            sex=c.sex.value,
            ethnicity=c.ethnicity,
            disability=c.disability,
            looked_after=c.looked_after,
            plan=c.plan.value,
            known_to_csc=c.known_to_csc,
        )
        for i, c in enumerate(record.children)
    ]
    review.agencies = [Agency(position=i, name=name) for i, name in enumerate(record.agencies)]
    _apply_factors(review, record.factors)
    review.tags = [Tag(position=i, tag=tag) for i, tag in enumerate(record.tags)]
    if record.identifiers is not None:
        kinds = identifier_kinds_of(record)
        review.identifiers = [
            Identifier(position=i, value=value, kind=kind.value)
            for i, (value, kind) in enumerate(zip(record.identifiers, kinds, strict=True))
        ]
    review.items = [
        LearningItem(kind="learning", position=i, text=t) for i, t in enumerate(record.learning)
    ] + [
        LearningItem(kind="good_practice", position=i, text=t)
        for i, t in enumerate(record.good_practice)
    ]
    _apply_recommendations(review, record.recommendations)
    _apply_briefing(review, record.briefing, now)


def _apply_factors(review: Review, records: list[FactorRecord]) -> None:
    # Reuse the row of a (code, role) pair: replacing it would insert the new row before
    # deleting the old one and break the one-tag-per-code-and-role rule.
    existing = {(f.code, f.role): f for f in review.factors}
    factors: list[Factor] = []
    for position, record in enumerate(records):
        factor = existing.get((record.code, record.role.value)) or Factor(
            code=record.code, role=record.role.value
        )
        factor.position = position
        factor.note = record.note
        factors.append(factor)
    review.factors = factors


def _apply_recommendations(review: Review, records: list[RecommendationRecord]) -> None:
    # Recommendations and actions keep their ids: reconcile in place rather than replace.
    existing = {r.id: r for r in review.recommendations}
    kept: list[Recommendation] = []
    for position, record in enumerate(records):
        recommendation = existing.get(record.id) or Recommendation(id=record.id)
        recommendation.position = position
        recommendation.text = record.text
        actions = {a.id: a for a in recommendation.actions}
        new_actions: list[Action] = []
        for a_position, a_record in enumerate(record.actions):
            action = actions.get(a_record.id) or Action(id=a_record.id)
            action.position = a_position
            action.text = a_record.text
            action.owner = a_record.owner
            action.due = a_record.due
            action.status = a_record.status.value
            action.completed = a_record.completed
            action.assurance = a_record.assurance
            action.impact = a_record.impact
            action.dropped_reason = a_record.dropped_reason
            new_actions.append(action)
        recommendation.actions = new_actions
        kept.append(recommendation)
    review.recommendations = kept


def _apply_briefing(review: Review, record: ReviewBriefing | None, now: datetime) -> None:
    if record is None:
        review.briefing = None
        return
    briefing = review.briefing
    if briefing is None:
        briefing = Briefing(id=str(uuid.uuid4()), created_at=naive_utc(now))
        review.briefing = briefing
    briefing.status = record.status.value
    briefing.approved_by = record.approved_by
    briefing.approved_at = naive_utc(record.approved_at) if record.approved_at else None
    briefing.updated_at = naive_utc(now)
    briefing.sections = [
        BriefingSection(position=i, heading=s.heading, body=s.body)
        for i, s in enumerate(record.sections)
    ]
