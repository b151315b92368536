"""Text folded the way people misspell names: any script written in ASCII letters, lower
case, apostrophes dropped, punctuation and hyphens read as spaces, common abbreviations of
titles and street words made one.

"Søren Đorđević" and "soren dordevic", "St Swithun's" and "Saint Swithuns", "14 Larch
Close" and "14, larch cl." all give the same words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

# An apostrophe inside a word joins it ("O'Brien" is one word, "obrien"); anything else
# that is not a letter or digit separates words.
TOKEN = re.compile(r"[a-z0-9]+(?:['`][a-z0-9]+)*")
_APOSTROPHES = re.compile(r"['`]")

# Written forms that mean the same word, both sides folded to the shorter one.
SYNONYMS = {
    "saint": "st",
    "street": "st",
    "road": "rd",
    "avenue": "ave",
    "lane": "ln",
    "close": "cl",
    "drive": "dr",
    "doctor": "dr",
    "court": "ct",
    "crescent": "cres",
    "gardens": "gdns",
    "gdn": "gdns",
    "place": "pl",
    "square": "sq",
    "terrace": "ter",
    "terr": "ter",
    "mister": "mr",
    "missus": "mrs",
}


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return anyascii(char).lower()


def fold(text: str) -> str:
    """Lower-case ASCII: "Wiśniewska", "WISNIEWSKA" and "Вишневская" compare as words."""
    if text.isascii():
        return text.lower()
    return anyascii(text).lower()


def folded_with_map(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each folded character, its position in the original."""
    out: list[str] = []
    positions: list[int] = []
    for index, char in enumerate(text):
        folded = _fold_char(char) if not char.isascii() else char.lower()
        out.append(folded)
        positions.extend([index] * len(folded))
    return "".join(out), positions


def word_key(raw: str) -> str:
    """One folded word as it is compared: without apostrophes, abbreviations made one."""
    if "'" in raw or "`" in raw:
        # A possessive is the word itself: "Swithun's" is "swithun", "O'Brien" "obrien".
        raw = _APOSTROPHES.sub("", raw[:-2] if raw[-2] in "'`" and raw[-1] == "s" else raw)
    return SYNONYMS.get(raw, raw)


@dataclass(frozen=True)
class Word:
    key: str
    start: int
    end: int
    """Where the word stands in the folded text."""


def words(folded: str) -> Iterator[Word]:
    for match in TOKEN.finditer(folded):
        yield Word(word_key(match.group()), match.start(), match.end())


def word_keys(text: str) -> tuple[str, ...]:
    return tuple(word_key(raw) for raw in TOKEN.findall(fold(text)))
