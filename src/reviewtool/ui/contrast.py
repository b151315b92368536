"""Colour contrast as WCAG 2 defines it, and a colour adjusted until it is readable."""

from __future__ import annotations

MINIMUM_CONTRAST = 4.5
"""WCAG 2 level AA for normal text."""


def _channels(colour: str) -> tuple[int, int, int]:
    text = colour.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    if len(text) != 6:
        raise ValueError(f"{colour!r} is not a colour like #1f5f8b")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def _linear(channel: int) -> float:
    value = channel / 255
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    red, green, blue = (_linear(c) for c in _channels(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(foreground: str, background: str) -> float:
    """From 1 (no contrast) to 21 (black on white)."""
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _mix(colour: str, towards: str, share: float) -> str:
    pairs = zip(_channels(colour), _channels(towards), strict=True)
    return "#" + "".join(f"{round(a + (b - a) * share):02x}" for a, b in pairs)


def readable_on(colour: str, background: str, minimum: float = MINIMUM_CONTRAST) -> str:
    """``colour`` itself if it reads on ``background``; otherwise the nearest shade of it
    (towards white on a dark background, black on a light one) that does."""
    if contrast_ratio(colour, background) >= minimum:
        return colour
    towards = "#ffffff" if luminance(background) < 0.18 else "#000000"
    for step in range(1, 21):
        shade = _mix(colour, towards, step / 20)
        if contrast_ratio(shade, background) >= minimum:
            return shade
    return towards
