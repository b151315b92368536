"""Age bands as used in national serious incident statistics."""

from __future__ import annotations

from enum import StrEnum


class AgeBand(StrEnum):
    UNBORN = "unborn"
    UNDER_1 = "under 1"
    AGE_1_5 = "1-5"
    AGE_6_10 = "6-10"
    AGE_11_15 = "11-15"
    AGE_16_17 = "16-17"
    ADULT = "18 and over"
    UNKNOWN = "unknown"


AGE_BAND_ORDER = list(AgeBand)


def age_band(age_months: int | None, unborn: bool = False) -> AgeBand:
    """Band a child's age in whole months; ``unborn`` wins over any age."""
    if unborn:
        return AgeBand.UNBORN
    if age_months is None:
        return AgeBand.UNKNOWN
    if age_months < 0:
        raise ValueError("age_months must be >= 0")
    years = age_months // 12
    if years < 1:
        return AgeBand.UNDER_1
    if years <= 5:
        return AgeBand.AGE_1_5
    if years <= 10:
        return AgeBand.AGE_6_10
    if years <= 15:
        return AgeBand.AGE_11_15
    if years <= 17:
        return AgeBand.AGE_16_17
    return AgeBand.ADULT
