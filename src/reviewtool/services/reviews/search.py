"""Full-text search over reviews: one function for SQLite and PostgreSQL alike."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select

from reviewtool.db import search as index
from reviewtool.db.models import Review
from reviewtool.domain.snippets import word_starts
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


def match_pattern(text: str) -> re.Pattern[str] | None:
    """What a search for ``text`` marks in a review's own text: every word that starts with
    a searched word (as the snippets mark them); None when nothing would be searched."""
    tokens = index.tokens_of(text)
    if not tokens:
        return None
    starts = sorted(word_starts(tokens), key=len, reverse=True)
    words = "|".join(re.escape(start) for start in starts)
    return re.compile(rf"(?<!\w)(?:{words})\w*", re.IGNORECASE)
