"""Domain rules checked against dates worked out by hand from the published bank holidays."""

from __future__ import annotations

from datetime import date

import pytest

from reviewtool.domain.actions import Rag, action_rag
from reviewtool.domain.children import AgeBand, age_band
from reviewtool.domain.deadlines import (
    cspr_publication_due,
    deadline_state,
    notification_due,
    rapid_review_due,
    working_days_late,
)
from reviewtool.domain.enums import ActionStatus
from reviewtool.domain.factors import has_trio_of_vulnerabilities
from reviewtool.domain.working_days import add_working_days, is_working_day, working_days_between


@pytest.mark.parametrize(
    ("aware", "due", "why"),
    [
        # Thu before Easter 2025: Good Friday 18 Apr and Easter Monday 21 Apr are skipped.
        (date(2025, 4, 17), date(2025, 4, 28), "Easter"),
        # Wed 23 Dec 2026: Christmas Fri 25, Boxing Day substitute Mon 28, New Year Fri 1 Jan.
        (date(2026, 12, 23), date(2027, 1, 4), "Christmas with a substitute day"),
        # Fri 23 Dec 2022: Boxing Day Mon 26, Christmas substitute Tue 27,
        # New Year substitute Mon 2 Jan.
        (date(2022, 12, 23), date(2023, 1, 4), "substitute days"),
        # An ordinary week: Mon -> next Mon.
        (date(2024, 3, 4), date(2024, 3, 11), "no holidays"),
        # Aware on a Saturday: the count starts with Monday.
        (date(2024, 3, 9), date(2024, 3, 15), "aware at a weekend"),
    ],
)
def test_notification_due_is_five_working_days_after_awareness(
    aware: date, due: date, why: str
) -> None:
    assert notification_due(aware) == due, why


@pytest.mark.parametrize(
    ("notified", "due", "why"),
    [
        # Fri 15 May 2026: the late May bank holiday, Mon 25 May 2026, is skipped.
        (date(2026, 5, 15), date(2026, 6, 8), "late May bank holiday"),
        # Tue 5 Apr 2022 (the BUNDLE.md example): Good Friday 15 and Easter Monday 18 Apr skipped.
        (date(2022, 4, 5), date(2022, 4, 28), "Easter 2022"),
        # Mon 12 Sep 2022: the bank holiday for the Queen's state funeral, Mon 19 Sep 2022.
        (date(2022, 9, 12), date(2022, 10, 4), "one-off bank holiday"),
    ],
)
def test_rapid_review_due_is_fifteen_working_days_after_notification(
    notified: date, due: date, why: str
) -> None:
    assert rapid_review_due(notified) == due, why


def test_working_day_calendar() -> None:
    assert not is_working_day(date(2026, 5, 25))  # late May bank holiday
    assert not is_working_day(date(2026, 12, 28))  # Boxing Day substitute
    assert not is_working_day(date(2026, 11, 21))  # a Saturday
    assert is_working_day(date(2026, 11, 20))
    assert working_days_between(date(2022, 4, 28), date(2022, 5, 3)) == 2  # Mon 2 May holiday
    assert working_days_between(date(2022, 5, 3), date(2022, 4, 28)) == -2
    assert add_working_days(date(2026, 11, 20), 0) == date(2026, 11, 20)


def test_days_late_counts_working_days_only() -> None:
    assert working_days_late(date(2022, 4, 28), date(2022, 4, 26)) == 0
    assert working_days_late(date(2022, 4, 28), date(2022, 4, 28)) == 0
    assert working_days_late(date(2022, 4, 28), date(2022, 5, 3)) == 2


def test_deadline_state_in_words() -> None:
    due = date(2026, 11, 25)  # a Wednesday
    assert deadline_state(due, None, date(2026, 11, 20)).describe() == "due in 3 working days"
    assert deadline_state(due, None, due).describe() == "due today"
    late = deadline_state(due, None, date(2026, 12, 2))
    assert late.late and late.describe() == "5 working days late"
    assert deadline_state(due, date(2026, 11, 24), date(2026, 12, 2)).describe() == "met on time"
    assert (
        deadline_state(due, date(2026, 11, 26), date(2026, 12, 2)).describe()
        == "met 1 working day late"
    )
    friday = date(2026, 11, 27)
    assert deadline_state(friday, None, date(2026, 11, 28)).describe() == "overdue"


