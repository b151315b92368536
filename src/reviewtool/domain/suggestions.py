"""Theme suggestions: codes proposed from a review's own words, with the sentence that
triggered each, for a person to accept or reject (never tagged automatically)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class Suggestion:
    code: str
    phrase: str
    sentence: str
    where: str


def sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


@lru_cache(maxsize=4096)
def _pattern(phrase: str) -> re.Pattern[str]:
    # A phrase matches at the start of a word and may run on ("neglect" finds "neglected");
    # phrases ending in a space-free stem work the same way.
    return re.compile(r"(?<!\w)" + re.escape(phrase.lower().strip()), re.IGNORECASE)


def suggest(
    texts: Iterable[tuple[str, str]],
    indicators: Mapping[str, Iterable[str]],
    already: set[str] = frozenset(),  # type: ignore[assignment]
) -> list[Suggestion]:
    """For every code not already tagged, the first sentence that uses one of its phrases."""
    found: dict[str, Suggestion] = {}
    prepared = [
        (code, [p for p in phrases if p.strip()])
        for code, phrases in indicators.items()
        if code not in already
    ]
    for where, text in texts:
        for sentence in sentences(text or ""):
            for code, phrases in prepared:
                if code in found:
                    continue
                for phrase in phrases:
                    if _pattern(phrase).search(sentence):
                        found[code] = Suggestion(code, phrase, sentence, where)
                        break
    return list(found.values())


@dataclass(frozen=True)
class Quality:
    suggested: int
    correct: int
    tagged: int

    @property
    def precision(self) -> float:
        return self.correct / self.suggested if self.suggested else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.tagged if self.tagged else 0.0


def measure(pairs: Iterable[tuple[set[str], set[str]]]) -> Quality:
    """Precision and recall over (suggested codes, tagged codes) pairs, one per review."""
    suggested = correct = tagged = 0
    for proposed, actual in pairs:
        suggested += len(proposed)
        correct += len(proposed & actual)
        tagged += len(actual)
    return Quality(suggested, correct, tagged)
