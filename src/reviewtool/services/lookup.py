"""Finding a review by what a user types: its reference or its id."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from reviewtool.db.models import Review
from reviewtool.domain.errors import InvalidInput, NotFound


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
