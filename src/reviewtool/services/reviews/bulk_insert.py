"""New reviews as plain table rows, for fast bulk inserts (imports of thousands of reviews).

Updates of existing reviews go through the ORM (`review_mapping.apply_record`) so that the
version check applies; new reviews have nothing to check and go in with executemany.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from datetime import datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from reviewtool.bundle.schema import ReviewRecord
from reviewtool.db.models import (
    Action,
    Agency,
    AuditEvent,
    Briefing,
    BriefingSection,
    Child,
    Factor,
    Identifier,
    LearningItem,
    Recommendation,
    Review,
    Tag,
)
from reviewtool.domain.revisions import legacy_revision
from reviewtool.services.clock import naive_utc
from reviewtool.services.records import DATE_FIELDS, identifier_kinds_of

Rows = dict[Table, list[dict[str, Any]]]


def add_rows(rows: Rows, record: ReviewRecord, now: datetime, user: str) -> None:
    """Append the rows of one new review (and its import audit event) to ``rows``."""
    review_id = record.id
    review: dict[str, Any] = {
        "id": review_id,
        "reference": record.reference,
        "kind": record.kind.value,
        "title": record.title,
        "status": record.status.value,
        "notification_type": record.notification_type.value if record.notification_type else None,
        "converted_from": record.converted_from,
        "decision": record.decision.value if record.decision else None,
        "criteria": "".join(sorted(c.value for c in record.criteria)),
        "decision_rationale": record.decision_rationale,
        "reviewer": record.reviewer,
        "methodology": record.methodology,
        "summary": record.summary,
        "created_at": naive_utc(now),
        "updated_at": naive_utc(record.updated_at),
        "version": 1,
        "revision": record.revision or legacy_revision(review_id, record.updated_at),
        "ancestors": json.dumps(record.ancestors),
    }
    for name in DATE_FIELDS:
        review[f"date_{name}"] = getattr(record.dates, name)
    rows[Review.__table__].append(review)  # type: ignore[index]
    _content_rows(rows, record)
    _recommendation_rows(rows, record)
    if record.briefing is not None:
        _briefing_rows(rows, record, now)
    rows[AuditEvent.__table__].append(  # type: ignore[index]
        {
            "at": naive_utc(now),
            "user": user,
            "action": "import",
            "entity": "review",
            "entity_id": review_id,
            "review_id": review_id,
            "field": None,
            "old_value": None,
            "new_value": record.reference,
        }
    )


def _content_rows(rows: Rows, record: ReviewRecord) -> None:
    """Children, agencies, factors, tags, identifiers, learning and good practice."""
    review_id = record.id
    rows[Child.__table__].extend(  # type: ignore[index]
        {
            "review_id": review_id,
            "position": i,
            "pseudonym": c.pseudonym,
            "age_months": c.age_months,
            "unborn": c.unborn,
            "sex": c.sex.value,
            "ethnicity": c.ethnicity,
            "disability": c.disability,
            "looked_after": c.looked_after,
            "plan": c.plan.value,
            "known_to_csc": c.known_to_csc,
        }
        for i, c in enumerate(record.children)
    )
    rows[Agency.__table__].extend(  # type: ignore[index]
        {"review_id": review_id, "position": i, "name": name}
        for i, name in enumerate(record.agencies)
    )
    rows[Factor.__table__].extend(  # type: ignore[index]
        {
            "review_id": review_id,
            "position": i,
            "code": f.code,
            "role": f.role.value,
            "note": f.note,
        }
        for i, f in enumerate(record.factors)
    )
    rows[Tag.__table__].extend(  # type: ignore[index]
        {"review_id": review_id, "position": i, "tag": tag} for i, tag in enumerate(record.tags)
    )
    rows[Identifier.__table__].extend(  # type: ignore[index]
        {"review_id": review_id, "position": i, "value": value, "kind": kind.value}
        for i, (value, kind) in enumerate(
            zip(record.identifiers or [], identifier_kinds_of(record), strict=True)
        )
    )
    rows[LearningItem.__table__].extend(  # type: ignore[index]
        [
            {"review_id": review_id, "kind": "learning", "position": i, "text": t}
            for i, t in enumerate(record.learning)
        ]
        + [
            {"review_id": review_id, "kind": "good_practice", "position": i, "text": t}
            for i, t in enumerate(record.good_practice)
        ]
    )


def _recommendation_rows(rows: Rows, record: ReviewRecord) -> None:
    review_id = record.id
    for position, recommendation in enumerate(record.recommendations):
        rows[Recommendation.__table__].append(  # type: ignore[index]
            {
                "id": recommendation.id,
                "review_id": review_id,
                "position": position,
                "text": recommendation.text,
            }
        )
        rows[Action.__table__].extend(  # type: ignore[index]
            {
                "id": a.id,
                "recommendation_id": recommendation.id,
                "position": i,
                "text": a.text,
                "owner": a.owner,
                "due": a.due,
                "status": a.status.value,
                "completed": a.completed,
                "assurance": a.assurance,
                "impact": a.impact,
                "dropped_reason": a.dropped_reason,
            }
            for i, a in enumerate(recommendation.actions)
        )


def _briefing_rows(rows: Rows, record: ReviewRecord, now: datetime) -> None:
    briefing = record.briefing
    assert briefing is not None
    briefing_id = str(uuid.uuid4())
    rows[Briefing.__table__].append(  # type: ignore[index]
        {
            "id": briefing_id,
            "review_id": record.id,
            "title": None,
            "theme": None,
            "status": briefing.status.value,
            "approved_by": briefing.approved_by,
            "approved_at": naive_utc(briefing.approved_at) if briefing.approved_at else None,
            "created_at": naive_utc(now),
            "updated_at": naive_utc(record.updated_at),
            "version": 1,
        }
    )
    rows[BriefingSection.__table__].extend(  # type: ignore[index]
        {"briefing_id": briefing_id, "position": i, "heading": s.heading, "body": s.body}
        for i, s in enumerate(briefing.sections)
    )


# Parents before children, so foreign keys hold at every statement.
_ORDER = [
    Review,
    Child,
    Agency,
    Factor,
    Tag,
    Identifier,
    LearningItem,
    Recommendation,
    Action,
    Briefing,
    BriefingSection,
    AuditEvent,
]


def insert_new_reviews(
    session: Session, records: list[ReviewRecord], now: datetime, user: str
) -> None:
    rows: Rows = defaultdict(list)
    for record in records:
        add_rows(rows, record, now, user)
    connection = session.connection()
    dialect = connection.dialect
    placeholder = "?" if dialect.paramstyle == "qmark" else "%s"
    for model in _ORDER:
        table: Table = model.__table__  # type: ignore[assignment]
        data = rows.get(table)
        if not data:
            continue
        columns = list(data[0])
        # Straight to the driver: SQLAlchemy's per-row statement machinery costs more than
        # the insert itself at this scale. Dates, times and booleans still go through the
        # column types' own converters, so the stored form is exactly what the ORM writes.
        converters = [table.c[name].type.bind_processor(dialect) for name in columns]
        quoted = ", ".join(dialect.identifier_preparer.quote(name) for name in columns)
        sql = (
            f"INSERT INTO {dialect.identifier_preparer.format_table(table)} ({quoted}) "
            f"VALUES ({', '.join([placeholder] * len(columns))})"
        )
        connection.exec_driver_sql(sql, _driver_rows(data, columns, converters))


def _driver_rows(
    data: list[dict[str, Any]], columns: list[str], converters: list[Any]
) -> list[tuple[Any, ...]]:
    """Rows as tuples in column order, converted only where a column type needs it."""
    values_of = itemgetter(*columns)
    converted = [(i, convert) for i, convert in enumerate(converters) if convert is not None]
    if len(columns) == 1:
        plain = [(values_of(row),) for row in data]
    else:
        plain = [values_of(row) for row in data]
    if not converted:
        return plain
    rows = []
    for values in plain:
        row = list(values)
        for index, convert in converted:
            if row[index] is not None:
                row[index] = convert(row[index])
        rows.append(tuple(row))
    return rows
