"""Colour helpers: readable text on a partnership's brand colour, light tints."""

from __future__ import annotations


def _channels(hex_colour: str) -> tuple[float, float, float]:
    value = hex_colour.lstrip("#")
    if len(value) != 6:
        value = "1f5f8b"
    r, g, b = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return r, g, b


def _luminance(hex_colour: str) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _channels(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_on(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (WCAG contrast)."""
    return (
        "#ffffff"
        if contrast_ratio(background, "#ffffff") >= contrast_ratio(background, "#000000")
        else "#000000"
    )


def tint(hex_colour: str, amount: float = 0.88) -> str:
    """Mix with white: 0 is the colour itself, 1 is white."""
    r, g, b = (c + (1 - c) * amount for c in _channels(hex_colour))
    return "#{:02x}{:02x}{:02x}".format(*(round(c * 255) for c in (r, g, b)))


def safe_colour(hex_colour: str) -> str:
    value = hex_colour.lstrip("#")
    try:
        int(value, 16)
    except ValueError:
        return "#1f5f8b"
    return f"#{value}" if len(value) == 6 else "#1f5f8b"
