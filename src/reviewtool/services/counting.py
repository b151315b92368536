"""The counting rule of `domain.counting` applied to the database, for every output.

Functions take an open session so that any service (the dashboard, the slides, the thematic
analysis) can count inside its own transaction.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from reviewtool.db.models import Code, Factor, Review
from reviewtool.domain.counting import folds, with_ancestors
from reviewtool.domain.enums import ReviewKind, ReviewStatus


def period_date(by: str = "notified") -> ColumnElement[Any] | InstrumentedAttribute[Any]:
    """The date that places a review in a period (see `domain.counting`, rule 1)."""
    if by == "published":
        return Review.date_published
    return func.coalesce(Review.date_notified, Review.date_decision, Review.date_published)


def cohort_query(
    date_from: date | None,
    date_to: date | None,
    by: str = "notified",
    kinds: Collection[ReviewKind] = (),
) -> Select[Any]:
    """The ids of the reviews counted in a period, oldest first (withdrawn left out)."""
    when = period_date(by)
    query = select(Review.id).where(Review.status != ReviewStatus.WITHDRAWN.value)
    if date_from is not None:
        query = query.where(when >= date_from)
    if date_to is not None:
        query = query.where(when <= date_to)
    if date_from is None and date_to is None:
        query = query.where(when.is_not(None))
    if kinds:
        query = query.where(Review.kind.in_([k.value for k in kinds]))
    return query.order_by(when, Review.reference)


def code_parents(session: Session) -> dict[str, str | None]:
    return {code: parent for code, parent in session.execute(select(Code.code, Code.parent))}


@dataclass(frozen=True)
class CountedCase:
    id: str
    reference: str
    kind: ReviewKind
    when: date | None
    folded: tuple[str, ...]
    """Ids of the rapid reviews counted as part of this case."""


def counted_cases(
    session: Session, cohort: Select[Any], count_both: bool = False, by: str = "notified"
) -> list[CountedCase]:
    """The cases a cohort counts as, in its order: rapid reviews folded into their CSPR."""
    wanted = cohort.with_only_columns(Review.id).order_by(None).scalar_subquery()
    rows = session.execute(
        select(Review.id, Review.reference, Review.kind, Review.converted_from, period_date(by))
        .where(Review.id.in_(wanted))
        .order_by(period_date(by), Review.reference)
    ).all()
    folded = {} if count_both else folds(rows, lambda r: str(r[0]), lambda r: r[3])
    into: dict[str, list[str]] = defaultdict(list)
    for source, target in folded.items():
        into[target].append(source)
    return [
        CountedCase(row[0], row[1], ReviewKind(row[2]), row[4], tuple(into.get(row[0], ())))
        for row in rows
        if row[0] not in folded
    ]


def cases_by_year(session: Session) -> tuple[dict[int, Counter[str]], int]:
    """Cases per year and kind, counted by the rule (the dashboard's table), and how many
    rapid reviews were folded into their CSPR."""
    by_year: dict[int, Counter[str]] = {}
    folded = 0
    for case in counted_cases(session, cohort_query(None, None)):
        folded += len(case.folded)
        if case.when is not None:
            by_year.setdefault(case.when.year, Counter())[case.kind.value] += 1
    return dict(sorted(by_year.items())), folded


def cases_with_code(
    session: Session, cohort: Select[Any], cases: Sequence[CountedCase], code: str
) -> list[CountedCase]:
    """The ``cases`` (counted from ``cohort``) that have ``code`` or any code under it,
    judged on each case's own record."""
    parents = code_parents(session)
    wanted = cohort.with_only_columns(Review.id).order_by(None).scalar_subquery()
    tagged: dict[str, set[str]] = defaultdict(set)
    for review_id, tag in session.execute(
        select(Factor.review_id, Factor.code).where(Factor.review_id.in_(wanted))
    ).all():
        tagged[review_id].add(tag)
    return [case for case in cases if code in with_ancestors(tagged.get(case.id, ()), parents)]
