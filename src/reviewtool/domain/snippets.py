"""The passage of a text that shows why it matched a search, with the words marked.

A few words either side of the first place the searched words appear. Searched words match
at the start of a text word ("visit" marks "visiting"), ignoring case; a longer word also
without a common English ending ("neglected" marks "neglect"). When none appears as written
(the index also matches other stems and letters without accents), there is no passage here
and the caller asks the index instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

WORDS_AROUND = 14
_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")


_WINDOW_BEFORE = 200
_WINDOW_AFTER = 1600
"""Characters read either side of the first match: enough for the passage's words (a third
of them before the match, the rest after), so that a long text is never cut into words as a
whole. Every word read before the match is tested against the searched words, at every
keystroke for a screenful of rows: reading no further back than needed halves the cost."""


_ENDINGS = ("ations", "ation", "ings", "ing", "ions", "ion", "ments", "ment", "ed", "es", "s")
MIN_STEM = 5


def word_starts(tokens: Sequence[str]) -> list[str]:
    """What a text word may start with to count as a searched word: the word itself and,
    for a longer word, the word without a common English ending, so that "neglected" marks
    "neglect" and "escalated" marks "escalation" (as the stemmed index matched them)."""
    starts: list[str] = []
    for token in tokens:
        starts.append(token)
        for ending in _ENDINGS:
            if token.endswith(ending) and len(token) - len(ending) >= MIN_STEM:
                starts.append(token[: -len(ending)])
                break
    return list(dict.fromkeys(starts))


def snippet(
    text: str, tokens: Sequence[str], start_mark: str, end_mark: str, ellipsis: str = "…"
) -> str | None:
    """About ``WORDS_AROUND`` words around the first match, matches marked; None if none."""
    if not tokens:
        return None
    starts = sorted(word_starts(tokens), key=len, reverse=True)
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(t) for t in starts) + ")", re.IGNORECASE
    )
    first_match = pattern.search(text)
    if first_match is None:
        return None
    start = max(0, first_match.start() - _WINDOW_BEFORE)
    end = first_match.start() + _WINDOW_AFTER
    words, first_matched = _words_to_show(text, start, end, pattern)
    if first_matched is None:
        return None
    first = max(0, first_matched - WORDS_AROUND // 3)
    last = min(len(words), first + WORDS_AROUND)
    marked = {i for i in range(first, last) if pattern.match(words[i].group())}
    pieces: list[str] = []
    for index in range(first, last):
        word = words[index]
        if index > first:
            pieces.append(_SPACES.sub(" ", text[words[index - 1].end() : word.start()]))
        pieces.append(f"{start_mark}{word.group()}{end_mark}" if index in marked else word.group())
    body = "".join(pieces)
    more_before = first > 0 or _WORD.search(text, 0, words[first].start()) is not None
    more_after = last < len(words) or _WORD.search(text, words[last - 1].end()) is not None
    return (ellipsis if more_before else "") + body + (ellipsis if more_after else "")


def _words_to_show(
    text: str, start: int, end: int, pattern: re.Pattern[str]
) -> tuple[list[re.Match[str]], int | None]:
    """The window's words up to the last one a passage shows, and one more when there is one
    (so that the passage knows more follow); which of them is the first match, if any.

    Only the first match and the words shown are tested, and no word after them is read:
    a window holds hundreds of words, and a screenful of snippets is made per keystroke.
    """
    words: list[re.Match[str]] = []
    first_matched: int | None = None
    enough = -1
    for position, word in enumerate(_WORD.finditer(text, start, end)):
        if position == 0 and start > 0 and word.start() == start and text[start - 1].isalnum():
            continue  # cut in two by the window
        if end < len(text) and word.end() == end:
            break  # cut in two by the window (necessarily its last word)
        words.append(word)
        if first_matched is None and pattern.match(word.group()):
            first_matched = len(words) - 1
            enough = max(0, first_matched - WORDS_AROUND // 3) + WORDS_AROUND + 1
        if len(words) == enough:
            break
    return words, first_matched
