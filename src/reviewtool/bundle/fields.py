"""Field types shared by the bundle schema: plain text, UUIDs, ISO dates and times."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, PlainSerializer

from reviewtool.bundle.limits import (
    EARLIEST_DATE,
    LATEST_DATE,
    LONG_TEXT_CHARS,
    REFERENCE_CHARS,
    SHORT_TEXT_CHARS,
    SHOWN_VALUE_CHARS,
)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _check_text(value: str) -> str:
    if "\x00" in value:
        raise ValueError("contains a NUL character, which cannot be stored")
    # Surrogates are never ASCII: most text needs no search for them.
    if not value.isascii() and _SURROGATE.search(value):
        raise ValueError("contains an unpaired Unicode surrogate (broken encoding)")
    return value


def _parse_uuid(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("must be a UUID string")
    if _CANONICAL_UUID.fullmatch(value):
        return value  # already in the form str(uuid.UUID(...)) gives
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise ValueError(f"must be a UUID string, not {value[:SHOWN_VALUE_CHARS]!r}") from None


def _parse_iso_date(value: Any) -> Any:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        shown = repr(value)[:60]
        raise ValueError(f"must be a date written YYYY-MM-DD, not {shown}")
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a real date") from None
    _check_year(parsed)
    return parsed


def _check_year(value: date) -> None:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValueError(
            f"{value.isoformat()} is outside the years {EARLIEST_DATE.year}-{LATEST_DATE.year}"
        )


def _parse_timestamp(value: Any) -> Any:
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            shown = value[:SHOWN_VALUE_CHARS]
            raise ValueError(
                f"must be a date and time like 2026-11-21T10:00:00Z, not {shown!r}"
            ) from None
    else:
        raise ValueError("must be a date and time string like 2026-11-21T10:00:00Z")
    # Checked before the time zone is applied: 9999-12-31T23:00-05:00 would overflow.
    _check_year(parsed.date())
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _version_number(value: Any) -> Any:
    """JSON ``true`` or ``"1"`` is not the version number 1."""
    if isinstance(value, bool) or not isinstance(value, int):
        kind = (
            "true or false"
            if isinstance(value, bool)
            else "text"
            if isinstance(value, str)
            else "a decimal number"
            if isinstance(value, float)
            else "a list or an object"
        )
        raise ValueError(f"must be 1, a whole number (not {kind})")
    return value


def format_timestamp(value: datetime) -> str:
    """UTC, ISO 8601 with a ``Z``: the form every bundle uses."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _check_text_input(value: Any) -> Any:
    # Before the length is measured: a broken encoding is named as such, not as "too long".
    return _check_text(value) if isinstance(value, str) else value


def _required(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


_CLEAN = BeforeValidator(_check_text_input)
Text = Annotated[str, Field(max_length=LONG_TEXT_CHARS), _CLEAN]
RequiredText = Annotated[str, Field(max_length=LONG_TEXT_CHARS), AfterValidator(_required), _CLEAN]
ShortText = Annotated[str, Field(max_length=SHORT_TEXT_CHARS), _CLEAN]
RequiredShortText = Annotated[
    str, Field(max_length=SHORT_TEXT_CHARS), AfterValidator(_required), _CLEAN
]
Reference = Annotated[str, Field(max_length=REFERENCE_CHARS), AfterValidator(_required), _CLEAN]
VersionNumber = BeforeValidator(_version_number)
Uuid = Annotated[str, BeforeValidator(_parse_uuid)]
IsoDate = Annotated[
    date, BeforeValidator(_parse_iso_date), PlainSerializer(lambda d: d.isoformat(), str)
]
Timestamp = Annotated[
    datetime, BeforeValidator(_parse_timestamp), PlainSerializer(format_timestamp, str)
]
