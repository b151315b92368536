"""Opening, creating, saving and deleting one review, each as one transaction."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime

from pydantic import ValidationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from reviewtool.bundle.checks import check_bundle
from reviewtool.bundle.errors import BundleError
from reviewtool.bundle.read import problems_from_validation
from reviewtool.bundle.schema import Bundle, ReviewRecord
from reviewtool.db import search as index
from reviewtool.db.models import Code, ConflictingRevision, Review, ReviewTombstone
from reviewtool.domain.enums import BriefingStatus, ReviewKind
from reviewtool.domain.errors import EditConflict, InvalidInput, NotFound
from reviewtool.domain.revisions import Lineage, next_revision
from reviewtool.services.audit import add_event, add_review_changes, changed_fields, flatten_review
from reviewtool.services.clock import naive_utc, now_utc, utc
from reviewtool.services.lineage import content_key, row_lineage, set_row_lineage
from reviewtool.services.lookup import resolve_review_id
from reviewtool.services.records import (
    apply_record,
    claim_next_version,
    full_review_loading,
    identifier_kinds_of,
    record_from_review,
)
from reviewtool.services.search_index import index_records
from reviewtool.services.store import Store


@dataclass(frozen=True)
class LoadedReview:
    """A review as opened for editing: its content and the version it was read at."""

    record: ReviewRecord
    version: int


def get_review(store: Store, ref_or_id: str, include_identifiers: bool = True) -> LoadedReview:
    with store.transaction() as session:
        review_id = resolve_review_id(session, ref_or_id)
        review = session.scalars(
            select(Review).where(Review.id == review_id).options(*full_review_loading())
        ).one()
        return LoadedReview(record_from_review(review, include_identifiers), review.version)


def check_record(session: Session, record: ReviewRecord, today: date | None) -> ReviewRecord:
    """Every rule a bundle must meet, applied to a record edited on screen."""
    if record.identifiers is not None:
        # An identifier added without saying what it is counts as "other".
        record = record.model_copy(update={"identifier_kinds": identifier_kinds_of(record)})
    try:
        record = ReviewRecord.model_validate(record.model_dump())
    except ValidationError as error:
        raise BundleError(problems_from_validation(error)) from None
    known = set(session.scalars(select(Code.code)))
    problems = check_bundle(
        Bundle(format="reviewtool.bundle", version=1, reviews=[record]),
        known,
        today or date.today(),
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
        record = check_record(session, record, today)
        if session.get(Review, record.id) is not None:
            raise InvalidInput(f"a review with id {record.id} already exists")
        review = Review(id=record.id, created_at=naive_utc(now), version=1)
        apply_record(review, record, now)
        set_row_lineage(review, Lineage(next_revision(None, content_key(record))))
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
            record = check_record(session, record, today)
            review = session.scalars(
                select(Review).where(Review.id == record.id).options(*full_review_loading())
            ).one_or_none()
            if review is None:
                raise NotFound(f"review {record.reference} no longer exists (was it deleted?)")
            if review.version != expected_version:
                raise _conflict(review)
            claim_next_version(session, review, expected_version)
            stored = record_from_review(review, include_identifiers=True)
            before = flatten_review(stored)
            lineage = row_lineage(review)
            apply_record(review, record, now)
            # The revision is taken from what is stored, identifiers included.
            kept = (
                record
                if record.identifiers is not None
                else record.model_copy(update={"identifiers": stored.identifiers})
            )
            set_row_lineage(review, lineage.after_save(content_key(kept)))
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
        remove_review(session, review, row_lineage(review).after_save("deleted"), store.user)


def remove_review(
    session: Session, review: Review, lineage: Lineage, user: str, action: str = "delete"
) -> None:
    """Delete a review, leaving a tombstone with the deletion's revision: the deletion then
    travels to other laptops in bundles, and an older copy cannot bring the review back."""
    now = now_utc()
    add_event(
        session,
        at=now,
        user=user,
        action=action,
        entity="review",
        entity_id=review.id,
        review_id=review.id,
        old_value=review.reference,
    )
    tombstone = session.get(ReviewTombstone, review.id) or ReviewTombstone(id=review.id)
    tombstone.reference = review.reference
    tombstone.revision = lineage.revision
    tombstone.ancestors = json.dumps(list(lineage.ancestors))
    tombstone.deleted_at = naive_utc(now)
    session.add(tombstone)
    session.execute(
        # Its workflow's kept copies go with it (the workflow itself cascades).
        delete(ConflictingRevision).where(
            ConflictingRevision.entity.in_(("review", "workflow")),
            ConflictingRevision.entity_id == review.id,
        )
    )
    session.delete(review)
    index.delete_rows(session, [review.id])
