"""Full-text search over reviews: one function for SQLite and PostgreSQL alike."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewtool.bundle.schema import ReviewRecord
from reviewtool.db import search as index
from reviewtool.db.models import Review
from reviewtool.services.review_mapping import full_review_loading, record_from_review
from reviewtool.services.store import Store


@dataclass(frozen=True)
class SearchHit:
    review_id: str
    reference: str
    title: str
    kind: str
    rank: float
    snippet_parts: tuple[tuple[str, bool], ...] | None
    """The snippet as (text, is_match) pieces, so any view can highlight the matches; None
    when not asked for (``search_snippets`` fetches it)."""

    @property
    def snippet(self) -> str:
        return "".join(text for text, _ in self.snippet_parts or ())


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


def split_snippet(snippet: str) -> tuple[tuple[str, bool], ...]:
    parts: list[tuple[str, bool]] = []
    rest = snippet
    while rest:
        start = rest.find(index.HIGHLIGHT_START)
        if start < 0:
            parts.append((rest, False))
            break
        if start:
            parts.append((rest[:start], False))
        end = rest.find(index.HIGHLIGHT_END, start)
        if end < 0:
            parts.append((rest[start + 1 :], True))
            break
        parts.append((rest[start + 1 : end], True))
        rest = rest[end + 1 :]
    return tuple(part for part in parts if part[0])


def search_reviews(
    store: Store, text: str, limit: int = 100, with_snippets: int | None = None
) -> list[SearchHit]:
    """Reviews matching every word of ``text`` (the last word as a prefix), best first;
    snippets for the first ``with_snippets`` of them (all if None)."""
    with store.transaction() as session:
        hits = index.query(session, text, limit, with_snippets)
        if not hits:
            return []
        rows = session.execute(
            select(Review.id, Review.reference, Review.title, Review.kind).where(
                Review.id.in_([hit.review_id for hit in hits])
            )
        ).all()
    by_id = {row.id: row for row in rows}
    return [
        SearchHit(
            review_id=hit.review_id,
            reference=by_id[hit.review_id].reference,
            title=by_id[hit.review_id].title,
            kind=by_id[hit.review_id].kind,
            rank=hit.rank,
            snippet_parts=split_snippet(hit.snippet) if hit.snippet is not None else None,
        )
        for hit in hits
        if hit.review_id in by_id
    ]


def search_snippets(
    store: Store, text: str, review_ids: list[str]
) -> dict[str, tuple[tuple[str, bool], ...]]:
    """The matching passage of each of these reviews (every id present, maybe empty)."""
    with store.transaction() as session:
        found = index.snippets(session, text, review_ids)
    return {review_id: split_snippet(found.get(review_id, "")) for review_id in review_ids}


def rebuild_search_index(store: Store, chunk: int = 500) -> int:
    """Re-create every index row (after an upgrade or a restore)."""
    with store.transaction() as session:
        index.clear(session)
        ids = list(session.scalars(select(Review.id)))
        for start in range(0, len(ids), chunk):
            reviews = session.scalars(
                select(Review)
                .where(Review.id.in_(ids[start : start + chunk]))
                .options(*full_review_loading())
            ).all()
            index_records(
                session, [record_from_review(r, include_identifiers=False) for r in reviews]
            )
            session.expunge_all()
    return len(ids)
