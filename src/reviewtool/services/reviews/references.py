"""Suggest the reference of a new review."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from reviewtool.db.models import Review
from reviewtool.domain.enums import ReviewKind
from reviewtool.domain.references import suggest_reference
from reviewtool.services.store import Store


def next_reference(store: Store, kind: ReviewKind, today: date) -> str:
    """The reference a new review of ``kind`` would naturally take this year."""
    with store.transaction() as session:
        rows = session.execute(select(Review.reference, Review.kind)).all()
    same_kind = [reference for reference, row_kind in rows if row_kind == kind.value]
    return suggest_reference(same_kind, [reference for reference, _ in rows], kind, today.year)
