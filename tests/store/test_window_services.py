"""Services behind the window: the next reference suggested for a new review and the live
count of the reviews a thematic review will include (the same selection as the analysis)."""

from __future__ import annotations

from datetime import date

import pytest

from reviewtool.domain.enums import ReviewKind
from reviewtool.services.exchange.demo import load_demo
from reviewtool.services.outputs.thematic import ThematicRequest, thematic_model
from reviewtool.services.outputs.thematic_cohort import cohort_size
from reviewtool.services.reviews.editing import create_review, new_review_record
from reviewtool.services.reviews.references import next_reference
from reviewtool.services.store import Store

TODAY = date(2026, 11, 21)


def test_next_reference_follows_the_stored_references(store: Store) -> None:
    load_demo(store)
    assert next_reference(store, ReviewKind.RAPID_REVIEW, TODAY) == "NSP-RR-2026-05"
    assert next_reference(store, ReviewKind.CSPR, TODAY) == "NSP-CSPR-2026-01"
    assert next_reference(store, ReviewKind.LEARNING_REVIEW, TODAY) == "NSP-LR-2026-01"
    create_review(store, new_review_record(ReviewKind.RAPID_REVIEW, "NSP-RR-2026-05", "Child Ä"))
    assert next_reference(store, ReviewKind.RAPID_REVIEW, TODAY) == "NSP-RR-2026-06"


def test_next_reference_on_an_empty_store(store: Store) -> None:
    assert next_reference(store, ReviewKind.SCR, TODAY) == "SCR-2026-01"


@pytest.mark.parametrize(
    ("start", "end", "by", "kinds", "count_both"),
    [
        (date(2021, 1, 1), date(2021, 12, 31), "notified", (), False),
        (date(2021, 1, 1), date(2021, 12, 31), "notified", (), True),
        (date(2014, 1, 1), date(2026, 11, 21), "notified", (), False),
        (date(2014, 1, 1), date(2026, 11, 21), "published", (), False),
        (date(2020, 1, 1), date(2026, 11, 21), "notified", (ReviewKind.CSPR,), False),
    ],
)
def test_cohort_size_is_the_analysis_own_count(
    sqlite_store: Store,
    start: date,
    end: date,
    by: str,
    kinds: tuple[ReviewKind, ...],
    count_both: bool,
) -> None:
    load_demo(sqlite_store)
    size = cohort_size(sqlite_store, start, end, by, kinds, count_both)
    request = ThematicRequest(start, end, by, kinds, count_both=count_both)
    assert size.included == thematic_model(sqlite_store, request, today=TODAY).reviews
