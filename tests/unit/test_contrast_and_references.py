"""Readable status colours in light and dark palettes; the suggested next reference."""

from __future__ import annotations

import pytest

from reviewtool.domain.enums import ReviewKind
from reviewtool.domain.references import suggest_reference
from reviewtool.ui.contrast import contrast_ratio, readable_on

LIGHT, DARK = "#ffffff", "#2a2a2a"
STATUS = ("#b00020", "#b35c00", "#1e7b34", "#666666")


def test_contrast_ratio_matches_wcag() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#b00020", "#2a2a2a") < 2.5  # the fixed red on a dark palette


@pytest.mark.parametrize("colour", STATUS)
@pytest.mark.parametrize("background", [LIGHT, DARK, "#000000", "#f0f0f0"])
def test_status_colours_are_made_readable(colour: str, background: str) -> None:
    assert contrast_ratio(readable_on(colour, background), background) >= 4.5


def test_a_readable_colour_is_kept() -> None:
    assert readable_on("#b00020", LIGHT) == "#b00020"
    assert readable_on("#b00020", DARK) != "#b00020"


def test_bad_colour_is_refused() -> None:
    with pytest.raises(ValueError, match="not a colour"):
        contrast_ratio("red-ish", LIGHT)


def test_next_reference_follows_the_partnerships_numbering() -> None:
    every = ["NSP-RR-2026-01", "NSP-RR-2026-04", "NSP-CSPR-2025-01", "NAT-2025-01"]
    rapid = ["NSP-RR-2026-01", "NSP-RR-2026-04"]
    assert suggest_reference(rapid, every, ReviewKind.RAPID_REVIEW, 2026) == "NSP-RR-2026-05"
    assert suggest_reference(rapid, every, ReviewKind.RAPID_REVIEW, 2027) == "NSP-RR-2027-01"
    assert suggest_reference([], every, ReviewKind.LEARNING_REVIEW, 2026) == "NSP-LR-2026-01"
    assert suggest_reference(["NAT-2025-01"], every, ReviewKind.NATIONAL_REVIEW, 2025) == (
        "NAT-2025-02"
    )
    assert suggest_reference([], [], ReviewKind.SCR, 2026) == "SCR-2026-01"
    assert suggest_reference(["odd one"], ["odd one"], ReviewKind.CSPR, 2026) == "CSPR-2026-01"
