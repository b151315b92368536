"""Deciding, review by review, what an imported copy means for the one stored here.

With revisions (bundle version 2): a copy that descends from the stored one replaces it; an
older or equal one changes nothing; when both changed since they last agreed, the stored copy
stays current and the other is kept beside it as a conflicting revision for someone to
resolve. Without revisions (version 1, as before) the later time wins, and an older copy that
differs is a conflict, now kept rather than dropped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewtool.bundle.schema import ReviewRecord, Tombstone
from reviewtool.db.models import ConflictingRevision, Review, ReviewTombstone
from reviewtool.domain.revisions import Lineage, Relation, bounded_history, legacy_revision, relate
from reviewtool.services.audit import add_review_changes, changed_fields, flatten_review
from reviewtool.services.clock import naive_utc, utc
from reviewtool.services.lineage import content_key, record_lineage, row_lineage, set_row_lineage
from reviewtool.services.records import (
    apply_record,
    claim_next_version,
    identifier_kinds_of,
    record_from_review,
)
from reviewtool.services.reviews.conflict_store import (
    REVIEW,
    conflicts_of,
    drop_known_conflicts,
    keep_conflict,
    keep_other_copy,
    stored_lineage,
)
from reviewtool.services.reviews.editing import remove_review

CHUNK = 900


@dataclass(frozen=True)
class ImportConflict:
    reference: str
    id: str
    reason: str


@dataclass
class Exchange:
    """One import's context and tally."""

    user: str
    now: datetime
    source: str | None
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    conflicts: list[ImportConflict] = field(default_factory=list)
    conflicted_ids: set[str] = field(default_factory=set)
    """Everything listed as a conflict by this import so far (one line each is enough)."""

    def conflict(self, reference: str, entity_id: str, reason: str) -> None:
        self.conflicts.append(ImportConflict(reference, entity_id, reason))
        self.conflicted_ids.add(entity_id)


def incoming_lineage(record: ReviewRecord) -> Lineage:
    """The copy's own lineage, or for a copy without one (version 1) the lineage every
    laptop derives from its id and time."""
    return record_lineage(record) or Lineage(legacy_revision(record.id, record.updated_at))


def tombstones_of(session: Session, ids: list[str]) -> dict[str, ReviewTombstone]:
    found: dict[str, ReviewTombstone] = {}
    for start in range(0, len(ids), CHUNK):
        for row in session.scalars(
            select(ReviewTombstone).where(ReviewTombstone.id.in_(ids[start : start + CHUNK]))
        ):
            found[row.id] = row
    return found


def _tombstone_lineage(row: ReviewTombstone) -> Lineage:
    return Lineage(row.revision, tuple(json.loads(row.ancestors or "[]")))


def admit_new(
    session: Session, records: list[ReviewRecord], work: Exchange
) -> tuple[list[ReviewRecord], list[tuple[ReviewRecord, Lineage]]]:
    """Of reviews not stored here, those to add; and those deleted here but changed on the
    other laptop since, which come back with the deletion kept as a conflicting revision."""
    if not records:
        return [], []
    tombstones = tombstones_of(session, [r.id for r in records])
    if not tombstones:
        return records, []
    admitted: list[ReviewRecord] = []
    revived: list[tuple[ReviewRecord, Lineage]] = []
    for record in records:
        tombstone = tombstones.get(record.id)
        if tombstone is None:
            admitted.append(record)
            continue
        deletion = _tombstone_lineage(tombstone)
        relation = relate(deletion, incoming_lineage(record))
        if relation in (Relation.SAME, Relation.LOCAL_IS_NEWER):
            work.unchanged += 1  # deleted here after that copy was made: it stays deleted
            continue
        session.delete(tombstone)
        admitted.append(record)
        if relation is Relation.DIVERGED:
            revived.append((record, deletion))
    session.flush()
    return admitted, revived


def keep_deletions_beside(
    session: Session, revived: list[tuple[ReviewRecord, Lineage]], work: Exchange
) -> None:
    for record, deletion in revived:
        keep_conflict(
            session,
            entity=REVIEW,
            entity_id=record.id,
            lineage=deletion,
            content=None,
            updated_at=None,
            received_at=work.now,
            source="deleted on this computer",
            kept=[],
        )
        work.conflict(
            record.reference,
            record.id,
            "deleted here but changed on the other computer since: the review is back, "
            "with the deletion kept beside it to accept or reject",
        )


