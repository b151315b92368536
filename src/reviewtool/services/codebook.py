"""The codebook: list, add, edit, deactivate and merge codes."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from reviewtool.bundle.schema import CodeRecord
from reviewtool.db.models import Briefing, Code, Factor, Review
from reviewtool.domain.code_lookup import CodeName, resolve_code
from reviewtool.domain.enums import CodeGroup
from reviewtool.domain.errors import InvalidInput, NotFound
from reviewtool.domain.revisions import Lineage, next_revision
from reviewtool.services.audit import add_event
from reviewtool.services.clock import now_utc
from reviewtool.services.lineage import code_lineage, content_key, row_lineage, set_row_lineage
from reviewtool.services.records import claim_next_version
from reviewtool.services.store import Store


@dataclass(frozen=True)
class CodeEntry:
    code: str
    label: str
    group: CodeGroup
    parent: str | None
    definition: str | None
    colour: str | None
    active: bool
    builtin: bool
    reviews: int
    """How many reviews are tagged with this code."""
    indicators: str = ""
    """Phrases that suggest the code, one per line."""


def list_codes(
    store: Store, include_inactive: bool = True, with_usage: bool = True
) -> list[CodeEntry]:
    """The codebook in order; ``with_usage`` counts each code's reviews (a scan of every tag,
    so pickers that never show the count leave it at 0)."""
    with store.transaction() as session:
        usage: dict[str, int] = {}
        if with_usage:
            usage = {
                code: int(count)
                for code, count in session.execute(
                    select(Factor.code, func.count(func.distinct(Factor.review_id))).group_by(
                        Factor.code
                    )
                )
            }
        query = select(Code).order_by(Code.position, Code.code)
        if not include_inactive:
            query = query.where(Code.active.is_(True))
        return [
            CodeEntry(
                c.code,
                c.label,
                CodeGroup(c.group),
                c.parent,
                c.definition,
                c.colour,
                c.active,
                c.builtin,
                int(usage.get(c.code, 0)),
                c.indicators or "",
            )
            for c in session.scalars(query)
        ]


def code_record(row: Code) -> CodeRecord:
    """A stored code as a bundle record (its revision left out)."""
    return CodeRecord(
        code=row.code,
        label=row.label,
        group=CodeGroup(row.group),
        parent=row.parent,
        definition=row.definition,
        colour=row.colour,
        active=row.active,
    )


def get_code(session: Session, code: str) -> Code:
    row = session.get(Code, code)
    if row is None:
        raise NotFound(f"no code {code!r} in the codebook")
    return row


def save_code(store: Store, record: CodeRecord) -> None:
    """Add a new code or change an existing one's label, definition, colour, parent or flag."""
    CodeRecord.model_validate(record.model_dump())
    if not record.code.startswith(record.group.value + "."):
        raise InvalidInput(f"code {record.code!r} must start with {record.group.value + '.'!r}")
    with store.transaction() as session:
        if record.parent is not None:
            parent = get_code(session, record.parent)
            if parent.group != record.group.value:
                raise InvalidInput("a code's parent must be in the same group")
            ancestor: str | None = parent.code
            while ancestor is not None:  # no cycles
                if ancestor == record.code:
                    raise InvalidInput("a code cannot sit below itself")
                ancestor = session.scalar(select(Code.parent).where(Code.code == ancestor))
        row = session.get(Code, record.code)
        action = "edit"
        if row is None:
            position = int(session.scalar(select(func.max(Code.position))) or 0) + 1
            row = Code(code=record.code, group=record.group.value, builtin=False, position=position)
            session.add(row)
            action = "create"
        elif row.group != record.group.value:
            raise InvalidInput("a code's group cannot change; add a new code and merge instead")
        old = (row.label, row.definition, row.colour, row.active, row.parent)
        if action == "edit":
            set_row_lineage(
                row, code_lineage(row, code_record(row)).after_save(content_key(record))
            )
        else:
            set_row_lineage(row, Lineage(next_revision(None, content_key(record))))
        row.label = record.label
        row.definition = record.definition
        row.colour = record.colour
        row.active = record.active
        row.parent = record.parent
        add_event(
            session,
            at=now_utc(),
            user=store.user,
            action=action,
            entity="code",
            entity_id=record.code,
            old_value=repr(old) if action == "edit" else None,
            new_value=record.label,
        )


def reviews_affected_by_merge(store: Store, source: str, target: str) -> int:
    with store.transaction() as session:
        return int(
            session.scalar(
                select(func.count(func.distinct(Factor.review_id))).where(Factor.code == source)
            )
            or 0
        )


def merge_codes(store: Store, source: str, target: str) -> int:
    """Re-tag every review from ``source`` to ``target`` and retire ``source``.

    Where a review already has ``target`` with the same role, the two notes are joined.
    Returns the number of reviews changed.
    """
    if source == target:
        raise InvalidInput("choose two different codes to merge")
    now = now_utc()
    with store.transaction() as session:
        source_row, target_row = get_code(session, source), get_code(session, target)
        if source_row.group != target_row.group:
            raise InvalidInput("only codes in the same group can be merged")
        tags = session.scalars(select(Factor).where(Factor.code == source)).all()
        existing = {
            (f.review_id, f.role): f
            for f in session.scalars(
                select(Factor).where(
                    Factor.code == target, Factor.review_id.in_([t.review_id for t in tags])
                )
            )
        }
        changed = {tag.review_id for tag in tags}
        for tag in tags:
            twin = existing.get((tag.review_id, tag.role))
            if twin is not None:
                notes = [n for n in (twin.note, tag.note) if n]
                twin.note = " / ".join(dict.fromkeys(notes)) or None
                session.delete(tag)
            else:
                tag.code = target
        session.flush()
        session.execute(update(Code).where(Code.parent == source).values(parent=target))
        session.execute(update(Briefing).where(Briefing.theme == source).values(theme=target))
        if changed:
            # Each changed review gets a new version, so open editors notice the change.
            for review in session.scalars(select(Review).where(Review.id.in_(changed))).all():
                claim_next_version(session, review, review.version)
                lineage = row_lineage(review).after_save(f"merge-codes {source} {target}")
                review.updated_at = now.replace(tzinfo=None)
                set_row_lineage(review, lineage)
                add_event(
                    session,
                    at=now,
                    user=store.user,
                    action="merge-codes",
                    entity="review",
                    entity_id=review.id,
                    review_id=review.id,
                    field="factors",
                    old_value=source,
                    new_value=target,
                )
        if source_row.builtin:
            source_row.active = False  # built-in ids stay known so old bundles still import
        else:
            session.execute(delete(Code).where(Code.code == source))
        add_event(
            session,
            at=now,
            user=store.user,
            action="merge",
            entity="code",
            entity_id=source,
            old_value=source,
            new_value=target,
        )
        return len(changed)


def code_names(store: Store) -> list[CodeName]:
    """Every code with its label and group label, in codebook order (for lookups)."""
    with store.transaction() as session:
        rows = session.execute(
            select(Code.code, Code.label, Code.group).order_by(Code.position, Code.code)
        ).all()
    labels = {group.value: group.label for group in CodeGroup}
    return [CodeName(code, label, labels.get(group, group)) for code, label, group in rows]


def find_code(store: Store, typed: str, option: str = "") -> str:
    """The code a person meant by ``typed`` (a code or a label), or a message suggesting the
    closest themes."""
    return resolve_code(typed, code_names(store), option)
