"""Topic briefings (not tied to one review) created and edited in the application."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from reviewtool.bundle.errors import BundleError, Problem
from reviewtool.bundle.read import problems_from_validation
from reviewtool.bundle.schema import Section, TopicBriefing
from reviewtool.db.models import Briefing, BriefingSection, Code
from reviewtool.domain.enums import BriefingStatus
from reviewtool.domain.errors import EditConflict, InvalidInput, NotFound
from reviewtool.services.audit import add_event, changed_fields
from reviewtool.services.clock import naive_utc, now_utc, utc
from reviewtool.services.settings import load_settings
from reviewtool.services.store import Store


def _record(briefing: Briefing) -> TopicBriefing:
    return TopicBriefing(
        id=briefing.id,
        title=briefing.title or "",
        theme=briefing.theme,
        status=BriefingStatus(briefing.status),
        updated_at=utc(briefing.updated_at),
        sections=[Section(heading=s.heading, body=s.body) for s in briefing.sections],
        approved_by=briefing.approved_by,
        approved_at=utc(briefing.approved_at) if briefing.approved_at else None,
    )


def get_topic_briefing(store: Store, briefing_id: str) -> TopicBriefing:
    with store.transaction() as session:
        briefing = session.scalars(
            select(Briefing)
            .where(Briefing.id == briefing_id, Briefing.review_id.is_(None))
            .options(selectinload(Briefing.sections))
        ).one_or_none()
        if briefing is None:
            raise NotFound(f"no topic briefing with id {briefing_id}")
        return _record(briefing)


def new_topic_briefing(store: Store, title: str, theme: str | None = None) -> TopicBriefing:
    """A draft topic briefing with the partnership's seven headings, saved straight away."""
    headings = load_settings(store).briefing_headings
    now = now_utc()
    record = _checked(
        TopicBriefing(
            id=str(uuid.uuid4()),
            title=title,
            theme=theme,
            updated_at=now,
            sections=[Section(heading=h, body="") for h in headings],
        )
    )
    with store.transaction() as session:
        _check_theme(session, record.theme)
        briefing = Briefing(id=record.id, review_id=None, created_at=naive_utc(now))
        _apply(briefing, record, now, store.user)
        session.add(briefing)
        add_event(
            session,
            at=now,
            user=store.user,
            action="create",
            entity="briefing",
            entity_id=record.id,
            new_value=record.title,
        )
        session.flush()
        return _record(briefing)


def _checked(record: TopicBriefing) -> TopicBriefing:
    try:
        return TopicBriefing.model_validate(record.model_dump())
    except ValidationError as error:
        raise BundleError(problems_from_validation(error)) from None


def _check_theme(session: Session, theme: str | None) -> None:
    if theme is not None and session.get(Code, theme) is None:
        raise BundleError([Problem("theme", f"unknown code {theme!r}")])


def _apply(briefing: Briefing, record: TopicBriefing, now: datetime, user: str) -> None:
    briefing.title = record.title
    briefing.theme = record.theme
    briefing.status = record.status.value
    if record.status is BriefingStatus.DRAFT:
        briefing.approved_by, briefing.approved_at = None, None
    elif briefing.approved_by is None:
        briefing.approved_by, briefing.approved_at = user, naive_utc(now)
    briefing.updated_at = naive_utc(now)
    briefing.sections = [
        BriefingSection(position=i, heading=s.heading, body=s.body)
        for i, s in enumerate(record.sections)
    ]


def _flat(record: TopicBriefing) -> dict[str, str | None]:
    flat: dict[str, str | None] = {
        "title": record.title,
        "theme": record.theme,
        "status": record.status.value,
    }
    for number, section in enumerate(record.sections, start=1):
        flat[f"section {number}"] = f"{section.heading}\n{section.body}"
    return flat


def save_topic_briefing(store: Store, record: TopicBriefing, opened_at: datetime) -> TopicBriefing:
    """Save an edited topic briefing, refusing if anyone saved it since ``opened_at``."""
    record = _checked(record)
    if len(record.sections) != 7:
        raise InvalidInput("a 7-minute briefing has seven sections")
    now = now_utc()
    with store.transaction() as session:
        _check_theme(session, record.theme)
        briefing = session.scalars(
            select(Briefing)
            .where(Briefing.id == record.id, Briefing.review_id.is_(None))
            .options(selectinload(Briefing.sections))
        ).one_or_none()
        if briefing is None:
            raise NotFound(f"topic briefing {record.title!r} no longer exists")
        if utc(briefing.updated_at) != utc(opened_at):
            raise EditConflict(
                f"The briefing {briefing.title!r} was changed by someone else since you opened "
                "it. Your changes have not been saved; they are still on screen."
            )
        before = _flat(_record(briefing))
        _apply(briefing, record, now, store.user)
        for name, old, new in changed_fields(before, _flat(record)):
            add_event(
                session,
                at=now,
                user=store.user,
                action="edit",
                entity="briefing",
                entity_id=record.id,
                field=name,
                old_value=old,
                new_value=new,
            )
        session.flush()
        return _record(briefing)


def delete_topic_briefing(store: Store, briefing_id: str) -> None:
    with store.transaction() as session:
        briefing = session.get(Briefing, briefing_id)
        if briefing is None or briefing.review_id is not None:
            raise NotFound(f"no topic briefing with id {briefing_id}")
        add_event(
            session,
            at=now_utc(),
            user=store.user,
            action="delete",
            entity="briefing",
            entity_id=briefing_id,
            old_value=briefing.title,
        )
        session.delete(briefing)
