"""How reviews are counted: the one rule every count in every output follows.

The thematic summary, the theme slides, the dashboard, the annual report chapter and the
spreadsheets all count with these functions and state the rule in these words, so a board
never sees "2 of 3" in one document and "4 of 5" in another for the same theme.

1. A review belongs to a period by its notification date; where there is none, its decision
   date; where neither, its publication date (older serious case reviews often have only
   that). Withdrawn reviews are never counted.
2. A rapid review and the local review (CSPR) it led to are one case, counted once, through
   the CSPR's record; the rapid review's recommendations and actions stay with the case,
   under the CSPR, so no action drops out of the count.
3. A theme counts once per review however many times it is tagged, and a review counts once
   for a parent theme (such as "Type of harm") when it has any of the themes under it.
4. Children are counted one by one; everything else by review.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

T = TypeVar("T")

PERIOD_RULE = "notification date (decision date where none, publication date where neither)"
THEME_RULE = (
    "Factors are counted by review: a theme tagged more than once on a review counts once, "
    "and a review counts once for a parent theme (such as type of harm) when it has any of "
    "the themes under it. Roles (present, learning, good practice) are shown separately."
)
CHILD_RULE = (
    "Child characteristics are counted per child (ethnicity by the 2021 census categories, "
    "mapped from what each review recorded); notification type per review."
)


def fold_rule(folded: int, count_both: bool) -> str:
    """The sentence that says how rapid reviews and their CSPRs were counted."""
    if count_both:
        return (
            "A rapid review and the CSPR it led to are counted as two reviews, as asked; "
            "each keeps its own actions."
        )
    return (
        "A rapid review and the local review (CSPR) it led to are the same case: it is "
        f"counted once, using the CSPR's record ({folded} rapid "
        f"review{'s' if folded != 1 else ''} folded into their CSPR), and the rapid "
        "review's recommendations and actions are kept under the CSPR."
    )


def counting_note(folded: int, count_both: bool = False) -> str:
    """The whole rule in one paragraph, for outputs with room for one method line."""
    return (
        f"How we count: reviews are placed in a period by their {PERIOD_RULE}; withdrawn "
        f"reviews are left out. "
        f"{fold_rule(folded, count_both)} {THEME_RULE}"
    )


def folds(
    items: Sequence[T],
    id_of: Callable[[T], str],
    converted_from_of: Callable[[T], str | None],
) -> dict[str, str]:
    """``{rapid review id: CSPR id}`` for each rapid review whose CSPR is among ``items``.

    A rapid review whose CSPR falls outside the list (another period, withdrawn, or on
    another laptop) is not folded: it is the only record of the case there is.
    """
    present = {id_of(item) for item in items}
    return {
        source: id_of(item)
        for item in items
        if (source := converted_from_of(item)) is not None
        and source in present
        and source != id_of(item)
    }


def with_ancestors(codes: Iterable[str], parents: Mapping[str, str | None]) -> frozenset[str]:
    """The codes plus every parent above them (a cycle in a bad codebook stops the climb)."""
    found: set[str] = set()
    for code in codes:
        current: str | None = code
        while current is not None and current not in found:
            found.add(current)
            current = parents.get(current)
    return frozenset(found)