def reconcile_existing(
    session: Session, reviews: dict[str, Review], records: list[ReviewRecord], work: Exchange
) -> list[ReviewRecord]:
    """Merge copies of reviews stored here; returns the records now current (to re-index)."""
    kept = conflicts_of(session, REVIEW, list(reviews))
    changed: list[ReviewRecord] = []
    for record in records:
        review = reviews.get(record.id)
        if review is not None:
            current = _reconcile_one(session, review, record, kept[record.id], work)
            if current is not None:
                changed.append(current)
    return changed


def _reconcile_one(
    session: Session,
    review: Review,
    record: ReviewRecord,
    kept: list[ConflictingRevision],
    work: Exchange,
) -> ReviewRecord | None:
    stored = record_from_review(review, include_identifiers=True)
    # A bundle without identifiers never erases the ones stored here.
    incoming = (
        record
        if record.identifiers is not None
        else record.model_copy(
            update={"identifiers": stored.identifiers, "identifier_kinds": stored.identifier_kinds}
        )
    )
    before, after = flatten_review(stored), flatten_review(incoming)
    same_content = before == after and (
        record.identifiers is None
        or (
            record.identifiers == stored.identifiers
            and identifier_kinds_of(record) == stored.identifier_kinds
        )
    )
    local = row_lineage(review)
    theirs = record_lineage(record)
    if theirs is None:
        return _by_time(session, review, stored, incoming, local, same_content, kept, work)
    relation = relate(local, theirs)
    if relation in (Relation.SAME, Relation.LOCAL_IS_NEWER):
        work.unchanged += 1
        return None
    if relation is Relation.INCOMING_IS_NEWER:
        lineage = Lineage(theirs.revision, bounded_history(theirs.ancestors, [local.revision]))
        drop_known_conflicts(session, lineage, kept)
        return _update(session, review, incoming, lineage, before, after, work)
    if same_content:
        # The same text reached on both computers: agree on one revision, not a conflict.
        claim_next_version(session, review, review.version)
        joined = local.absorbing(theirs)
        set_row_lineage(review, joined)
        drop_known_conflicts(session, joined, kept)
        work.unchanged += 1
        return None
    _keep_other_copy(
        session, review, incoming, theirs, kept, work, "both changed since they last agreed"
    )
    return None


def _by_time(
    session: Session,
    review: Review,
    stored: ReviewRecord,
    incoming: ReviewRecord,
    local: Lineage,
    same_content: bool,
    kept: list[ConflictingRevision],
    work: Exchange,
) -> ReviewRecord | None:
    """A copy without revisions (version 1): the later time wins, as it always has."""
    stored_at, incoming_at = stored.updated_at, incoming.updated_at
    if same_content:
        work.unchanged += 1
        return None
    if incoming_at > stored_at:
        before, after = flatten_review(stored), flatten_review(incoming)
        return _update(
            session, review, incoming, local.after_save(content_key(incoming)), before, after, work
        )
    reason = "the copy here is newer" if incoming_at < stored_at else "same time, different text"
    theirs = Lineage(legacy_revision(incoming.id, incoming_at))
    if local.knows(theirs.revision):
        # An earlier state of this very copy: nothing in it is missing here.
        note = "an earlier state of the copy here, so there is nothing to keep"
        work.conflicts.append(ImportConflict(incoming.reference, incoming.id, f"{reason}; {note}"))
        return None
    _keep_other_copy(session, review, incoming, theirs, kept, work, reason)
    return None


def _update(
    session: Session,
    review: Review,
    incoming: ReviewRecord,
    lineage: Lineage,
    before: dict[str, str | None],
    after: dict[str, str | None],
    work: Exchange,
) -> ReviewRecord:
    claim_next_version(session, review, review.version)
    apply_record(review, incoming, incoming.updated_at)
    set_row_lineage(review, lineage)
    add_review_changes(
        session,
        at=work.now,
        user=work.user,
        action="import",
        review_id=review.id,
        changes=changed_fields(before, after),
    )
    work.updated += 1
    return incoming


def _keep_other_copy(
    session: Session,
    review: Review,
    incoming: ReviewRecord,
    theirs: Lineage,
    kept: list[ConflictingRevision],
    work: Exchange,
    reason: str,
) -> None:
    note = keep_other_copy(
        session,
        entity=REVIEW,
        entity_id=review.id,
        record=incoming,
        theirs=theirs,
        updated_at=incoming.updated_at,
        received_at=work.now,
        source=work.source,
        kept=kept,
    )
    here, there = utc(review.updated_at), incoming.updated_at
    stamp = f"here {here:%Y-%m-%d %H:%M}, other {there:%Y-%m-%d %H:%M} UTC"
    work.conflict(incoming.reference, incoming.id, f"{reason} ({stamp}); {note}")


