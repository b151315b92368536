"""Importing bundles (BUNDLE.md); exporting them is in ``bundle_export``.

An import applies every file in one transaction, and on any problem writes nothing: a review
already present is updated only by a newer copy; an older or different copy with the same
time is reported as a conflict, never silently dropped.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
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
from reviewtool.domain.changes import Changes
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
from reviewtool.services.exchange.sealed_import import left_behind, unseal_identifiers
from reviewtool.services.exchange.shared_import import (
    first_lineage,
    import_changed_codes,
    import_topic_briefings,
)
from reviewtool.services.lineage import set_row_lineage
from reviewtool.services.records import full_review_loading
from reviewtool.services.reviews.bulk_insert import insert_new_reviews
from reviewtool.services.search_index import index_records
from reviewtool.services.snapshots import rotate_backups, snapshot_sqlite
from reviewtool.services.store import Store
from reviewtool.services.workflow.exchange import import_learning, import_workflows

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
    workflows_imported: int = 0
    learning_imported: int = 0
    deleted: int = 0
    changed_review_ids: list[str] = field(default_factory=list)
    deleted_review_ids: list[str] = field(default_factory=list)
    arrived_without_identifiers: dict[str, str] = field(default_factory=dict)
    """id -> reference of reviews whose bundle carried no identifiers (nor a sealed copy)."""
    identifiers_left_behind: list[str] = field(default_factory=list)
    """References of reviews that have no identifiers here because the bundle left them out."""
    sealed_not_opened: int = 0
    """Reviews whose identifiers are sealed in the bundle, not opened (no passphrase)."""
    identifiers_unsealed: int = 0
    applied_review_ids: set[str] = field(default_factory=set)
    _before_bundle: set[str] = field(default_factory=set, repr=False)
    """Reviews created or updated by this import."""

    @property
    def changes(self) -> Changes:
        return Changes(
            saved=frozenset(self.changed_review_ids),
            deleted=frozenset(self.deleted_review_ids),
            codebook=self.codes_added > 0,
        )

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
        if self.workflows_imported:
            parts.append(
                f"{self.workflows_imported} review workflows (returns, milestones) updated"
            )
        if self.codes_added:
            parts.append(f"{self.codes_added} codes added to the codebook")
        if self.identifiers_unsealed:
            parts.append(f"identifiers of {self.identifiers_unsealed} reviews unsealed")
        text = ", ".join(parts) + "."
        text += self._identifier_notes()
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

    def start_bundle(self) -> None:
        self._before_bundle = set(self.arrived_without_identifiers)

    def forget_bundle_without_identifiers(self) -> None:
        """The current bundle's reviews are not "without identifiers": they are sealed."""
        for review_id in list(self.arrived_without_identifiers):
            if review_id not in self._before_bundle:
                del self.arrived_without_identifiers[review_id]

    def _identifier_notes(self) -> str:
        text = ""
        if self.sealed_not_opened:
            text += (
                f"\nThe identifiers of {self.sealed_not_opened} reviews are sealed in the bundle "
                "and were left behind: import it again with the passphrase "
                "(--identifiers-passphrase, or REVIEWTOOL_IDENTIFIERS_PASSPHRASE)."
            )
        left = self.identifiers_left_behind
        if left:
            shown = ", ".join(left[:10]) + (f" and {len(left) - 10} more" if len(left) > 10 else "")
            text += (
                f"\n{len(left)} review{'s' if len(left) != 1 else ''} arrived without "
                f"identifiers (left behind on the sending side): {shown}. The publication "
                "check cannot protect them until their identifiers are added."
            )
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
    identifiers_passphrase: str | None = None,
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
            return _import_streaming(
                store, paths, today, progress, backup_first, identifiers_passphrase
            )
        except NotStreamable:
            pass  # rolled back: nothing was written
    return import_bundles(
        store, read_bundles(store, paths, today), progress, backup_first, identifiers_passphrase
    )


