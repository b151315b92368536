"""Turning a rapid review into the local review (CSPR) it led to."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from reviewtool.bundle.schema import ReviewDates, ReviewRecord
from reviewtool.db.models import Review
from reviewtool.domain.enums import Decision, ReviewKind, ReviewStatus
from reviewtool.domain.errors import InvalidInput
from reviewtool.services.clock import now_utc
from reviewtool.services.reviews.editing import LoadedReview, create_review, get_review
from reviewtool.services.store import Store


def cspr_reference(rapid_review_reference: str) -> str:
    """``NSP-RR-2022-04`` -> ``NSP-CSPR-2022-04``; anything else gets a ``-CSPR`` suffix."""
    if "-RR-" in rapid_review_reference:
        return rapid_review_reference.replace("-RR-", "-CSPR-", 1)
    return f"{rapid_review_reference}-CSPR"


def convert_to_cspr(store: Store, rapid_review_id: str) -> LoadedReview:
    """Create the CSPR linked to a rapid review, carrying over children, agencies and factors."""
    source = get_review(store, rapid_review_id).record
    if source.kind is not ReviewKind.RAPID_REVIEW:
        raise InvalidInput(
            f"{source.reference} is not a rapid review; only those convert to a CSPR"
        )
    with store.transaction() as session:
        existing = session.scalar(
            select(Review.reference).where(Review.converted_from == source.id).limit(1)
        )
    if existing:
        raise InvalidInput(f"{source.reference} has already been converted: see {existing}")
    record = ReviewRecord(
        id=str(uuid.uuid4()),
        reference=cspr_reference(source.reference),
        kind=ReviewKind.CSPR,
        title=source.title,
        status=ReviewStatus.OPEN,
        updated_at=now_utc(),
        converted_from=source.id,
        notification_type=source.notification_type,
        dates=ReviewDates(
            incident=source.dates.incident,
            aware=source.dates.aware,
            notified=source.dates.notified,
            decision=source.dates.decision,
        ),
        decision=source.decision or Decision.LCSPR,
        decision_rationale=source.decision_rationale,
        criteria=list(source.criteria),
        children=[child.model_copy() for child in source.children],
        agencies=list(source.agencies),
        summary=source.summary,
        factors=[factor.model_copy() for factor in source.factors],
        tags=list(source.tags),
        identifiers=list(source.identifiers or []),
        identifier_kinds=list(source.identifier_kinds or []) if source.identifiers else None,
    )
    return create_review(store, record)
