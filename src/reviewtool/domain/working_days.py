"""Working days in England: weekdays that are not England and Wales bank holidays."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta
from functools import lru_cache


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[date]:
    # Imported lazily: the holidays package is large and start-up must stay light.
    import holidays

    # Wales shares England's bank holidays; "ENG" includes substitute days.
    calendar = holidays.country_holidays("GB", subdiv="ENG", years=year)
    return frozenset(calendar.keys())


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
    day = start
    remaining = count
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
