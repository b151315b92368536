"""The review list: filters, search order, deadlines and main themes, read in bulk."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import bindparam, extract, func, select
from sqlalchemy.orm import Session

from reviewtool.db import search as index
from reviewtool.db.models import Code, Factor, Identifier, PublicationPause, Review
from reviewtool.domain.deadlines import (
    DeadlineState,
    cspr_publication_due,
    deadline_state,
    rapid_review_due,
)
from reviewtool.domain.enums import ReviewKind
from reviewtool.domain.milestones import Pause, publication_deadline
from reviewtool.services.clock import utc
from reviewtool.services.reviews.search import split_snippet
from reviewtool.services.store import Store


@dataclass(slots=True)
class ReviewSummary:
    """One row of the review list (thousands are made at once: slots, not frozen)."""

    id: str
    reference: str
    title: str
    kind: ReviewKind
    status: str
    notified: date | None
    decision: date | None
    published: date | None
    rapid_review_due: date | None
    themes: tuple[str, ...] | None
    """Labels of its main themes; None when listed without them (see ``review_themes``)."""
    updated_at: datetime
    deadline: DeadlineState | None = None
    deadline_what: str = ""
    snippet_parts: tuple[tuple[str, bool], ...] | None = ()
    """The matching passage of a search; None when listed without it."""
    has_identifiers: bool = True
    """False when no protected identifier is recorded: the publication check then has
    nothing to look for."""


NO_IDENTIFIERS = "No identifiers recorded: the publication check cannot protect this review."


def reviews_with_identifiers(session: Session, review_ids: list[str] | None = None) -> set[str]:
    """Which of these reviews (or of all) have at least one protected identifier."""
    query = select(Identifier.review_id).distinct()
    if review_ids is not None and len(review_ids) <= 900:
        # One expanding parameter: far cheaper to build than hundreds of bound values.
        query = query.where(Identifier.review_id.in_(bindparam("ids", expanding=True)))
        return set(session.connection().execute(query, {"ids": review_ids}).scalars())
    return set(session.connection().execute(query).scalars())


@dataclass(frozen=True)
class ReviewFilter:
    kinds: tuple[ReviewKind, ...] = ()
    statuses: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    theme: str | None = None
    text: str = ""
    overdue_only: bool = False
    limit: int | None = None


def _filtered(query: Any, filters: ReviewFilter) -> Any:
    if filters.kinds:
        query = query.where(Review.kind.in_([k.value for k in filters.kinds]))
    if filters.statuses:
        query = query.where(Review.status.in_(filters.statuses))
    year = extract(
        "year", func.coalesce(Review.date_notified, Review.date_decision, Review.date_published)
    )
    if filters.year_from is not None:
        query = query.where(year >= filters.year_from)
    if filters.year_to is not None:
        query = query.where(year <= filters.year_to)
    if filters.theme:
        query = query.where(
            select(Factor.id)
            .where(Factor.review_id == Review.id, Factor.code.startswith(filters.theme))
            .exists()
        )
    return query


_LIST_COLUMNS = (
    Review.id,
    Review.reference,
    Review.title,
    Review.kind,
    Review.status,
    Review.date_notified,
    Review.date_decision,
    Review.date_published,
    Review.date_rapid_review_submitted,
    Review.updated_at,
)


_HAS_IDENTIFIERS = (
    select(Identifier.id).where(Identifier.review_id == Review.id).exists().label("has_identifiers")
)
"""Whether a listed review has a protected identifier, read with the row (an index probe)."""


def current_deadline(
    review: Any, today: date, pauses: Sequence[Pause] = ()
) -> tuple[str, DeadlineState | None]:
    """The deadline a business unit watches for this review, if it has one (a local
    review's publication counts only time that no publication pause covers)."""
    if review.kind == ReviewKind.RAPID_REVIEW and review.date_notified:
        due = rapid_review_due(review.date_notified)
        return "Rapid review", deadline_state(due, review.date_rapid_review_submitted, today)
    if review.kind == ReviewKind.CSPR and review.date_decision and review.status != "withdrawn":
        if pauses:
            return "Publication", publication_deadline(
                review.date_decision, review.date_published, today, pauses
            )
        due = cspr_publication_due(review.date_decision)
        return "Publication", deadline_state(due, review.date_published, today)
    return "", None


def publication_pauses(session: Session) -> dict[str, list[Pause]]:
    """Every review's publication pauses (few reviews have any: one small query)."""
    pauses: dict[str, list[Pause]] = {}
    for review_id, reason, start, end in session.execute(
        select(
            PublicationPause.review_id,
            PublicationPause.reason,
            PublicationPause.start,
            PublicationPause.end,
        )
    ):
        pauses.setdefault(review_id, []).append(Pause(reason, start, end))
    return pauses


def list_reviews(
    store: Store,
    filters: ReviewFilter | None = None,
    today: date | None = None,
    with_themes: bool = True,
    with_snippets: bool = True,
) -> list[ReviewSummary]:
    """Reviews matching ``filters``: best search match first, otherwise newest first.

    ``with_themes=False`` and ``with_snippets=False`` leave those as None, for a view that
    fetches them (``review_themes``, ``search_snippets``) only for the rows on screen.
    """
    filters = filters or ReviewFilter()
    today = today or date.today()
    snippets: dict[str, tuple[tuple[str, bool], ...] | None] = {}
    order: dict[str, int] = {}
    with store.transaction() as session:
        if filters.text.strip():
            hits = index.query(session, filters.text, SEARCH_LIMIT, None if with_snippets else 0)
            if not hits:
                return []
            snippets = {
                hit.review_id: split_snippet(hit.snippet) if hit.snippet is not None else None
                for hit in hits
            }
            order = {hit.review_id: i for i, hit in enumerate(hits)}
        query = _list_query(replace(filters, text="", limit=None), bool(order))
        parameters: dict[str, Any] = {"ranked": list(order)} if order else {}
        if filters.limit and not order and not filters.overdue_only:
            query = query.limit(filters.limit)
        # Core rows: the ORM's result machinery costs more than the query for thousands.
        reviews = session.connection().execute(query, parameters).all()
        themes = _main_themes(session, [r.id for r in reviews]) if with_themes else None
        pauses = publication_pauses(session)
        deadlines = {r.id: current_deadline(r, today, pauses.get(r.id, ())) for r in reviews}
        if filters.overdue_only:
            reviews = [
                r
                for r in reviews
                if (state := deadlines[r.id][1]) is not None and state.late and state.done is None
            ]
        kinds = {kind.value: kind for kind in ReviewKind}
        rows = []
        for r in reviews:
            what, state = deadlines[r.id]
            rows.append(
                ReviewSummary(
                    r.id,
                    r.reference,
                    r.title,
                    kinds[r.kind],
                    r.status,
                    r.date_notified,
                    r.date_decision,
                    r.date_published,
                    state.due if state is not None and what == "Rapid review" else None,
                    themes.get(r.id, ()) if themes is not None else None,
                    utc(r.updated_at),
                    state,
                    what,
                    snippets.get(r.id, ()),
                    bool(r.has_identifiers),
                )
            )
    if order:
        rows.sort(key=lambda row: order[row.id])
    if filters.limit:
        rows = rows[: filters.limit]
    return rows


@lru_cache(maxsize=64)
def _list_query(filters: ReviewFilter, ranked: bool) -> Any:
    """The list's query for these filters, built once: building a statement and its cache
    key costs a few milliseconds, and a search being typed asks for it at every keystroke."""
    # Only the columns the list shows: plain rows are far cheaper than ORM objects.
    query = _filtered(select(*_LIST_COLUMNS, _HAS_IDENTIFIERS), filters)
    if ranked:  # put in rank order by the caller
        return query.where(Review.id.in_(bindparam("ranked", expanding=True)))
    return query.order_by(
        Review.date_notified.desc().nulls_last(), Review.updated_at.desc(), Review.reference
    )


_WHOLE_TABLE_AT = 2000
SEARCH_LIMIT = 200
"""The best matches a search lists. Ranking scores every match whatever the limit; building
rows is the part that grows with it, and it is paid at every keystroke. Past the first
couple of hundred a ranked list stops being read: the window says that more may match and
that another word or a filter narrows the search."""


def best_matches_only(search_text: str | None, listed: int) -> bool:
    """Whether a list of ``listed`` rows for this search holds only its best matches (more
    reviews may match): what the window and the command line say when it does."""
    return bool(search_text and search_text.strip()) and listed >= SEARCH_LIMIT


def review_themes(store: Store, review_ids: list[str]) -> dict[str, tuple[str, ...]]:
    """Labels of the main themes of each of these reviews (every id present, maybe empty)."""
    with store.transaction() as session:
        found = _main_themes(session, review_ids)
    return {review_id: found.get(review_id, ()) for review_id in review_ids}


def _main_themes(
    session: Session, review_ids: list[str], per_review: int = 4
) -> dict[str, tuple[str, ...]]:
    """Labels of each review's first few non-good-practice codes, fetched in bulk.

    Plain (review, code) rows in order, one query per chunk of ids, labels looked up in
    Python: far cheaper than a join with a window function over thousands of reviews.
    """
    connection = session.connection()  # Core rows: the ORM layer costs more than the query
    labels_of = {
        code: label
        for code, label in connection.execute(
            select(Code.code, Code.label).where(Code.group != "good")
        )
    }
    wanted = set(review_ids)
    tags = select(Factor.review_id, Factor.code).order_by(Factor.review_id, Factor.position)
    chunks: list[tuple[Any, dict[str, list[str]]]]
    if len(review_ids) > _WHOLE_TABLE_AT:
        # Most reviews: one ordered pass over every tag beats thousands of bound ids.
        chunks = [(tags, {})]
    else:
        of_chunk = tags.where(Factor.review_id.in_(bindparam("ids", expanding=True)))
        chunks = [
            (of_chunk, {"ids": review_ids[start : start + 900]})
            for start in range(0, len(review_ids), 900)
        ]
    found: dict[str, list[str]] = defaultdict(list)
    for query, parameters in chunks:
        rows = connection.execute(query, parameters).all()
        for review_id, code in rows:
            label = labels_of.get(code)
            if label is None or review_id not in wanted:
                continue
            labels = found[review_id]
            # The same label can come twice (one code, two roles).
            if len(labels) < per_review and label not in labels:
                labels.append(label)
    return {key: tuple(value) for key, value in found.items()}


def count_reviews(store: Store) -> int:
    with store.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(Review)) or 0)
