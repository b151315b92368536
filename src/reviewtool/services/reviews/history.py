"""Removing identifying text from a review's history (the audit trail).

A name typed into a summary by mistake is corrected in the review, but the trail keeps the
old value. This action replaces, in every entry of the review's history, the review's
protected identifiers and any text the user names with "[identifier removed]". The action
is itself recorded: who, when and why, never what was removed.
"""

from __future__ import annotations

from sqlalchemy import select

from reviewtool.db.models import AuditEvent, Identifier
from reviewtool.domain.errors import InvalidInput
from reviewtool.domain.identifier_kinds import IdentifierKind, ProtectedIdentifier
from reviewtool.domain.publication_check import prepare_identifiers, redact
from reviewtool.services.audit import add_event
from reviewtool.services.clock import now_utc
from reviewtool.services.lookup import resolve_review_id
from reviewtool.services.store import Store

ACTION = "history-redacted"


def remove_from_history(store: Store, ref_or_id: str, reason: str, text: str | None = None) -> int:
    """Redact the review's identifiers (and ``text``, if given) from its history; returns
    how many entries changed. ``reason`` is required and recorded."""
    reason = reason.strip()
    if not reason:
        raise InvalidInput("say why the history is changed (--reason): it is recorded")
    text = (text or "").strip() or None
    if text is not None and len(text) < 2:
        raise InvalidInput("the text to remove needs at least two characters")
    with store.transaction() as session:
        review_id = resolve_review_id(session, ref_or_id)
        protected = [
            ProtectedIdentifier(value, IdentifierKind(kind))
            for value, kind in session.execute(
                select(Identifier.value, Identifier.kind).where(Identifier.review_id == review_id)
            )
        ]
        if text is not None:
            protected.append(ProtectedIdentifier(text))
        if not protected:
            raise InvalidInput(
                "this review has no identifiers recorded: name the text to remove (--text)"
            )
        needles = prepare_identifiers(protected)
        changed = 0
        for event in session.scalars(select(AuditEvent).where(AuditEvent.review_id == review_id)):
            old = redact(event.old_value, needles) if event.old_value else event.old_value
            new = redact(event.new_value, needles) if event.new_value else event.new_value
            if (old, new) != (event.old_value, event.new_value):
                event.old_value, event.new_value = old, new
                changed += 1
        add_event(
            session,
            at=now_utc(),
            user=store.user,
            action=ACTION,
            entity="review",
            entity_id=review_id,
            review_id=review_id,
            field="reason",
            # Who, when and why; never what was removed.
            new_value=redact(reason, needles),
            old_value=f"{changed} entr{'ies' if changed != 1 else 'y'} changed",
        )
        return changed
