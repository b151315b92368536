"""What surrounds a sentence of a review: whether it is told as good practice, and the
ages it mentions (a child's in months, a young parent's in years)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reviewtool.domain.sentence_actors import role_of
from reviewtool.domain.sentence_reading import Token

_GOOD_CUE = re.compile(
    r"good practice|went well|worked well|strength|(?<!re)commend|prais|positive|excellent|"
    r"exemplary|\beffective\b|worked effectively|well[- ]co-?ordinated|persistence",
    re.IGNORECASE,
)
_LESSON_CUE = re.compile(
    r"\b(should|must|need to|needs to|lack|failed|failure|did not|were not|was not|missed|"
    r"poor|delay|no one|nobody|too long|insufficient|absence)\b",
    re.IGNORECASE,
)
_GOOD_HEADING = re.compile(r"^(good practice|what went well|strengths?)\b", re.IGNORECASE)
_OTHER_HEADING = re.compile(
    r"^(learning|findings?|key findings|recommendations?|lessons|issues|what could)\b",
    re.IGNORECASE,
)


def good_practice_sentences(where: str, parts: Sequence[str]) -> list[bool]:
    """For each sentence of one text, whether it describes good practice."""
    if "good practice" in where.lower() or "went well" in where.lower():
        return [True] * len(parts)
    flags: list[bool] = []
    in_good = False
    for sentence in parts:
        if _GOOD_HEADING.match(sentence):
            in_good = True
        elif _OTHER_HEADING.match(sentence):
            in_good = False
        cue = in_good or bool(_GOOD_CUE.search(sentence))
        flags.append(cue and not _LESSON_CUE.search(sentence))
    return flags


_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
}
_AGE = re.compile(
    r"\b(\d{1,2}|" + "|".join(_NUMBERS) + r")[- ](day|week|month|year)s?[- ]old\b"
    r"|\b(?:aged|at) (\d{1,2}|" + "|".join(_NUMBERS) + r") (day|week|month|year)s?\b",
    re.IGNORECASE,
)
_MONTHS_PER = {"day": 1 / 30, "week": 12 / 52, "month": 1, "year": 12}


TEENAGE_PARENT_AGES = range(13, 20)
_AGE_UNITS = frozenset({"day", "week", "month"})
_AGE_LINKS = frozenset(
    {"be", "was", "were", "is", "aged", "age", "of", "just", "turned", "had", "only"}
)


def teenage_parent(tokens: Sequence[Token]) -> bool:
    """Whether the sentence gives a parent's age as a teenager ("both parents were 19",
    "her mother had just turned 18", "an 18-year-old mother")."""
    for i, token in enumerate(tokens):
        if not token.form.isdigit() or int(token.form) not in TEENAGE_PARENT_AGES:
            continue
        after = [t.lemma for t in tokens[i + 1 : i + 5]]
        if after[:1] and after[0] in _AGE_UNITS:
            continue  # "19 months"
        if after[:2] == ["year", "old"] and any(role_of(x) == "parent" for x in after[2:]):
            return True  # "an 18-year-old mother"
        j = i - 1
        while j >= 0 and (tokens[j].form in _AGE_LINKS or tokens[j].lemma in _AGE_LINKS):
            j -= 1
        if j >= 0 and j < i - 1 and role_of(tokens[j].lemma) == "parent":
            return True  # "the parents were 19", "her mother had just turned 18"
    return False


_MOVE_TO_PLACE = re.compile(
    r"\b(?:moved|moving|relocated|relocating)\s+(?:back\s+|away\s+)?(?:to|from)\s+"
    r"(?!The\b|A\b|An\b|His\b|Her\b|Their\b)[A-Z][a-z]+"
)


def move_to_a_place(sentence: str) -> bool:
    """Whether the sentence tells of a move to or from a named place ("moved to Reading",
    "after moving from Birmingham"): a family new to the area, however it is worded."""
    return _MOVE_TO_PLACE.search(sentence) is not None


def ages_in(text: str) -> list[float]:
    """Children's ages in months written in the text ("a 10-week-old", "aged 15 years")."""
    found = []
    for match in _AGE.finditer(text):
        number = (match.group(1) or match.group(3)).lower()
        unit = (match.group(2) or match.group(4)).lower()
        value = _NUMBERS.get(number) or int(number)
        found.append(value * _MONTHS_PER[unit])
    return found


# --- suggesting --------------------------------------------------------------------------
