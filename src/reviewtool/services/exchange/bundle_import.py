"""Importing bundles (BUNDLE.md); exporting them is in ``bundle_export``.

An import applies every file in one transaction, and on any problem writes nothing: a review
already present is updated only by a newer copy; an older or different copy with the same
time is reported as a conflict, never silently dropped.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from reviewtool.bundle.read import read_bundle_file
from reviewtool.bundle.schema import (
    Bundle,
    CodeRecord,
    ReviewRecord,
    TopicBriefing,
)
from reviewtool.bundle.stream import Codebook, NotStreamable, Reviews, is_large, stream_bundle
from reviewtool.db.models import Briefing, BriefingSection, Code, Review, Setting
from reviewtool.services.audit import add_event, add_review_changes, changed_fields, flatten_review
from reviewtool.services.bulk_work import without_gc_pauses
from reviewtool.services.clock import naive_utc, now_utc, utc
from reviewtool.services.exchange.bundle_export import Progress, topic_record
from reviewtool.services.records import (
    apply_record,
    claim_next_version,
    full_review_loading,
    record_from_review,
)
from reviewtool.services.reviews.bulk_insert import insert_new_reviews
from reviewtool.services.search_index import index_records
from reviewtool.services.snapshots import snapshot_sqlite
from reviewtool.services.store import Store

CHUNK = 500


@dataclass(frozen=True)
class ImportConflict:
    reference: str
    id: str
    reason: str


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: list[ImportConflict] = field(default_factory=list)
    codes_added: int = 0
    briefings_created: int = 0
    briefings_updated: int = 0
    changed_review_ids: list[str] = field(default_factory=list)

    def describe(self) -> str:
        parts = [
            f"{self.created} review{'s' if self.created != 1 else ''} added",
            f"{self.updated} updated",
            f"{self.unchanged} unchanged",
        ]
        if self.briefings_created or self.briefings_updated:
            parts.append(
                f"{self.briefings_created} topic briefings added, {self.briefings_updated} updated"
            )
        if self.codes_added:
            parts.append(f"{self.codes_added} codes added to the codebook")
        text = ", ".join(parts) + "."
        if self.conflicts:
            count = len(self.conflicts)
            text += (
                f"\n{count} conflict{'s' if count != 1 else ''} (kept the copy in the database):"
            )
            for conflict in self.conflicts:
                text += f"\n  {conflict.reference} ({conflict.id}): {conflict.reason}"
        return text


def known_codes(store: Store) -> set[str]:
    with store.transaction() as session:
        return set(session.scalars(select(Code.code)))


def read_bundles(store: Store, paths: Sequence[Path], today: date | None = None) -> list[Bundle]:
    """Read and check every file whole; raise :class:`BundleError` for the first bad one."""
    codes = known_codes(store)
    return [read_bundle_file(path, codes, today or date.today()) for path in paths]


def import_bundle_files(
    store: Store,
    paths: Sequence[Path],
    today: date | None = None,
    progress: Progress | None = None,
    backup_first: bool = False,
) -> ImportReport:
    """Import bundle files: all of them in one transaction, or on any problem none.

    Large files are read as a stream and applied as they are read (memory stays small
    however large the file); anything wrong rolls the transaction back, and the whole-file
    reader then names every problem. ``backup_first`` backs up a local database just before
    the import is committed (so a file that fails makes no backup).
    """
    today = today or date.today()
    if any(is_large(path) for path in paths):
        try:
            return _import_streaming(store, paths, today, progress, backup_first)
        except NotStreamable:
            pass  # rolled back: nothing was written
    return import_bundles(store, read_bundles(store, paths, today), progress, backup_first)


def import_bundles(
    store: Store,
    bundles: Sequence[Bundle],
    progress: Progress | None = None,
    backup_first: bool = False,
) -> ImportReport:
    """Apply bundles already read and checked, in one transaction."""
    report = ImportReport()
    now = now_utc()
    total = sum(len(b.reviews) for b in bundles)
    done = 0
    with without_gc_pauses(), store.transaction() as session:
        for bundle in bundles:
            report.codes_added += _import_codebook(session, bundle.codebook)
            for start in range(0, len(bundle.reviews), CHUNK):
                chunk = bundle.reviews[start : start + CHUNK]
                _import_reviews(session, store.user, chunk, now, report)
                done += len(chunk)
                if progress:
                    progress(done, total)
            _import_rest(session, store.user, bundle, now, report)
        if backup_first:
            _backup_before_commit(store)
    return report


def _import_streaming(
    store: Store,
    paths: Sequence[Path],
    today: date,
    progress: Progress | None,
    backup_first: bool,
) -> ImportReport:
    codes = known_codes(store)
    report = ImportReport()
    now = now_utc()
    sizes = [path.stat().st_size for path in paths]
    before = 0
    with without_gc_pauses(), store.transaction() as session:
        for path, size in zip(paths, sizes, strict=True):
            if not is_large(path):
                bundle = read_bundle_file(path, codes, today)
                report.codes_added += _import_codebook(session, bundle.codebook)
                _import_reviews(session, store.user, bundle.reviews, now, report)
                _import_rest(session, store.user, bundle, now, report)
            else:
                for part in stream_bundle(path, codes, today, CHUNK):
                    if isinstance(part, Codebook):
                        report.codes_added += _import_codebook(session, part.entries)
                    elif isinstance(part, Reviews):
                        _import_reviews(session, store.user, part.records, now, report)
                        if progress:
                            progress(before + part.bytes_read, sum(sizes))
                    else:
                        _import_rest(session, store.user, part.header, now, report)
            before += size
            if progress:
                progress(before, sum(sizes))
        if backup_first:
            _backup_before_commit(store)
    return report


def _import_rest(
    session: Session, user: str, bundle: Bundle, now: datetime, report: ImportReport
) -> None:
    if bundle.partnership and session.get(Setting, "partnership") is None:
        session.add(Setting(key="partnership", value=json.dumps(bundle.partnership)))
    _import_topic_briefings(session, user, bundle.briefings, now, report)


def _backup_before_commit(store: Store) -> None:
    """A backup of the database as it was: another connection sees only committed data."""
    if store.database.is_sqlite:
        snapshot_sqlite(store, reason="before-import")


def _import_codebook(session: Session, entries: list[CodeRecord]) -> int:
    present = set(session.scalars(select(Code.code)))
    new = [entry for entry in entries if entry.code not in present]
    if not new:
        return 0
    position = len(present)
    rows = []
    for entry in new:
        row = Code(
            code=entry.code,
            label=entry.label,
            group=entry.group.value,
            parent=None,
            definition=entry.definition,
            colour=entry.colour,
            active=entry.active,
            builtin=False,
            position=position,
        )
        position += 1
        rows.append(row)
        session.add(row)
    session.flush()
    # Parents are set once every new code exists, so the file's order does not matter.
    for row, entry in zip(rows, new, strict=True):
        row.parent = entry.parent
    session.flush()
    return len(new)


def _import_reviews(
    session: Session, user: str, records: list[ReviewRecord], now: datetime, report: ImportReport
) -> None:
    existing = {
        review.id: review
        for review in session.scalars(
            select(Review)
            .where(Review.id.in_([r.id for r in records]))
            .options(*full_review_loading())
        )
    }
    to_index: list[ReviewRecord] = []
    new_records = [record for record in records if record.id not in existing]
    # New reviews go in as plain rows (fast); existing ones are merged through the ORM below.
    insert_new_reviews(session, new_records, now, user)
    index_records(session, new_records, new=True)
    report.created += len(new_records)
    for record in records:
        review = existing.get(record.id)
        if review is None:
            continue
        stored = record_from_review(review, include_identifiers=True)
        before = flatten_review(stored)
        incoming = (
            record
            if record.identifiers is not None
            else record.model_copy(update={"identifiers": stored.identifiers})
        )
        after = flatten_review(incoming)
        stored_at, incoming_at = utc(review.updated_at), record.updated_at
        if incoming_at > stored_at:
            claim_next_version(session, review, review.version)
            apply_record(review, incoming, record.updated_at)
            add_review_changes(
                session,
                at=now,
                user=user,
                action="import",
                review_id=review.id,
                changes=changed_fields(before, after),
            )
            report.updated += 1
            to_index.append(incoming)
        elif before == after and (
            record.identifiers is None or record.identifiers == stored.identifiers
        ):
            report.unchanged += 1
        else:
            reason = (
                "the database copy is newer"
                if incoming_at < stored_at
                else "same time stamp but different content"
            )
            report.conflicts.append(
                ImportConflict(
                    record.reference,
                    record.id,
                    f"{reason} (database {stored_at:%Y-%m-%d %H:%M}, "
                    f"bundle {incoming_at:%Y-%m-%d %H:%M} UTC)",
                )
            )
    session.flush()
    index_records(session, to_index)
    report.changed_review_ids.extend(r.id for r in to_index)
    session.expunge_all()


def _import_topic_briefings(
    session: Session, user: str, records: list[TopicBriefing], now: datetime, report: ImportReport
) -> None:
    if not records:
        return
    existing = {
        b.id: b
        for b in session.scalars(
            select(Briefing)
            .where(Briefing.id.in_([r.id for r in records]))
            .options(selectinload(Briefing.sections))
        )
    }
    for record in records:
        briefing = existing.get(record.id)
        if briefing is not None and briefing.review_id is not None:
            report.conflicts.append(
                ImportConflict(
                    record.title, record.id, "this id belongs to a review's own briefing"
                )
            )
            continue
        if briefing is None:
            briefing = Briefing(id=record.id, created_at=naive_utc(now))
            session.add(briefing)
            report.briefings_created += 1
            action = "import"
        elif record.updated_at > utc(briefing.updated_at):
            report.briefings_updated += 1
            action = "import"
        else:
            if topic_record(briefing) != record:
                report.conflicts.append(
                    ImportConflict(
                        record.title, record.id, "the database copy of this topic briefing is newer"
                    )
                )
            continue
        briefing.title = record.title
        briefing.theme = record.theme
        briefing.status = record.status.value
        briefing.approved_by = record.approved_by
        briefing.approved_at = naive_utc(record.approved_at) if record.approved_at else None
        briefing.updated_at = naive_utc(record.updated_at)
        briefing.sections = [
            BriefingSection(position=i, heading=s.heading, body=s.body)
            for i, s in enumerate(record.sections)
        ]
        add_event(
            session,
            at=now,
            user=user,
            action=action,
            entity="briefing",
            entity_id=record.id,
            new_value=record.title,
        )
    session.flush()
