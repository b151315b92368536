"""Working days in England: weekdays that are not England and Wales bank holidays."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta
from functools import lru_cache


@lru_cache(maxsize=1)
def _shipped() -> tuple[int, int, dict[int, frozenset[date]]]:
    """England and Wales bank holidays shipped as data (scripts/update_bank_holidays.py)."""
    import json

    from reviewtool.paths import resource

    with resource("bank-holidays-england-wales.json").open(encoding="utf-8") as stream:
        data = json.load(stream)
    by_year: dict[int, set[date]] = {}
    for text in data["dates"]:
        day = date.fromisoformat(text)
        by_year.setdefault(day.year, set()).add(day)
    return data["first_year"], data["last_year"], {y: frozenset(d) for y, d in by_year.items()}


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[date]:
    first, last, by_year = _shipped()
    if first <= year <= last:
        return by_year.get(year, frozenset())
    # Outside the shipped years, ask the holidays package (imported only then: it is large).
    import holidays

    # Wales shares England's bank holidays; "ENG" includes substitute days.
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


def is_bank_holiday(day: date) -> bool:
    return day in _bank_holidays(day.year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and not is_bank_holiday(day)


def add_working_days(start: date, count: int) -> date:
    """The date ``count`` working days after ``start`` (``start`` itself is day 0).

    A notification due "within 5 working days of becoming aware" on a Monday is due the
    following Monday.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    # Any 7 days in a row hold exactly 5 weekdays: jump whole weeks, then walk the rest
    # (and one more day for each bank holiday the jump passed over).
    if count == 0:
        return start
    weeks, rest = divmod(count, 5)
    day = start + timedelta(weeks=weeks)
    remaining = rest + (5 * weeks - working_days_between(start, day))
    if remaining == 0:
        # The jump counted exactly enough but may have landed on a weekend or holiday: the
        # due date is the working day on which the count was reached.
        while not is_working_day(day):
            day -= timedelta(days=1)
        return day
    while remaining:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def _weekdays_after(start: date, end: date) -> int:
    """Weekdays in (start, end], for start <= end, by arithmetic rather than by walking."""
    days = (end - start).days
    full_weeks, extra = divmod(days, 7)
    count = full_weeks * 5
    weekday = start.weekday()
    for step in range(1, extra + 1):
        if (weekday + step) % 7 < 5:
            count += 1
    return count


@lru_cache(maxsize=16)
def _weekday_holidays(first_year: int, last_year: int) -> tuple[date, ...]:
    return tuple(
        sorted(
            day
            for year in range(first_year, last_year + 1)
            for day in _bank_holidays(year)
            if day.weekday() < 5
        )
    )


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end``; negative if ``end`` is earlier."""
    if end < start:
        return -working_days_between(end, start)
    holidays = _weekday_holidays(start.year, end.year)
    # Bank holidays on weekdays within (start, end], found by binary search.
    inside = bisect_right(holidays, end) - bisect_right(holidays, start)
    return _weekdays_after(start, end) - inside
