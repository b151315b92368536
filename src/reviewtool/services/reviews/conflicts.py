"""A review's conflicting copies: listing them, comparing them field by field, resolving.

Resolving is a save that joins both copies' revisions, so the computer the other copy came
from accepts the result as a plain update, never as a new conflict.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from reviewtool.bundle.schema import ReviewDates, ReviewRecord
from reviewtool.db.models import ConflictingRevision, Review
from reviewtool.domain.errors import EditConflict, NotFound
from reviewtool.domain.revisions import Lineage
from reviewtool.services.audit import (
    add_event,
    add_review_changes,
    changed_fields,
    flatten_review,
)
from reviewtool.services.clock import now_utc, utc
from reviewtool.services.lineage import content_key, row_lineage, set_row_lineage
from reviewtool.services.records import (
    apply_record,
    claim_next_version,
    full_review_loading,
    record_from_review,
)
from reviewtool.services.reviews.conflict_store import REVIEW, stored_lineage
from reviewtool.services.reviews.editing import LoadedReview, check_record, remove_review
from reviewtool.services.search_index import index_records
from reviewtool.services.store import Store

# The fields a person compares and chooses between, in the order the editor shows them.
FIELD_LABELS: dict[str, str] = {
    "reference": "Reference",
    "kind": "Kind",
    "title": "Title",
    "status": "Status",
    "notification_type": "Notification",
    **{f"dates.{name}": f"Date: {name.replace('_', ' ')}" for name in ReviewDates.model_fields},
    "decision": "Decision",
    "decision_rationale": "Decision rationale",
    "criteria": "Criteria",
    "reviewer": "Reviewer",
    "methodology": "Methodology",
    "converted_from": "Converted from",
    "summary": "Summary",
    "children": "Children",
    "agencies": "Agencies",
    "factors": "Factors",
    "tags": "Tags",
    "identifiers": "Protected identifiers",
    "learning": "Learning",
    "good_practice": "Good practice",
    "recommendations": "Recommendations and actions",
    "briefing": "7-minute briefing",
}


@dataclass(frozen=True)
class ReviewConflict:
    """Another computer's copy of a review, kept beside the current one."""

    id: int
    review_id: str
    revision: str
    deleted: bool
    record: ReviewRecord | None
    """None when the other side is a deletion."""
    received_at: datetime
    source: str | None


@dataclass(frozen=True)
class FieldDifference:
    name: str
    label: str
    mine: str
    theirs: str


def _conflict(row: ConflictingRevision) -> ReviewConflict:
    record = ReviewRecord.model_validate_json(row.content) if row.content else None
    return ReviewConflict(
        row.id, row.entity_id, row.revision, row.deleted, record, utc(row.received_at), row.source
    )


def list_review_conflicts(store: Store, review_id: str) -> list[ReviewConflict]:
    with store.transaction() as session:
        rows = session.scalars(
            select(ConflictingRevision)
            .where(ConflictingRevision.entity == REVIEW, ConflictingRevision.entity_id == review_id)
            .order_by(ConflictingRevision.id)
        )
        return [_conflict(row) for row in rows]


def reviews_with_conflicts(store: Store) -> set[str]:
    with store.transaction() as session:
        return set(
            session.scalars(
                select(ConflictingRevision.entity_id).where(ConflictingRevision.entity == REVIEW)
            )
        )


def field_value(record: ReviewRecord, name: str) -> Any:
    if name.startswith("dates."):
        return getattr(record.dates, name.removeprefix("dates."))
    return getattr(record, name)


def describe(value: Any) -> str:
    """A field's value as a person reads it (every item on a line of its own)."""
    if value is None or value == []:
        return "(none)"
    if isinstance(value, Enum):
        return str(value.value).replace("_", " ")
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, BaseModel):
        parts = []
        for key, item in value:
            if item is None or item == [] or key == "id":
                continue
            text = describe(item)
            parts.append(
                f"{key.replace('_', ' ')}: {text}" if "\n" not in text else f"{key}:\n{text}"
            )
        return "; ".join(parts) if all("\n" not in p for p in parts) else "\n".join(parts)
    if isinstance(value, list):
        return "\n".join("• " + describe(item).replace("\n", "\n  ") for item in value)
    return str(value)


