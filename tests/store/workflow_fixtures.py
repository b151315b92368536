"""A rapid review to hang workflow records on."""

from __future__ import annotations

from datetime import date

from reviewtool.bundle.schema import ReviewDates
from reviewtool.domain.enums import ReviewKind
from reviewtool.services.reviews.editing import create_review, new_review_record
from reviewtool.services.store import Store

TODAY = date(2026, 11, 21)


def add_rapid_review(store: Store, reference: str = "RR-1", **changes: object) -> str:
    record = new_review_record(ReviewKind.RAPID_REVIEW, reference, "Child S")
    record = record.model_copy(
        update={
            "dates": ReviewDates(aware=date(2026, 10, 26), notified=date(2026, 10, 27)),
            "agencies": ["Police", "Health visiting"],
            **changes,
        }
    )
    return create_review(store, record, TODAY).record.id
