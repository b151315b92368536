"""Identifiers that travel sealed in a bundle (see ``bundle.sealing``), and the note the
receiving side gets when a review's identifiers were left behind."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from reviewtool.bundle.schema import SealedIdentifiers
from reviewtool.bundle.sealing import open_sealed
from reviewtool.db.models import Identifier, Review
from reviewtool.services.audit import add_review_changes

_CHUNK = 900


def _with_identifiers(session: Session, review_ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(review_ids), _CHUNK):
        chunk = review_ids[start : start + _CHUNK]
        found.update(
            session.scalars(
                select(Identifier.review_id).where(Identifier.review_id.in_(chunk)).distinct()
            )
        )
    return found


def _existing(session: Session, review_ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(review_ids), _CHUNK):
        chunk = review_ids[start : start + _CHUNK]
        found.update(session.scalars(select(Review.id).where(Review.id.in_(chunk))))
    return found


def unseal_identifiers(
    session: Session,
    user: str,
    sealed: SealedIdentifiers,
    passphrase: str,
    now: datetime,
    applied_ids: set[str],
    arrived_without: dict[str, str],
) -> int:
    """Open the sealed part and store each review's identifiers, for the reviews this import
    created or updated and for those that have none here yet (a newer copy kept here keeps
    its own). Returns how many reviews got identifiers. A wrong passphrase raises
    :class:`InvalidInput` and the import's transaction is rolled back."""
    opened = open_sealed(sealed, passphrase)
    session.flush()
    ids = sorted(_existing(session, list(opened)))
    protected = _with_identifiers(session, ids)
    chosen = [rid for rid in ids if rid in applied_ids or rid not in protected]
    for start in range(0, len(chosen), _CHUNK):
        chunk = chosen[start : start + _CHUNK]
        session.execute(delete(Identifier).where(Identifier.review_id.in_(chunk)))
        rows = [
            {"review_id": rid, "position": i, "value": value, "kind": kind.value}
            for rid in chunk
            for i, (value, kind) in enumerate(
                zip(opened[rid].values, opened[rid].kinds, strict=False)
            )
        ]
        if rows:
            session.execute(insert(Identifier), rows)
    for rid in opened:
        arrived_without.pop(rid, None)
    for rid in chosen:
        # The trail records that identifiers arrived, never what they are.
        count = len(opened[rid].values)
        add_review_changes(
            session,
            at=now,
            user=user,
            action="import",
            review_id=rid,
            changes=[("identifiers", None, f"{count} identifier{'s' if count != 1 else ''}")],
        )
    session.expire_all()
    return len(chosen)


def left_behind(session: Session, arrived_without: dict[str, str]) -> list[str]:
    """References of the reviews that came without identifiers and have none here."""
    if not arrived_without:
        return []
    session.flush()
    ids = list(arrived_without)
    protected = _with_identifiers(session, ids)
    return sorted(arrived_without[rid] for rid in ids if rid not in protected)
