"""How many reviews a thematic review would include, cheaply, while its period is chosen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from reviewtool.db.models import Review
from reviewtool.domain.enums import ReviewKind
from reviewtool.services.store import Store


@dataclass(frozen=True)
class CohortSize:
    included: int
    folded: int
    """Rapid reviews counted once with the local review they led to."""


def cohort_size(
    store: Store,
    start: date,
    end: date,
    by: str,
    kinds: tuple[ReviewKind, ...] = (),
    count_both: bool = False,
) -> CohortSize:
    """The same selection as the thematic review makes (period, date used, kinds, not
    withdrawn, a converted rapid review folded into its CSPR), counted without reading
    the reviews."""
    when = (
        func.coalesce(Review.date_notified, Review.date_decision)
        if by == "notified"
        else Review.date_published
    )
    query = select(Review.id, Review.converted_from).where(
        when >= start, when <= end, Review.status != "withdrawn"
    )
    if kinds:
        query = query.where(Review.kind.in_([k.value for k in kinds]))
    with store.transaction() as session:
        rows = session.execute(query).all()
    if count_both:
        return CohortSize(len(rows), 0)
    converted = {str(source) for _, source in rows if source}
    folded = sum(1 for review_id, _ in rows if str(review_id) in converted)
    return CohortSize(len(rows) - folded, folded)
