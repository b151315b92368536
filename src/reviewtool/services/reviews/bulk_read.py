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
    ReviewRecord,
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
from reviewtool.services.records import build_record

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

    records = []
    for review_id in ids:
        (review,) = reviews[review_id]
        briefing = briefings[review_id][0] if briefings.get(review_id) else None
        records.append(
            build_record(
                review,
                children=children.get(review_id, []),
                agencies=agencies.get(review_id, []),
                factors=factors.get(review_id, []),
                tags=tags.get(review_id, []),
                items=items.get(review_id, []),
                identifiers=identifiers.get(review_id, []) if include_identifiers else None,
                recommendations=recommendations.get(review_id, []),
                actions_of=lambda recommendation: actions.get(recommendation.id, []),
                briefing=briefing,
                sections=sections.get(briefing.id, []) if briefing is not None else [],
                with_lineage=not for_analysis,
            )
        )
    return records
