"""Reading many reviews at once as bundle records, with one plain query per table.

Loading thousands of reviews through ORM objects costs far more than the queries; exports and
the thematic analysis read rows and build records directly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, select
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


def read_reviews(
    session: Session, ids: Sequence[str], include_identifiers: bool
) -> list[ReviewRecord]:
    """The reviews with these ids, in the order given, as complete records."""
    if not ids:
        return []
    reviews = _grouped(session, Review.__table__, Review.__table__.c.id, ids, [])
    children = _grouped(
        session, Child.__table__, Child.__table__.c.review_id, ids, [Child.__table__.c.position]
    )
    agencies = _grouped(
        session, Agency.__table__, Agency.__table__.c.review_id, ids, [Agency.__table__.c.position]
    )
    factors = _grouped(
        session, Factor.__table__, Factor.__table__.c.review_id, ids, [Factor.__table__.c.position]
    )
    tags = _grouped(
        session, Tag.__table__, Tag.__table__.c.review_id, ids, [Tag.__table__.c.position]
    )
    items = _grouped(
        session,
        LearningItem.__table__,
        LearningItem.__table__.c.review_id,
        ids,
        [LearningItem.__table__.c.position],
    )
    identifiers = (
        _grouped(
            session,
            Identifier.__table__,
            Identifier.__table__.c.review_id,
            ids,
            [Identifier.__table__.c.position],
        )
        if include_identifiers
        else {}
    )
    recommendations = _grouped(
        session,
        Recommendation.__table__,
        Recommendation.__table__.c.review_id,
        ids,
        [Recommendation.__table__.c.position],
    )
    recommendation_ids = [r.id for rows in recommendations.values() for r in rows]
    actions = _grouped(
        session,
        Action.__table__,
        Action.__table__.c.recommendation_id,
        recommendation_ids,
        [Action.__table__.c.position],
    )
    briefing_table: Table = Briefing.__table__  # type: ignore[assignment]
    briefings = _grouped(session, briefing_table, briefing_table.c.review_id, ids, [])
    briefing_ids = [b.id for rows in briefings.values() for b in rows]
    sections = _grouped(
        session,
        BriefingSection.__table__,
        BriefingSection.__table__.c.briefing_id,
        briefing_ids,
        [BriefingSection.__table__.c.position],
    )

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