def import_bundles(
    store: Store,
    bundles: Sequence[Bundle],
    progress: Progress | None = None,
    backup_first: bool = False,
    identifiers_passphrase: str | None = None,
) -> ImportReport:
    """Apply bundles already read and checked, in one transaction."""
    report = ImportReport()
    now = now_utc()
    total = sum(len(b.reviews) for b in bundles)
    done = 0
    with (
        without_gc_pauses(),
        _backup_kept_if_committed(store, backup_first) as backup_before_commit,
        store.transaction(write_lock=True) as session,
    ):
        for bundle in bundles:
            report.start_bundle()
            work = Exchange(store.user, now, _source(bundle))
            report.codes_added += _import_codebook(session, bundle.codebook, bundle.version, work)
            for start in range(0, len(bundle.reviews), CHUNK):
                chunk = _as_read(bundle.reviews[start : start + CHUNK], bundle.version)
                _import_reviews(session, chunk, work, report)
                done += len(chunk)
                if progress:
                    progress(done, total)
            _import_rest(session, bundle, work, report, identifiers_passphrase)
        report.identifiers_left_behind = left_behind(session, report.arrived_without_identifiers)
        backup_before_commit()
    return report


def _import_streaming(
    store: Store,
    paths: Sequence[Path],
    today: date,
    progress: Progress | None,
    backup_first: bool,
    passphrase: str | None,
) -> ImportReport:
    codes = known_codes(store)
    report = ImportReport()
    now = now_utc()
    sizes = [path.stat().st_size for path in paths]
    before = 0
    with (
        without_gc_pauses(),
        _backup_kept_if_committed(store, backup_first) as backup_before_commit,
        store.transaction(write_lock=True) as session,
    ):
        for path, size in zip(paths, sizes, strict=True):
            report.start_bundle()
            work = Exchange(store.user, now, path.name)
            if not is_large(path):
                bundle = read_bundle_file(path, codes, today)
                report.codes_added += _import_codebook(
                    session, bundle.codebook, bundle.version, work
                )
                _import_reviews(session, _as_read(bundle.reviews, bundle.version), work, report)
                _import_rest(session, bundle, work, report, passphrase)
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
                        _import_rest(session, part.header, work, report, passphrase)
            before += size
            if progress:
                progress(before, sum(sizes))
        report.identifiers_left_behind = left_behind(session, report.arrived_without_identifiers)
        backup_before_commit()
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


def _import_rest(
    session: Session,
    bundle: Bundle,
    work: Exchange,
    report: ImportReport,
    passphrase: str | None,
) -> None:
    if bundle.partnership and session.get(Setting, "partnership") is None:
        session.add(Setting(key="partnership", value=json.dumps(bundle.partnership)))
    created, updated = import_topic_briefings(session, bundle.briefings, bundle.version, work)
    report.briefings_created += created
    report.briefings_updated += updated
    if bundle.version >= 2:
        report.deleted_review_ids.extend(apply_deletions(session, bundle.deleted, work))
    _tally(work, report)
    if bundle.sealed_identifiers is not None:
        if passphrase:
            report.identifiers_unsealed += unseal_identifiers(
                session,
                work.user,
                bundle.sealed_identifiers,
                passphrase,
                work.now,
                report.applied_review_ids,
                report.arrived_without_identifiers,
            )
        else:
            report.sealed_not_opened += bundle.sealed_identifiers.reviews
            # Their identifiers are in the sealed part, not left behind by the sender.
            report.forget_bundle_without_identifiers()
    workflows = import_workflows(session, work.user, bundle.workflow, work.now, work.source)
    report.workflows_imported += workflows.applied
    report.conflicts.extend(
        ImportConflict(reference, "workflow", reason) for reference, reason in workflows.conflicts
    )
    learning, learning_conflicts = import_learning(
        session, work.user, bundle.disseminations, bundle.rag_reviews, work.now, work.source
    )
    report.learning_imported += learning
    report.conflicts.extend(
        ImportConflict(name, "delivery", reason) for name, reason in learning_conflicts
    )


@contextmanager
def _backup_kept_if_committed(store: Store, wanted: bool) -> Iterator[Callable[[], None]]:
    """Gives the step that backs up the database just before the import commits.

    The copy is made through another connection, which sees only committed data: the
    database as it was. If the import then fails (a full disk at commit, another writer),
    the copy is deleted, since it would only repeat an older one; the rotation of older
    automatic backups waits until the import has committed.
    """
    taken: list[Path] = []

    def take() -> None:
        if wanted and store.database.is_sqlite:
            taken.append(snapshot_sqlite(store, reason="before-import", rotate=False))

    try:
        yield take
    except BaseException:
        for path in taken:
            path.unlink(missing_ok=True)
        raise
    for path in taken:
        rotate_backups(path.parent)


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
    report.arrived_without_identifiers.update(
        (record.id, record.reference) for record in records if record.identifiers is None
    )
    applied = [r.id for r in new_records] + [r.id for r in to_index]
    report.applied_review_ids.update(applied)
    report.changed_review_ids.extend(applied)
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
