"""Free tags in use, for completion while typing."""

from __future__ import annotations

from sqlalchemy import distinct, select

from reviewtool.db.models import Tag
from reviewtool.services.store import Store


def known_tags(store: Store) -> list[str]:
    with store.transaction() as session:
        return sorted(session.scalars(select(distinct(Tag.tag))), key=str.lower)
