"""The audit trail: one event per changed field, with who, when, old and new value."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewtool.bundle.schema import ReviewRecord
from reviewtool.db.models import AuditEvent, Identifier
from reviewtool.domain.identifier_kinds import IdentifierKind, ProtectedIdentifier
from reviewtool.services.clock import naive_utc, utc
from reviewtool.services.store import Store

# Scalar fields are compared one by one; lists are compared whole, as compact JSON.
_SKIPPED = {"id", "updated_at", "identifiers", "identifier_kinds", "dates", "revision", "ancestors"}


def flatten_review(record: ReviewRecord) -> dict[str, str | None]:
    """A review as field -> text, the unit the audit trail records."""
    data = record.model_dump(mode="json")
    flat: dict[str, str | None] = {}
    for name, value in data.items():
        if name in _SKIPPED:
            continue
        flat[name] = _as_text(value)
    for name, value in data["dates"].items():
        flat[f"dates.{name}"] = value
    # Identifiers are never copied into the trail: it may be exported or shown widely.
    if record.identifiers is not None:
        count = len(record.identifiers)
        flat["identifiers"] = f"{count} identifier{'s' if count != 1 else ''}"
    return flat


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def changed_fields(
    old: dict[str, str | None], new: dict[str, str | None]
) -> list[tuple[str, str | None, str | None]]:
    fields = list(old) + [name for name in new if name not in old]
    return [
        (name, old.get(name), new.get(name))
        for name in fields
        if name in new and old.get(name) != new.get(name)
    ]


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    user: str
    action: str
    entity: str
    entity_id: str
    review_id: str | None
    field: str | None
    old_value: str | None
    new_value: str | None


Redactor = Callable[[str | None], str | None]


def review_redactor(session: Session, review_id: str) -> Redactor:
    """Replaces the review's protected identifiers in a value by "[identifier removed]":
    a name typed by mistake into a summary must not stay in the history for ever."""
    from reviewtool.domain.publication_check import prepare_identifiers, redact

    identifiers = [
        ProtectedIdentifier(value, IdentifierKind(kind))
        for value, kind in session.execute(
            select(Identifier.value, Identifier.kind).where(Identifier.review_id == review_id)
        )
    ]
    if not identifiers:
        return lambda value: value
    needles = prepare_identifiers(identifiers)
    return lambda value: redact(value, needles) if value else value


def add_event(
    session: Session,
    *,
    at: datetime,
    user: str,
    action: str,
    entity: str,
    entity_id: str,
    review_id: str | None = None,
    field: str | None = None,
    old_value: str | None = None,
    new_value: str | None = None,
) -> None:
    if review_id is not None and (old_value or new_value):
        redacted = review_redactor(session, review_id)
        old_value, new_value = redacted(old_value), redacted(new_value)
    session.add(
        AuditEvent(
            at=naive_utc(at),
            user=user,
            action=action,
            entity=entity,
            entity_id=entity_id,
            review_id=review_id,
            field=field,
            old_value=old_value,
            new_value=new_value,
        )
    )


def add_review_changes(
    session: Session,
    *,
    at: datetime,
    user: str,
    action: str,
    review_id: str,
    changes: list[tuple[str, str | None, str | None]],
) -> None:
    redacted = review_redactor(session, review_id) if changes else None
    session.add_all(
        AuditEvent(
            at=naive_utc(at),
            user=user,
            action=action,
            entity="review",
            entity_id=review_id,
            review_id=review_id,
            field=name,
            old_value=redacted(old) if redacted else old,
            new_value=redacted(new) if redacted else new,
        )
        for name, old, new in changes
    )


def review_history(session: Session, review_id: str) -> list[AuditEntry]:
    rows = session.scalars(
        select(AuditEvent)
        .where(AuditEvent.review_id == review_id)
        .order_by(AuditEvent.at, AuditEvent.id)
    )
    return [
        AuditEntry(
            at=utc(row.at),
            user=row.user,
            action=row.action,
            entity=row.entity,
            entity_id=row.entity_id,
            review_id=row.review_id,
            field=row.field,
            old_value=row.old_value,
            new_value=row.new_value,
        )
        for row in rows
    ]


def review_audit_trail(store: Store, review_id: str) -> list[AuditEntry]:
    with store.transaction() as session:
        return review_history(session, review_id)


AUDIT_COLUMNS = (
    "when_utc",
    "user",
    "action",
    "entity",
    "entity_id",
    "review_id",
    "field",
    "old_value",
    "new_value",
)


def export_audit_trail(store: Store, path: Path, review_ref: str | None = None) -> int:
    """Write the audit trail (of one review, or everything) as CSV; returns the row count."""
    import csv

    from reviewtool.bundle.write import write_text_atomically
    from reviewtool.domain.cells import neutralise_formula
    from reviewtool.services.lookup import resolve_review_id

    with store.transaction() as session:
        query = select(AuditEvent).order_by(AuditEvent.at, AuditEvent.id)
        if review_ref is not None:
            query = query.where(AuditEvent.review_id == resolve_review_id(session, review_ref))
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(AUDIT_COLUMNS)
        count = 0
        for event in session.scalars(query).yield_per(1000):
            row = [
                utc(event.at).isoformat(),
                event.user,
                event.action,
                event.entity,
                event.entity_id,
                event.review_id or "",
                event.field or "",
                event.old_value or "",
                event.new_value or "",
            ]
            # Values people typed may start like a formula: written as text, never run.
            writer.writerow([neutralise_formula(value) for value in row])
            count += 1
    write_text_atomically(path, buffer.getvalue())
    return count
