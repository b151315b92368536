"""Reading many reviews at once as bundle records, with one plain query per table.

Loading thousands of reviews through ORM objects costs far more than the queries; exports and
the thematic analysis read rows and build records directly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

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
from reviewtool.services.review_mapping import DATE_FIELDS, utc

CHUNK = 900  # under SQLite's limit on bound parameters


def _grouped(
    session: Session, table: Any, key: Any, ids: Sequence[str], order: Sequence[Any]
) -> dict[str, list[Any]]:
    grouped: dict[str, list[Any]] = defaultdict(list)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        for row in session.execute(select(table).where(key.in_(chunk)).order_by(*order)):
            grouped[getattr(row, key.key)].append(row)
    return grouped


def _by_review(
    session: Session, model: Any, ids: Sequence[str], key: str = "review_id", ordered: bool = True
) -> dict[str, list[Any]]:
    table = model.__table__
    return _grouped(session, table, table.c[key], ids, [table.c.position] if ordered else [])


def read_reviews(
    session: Session, ids: Sequence[str], include_identifiers: bool, for_analysis: bool = False
) -> list[ReviewRecord]:
    """The reviews with these ids, in the order given, as records.

    ``for_analysis`` leaves out what a thematic analysis never reads (agencies, tags, learning,
    briefings), so those lists come back empty.
    """
    if not ids:
        return []
    none: dict[str, list[Any]] = {}
    reviews = _by_review(session, Review, ids, key="id", ordered=False)
    children = _by_review(session, Child, ids)
    factors = _by_review(session, Factor, ids)
    agencies = none if for_analysis else _by_review(session, Agency, ids)
    tags = none if for_analysis else _by_review(session, Tag, ids)
    items = none if for_analysis else _by_review(session, LearningItem, ids)
    identifiers = _by_review(session, Identifier, ids) if include_identifiers else none
    recommendations = _by_review(session, Recommendation, ids)
    recommendation_ids = [r.id for rows in recommendations.values() for r in rows]
    actions = _by_review(session, Action, recommendation_ids, key="recommendation_id")
    briefings = none if for_analysis else _by_review(session, Briefing, ids, ordered=False)
    briefing_ids = [b.id for rows in briefings.values() for b in rows]
    sections = _by_review(session, BriefingSection, briefing_ids, key="briefing_id")

    # Rows from our own tables are valid by construction: build records without re-validating,
    # converting stored values to the record's enum types.
    records = []
    for review_id in ids:
        (review,) = reviews[review_id]
        briefing = None
        if briefings.get(review_id):
            (row,) = briefings[review_id]
            briefing = ReviewBriefing.model_construct(
                status=BriefingStatus(row.status),
                sections=[
                    Section.model_construct(heading=s.heading, body=s.body)
                    for s in sections.get(row.id, [])
                ],
                approved_by=row.approved_by,
                approved_at=utc(row.approved_at) if row.approved_at else None,
            )
        records.append(
            ReviewRecord.model_construct(
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
                    for c in children.get(review_id, [])
                ],
                agencies=[a.name for a in agencies.get(review_id, [])],
                summary=review.summary,
                factors=[
                    FactorRecord.model_construct(code=f.code, role=FactorRole(f.role), note=f.note)
                    for f in factors.get(review_id, [])
                ],
                tags=[t.tag for t in tags.get(review_id, [])],
                identifiers=[i.value for i in identifiers.get(review_id, [])]
                if include_identifiers
                else None,
                learning=[i.text for i in items.get(review_id, []) if i.kind == "learning"],
                good_practice=[
                    i.text for i in items.get(review_id, []) if i.kind == "good_practice"
                ],
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
                            for a in actions.get(r.id, [])
                        ],
                    )
                    for r in recommendations.get(review_id, [])
                ],
                briefing=briefing,
            )
        )
    return records
