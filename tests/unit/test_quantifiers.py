"""Quantifier words from exact fractions, as the findings of a thematic review use them."""

from __future__ import annotations

import pytest

from reviewtool.domain.quantifiers import percent, proportion_phrase, quantifier


@pytest.mark.parametrize(
    ("count", "total", "word"),
    [
        (0, 12, "none"),
        (12, 12, "all"),
        (1, 1, "all"),
        (1, 20, "a few"),
        (2, 12, "fewer than a quarter"),
        (3, 12, "a quarter"),
        (7, 25, "just over a quarter"),
        (3, 10, "almost a third"),
        (4, 12, "a third"),
        (7, 20, "just over a third"),
        (5, 12, "just under half"),
        (6, 12, "half"),
        (7, 13, "just over half"),
        (7, 12, "over half"),
        (8, 12, "two thirds"),
        (7, 10, "over two thirds"),
        (9, 12, "three quarters"),
        (10, 12, "most"),
        (11, 12, "nearly all"),
        (1, 3, "a third"),
        (2, 3, "two thirds"),
        (1, 2, "half"),
    ],
)
def test_words_from_exact_fractions(count: int, total: int, word: str) -> None:
    assert quantifier(count, total) == word


def test_every_fraction_up_to_thirty_has_a_word_that_never_goes_down() -> None:
    order = [
        "none",
        "a few",
        "fewer than a quarter",
        "a quarter",
        "just over a quarter",
        "almost a third",
        "a third",
        "just over a third",
        "just under half",
        "half",
        "just over half",
        "over half",
        "two thirds",
        "over two thirds",
        "three quarters",
        "most",
        "nearly all",
        "all",
    ]
    for total in range(1, 31):
        ranks = [order.index(quantifier(count, total)) for count in range(total + 1)]
        assert ranks == sorted(ranks), total


def test_phrases_as_in_a_board_report() -> None:
    assert proportion_phrase(7, 12, "reviews") == "Over half of the reviews (7 of 12)"
    assert proportion_phrase(0, 5, "reviews") == "None of the reviews (0 of 5)"
    assert proportion_phrase(3, 3, "children") == "All of the children (3 of 3)"
    assert percent(7, 12) == "58%" and percent(0, 0) == "-"


def test_impossible_counts_are_refused() -> None:
    for count, total in ((1, 0), (5, 4), (-1, 3)):
        with pytest.raises(ValueError):
            quantifier(count, total)