@pytest.mark.parametrize(
    ("decision", "due"),
    [
        (date(2021, 4, 28), date(2021, 10, 28)),
        (date(2021, 8, 31), date(2022, 2, 28)),
        (date(2023, 8, 31), date(2024, 2, 29)),
        (date(2025, 9, 15), date(2026, 3, 15)),
    ],
)
def test_cspr_publication_expected_six_months_after_decision(decision: date, due: date) -> None:
    assert cspr_publication_due(decision) == due


@pytest.mark.parametrize(
    ("months", "unborn", "band"),
    [
        (None, True, AgeBand.UNBORN),
        (None, False, AgeBand.UNKNOWN),
        (0, False, AgeBand.UNDER_1),
        (11, False, AgeBand.UNDER_1),
        (12, False, AgeBand.AGE_1_5),
        (71, False, AgeBand.AGE_1_5),
        (72, False, AgeBand.AGE_6_10),
        (131, False, AgeBand.AGE_6_10),
        (132, False, AgeBand.AGE_11_15),
        (191, False, AgeBand.AGE_11_15),
        (192, False, AgeBand.AGE_16_17),
        (215, False, AgeBand.AGE_16_17),
        (216, False, AgeBand.ADULT),
    ],
)
def test_age_bands(months: int | None, unborn: bool, band: AgeBand) -> None:
    assert age_band(months, unborn) is band


def test_negative_age_is_refused() -> None:
    with pytest.raises(ValueError):
        age_band(-1)


TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    ("status", "due", "rag"),
    [
        (ActionStatus.COMPLETE, date(2020, 1, 1), Rag.GREEN),
        (ActionStatus.COMPLETE, None, Rag.GREEN),
        (ActionStatus.DROPPED, date(2020, 1, 1), Rag.GREY),
        (ActionStatus.IN_PROGRESS, date(2026, 11, 20), Rag.RED),
        (ActionStatus.NOT_STARTED, date(2026, 11, 20), Rag.RED),
        (ActionStatus.IN_PROGRESS, TODAY, Rag.AMBER),
        (ActionStatus.NOT_STARTED, date(2027, 1, 1), Rag.AMBER),
        (ActionStatus.IN_PROGRESS, None, Rag.AMBER),
    ],
)
def test_action_rag_is_derived(status: ActionStatus, due: date | None, rag: Rag) -> None:
    assert action_rag(status, due, TODAY) is rag
    assert rag.label.lower().startswith(rag.value)


@pytest.mark.parametrize(
    ("codes", "trio"),
    [
        ({"parent.domestic_abuse", "parent.mental_health", "parent.drug_misuse"}, True),
        ({"parent.domestic_abuse", "parent.mental_health", "parent.alcohol_misuse"}, True),
        ({"parent.domestic_abuse", "parent.mental_health"}, False),
        ({"parent.mental_health", "parent.alcohol_misuse", "parent.drug_misuse"}, False),
        (set(), False),
    ],
)
def test_trio_of_vulnerabilities(codes: set[str], trio: bool) -> None:
    assert has_trio_of_vulnerabilities(codes) is trio


def test_fast_working_day_count_agrees_with_walking_the_calendar() -> None:
    import random
    from datetime import timedelta

    def walked(start: date, end: date) -> int:
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            count += is_working_day(day)
        return count

    rng = random.Random(5)
    for _ in range(300):
        start = date(2013, 1, 1) + timedelta(days=rng.randrange(5000))
        end = start + timedelta(days=rng.randrange(800))
        assert working_days_between(start, end) == walked(start, end), (start, end)
        assert working_days_between(end, start) == -walked(start, end)


def test_shipped_bank_holidays_match_the_holidays_package() -> None:
    import holidays

    from reviewtool.domain.working_days import _shipped

    first, last, by_year = _shipped()
    assert (first, last) == (2000, 2040)
    package = holidays.country_holidays("GB", subdiv="ENG", years=range(first, last + 1))
    assert {d for days in by_year.values() for d in days} == set(package)


def test_fast_due_dates_agree_with_walking_the_calendar() -> None:
    import random
    from datetime import timedelta

    def walked(start: date, count: int) -> date:
        day = start
        while count:
            day += timedelta(days=1)
            count -= is_working_day(day)
        return day

    rng = random.Random(9)
    for _ in range(400):
        start = date(2001, 1, 1) + timedelta(days=rng.randrange(14000))
        count = rng.randrange(0, 40)
        assert add_working_days(start, count) == walked(start, count), (start, count)