def differences(mine: ReviewRecord, theirs: ReviewRecord) -> list[FieldDifference]:
    """Every field on which the two copies differ, in the editor's order."""
    found = []
    for name, label in FIELD_LABELS.items():
        a, b = field_value(mine, name), field_value(theirs, name)
        if name == "identifiers" and b is None:
            continue  # the other copy came without identifiers: nothing to choose
        if a != b:
            found.append(FieldDifference(name, label, describe(a), describe(b)))
    return found


def merged_record(mine: ReviewRecord, theirs: ReviewRecord, take_theirs: set[str]) -> ReviewRecord:
    """``mine`` with the named fields taken from ``theirs``."""
    unknown = take_theirs - set(FIELD_LABELS)
    if unknown:
        raise ValueError(f"not fields of a review: {sorted(unknown)}")
    merged = mine.model_copy(deep=True)
    dates = merged.dates.model_copy()
    for name in take_theirs:
        value = field_value(theirs, name)
        if name.startswith("dates."):
            setattr(dates, name.removeprefix("dates."), value)
        else:
            setattr(merged, name, copy.deepcopy(value))
    merged.dates = dates
    return merged


def resolve_review_conflict(
    store: Store,
    conflict_id: int,
    result: ReviewRecord | None,
    expected_version: int,
    today: date | None = None,
) -> LoadedReview | None:
    """Settle a conflict: ``result`` is the review as it should now be (mine, theirs, or a
    field-by-field merge); None accepts the other computer's deletion. The result is a new
    revision descending from both copies."""
    reference = result.reference if result else conflict_id
    try:
        with store.transaction() as session:
            review, row = _load(session, conflict_id)
            if review.version != expected_version:
                raise EditConflict(
                    f"{review.reference} was changed by someone else since you opened it. "
                    "Nothing has been resolved; your choices are still on screen."
                )
            joined_content = "deleted" if result is None else content_key(result)
            lineage = row_lineage(review).joined(stored_lineage(row), joined_content)
            session.delete(row)
            if result is None:
                remove_review(session, review, lineage, store.user, action="resolve-delete")
                return None
            return _save_resolution(session, store.user, review, result, lineage, today)
    except StaleDataError:
        raise EditConflict(
            f"{reference} was changed by someone else while you were resolving. "
            "Nothing has been resolved; your choices are still on screen."
        ) from None


def _load(session: Session, conflict_id: int) -> tuple[Review, ConflictingRevision]:
    row = session.get(ConflictingRevision, conflict_id)
    if row is None or row.entity != REVIEW:
        raise NotFound("this conflict has already been resolved (perhaps by someone else)")
    review = session.scalars(
        select(Review).where(Review.id == row.entity_id).options(*full_review_loading())
    ).one_or_none()
    if review is None:
        raise NotFound("the review of this conflict no longer exists")
    return review, row


def _save_resolution(
    session: Session,
    user: str,
    review: Review,
    result: ReviewRecord,
    lineage: Lineage,
    today: date | None,
) -> LoadedReview:
    now = now_utc()
    result = check_record(session, result.model_copy(update={"updated_at": now}), today)
    claim_next_version(session, review, review.version)
    before = flatten_review(record_from_review(review, include_identifiers=True))
    apply_record(review, result, now)
    set_row_lineage(review, lineage)
    add_event(
        session,
        at=now,
        user=user,
        action="resolve-conflict",
        entity="review",
        entity_id=review.id,
        review_id=review.id,
        new_value=lineage.revision,
    )
    add_review_changes(
        session,
        at=now,
        user=user,
        action="resolve-conflict",
        review_id=review.id,
        changes=changed_fields(before, flatten_review(result)),
    )
    session.flush()
    index_records(session, [result])
    return LoadedReview(record_from_review(review, include_identifiers=True), review.version)
