"""Every conflicting copy kept by imports (reviews, their workflows, topic briefings, codes),
and settling one
by keeping this computer's copy or taking the other whole.

Reviews can also be merged field by field in the application (``reviews.conflicts``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from reviewtool.bundle.schema import CodeRecord, ReviewRecord, TopicBriefing
from reviewtool.db.models import (
    Briefing,
    BriefingSection,
    Code,
    ConflictingRevision,
    Dissemination,
    Review,
)
from reviewtool.domain.errors import InvalidInput, NotFound
from reviewtool.services.audit import add_event
from reviewtool.services.clock import naive_utc, now_utc, utc
from reviewtool.services.codebook import code_record
from reviewtool.services.exchange.bundle_export import topic_record
from reviewtool.services.lineage import code_lineage, content_key, row_lineage, set_row_lineage
from reviewtool.services.reviews.conflict_store import (
    BRIEFING,
    CODE,
    DISSEMINATION,
    REVIEW,
    WORKFLOW,
    stored_lineage,
)
from reviewtool.services.reviews.conflicts import resolve_review_conflict
from reviewtool.services.reviews.editing import get_review
from reviewtool.services.store import Store
from reviewtool.services.workflow.conflicts import (
    resolve_delivery_conflict,
    resolve_workflow_conflict,
)

KEEP_CHOICES = ("mine", "theirs")

_KINDS = {
    REVIEW: "review",
    WORKFLOW: "review workflow",
    DISSEMINATION: "briefing delivery",
    BRIEFING: "topic briefing",
    CODE: "code",
}


@dataclass(frozen=True)
class ConflictSummary:
    id: int
    kind: str
    entity_id: str
    name: str
    other: str
    received_at: datetime
    source: str | None


def list_conflicts(store: Store) -> list[ConflictSummary]:
    with store.transaction() as session:
        rows = list(session.scalars(select(ConflictingRevision).order_by(ConflictingRevision.id)))
        names = _names(session, rows)
        return [
            ConflictSummary(
                row.id,
                _KINDS.get(row.entity, row.entity),
                row.entity_id,
                names.get((row.entity, row.entity_id), row.entity_id),
                "deleted there" if row.deleted else f"revision {row.revision}",
                utc(row.received_at),
                row.source,
            )
            for row in rows
        ]


def _names(session: Session, rows: list[ConflictingRevision]) -> dict[tuple[str, str], str]:
    ids = {entity: [r.entity_id for r in rows if r.entity == entity] for entity in _KINDS}
    names: dict[tuple[str, str], str] = {}
    for entity in (REVIEW, WORKFLOW):
        for review_id, reference in session.execute(
            select(Review.id, Review.reference).where(Review.id.in_(ids[entity]))
        ):
            names[(entity, review_id)] = reference
    for briefing_id, title in session.execute(
        select(Briefing.id, Briefing.title).where(Briefing.id.in_(ids[BRIEFING]))
    ):
        names[(BRIEFING, briefing_id)] = title or briefing_id
    for code in ids[CODE]:
        names[(CODE, code)] = code
    for delivery_id, audience, delivered_on in session.execute(
        select(Dissemination.id, Dissemination.audience, Dissemination.delivered_on).where(
            Dissemination.id.in_(ids[DISSEMINATION])
        )
    ):
        names[(DISSEMINATION, delivery_id)] = f"{delivered_on} {audience}"
    return names


def resolve_conflict(store: Store, conflict_id: int, keep: str) -> str:
    """Keep ``"mine"`` (this computer's copy) or take ``"theirs"``; returns what was done."""
    if keep not in KEEP_CHOICES:
        raise InvalidInput(f"--keep must be one of {', '.join(KEEP_CHOICES)}, not {keep!r}")
    with store.transaction() as session:
        row = session.get(ConflictingRevision, conflict_id)
        if row is None:
            raise NotFound(f"no conflict {conflict_id} (it may have been resolved already)")
        entity, entity_id = row.entity, row.entity_id
        if entity == BRIEFING:
            return _resolve_briefing(session, store.user, row, keep == "theirs")
        if entity == CODE:
            return _resolve_code(session, store.user, row, keep == "theirs")
        if entity == WORKFLOW:
            return resolve_workflow_conflict(session, store.user, row, keep == "theirs")
        if entity == DISSEMINATION:
            return resolve_delivery_conflict(session, store.user, row, keep == "theirs")
        content = row.content
    loaded = get_review(store, entity_id)
    result: ReviewRecord | None = loaded.record
    if keep == "theirs":
        theirs = ReviewRecord.model_validate_json(content) if content else None
        if theirs is not None and theirs.identifiers is None:
            theirs = theirs.model_copy(update={"identifiers": loaded.record.identifiers})
        result = theirs
    resolved = resolve_review_conflict(store, conflict_id, result, loaded.version)
    if resolved is None:
        return f"{loaded.record.reference}: deleted, as on the other computer"
    kept = "the other computer's copy" if keep == "theirs" else "this computer's copy"
    return f"{loaded.record.reference}: kept {kept}"


def _resolve_briefing(session: Session, user: str, row: ConflictingRevision, take: bool) -> str:
    briefing = session.scalars(
        select(Briefing)
        .where(Briefing.id == row.entity_id)
        .options(selectinload(Briefing.sections))
    ).one()
    chosen = (
        TopicBriefing.model_validate_json(row.content or "{}") if take else topic_record(briefing)
    )
    lineage = row_lineage(briefing).joined(stored_lineage(row), content_key(chosen))
    if take:
        briefing.title = chosen.title
        briefing.theme = chosen.theme
        briefing.status = chosen.status.value
        briefing.approved_by = chosen.approved_by
        briefing.approved_at = naive_utc(chosen.approved_at) if chosen.approved_at else None
        briefing.sections = [
            BriefingSection(position=i, heading=s.heading, body=s.body)
            for i, s in enumerate(chosen.sections)
        ]
    briefing.updated_at = naive_utc(now_utc())
    set_row_lineage(briefing, lineage)
    session.delete(row)
    _audit(session, user, "briefing", briefing.id, chosen.title)
    return (
        f"topic briefing {chosen.title!r}: kept {'the other' if take else 'this'} computer's copy"
    )


def _resolve_code(session: Session, user: str, row: ConflictingRevision, take: bool) -> str:
    code = session.get(Code, row.entity_id)
    if code is None:
        raise NotFound(f"code {row.entity_id} no longer exists")
    mine = code_record(code)
    chosen = CodeRecord.model_validate_json(row.content or "{}") if take else mine
    lineage = code_lineage(code, mine).joined(stored_lineage(row), content_key(chosen))
    if take:
        code.label, code.definition, code.colour = chosen.label, chosen.definition, chosen.colour
        code.active = chosen.active
        if chosen.parent is None or session.get(Code, chosen.parent) is not None:
            code.parent = chosen.parent
    set_row_lineage(code, lineage)
    session.delete(row)
    _audit(session, user, "code", code.code, chosen.label)
    return f"code {code.code}: kept {'the other' if take else 'this'} computer's copy"


def _audit(session: Session, user: str, entity: str, entity_id: str, name: str) -> None:
    add_event(
        session,
        at=now_utc(),
        user=user,
        action="resolve-conflict",
        entity=entity,
        entity_id=entity_id,
        new_value=name,
    )
