"""The exchange revision of a stored row (review, topic briefing, code) and of a record."""

from __future__ import annotations

import json
from typing import Any

from reviewtool.bundle.schema import REVISION_FIELDS, Revised
from reviewtool.domain.revisions import Lineage, legacy_revision, next_revision
from reviewtool.services.clock import utc

_NOT_CONTENT = REVISION_FIELDS | {"updated_at"}


def content_key(record: Revised) -> str:
    """What a revision id is taken from: the record's content, not its lineage or time (so
    the same change made from the same revision gives the same id on any laptop)."""
    return record.model_dump_json(exclude=set(_NOT_CONTENT))


def row_lineage(row: Any) -> Lineage:
    """The lineage of a stored review or topic briefing (ORM object or plain row)."""
    if row.revision:
        return Lineage(row.revision, tuple(json.loads(row.ancestors or "[]")))
    return Lineage(legacy_revision(row.id, utc(row.updated_at)))


def code_lineage(row: Any, record: Revised) -> Lineage:
    """A code's lineage; one never changed since revisions exist takes its revision from its
    content, so laptops holding the same code agree on it."""
    if row.revision:
        return Lineage(row.revision, tuple(json.loads(row.ancestors or "[]")))
    return Lineage(next_revision(None, content_key(record)))


def set_row_lineage(row: Any, lineage: Lineage) -> None:
    row.revision = lineage.revision
    row.ancestors = json.dumps(list(lineage.ancestors))


def record_lineage(record: Revised) -> Lineage | None:
    """The lineage a record carries (bundle version 2), or None when it carries none."""
    if record.revision is None:
        return None
    return Lineage(record.revision, tuple(record.ancestors))


def with_lineage(record: Any, lineage: Lineage) -> Any:
    return record.model_copy(
        update={"revision": lineage.revision, "ancestors": list(lineage.ancestors)}
    )
