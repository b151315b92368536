"""Importing what the partnership shares beyond reviews: topic briefings and the codebook.

They follow the reviews' rules: with revisions a descendant replaces the copy here, an older
or equal copy changes nothing, and when both changed the copy here stays current while the
other is kept as a conflicting revision (``reviewtool conflicts`` lists them, ``resolve``
settles them). Without revisions (version 1) a topic briefing's later time wins as before,
and a code already present is left as it is.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from reviewtool.bundle.schema import REVISION_FIELDS, CodeRecord, TopicBriefing
from reviewtool.db.models import Briefing, BriefingSection, Code, ConflictingRevision
from reviewtool.domain.revisions import (
    Lineage,
    Relation,
    bounded_history,
    legacy_revision,
    next_revision,
    relate,
)
from reviewtool.services.audit import add_event
from reviewtool.services.clock import naive_utc
from reviewtool.services.codebook import code_record
from reviewtool.services.exchange.bundle_export import topic_record
from reviewtool.services.exchange.reconcile import Exchange, ImportConflict
from reviewtool.services.lineage import (
    code_lineage,
    content_key,
    record_lineage,
    row_lineage,
    set_row_lineage,
)
from reviewtool.services.reviews.conflict_store import (
    BRIEFING,
    CODE,
    conflicts_of,
    drop_known_conflicts,
    keep_other_copy,
)


def _same_content(a: TopicBriefing | CodeRecord, b: TopicBriefing | CodeRecord) -> bool:
    skip = set(REVISION_FIELDS | {"updated_at"})
    return a.model_dump(exclude=skip) == b.model_dump(exclude=skip)


def _decide(
    local: Lineage, theirs: Lineage | None, same: bool, incoming_is_later: bool
) -> tuple[str, Lineage | None]:
    """("update", lineage) | ("absorb", lineage) | ("keep", None) | ("conflict", other)."""
    if theirs is None:  # version 1: by time
        if same:
            return "keep", None
        if incoming_is_later:
            return "update", None
        return "conflict", None
    relation = relate(local, theirs)
    if relation in (Relation.SAME, Relation.LOCAL_IS_NEWER):
        return "keep", None
    if relation is Relation.INCOMING_IS_NEWER:
        return "update", Lineage(
            theirs.revision, bounded_history(theirs.ancestors, [local.revision])
        )
    if same:
        return "absorb", local.absorbing(theirs)
    return "conflict", theirs


def import_topic_briefings(
    session: Session, records: list[TopicBriefing], version: int, work: Exchange
) -> tuple[int, int]:
    """Returns (created, updated)."""
    if not records:
        return 0, 0
    ids = [r.id for r in records]
    existing = {
        b.id: b
        for b in session.scalars(
            select(Briefing).where(Briefing.id.in_(ids)).options(selectinload(Briefing.sections))
        )
    }
    kept = conflicts_of(session, BRIEFING, ids)
    created = updated = 0
    for record in records:
        if version < 2:
            record = record.model_copy(update={"revision": None, "ancestors": []})
        briefing = existing.get(record.id)
        if briefing is not None and briefing.review_id is not None:
            work.conflicts.append(
                ImportConflict(
                    record.title, record.id, "this id belongs to a review's own briefing"
                )
            )
            continue
        if briefing is None:
            briefing = Briefing(id=record.id, created_at=naive_utc(work.now))
            session.add(briefing)
            first = record_lineage(record) or Lineage(legacy_revision(record.id, record.updated_at))
            _write_briefing(session, briefing, record, first, work)
            created += 1
            continue
        local = row_lineage(briefing)
        stored = topic_record(briefing)
        theirs = record_lineage(record)
        what, lineage = _decide(
            local, theirs, _same_content(stored, record), record.updated_at > stored.updated_at
        )
        if what == "update":
            after = lineage or local.after_save(content_key(record))
            drop_known_conflicts(session, after, kept[record.id])
            _write_briefing(session, briefing, record, after, work)
            updated += 1
        elif what == "absorb" and lineage is not None:
            set_row_lineage(briefing, lineage)
        elif what == "conflict":
            other = lineage or Lineage(legacy_revision(record.id, record.updated_at))
            if not local.knows(other.revision):
                _keep(
                    session, BRIEFING, record.id, record.title, record, other, kept[record.id], work
                )
            else:
                note = "an earlier state of the copy here, so there is nothing to keep"
                work.conflicts.append(
                    ImportConflict(record.title, record.id, f"the copy here is newer; {note}")
                )
    session.flush()
    return created, updated


def _write_briefing(
    session: Session, briefing: Briefing, record: TopicBriefing, lineage: Lineage, work: Exchange
) -> None:
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
    set_row_lineage(briefing, lineage)
    add_event(
        session,
        at=work.now,
        user=work.user,
        action="import",
        entity="briefing",
        entity_id=record.id,
        new_value=record.title,
    )


def _keep(
    session: Session,
    entity: str,
    entity_id: str,
    label: str,
    record: TopicBriefing | CodeRecord,
    other: Lineage,
    kept: list[ConflictingRevision],
    work: Exchange,
) -> None:
    note = keep_other_copy(
        session,
        entity=entity,
        entity_id=entity_id,
        record=record,
        theirs=other,
        updated_at=getattr(record, "updated_at", None),
        received_at=work.now,
        source=work.source,
        kept=kept,
    )
    work.conflicts.append(
        ImportConflict(label, entity_id, f"both changed since they last agreed; {note}")
    )


def import_changed_codes(session: Session, entries: list[CodeRecord], work: Exchange) -> None:
    """Codes already present that the other computer changed (version 2 only)."""
    revised = [e for e in entries if e.revision is not None]
    if not revised:
        return
    rows = {
        c.code: c
        for c in session.scalars(select(Code).where(Code.code.in_([e.code for e in revised])))
    }
    kept = conflicts_of(session, CODE, list(rows))
    for entry in revised:
        row = rows.get(entry.code)
        if row is None:
            continue
        stored = code_record(row)
        local = code_lineage(row, stored)
        theirs = record_lineage(entry)
        what, lineage = _decide(local, theirs, _same_content(stored, entry), False)
        if what == "update" and lineage is not None:
            drop_known_conflicts(session, lineage, kept[entry.code])
            row.label, row.definition, row.colour = entry.label, entry.definition, entry.colour
            row.active = entry.active
            parent_known = entry.parent is None or session.get(Code, entry.parent) is not None
            if parent_known:
                row.parent = entry.parent
            set_row_lineage(row, lineage)
            add_event(
                session,
                at=work.now,
                user=work.user,
                action="import",
                entity="code",
                entity_id=entry.code,
                new_value=entry.label,
            )
        elif what == "absorb" and lineage is not None:
            set_row_lineage(row, lineage)
        elif what == "conflict" and theirs is not None:
            _keep(session, CODE, entry.code, entry.code, entry, theirs, kept[entry.code], work)
    session.flush()


def first_lineage(entry: CodeRecord) -> Lineage:
    """A new code's lineage: the one it came with, or one taken from its content."""
    return record_lineage(entry) or Lineage(next_revision(None, content_key(entry)))
