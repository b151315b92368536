"""Reviews: list, open, create, save and delete, each as one transaction."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import extract, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from reviewtool.bundle.checks import check_bundle
from reviewtool.bundle.errors import BundleError
from reviewtool.bundle.read import problems_from_validation
from reviewtool.bundle.schema import Bundle, ReviewRecord
from reviewtool.db import search as index
from reviewtool.db.models import Code, Factor, Review
from reviewtool.domain.deadlines import (
    DeadlineState,
    cspr_publication_due,
    deadline_state,
    rapid_review_due,
)
from reviewtool.domain.enums import BriefingStatus, ReviewKind
from reviewtool.domain.errors import EditConflict, InvalidInput, NotFound
from reviewtool.services.audit import add_event, add_review_changes, changed_fields, flatten_review
from reviewtool.services.review_mapping import (
    apply_record,
    full_review_loading,
    naive_utc,
    record_from_review,
    utc,
)
from reviewtool.services.search import index_records, split_snippet
from reviewtool.services.store import Store


@dataclass(frozen=True)
class LoadedReview:
    """A review as opened for editing: its content and the version it was read at."""

    record: ReviewRecord
    version: int


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


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def resolve_review_id(session: Session, ref_or_id: str) -> str:
    """A review's id from its id or its reference; an ambiguous reference is an error."""
    wanted = ref_or_id.strip()
    matches = session.scalars(
        select(Review.id).where(or_(Review.id == wanted.lower(), Review.reference == wanted))
    ).all()
    if not matches:
        matches = session.scalars(
            select(Review.id).where(func.lower(Review.reference) == wanted.lower())
        ).all()
    if not matches:
        raise NotFound(f"no review with reference or id {wanted!r}")
    if len(matches) > 1:
        raise InvalidInput(
            f"{wanted!r} matches {len(matches)} reviews; use the review's id instead "
            f"({', '.join(sorted(matches))})"
        )
    return matches[0]


def get_review(store: Store, ref_or_id: str, include_identifiers: bool = True) -> LoadedReview:
    with store.transaction() as session:
        review_id = resolve_review_id(session, ref_or_id)
        review = session.scalars(
            select(Review).where(Review.id == review_id).options(*full_review_loading())
        ).one()
        return LoadedReview(record_from_review(review, include_identifiers), review.version)


def _check_record(session: Session, record: ReviewRecord, today: date) -> ReviewRecord:
    """Every rule a bundle must meet, applied to a record edited on screen."""
    try:
        record = ReviewRecord.model_validate(record.model_dump())
    except ValidationError as error:
        raise BundleError(problems_from_validation(error)) from None
    known = set(session.scalars(select(Code.code)))
    problems = check_bundle(
        Bundle(format="reviewtool.bundle", version=1, reviews=[record]), known, today
    )
    if problems:
        raise BundleError(
            [type(p)(p.path.removeprefix("reviews[0]").lstrip("."), p.message) for p in problems]
        )
    return record


def create_review(store: Store, record: ReviewRecord, today: date | None = None) -> LoadedReview:
    now = now_utc()
    record = record.model_copy(update={"updated_at": now})
    with store.transaction() as session:
        record = _check_record(session, record, today or date.today())
        if session.get(Review, record.id) is not None:
            raise InvalidInput(f"a review with id {record.id} already exists")
        review = Review(id=record.id, created_at=naive_utc(now))
        apply_record(review, record, now)
        session.add(review)
        add_event(
            session,
            at=now,
            user=store.user,
            action="create",
            entity="review",
            entity_id=record.id,
            review_id=record.id,
            new_value=record.reference,
        )
        session.flush()
        index_records(session, [record])
        return LoadedReview(record, review.version)


def new_review_record(kind: ReviewKind, reference: str, title: str) -> ReviewRecord:
    return ReviewRecord(
        id=str(uuid.uuid4()), reference=reference, kind=kind, title=title, updated_at=now_utc()
    )


