"""The one clock every saved time comes from: aware UTC, whole seconds."""

from __future__ import annotations

from datetime import UTC, datetime


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def utc(value: datetime) -> datetime:
    """Database times are naive UTC; records carry aware UTC times."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def naive_utc(value: datetime) -> datetime:
    return utc(value).replace(tzinfo=None)
