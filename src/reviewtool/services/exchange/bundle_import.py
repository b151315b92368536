"""Importing bundles (BUNDLE.md); exporting them is in ``bundle_export``.

An import applies every file in one transaction, and on any problem writes nothing: a review
already present is updated only by a newer copy; an older or different copy with the same
time is reported as a conflict, never silently dropped.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewtool.bundle.read import read_bundle_file
from reviewtool.bundle.schema import (
    Bundle,
    CodeRecord,
    ReviewRecord,
)
from reviewtool.bundle.stream import Codebook, NotStreamable, Reviews, is_large, stream_bundle
from reviewtool.db.models import Code, Review, Setting
from reviewtool.services.bulk_work import without_gc_pauses
from reviewtool.services.clock import now_utc
from reviewtool.services.exchange.bundle_export import Progress
from reviewtool.services.exchange.reconcile import (
    Exchange,
    ImportConflict,
    admit_new,
    apply_deletions,
    keep_deletions_beside,
    reconcile_existing,
)
from reviewtool.services.exchange.shared_import import (
    first_lineage,
    import_changed_codes,
    import_topic_briefings,
)
from reviewtool.services.lineage import set_row_lineage
from reviewtool.services.records import full_review_loading
from reviewtool.services.reviews.bulk_insert import insert_new_reviews
from reviewtool.services.search_index import index_records
from reviewtool.services.snapshots import snapshot_sqlite
from reviewtool.services.store import Store

CHUNK = 500


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: list[ImportConflict] = field(default_factory=list)
    codes_added: int = 0
    briefings_created: int = 0
    briefings_updated: int = 0
    deleted: int = 0
    changed_review_ids: list[str] = field(default_factory=list)
    deleted_review_ids: list[str] = field(default_factory=list)

    def describe(self) -> str:
        parts = [
            f"{self.created} review{'s' if self.created != 1 else ''} added",
            f"{self.updated} updated",
            f"{self.unchanged} unchanged",
        ]
        if self.deleted:
            parts.append(f"{self.deleted} deleted (deleted on the other computer)")
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
                f"\n{count} conflict{'s' if count != 1 else ''} (the copy here stays current; "
                "the other is kept beside it to resolve: open the review in the application, "
                "or see `reviewtool conflicts`):"
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
            work = Exchange(store.user, now, _source(bundle))
            report.codes_added += _import_codebook(session, bundle.codebook, bundle.version, work)
            for start in range(0, len(bundle.reviews), CHUNK):
                chunk = _as_read(bundle.reviews[start : start + CHUNK], bundle.version)
                _import_reviews(session, chunk, work, report)
                done += len(chunk)
                if progress:
                    progress(done, total)
            _import_rest(session, bundle, work, report)
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
            work = Exchange(store.user, now, path.name)
            if not is_large(path):
                bundle = read_bundle_file(path, codes, today)
                report.codes_added += _import_codebook(
                    session, bundle.codebook, bundle.version, work
                )
                _import_reviews(session, _as_read(bundle.reviews, bundle.version), work, report)
                _import_rest(session, bundle, work, report)
            else:
                version = 0
                for part in stream_bundle(path, codes, today, CHUNK):
                    if isinstance(part, Codebook):
                        version = part.version
                        report.codes_added += _import_codebook(
                            session, part.entries, part.version, work
                        )
                    elif isinstance(part, Reviews):
                        _import_reviews(session, _as_read(part.records, version), work, report)
                        if progress:
                            progress(before + part.bytes_read, sum(sizes))
                    else:
                        _import_rest(session, part.header, work, report)
            before += size
            if progress:
                progress(before, sum(sizes))
        if backup_first:
            _backup_before_commit(store)
    return report


def _source(bundle: Bundle) -> str:
    """Where a conflicting copy came from, as the person will recognise it."""
    made = f"exported {bundle.exported_at:%d/%m/%Y %H:%M} UTC" if bundle.exported_at else None
    return " - ".join(part for part in (bundle.partnership, made) if part) or "a bundle"


def _as_read(records: list[ReviewRecord], version: int) -> list[ReviewRecord]:
    """Version 1 had no revisions: whatever such a file says about them is ignored."""
    if version >= 2:
        return records
    return [
        r.model_copy(update={"revision": None, "ancestors": []})
        if r.revision is not None or r.ancestors
        else r
        for r in records
    ]


def _import_rest(session: Session, bundle: Bundle, work: Exchange, report: ImportReport) -> None:
    if bundle.partnership and session.get(Setting, "partnership") is None:
        session.add(Setting(key="partnership", value=json.dumps(bundle.partnership)))
    created, updated = import_topic_briefings(session, bundle.briefings, bundle.version, work)
    report.briefings_created += created
    report.briefings_updated += updated
    if bundle.version >= 2:
        report.deleted_review_ids.extend(apply_deletions(session, bundle.deleted, work))
    _tally(work, report)


def _backup_before_commit(store: Store) -> None:
    """A backup of the database as it was: another connection sees only committed data."""
    if store.database.is_sqlite:
        snapshot_sqlite(store, reason="before-import")


def _import_codebook(
    session: Session, entries: list[CodeRecord], version: int, work: Exchange
) -> int:
    present = set(session.scalars(select(Code.code)))
    if version >= 2:
        import_changed_codes(session, [e for e in entries if e.code in present], work)
    else:
        entries = [e.model_copy(update={"revision": None, "ancestors": []}) for e in entries]
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
        set_row_lineage(row, first_lineage(entry))
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
    session: Session, records: list[ReviewRecord], work: Exchange, report: ImportReport
) -> None:
    existing = {
        review.id: review
        for review in session.scalars(
            select(Review)
            .where(Review.id.in_([r.id for r in records]))
            .options(*full_review_loading())
        )
    }
    new_records, revived = admit_new(
        session, [record for record in records if record.id not in existing], work
    )
    # New reviews go in as plain rows (fast); existing ones are merged through the ORM below.
    insert_new_reviews(session, new_records, work.now, work.user)
    index_records(session, new_records, new=True)
    work.created += len(new_records)
    keep_deletions_beside(session, revived, work)
    to_index = reconcile_existing(session, existing, records, work)
    session.flush()
    index_records(session, to_index)
    report.changed_review_ids.extend(r.id for r in to_index)
    _tally(work, report)
    session.expunge_all()


def _tally(work: Exchange, report: ImportReport) -> None:
    """Move what ``work`` counted so far into the report."""
    report.created += work.created
    report.updated += work.updated
    report.unchanged += work.unchanged
    report.deleted += work.deleted
    report.conflicts.extend(work.conflicts)
    work.created = work.updated = work.unchanged = work.deleted = 0
    work.conflicts = []
