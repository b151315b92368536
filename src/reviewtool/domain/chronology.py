"""The integrated chronology of a rapid review: every agency's entries in one date order.

Agencies often record the same event (a joint home visit, a strategy discussion) in their
own words. Entries on the same day (and the same time, when both give one) from different
agencies whose words mostly agree are flagged as possible duplicates: a person decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

DUPLICATE_WORD_OVERLAP = 0.6
"""Share of the shorter entry's words that must appear in the other for a possible duplicate."""

_WORD = re.compile(r"\w+", re.UNICODE)
_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "to",
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "was",
        "were",
        "is",
        "be",
        "has",
        "had",
        "from",
        "her",
        "his",
        "their",
        "they",
        "he",
        "she",
        "it",
        "this",
        "that",
        "as",
        "or",
    ]
)


@dataclass(frozen=True)
class ChronologyLine:
    """One entry of one agency's chronology, as the integrated chronology shows it."""

    entry_id: str
    agency: str
    happened_on: date
    time: str | None
    what_happened: str
    source: str | None
    analysis: str | None
    duplicate_of: tuple[str, ...] = ()
    """Agencies whose entries look like the same event."""


def _words(text: str) -> frozenset[str]:
    return frozenset(word for word in _WORD.findall(text.casefold()) if word not in _STOP_WORDS)


def looks_like_same_event(first: ChronologyLine, second: ChronologyLine) -> bool:
    if first.happened_on != second.happened_on or first.agency == second.agency:
        return False
    if first.time and second.time and first.time != second.time:
        return False
    words_1, words_2 = _words(first.what_happened), _words(second.what_happened)
    if not words_1 or not words_2:
        return False
    shorter = min(len(words_1), len(words_2))
    return len(words_1 & words_2) / shorter >= DUPLICATE_WORD_OVERLAP


def _sort_key(line: ChronologyLine) -> tuple[date, int, str, str, str]:
    # Entries without a time come first on their day: they are usually "during the day".
    return (line.happened_on, 1 if line.time else 0, line.time or "", line.agency, line.entry_id)


def merge_chronology(
    lines: list[ChronologyLine],
    agencies: set[str] | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[ChronologyLine]:
    """Entries in date (then time) order, filtered, each flagged with its look-alikes.

    Duplicates are looked for among all entries before filtering, so a flag does not vanish
    when the other agency is filtered out.
    """
    by_day: dict[date, list[ChronologyLine]] = {}
    for line in lines:
        by_day.setdefault(line.happened_on, []).append(line)
    flagged: list[ChronologyLine] = []
    for line in lines:
        twins = sorted(
            {
                other.agency
                for other in by_day[line.happened_on]
                if other is not line and looks_like_same_event(line, other)
            }
        )
        flagged.append(replace(line, duplicate_of=tuple(twins)))
    chosen = [
        line
        for line in flagged
        if (agencies is None or line.agency in agencies)
        and (start is None or line.happened_on >= start)
        and (end is None or line.happened_on <= end)
    ]
    return sorted(chosen, key=_sort_key)
