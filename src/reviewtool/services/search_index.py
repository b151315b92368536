"""The search index's rows: what each review is found by, kept in step with every save.

A leaf below the store, so that opening (and upgrading) a database can rebuild the index
without importing the search feature that reads it.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewtool.bundle.schema import ReviewRecord
from reviewtool.db import search as index
from reviewtool.db.models import Review
from reviewtool.services.records import full_review_loading, record_from_review


def search_text(record: ReviewRecord) -> index.SearchRow:
    """What a review is found by: its words, never its protected identifiers."""
    title = " ".join(
        [record.title, record.reference] + [c.pseudonym for c in record.children if c.pseudonym]
    )
    parts: list[str | None] = [
        record.summary,
        record.decision_rationale,
        record.reviewer,
        record.methodology,
    ]
    parts += record.learning + record.good_practice + record.agencies + record.tags
    parts += [factor.note for factor in record.factors]
    for recommendation in record.recommendations:
        parts.append(recommendation.text)
        for action in recommendation.actions:
            parts += [action.text, action.owner, action.assurance, action.impact]
    if record.briefing is not None:
        for section in record.briefing.sections:
            parts += [section.heading, section.body]
    body = "\n".join(part for part in parts if part)
    return index.SearchRow(record.id, title, body)


def index_records(session: Session, records: Iterable[ReviewRecord], new: bool = False) -> None:
    """(Re)index reviews; ``new`` for reviews that were never indexed (a faster insert)."""
    rows = [search_text(record) for record in records]
    if new:
        index.insert_rows(session, rows)
    else:
        index.replace_rows(session, rows)


def rebuild_search_index(session: Session, chunk: int = 500) -> int:
    """Re-create every index row (after an upgrade or a restore), in the caller's transaction."""
    index.clear(session)
    ids = list(session.scalars(select(Review.id)))
    for start in range(0, len(ids), chunk):
        reviews = session.scalars(
            select(Review)
            .where(Review.id.in_(ids[start : start + chunk]))
            .options(*full_review_loading())
        ).all()
        index_records(session, [record_from_review(r, include_identifiers=False) for r in reviews])
        session.expunge_all()
    index.optimize(session)
    return len(ids)