def save_review(
    store: Store, record: ReviewRecord, expected_version: int, today: date | None = None
) -> LoadedReview:
    """Save an edited review, refusing if anyone saved it since ``expected_version``."""
    now = now_utc()
    record = record.model_copy(update={"updated_at": now})
    record = _stamp_approval(record, store.user, now)
    try:
        with store.transaction() as session:
            record = _check_record(session, record, today or date.today())
            review = session.scalars(
                select(Review).where(Review.id == record.id).options(*full_review_loading())
            ).one_or_none()
            if review is None:
                raise NotFound(f"review {record.reference} no longer exists (was it deleted?)")
            if review.version != expected_version:
                raise _conflict(review)
            before = flatten_review(record_from_review(review, include_identifiers=True))
            apply_record(review, record, now)
            changes = changed_fields(before, flatten_review(record))
            add_review_changes(
                session,
                at=now,
                user=store.user,
                action="edit",
                review_id=review.id,
                changes=changes,
            )
            session.flush()
            index_records(session, [record])
            saved = record_from_review(review, include_identifiers=True)
            return LoadedReview(saved, review.version)
    except StaleDataError:
        raise EditConflict(
            f"{record.reference} was changed by someone else while you were saving. "
            "Your changes have not been saved; they are still on screen."
        ) from None


def _stamp_approval(record: ReviewRecord, user: str, now: datetime) -> ReviewRecord:
    """An approved (or published) briefing says by whom and when; a draft says neither."""
    briefing = record.briefing
    if briefing is None:
        return record
    if briefing.status is BriefingStatus.DRAFT:
        briefing = briefing.model_copy(update={"approved_by": None, "approved_at": None})
    elif briefing.approved_by is None:
        briefing = briefing.model_copy(update={"approved_by": user, "approved_at": now})
    return record.model_copy(update={"briefing": briefing})


def _conflict(review: Review) -> EditConflict:
    return EditConflict(
        f"{review.reference} was changed by someone else since you opened it "
        f"(last saved {utc(review.updated_at):%d/%m/%Y %H:%M} UTC). Your changes have not "
        "been saved; they are still on screen."
    )


def delete_review(store: Store, review_id: str, expected_version: int) -> None:
    with store.transaction() as session:
        review = session.get(Review, review_id)
        if review is None:
            raise NotFound(f"no review with id {review_id}")
        if review.version != expected_version:
            raise _conflict(review)
        add_event(
            session,
            at=now_utc(),
            user=store.user,
            action="delete",
            entity="review",
            entity_id=review_id,
            review_id=review_id,
            old_value=review.reference,
        )
        session.delete(review)
        index.delete_rows(session, [review_id])


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


def current_deadline(review: Any, today: date) -> tuple[str, DeadlineState | None]:
    """The deadline a business unit watches for this review, if it has one."""
    if review.kind == ReviewKind.RAPID_REVIEW and review.date_notified:
        due = rapid_review_due(review.date_notified)
        return "Rapid review", deadline_state(due, review.date_rapid_review_submitted, today)
    if review.kind == ReviewKind.CSPR and review.date_decision and review.status != "withdrawn":
        due = cspr_publication_due(review.date_decision)
        return "Publication", deadline_state(due, review.date_published, today)
    return "", None


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
        # Only the columns the list shows: plain rows are far cheaper than ORM objects.
        query = _filtered(select(*_LIST_COLUMNS), filters)
        if order:
            query = query.where(Review.id.in_(list(order)))
        query = query.order_by(
            Review.date_notified.desc().nulls_last(), Review.updated_at.desc(), Review.reference
        )
        if filters.limit and not order and not filters.overdue_only:
            query = query.limit(filters.limit)
        # Core rows: the ORM's result machinery costs more than the query for thousands.
        reviews = session.connection().execute(query).all()
        themes = _main_themes(session, [r.id for r in reviews]) if with_themes else None
        deadlines = {r.id: current_deadline(r, today) for r in reviews}
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
                )
            )
    if order:
        rows.sort(key=lambda row: order[row.id])
    if filters.limit:
        rows = rows[: filters.limit]
    return rows


_WHOLE_TABLE_AT = 2000
SEARCH_LIMIT = 500
"""The best matches a search lists."""


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
    if len(review_ids) > _WHOLE_TABLE_AT:
        # Most reviews: one ordered pass over every tag beats thousands of bound ids.
        chunks = [select(Factor.review_id, Factor.code)]
    else:
        chunks = [
            select(Factor.review_id, Factor.code).where(
                Factor.review_id.in_(review_ids[start : start + 900])
            )
            for start in range(0, len(review_ids), 900)
        ]
    found: dict[str, list[str]] = defaultdict(list)
    for query in chunks:
        rows = connection.execute(query.order_by(Factor.review_id, Factor.position)).all()
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
