"""Deciding what an imported briefing delivery means for the one stored here, by revision
(or, without one, by time), keeping a copy both computers changed rather than dropping it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from reviewtool.bundle.learning_schema import DisseminationRecord
from reviewtool.db.models import ConflictingRevision, Dissemination
from reviewtool.domain.revisions import Lineage, Relation, bounded_history, relate
from reviewtool.services.audit import add_event
from reviewtool.services.reviews.conflict_store import (
    DISSEMINATION,
    drop_known_conflicts,
    keep_other_copy,
)
from reviewtool.services.workflow.dissemination import record_of, write_dissemination
from reviewtool.services.workflow.lineage import (
    delivery_content,
    delivery_lineage,
    incoming_delivery_lineage,
)


@dataclass
class DeliveryMerge:
    session: Session
    user: str
    now: datetime
    source: str | None
    applied: int = 0

    def one(
        self,
        briefing_id: str,
        record: DisseminationRecord,
        kept: list[ConflictingRevision],
    ) -> str | None:
        """Apply or keep ``record``; returns the reason when it is listed as a conflict."""
        row = self.session.get(Dissemination, record.id)
        if row is None:
            self._apply(briefing_id, record, incoming_delivery_lineage(record))
            return None
        local = delivery_lineage(row)
        same = delivery_content(record_of(row, None)) == delivery_content(record)
        if record.revision is None:
            return self._by_time(briefing_id, record, row, local, same, kept)
        theirs = incoming_delivery_lineage(record)
        relation = relate(local, theirs)
        if relation in (Relation.SAME, Relation.LOCAL_IS_NEWER):
            return None
        if relation is Relation.INCOMING_IS_NEWER:
            lineage = Lineage(theirs.revision, bounded_history(theirs.ancestors, [local.revision]))
            drop_known_conflicts(self.session, lineage, kept)
            self._apply(briefing_id, record, lineage)
            return None
        if same:
            joined = local.absorbing(theirs)
            row.revision, row.ancestors = joined.revision, _json(joined.ancestors)
            drop_known_conflicts(self.session, joined, kept)
            return None
        return self._keep(record, theirs, kept, "both changed since they agreed")

    def _by_time(
        self,
        briefing_id: str,
        record: DisseminationRecord,
        row: Dissemination,
        local: Lineage,
        same: bool,
        kept: list[ConflictingRevision],
    ) -> str | None:
        """A copy without a revision (an older bundle): the later time wins; an older copy
        that differs is kept beside this one rather than dropped."""
        if same:
            return None
        stored_at = record_of(row, None).updated_at
        theirs = incoming_delivery_lineage(record)
        if record.updated_at > stored_at:
            saved = local.after_save(delivery_content(record))
            self._apply(
                briefing_id,
                record,
                Lineage(saved.revision, bounded_history(saved.ancestors, [theirs.revision])),
            )
            return None
        if record.updated_at < stored_at and local.knows(theirs.revision):
            return None  # an earlier state of the copy here: nothing in it is missing here
        reason = "the copy here is newer" if record.updated_at < stored_at else "same time"
        return self._keep(record, theirs, kept, reason)

    def _apply(self, briefing_id: str, record: DisseminationRecord, lineage: Lineage) -> None:
        write_dissemination(self.session, briefing_id, record, lineage)
        add_event(
            self.session,
            at=self.now,
            user=self.user,
            action="import",
            entity="dissemination",
            entity_id=record.id,
            new_value=f"{record.date} {record.audience}",
        )
        self.applied += 1

    def _keep(
        self,
        record: DisseminationRecord,
        theirs: Lineage,
        kept: list[ConflictingRevision],
        reason: str,
    ) -> str:
        note = keep_other_copy(
            self.session,
            entity=DISSEMINATION,
            entity_id=record.id,
            record=record,
            theirs=theirs,
            updated_at=record.updated_at,
            received_at=self.now,
            source=self.source,
            kept=kept,
        )
        return f"{reason}; {note}"


def _json(ancestors: tuple[str, ...]) -> str:
    return json.dumps(list(ancestors))