def apply_deletions(session: Session, tombstones: list[Tombstone], work: Exchange) -> list[str]:
    """Reviews deleted on the other computer: deleted here too, unless changed here since
    (then a conflict: the copy here stays, the deletion is kept beside it). Returns the ids
    deleted here."""
    if not tombstones:
        return []
    ids = [t.id for t in tombstones]
    reviews = {
        r.id: r
        for start in range(0, len(ids), CHUNK)
        for r in session.scalars(select(Review).where(Review.id.in_(ids[start : start + CHUNK])))
    }
    known = tombstones_of(session, ids)
    kept = conflicts_of(session, REVIEW, list(reviews))
    deleted: list[str] = []
    for tombstone in tombstones:
        deletion = Lineage(tombstone.revision, tuple(tombstone.ancestors))
        review = reviews.get(tombstone.id)
        if review is None:
            known[tombstone.id] = _remember_deletion(
                session, known.get(tombstone.id), tombstone, deletion
            )
            continue
        relation = relate(row_lineage(review), deletion)
        if relation is Relation.INCOMING_IS_NEWER and any(
            not deletion.knows(row.revision) for row in kept[review.id]
        ):
            # The deletion was made from the copy here, but another computer's copy kept
            # beside it was never seen there: deleting would drop that text here. That copy
            # becomes the current one, with the deletion beside it, as on a computer that
            # held it when the deletion arrived: every computer ends holding the same copies.
            _promote_unseen_copy(session, review, deletion, kept[review.id], work)
            relation = Relation.DIVERGED
        if relation is Relation.INCOMING_IS_NEWER:
            remove_review(session, review, deletion, work.user, action="import-delete")
            work.deleted += 1
            deleted.append(review.id)
            del reviews[review.id]
            session.flush()
            stored = session.get(ReviewTombstone, review.id)
            if stored is not None:
                known[review.id] = stored
        elif relation is Relation.DIVERGED:
            new = keep_conflict(
                session,
                entity=REVIEW,
                entity_id=review.id,
                lineage=deletion,
                content=None,
                updated_at=tombstone.deleted_at,
                received_at=work.now,
                source=work.source,
                kept=kept[review.id],
            )
            if new or review.id not in work.conflicted_ids:
                note = "kept beside this copy to resolve" if new else "already kept, to resolve"
                work.conflict(
                    review.reference,
                    review.id,
                    f"deleted on the other computer but changed here since; {note}",
                )
    session.flush()
    return deleted


def _promote_unseen_copy(
    session: Session,
    review: Review,
    deletion: Lineage,
    kept: list[ConflictingRevision],
    work: Exchange,
) -> None:
    """The first kept copy with text that ``deletion`` never saw replaces the current copy,
    which the deletion superseded; it leaves the kept copies."""
    unseen = next(
        (row for row in kept if row.content is not None and not deletion.knows(row.revision)),
        None,
    )
    if unseen is None:  # only other deletions were kept: the copy here stays current
        return
    stored = record_from_review(review, include_identifiers=True)
    promoted = ReviewRecord.model_validate_json(unseen.content or "")
    if promoted.identifiers is None:  # a copy kept without identifiers never erases them
        promoted = promoted.model_copy(
            update={"identifiers": stored.identifiers, "identifier_kinds": stored.identifier_kinds}
        )
    lineage = stored_lineage(unseen)
    session.delete(unseen)
    kept.remove(unseen)
    _update(
        session, review, promoted, lineage, flatten_review(stored), flatten_review(promoted), work
    )


def _remember_deletion(
    session: Session,
    stored: ReviewTombstone | None,
    tombstone: Tombstone,
    deletion: Lineage,
) -> ReviewTombstone:
    """A deletion of a review not held here is remembered, so it travels on and an older
    copy arriving later does not bring the review back."""
    if stored is None:
        stored = ReviewTombstone(id=tombstone.id, reference=tombstone.reference)
        session.add(stored)
        lineage = deletion
    else:
        lineage = _tombstone_lineage(stored)
        if lineage.knows(deletion.revision):
            return stored
        lineage = deletion if deletion.knows(lineage.revision) else lineage.absorbing(deletion)
    stored.revision = lineage.revision
    stored.ancestors = json.dumps(list(lineage.ancestors))
    stored.deleted_at = naive_utc(tombstone.deleted_at)
    return stored
