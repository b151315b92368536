"""Free tags in use, for completion while typing."""

from __future__ import annotations

from sqlalchemy import select

from reviewtool.db.models import Tag
from reviewtool.services.store import Store


def known_tags(store: Store) -> list[str]:
    with store.transaction() as session:
        return sorted(session.scalars(select(Tag.tag).distinct()), key=str.lower)
