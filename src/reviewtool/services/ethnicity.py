"""Recorded ethnicity against the 2021 census categories: the values no rule recognises,
and the partnership's own mappings for them (the review screen's actions)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from reviewtool.db.models import Child, EthnicityMapping
from reviewtool.domain.errors import InvalidInput
from reviewtool.domain.ethnicity import census_2021, normalise, standard_category
from reviewtool.services.audit import add_event
from reviewtool.services.clock import now_utc
from reviewtool.services.store import Store

MAX_KEY = 200


def custom_mappings(session: Session) -> dict[str, str]:
    """Normalised recorded value -> category code, as the partnership mapped them."""
    return {
        key: category
        for key, category in session.execute(
            select(EthnicityMapping.recorded_key, EthnicityMapping.category)
        )
    }


@dataclass(frozen=True)
class RecordedValue:
    recorded: str
    """One spelling as recorded (the most common, when several normalise alike)."""
    children: int
    category: str | None
    """The category code it maps to, or None."""
    mapped_by: str
    """"built in", "partnership" or "" (not mapped)."""


def recorded_values(store: Store, unmapped_only: bool = False) -> list[RecordedValue]:
    """Every distinct ethnicity as recorded (spellings that normalise alike together), with
    how many children have it and what it maps to; the unmapped first when listing all."""
    with store.transaction() as session:
        rows = session.execute(
            select(Child.ethnicity, func.count())
            .where(Child.ethnicity.is_not(None))
            .group_by(Child.ethnicity)
        ).all()
        custom = custom_mappings(session)
    children: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    for value, count in rows:
        if not value or not value.strip():
            continue
        key = normalise(value)
        children[key] += int(count)
        spellings.setdefault(key, Counter())[value] += int(count)
    values = []
    for key, count in children.items():
        category = standard_category(key, custom)
        by = "partnership" if key in custom else "built in" if category else ""
        if unmapped_only and category:
            continue
        # The most used spelling names the value (ties: the first alphabetically, so the
        # screen is stable from one opening to the next).
        shown = min(spellings[key], key=lambda v: (-spellings[key][v], v))
        values.append(RecordedValue(shown, count, category, by))
    values.sort(key=lambda v: (v.category is not None, -v.children, v.recorded.casefold()))
    return values


def map_recorded_value(store: Store, recorded: str, category: str | None) -> None:
    """Map every child recorded as ``recorded`` (any case or spacing) to ``category``; None
    removes the partnership's mapping."""
    key = normalise(recorded)
    if not key:
        raise InvalidInput("give the ethnicity as recorded to map")
    if len(key) > MAX_KEY:
        raise InvalidInput(f"the recorded value is longer than {MAX_KEY} characters")
    if category is not None and census_2021().category(category) is None:
        raise InvalidInput(f"{category!r} is not a 2021 census category")
    with store.transaction() as session:
        old = session.get(EthnicityMapping, key)
        old_category = old.category if old else None
        if category is None:
            session.execute(delete(EthnicityMapping).where(EthnicityMapping.recorded_key == key))
        elif old is None:
            session.add(
                EthnicityMapping(recorded_key=key, recorded=recorded.strip(), category=category)
            )
        else:
            old.category = category
        if old_category != category:
            add_event(
                session,
                at=now_utc(),
                user=store.user,
                action="map",
                entity="ethnicity",
                entity_id=key[:120],
                field="category",
                old_value=old_category,
                new_value=category,
            )
