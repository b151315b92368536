"""Exporting bundles (BUNDLE.md): everything, or chosen reviews, written a chunk at a time."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from reviewtool.bundle.schema import (
    BUNDLE_FORMAT,
    BUNDLE_VERSION,
    Bundle,
    ReviewRecord,
    Section,
    Tombstone,
    TopicBriefing,
)
from reviewtool.bundle.sealing import ReviewIdentifiers, seal_identifiers
from reviewtool.bundle.write import write_bundle_stream
from reviewtool.db.models import (
    Briefing,
    Code,
    ConflictingRevision,
    Identifier,
    Review,
    ReviewTombstone,
    Setting,
)
from reviewtool.domain.enums import BriefingStatus
from reviewtool.domain.errors import InvalidInput
from reviewtool.domain.identifier_kinds import IdentifierKind
from reviewtool.services.audit import add_event
from reviewtool.services.bulk_work import without_gc_pauses
from reviewtool.services.clock import now_utc, utc
from reviewtool.services.codebook import code_record
from reviewtool.services.lineage import code_lineage, row_lineage, with_lineage
from reviewtool.services.lookup import resolve_review_id
from reviewtool.services.reviews.bulk_read import read_reviews
from reviewtool.services.store import Store
from reviewtool.services.workflow.exchange import learning_for_export, workflows_for_export

Progress = Callable[[int, int], None]
"""Called with (done, total) while long work goes on."""

CHUNK = 2000
"""Reviews read and written at a time."""


def topic_record(briefing: Briefing) -> TopicBriefing:
    lineage = row_lineage(briefing)
    return TopicBriefing(
        revision=lineage.revision,
        ancestors=list(lineage.ancestors),
        id=briefing.id,
        title=briefing.title or "",
        theme=briefing.theme,
        status=BriefingStatus(briefing.status),
        updated_at=utc(briefing.updated_at),
        sections=[Section(heading=s.heading, body=s.body) for s in briefing.sections],
        approved_by=briefing.approved_by,
        approved_at=utc(briefing.approved_at) if briefing.approved_at else None,
    )


@dataclass(frozen=True)
class ExportResult:
    path: Path
    reviews: int
    briefings: int


def build_bundle(
    store: Store,
    review_refs: Sequence[str] = (),
    include_identifiers: bool = False,
    progress: Progress | None = None,
) -> Bundle:
    """Everything (or the named reviews) as a bundle, read in bulk, a chunk at a time."""
    with store.transaction() as session:
        header, ids = _export_header(session, review_refs)
        records = [
            record
            for chunk in _review_chunks(session, ids, include_identifiers, progress)
            for record in chunk
        ]
    return header.model_copy(update={"reviews": records})


def _export_header(session: Session, review_refs: Sequence[str]) -> tuple[Bundle, list[str]]:
    """The bundle without its reviews, and the ids of the reviews to go in it."""
    if review_refs:
        ids = list(dict.fromkeys(resolve_review_id(session, ref) for ref in review_refs))
    else:
        ids = list(session.scalars(select(Review.id).order_by(Review.reference, Review.id)))
    codebook = [
        with_lineage(record, code_lineage(c, record))
        for c in session.scalars(select(Code).order_by(Code.position, Code.code))
        for record in [code_record(c)]
    ]
    briefings: list[TopicBriefing] = []
    deleted: list[Tombstone] = []
    if not review_refs:
        deleted = [
            Tombstone(
                id=t.id,
                reference=t.reference,
                revision=t.revision,
                ancestors=json.loads(t.ancestors),
                deleted_at=utc(t.deleted_at),
            )
            for t in session.scalars(select(ReviewTombstone).order_by(ReviewTombstone.id))
        ] + _kept_deletions(session)
        briefings = [
            topic_record(b)
            for b in session.scalars(
                select(Briefing)
                .where(Briefing.review_id.is_(None))
                .options(selectinload(Briefing.sections))
                .order_by(Briefing.title)
            )
        ]
    setting = session.get(Setting, "partnership")
    partnership = json.loads(setting.value) if setting else None
    workflow = workflows_for_export(session, ids if review_refs else None)
    disseminations, rag_reviews = learning_for_export(session, ids if review_refs else None)
    header = Bundle(
        format=BUNDLE_FORMAT,
        version=BUNDLE_VERSION,
        exported_at=now_utc(),
        partnership=partnership,
        codebook=codebook,
        reviews=[],
        briefings=briefings,
        workflow=workflow,
        disseminations=disseminations,
        rag_reviews=rag_reviews,
        deleted=deleted,
    )
    return header, ids


def _kept_deletions(session: Session) -> list[Tombstone]:
    """Deletions kept beside a review as conflicts travel on too, so every computer ends up
    holding the same copies whatever the order of exchange (the review itself goes in
    ``reviews``; the importer keeps the deletion beside it again)."""
    rows = session.execute(
        select(ConflictingRevision, Review.reference)
        .join(Review, Review.id == ConflictingRevision.entity_id)
        .where(ConflictingRevision.entity == "review", ConflictingRevision.deleted.is_(True))
        .order_by(ConflictingRevision.id)
    )
    return [
        Tombstone(
            id=row.entity_id,
            reference=reference,
            revision=row.revision,
            ancestors=json.loads(row.ancestors),
            deleted_at=utc(row.updated_at or row.received_at),
        )
        for row, reference in rows
    ]


def _review_chunks(
    session: Session, ids: list[str], include_identifiers: bool, progress: Progress | None
) -> Iterator[list[ReviewRecord]]:
    for start in range(0, len(ids), CHUNK):
        yield read_reviews(session, ids[start : start + CHUNK], include_identifiers)
        if progress:
            progress(min(start + CHUNK, len(ids)), len(ids))


def _identifiers_by_review(session: Session, ids: list[str]) -> dict[str, ReviewIdentifiers]:
    found: dict[str, ReviewIdentifiers] = {}
    for start in range(0, len(ids), CHUNK):
        rows = session.execute(
            select(Identifier.review_id, Identifier.value, Identifier.kind)
            .where(Identifier.review_id.in_(ids[start : start + CHUNK]))
            .order_by(Identifier.review_id, Identifier.position)
        )
        for review_id, value, kind in rows:
            entry = found.setdefault(review_id, ReviewIdentifiers([], []))
            entry.values.append(value)
            entry.kinds.append(IdentifierKind(kind))
    # A review with none is sealed as such: the receiving side then knows it has none.
    return {review_id: found.get(review_id, ReviewIdentifiers([], [])) for review_id in ids}


def export_bundle(
    store: Store,
    path: Path,
    review_refs: Sequence[str] = (),
    include_identifiers: bool = False,
    progress: Progress | None = None,
    identifiers_passphrase: str | None = None,
) -> ExportResult:
    """Write a bundle file a chunk of reviews at a time (memory stays small however many).

    With ``identifiers_passphrase`` the identifiers travel in a separate part sealed with it
    (see ``bundle.sealing``), never in the reviews' plain text."""
    sealing = bool(identifiers_passphrase)
    if sealing and include_identifiers:
        raise InvalidInput(
            "choose either --include-identifiers (plain) or --identifiers-passphrase (sealed)"
        )
    finished = False
    try:
        with without_gc_pauses(), store.transaction() as session:
            header, ids = _export_header(session, review_refs)
            if include_identifiers or sealing:
                how = "sealed with a passphrase" if sealing else "in plain text"
                # Recorded first, in the same transaction: an account that may not write the
                # audit trail is refused before a single name is written to the file.
                add_event(
                    session,
                    at=now_utc(),
                    user=store.user,
                    action="export-identifiers",
                    entity="bundle",
                    entity_id=path.name[:120],  # the column's width on every backend
                    new_value=f"{len(ids)} reviews with identifiers ({how})",
                )
                session.flush()
            if sealing:
                assert identifiers_passphrase is not None
                header = header.model_copy(
                    update={
                        "sealed_identifiers": seal_identifiers(
                            _identifiers_by_review(session, ids), identifiers_passphrase
                        )
                    }
                )
            written = write_bundle_stream(
                header, _review_chunks(session, ids, include_identifiers, progress), path
            )
            finished = True
    except BaseException:
        if finished and (include_identifiers or sealing):
            path.unlink(missing_ok=True)  # written but not recorded: it may not stay
        raise
    return ExportResult(path, written, len(header.briefings))
