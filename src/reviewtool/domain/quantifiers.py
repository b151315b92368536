"""Words for proportions, in the voice of partnership reports ("over half", "a third").

The words come from exact fractions by fixed rules, so the same counts always give the same
words, and an exact third is "a third" while 7 of 20 is "just over a third".
"""

from __future__ import annotations

from fractions import Fraction

# Bands between exact landmarks: (upper bound exclusive, word). Landmarks hit exactly are
# handled first.
_EXACT = {
    Fraction(1, 4): "a quarter",
    Fraction(1, 3): "a third",
    Fraction(1, 2): "half",
    Fraction(2, 3): "two thirds",
    Fraction(3, 4): "three quarters",
}
_BANDS = (
    (Fraction(1, 10), "a few"),
    (Fraction(1, 4), "fewer than a quarter"),
    (Fraction(3, 10), "just over a quarter"),
    (Fraction(1, 3), "almost a third"),
    (Fraction(2, 5), "just over a third"),
    (Fraction(1, 2), "just under half"),
    (Fraction(11, 20), "just over half"),
    (Fraction(2, 3), "over half"),
    (Fraction(3, 4), "over two thirds"),
    (Fraction(9, 10), "most"),
    (Fraction(1, 1), "nearly all"),
)


def quantifier(count: int, total: int) -> str:
    """The word for ``count`` of ``total`` (lower case; capitalise at the start of a sentence)."""
    if total <= 0 or count < 0 or count > total:
        raise ValueError(f"cannot describe {count} of {total}")
    if count == 0:
        return "none"
    if count == total:
        return "all"
    share = Fraction(count, total)
    if share in _EXACT:
        return _EXACT[share]
    for upper, word in _BANDS:
        if share < upper:
            return word
    return "nearly all"


def proportion_phrase(count: int, total: int, noun: str) -> str:
    """ "Over half of the reviews (7 of 12)" - the quantifier, the noun and the exact count."""
    word = quantifier(count, total)
    if word == "none":
        return f"None of the {noun} (0 of {total})"
    if word == "all":
        return f"All of the {noun} ({count} of {total})"
    return f"{word[0].upper()}{word[1:]} of the {noun} ({count} of {total})"


def percent(count: int, total: int) -> str:
    return f"{round(100 * count / total)}%" if total else "-"
