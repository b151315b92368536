"""Keeping another laptop's conflicting copy beside the current one (nothing is dropped)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewtool.db.models import ConflictingRevision
from reviewtool.domain.revisions import Lineage, Relation, relate
from reviewtool.services.clock import naive_utc

CHUNK = 900  # under SQLite's limit on bound parameters

REVIEW = "review"
BRIEFING = "briefing"
CODE = "code"
WORKFLOW = "workflow"
"""A review's statutory workflow (its ``entity_id`` is the review's id)."""
DISSEMINATION = "dissemination"
"""A delivery of a 7-minute briefing and its team's action plan."""


def stored_lineage(row: ConflictingRevision) -> Lineage:
    return Lineage(row.revision, tuple(json.loads(row.ancestors or "[]")))


def conflicts_of(
    session: Session, entity: str, ids: Sequence[str]
) -> dict[str, list[ConflictingRevision]]:
    """The conflicting copies kept for these ids, in one query per chunk of ids."""
    found: dict[str, list[ConflictingRevision]] = defaultdict(list)
    for start in range(0, len(ids), CHUNK):
        for row in session.scalars(
            select(ConflictingRevision)
            .where(
                ConflictingRevision.entity == entity,
                ConflictingRevision.entity_id.in_(ids[start : start + CHUNK]),
            )
            .order_by(ConflictingRevision.id)
        ):
            found[row.entity_id].append(row)
    return found


def keep_conflict(
    session: Session,
    *,
    entity: str,
    entity_id: str,
    lineage: Lineage,
    content: str | None,
    updated_at: datetime | None,
    received_at: datetime,
    source: str | None,
    kept: list[ConflictingRevision],
) -> bool:
    """Keep the other copy, unless it (or a later copy of it) is kept already; a later copy
    replaces an earlier one it descends from. True when something new was kept."""
    for row in list(kept):
        relation = relate(stored_lineage(row), lineage)
        if relation in (Relation.SAME, Relation.LOCAL_IS_NEWER):
            return False
        if relation is Relation.INCOMING_IS_NEWER:
            session.delete(row)
            kept.remove(row)
    row = ConflictingRevision(
        entity=entity,
        entity_id=entity_id,
        revision=lineage.revision,
        ancestors=json.dumps(list(lineage.ancestors)),
        deleted=content is None,
        content=content,
        updated_at=naive_utc(updated_at) if updated_at else None,
        received_at=naive_utc(received_at),
        source=source,
    )
    session.add(row)
    kept.append(row)
    return True


def keep_other_copy(
    session: Session,
    *,
    entity: str,
    entity_id: str,
    record: BaseModel,
    theirs: Lineage,
    updated_at: datetime | None,
    received_at: datetime,
    source: str | None,
    kept: list[ConflictingRevision],
) -> str:
    """Keep ``record``, the other computer's copy at revision ``theirs``, beside the current
    one (see ``keep_conflict``); returns what the import report says about it."""
    content = record.model_copy(
        update={"revision": theirs.revision, "ancestors": list(theirs.ancestors)}
    ).model_dump_json()
    new = keep_conflict(
        session,
        entity=entity,
        entity_id=entity_id,
        lineage=theirs,
        content=content,
        updated_at=updated_at,
        received_at=received_at,
        source=source,
        kept=kept,
    )
    return "kept beside this copy to resolve" if new else "already kept, still to resolve"


def drop_known_conflicts(
    session: Session, lineage: Lineage, kept: list[ConflictingRevision]
) -> None:
    """Conflicting copies that ``lineage`` already includes (the other laptop resolved the
    conflict, or took this copy) are settled: forget them."""
    for row in list(kept):
        if lineage.knows(row.revision):
            session.delete(row)
            kept.remove(row)
