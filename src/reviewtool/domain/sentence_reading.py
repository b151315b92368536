"""Reading a review's sentences for theme suggestions: sentences and words by their
dictionary form, indicator phrases matched in any order, negation, who a sentence is about,
good-practice text and ages mentioned. No codebook rules here: they are in ``suggestions``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[^\W_]+")
_CLAUSE_BREAK = re.compile(r"[,;:()]|\s[-–—]\s")

PREFIX_FROM = 5
"""Phrase words this long match as the start of a word too ("neglect" finds "neglected")."""


def sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


# --- words -------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of a (lower-case) word; the lemmatiser loads on first use."""
    import simplemma  # ships its dictionaries in the package; loaded only for suggestions

    return str(simplemma.lemmatize(word, lang="en")).lower()


@dataclass(frozen=True)
class Token:
    form: str
    lemma: str
    clause: int


def read_tokens(sentence: str) -> list[Token]:
    tokens: list[Token] = []
    clause = 0
    last_end = 0
    for match in _WORD.finditer(sentence):
        between = sentence[last_end : match.start()]
        if _CLAUSE_BREAK.search(between):
            clause += 1
        word = match.group().lower()
        if word in _CLAUSE_WORDS:
            clause += 1
        tokens.append(Token(word, lemma(word), clause))
        last_end = match.end()
    return tokens


_CLAUSE_WORDS = frozenset({"but", "however", "although", "though", "whereas", "except", "yet"})


@dataclass(frozen=True)
class _PhraseWord:
    form: str
    lemma: str

    def matches(self, token: Token) -> bool:
        if token.form == self.form or token.lemma == self.lemma:
            return True
        return len(self.form) >= PREFIX_FROM and token.form.startswith(self.form)


_PHRASE_FILLER = frozenset({"the", "a", "an", "of", "was", "were", "is", "be", "been"})


@dataclass(frozen=True)
class Phrase:
    text: str
    words: tuple[_PhraseWord, ...]
    actor: str | None = None
    """'parent' or 'child' when the phrase counts only about that person ("parent: anxiety")."""

    @property
    def span(self) -> int:
        """How many words of a sentence the phrase's words may be spread over."""
        return max(3, 2 * len(self.words))


_ACTOR_PREFIX = re.compile(r"^\s*(parent|child)\s*:\s*", re.IGNORECASE)


@lru_cache(maxsize=8192)
def compile_phrase(text: str) -> Phrase | None:
    """A phrase of a code's indicators; "parent: " or "child: " before it makes it count only
    when the sentence is about that person."""
    who = None
    prefix = _ACTOR_PREFIX.match(text)
    if prefix:
        who = prefix.group(1).lower()
        text = text[prefix.end() :]
    forms = [w.lower() for w in _WORD.findall(text)]
    if len(forms) > 1:
        forms = [w for w in forms if w not in _PHRASE_FILLER] or forms
    if not forms:
        return None
    return Phrase(text.strip(), tuple(_PhraseWord(w, lemma(w)) for w in forms), who)


def find(phrase: Phrase, tokens: Sequence[Token]) -> int | None:
    """Where in the sentence the phrase's words all appear close together (any order)."""
    first = phrase.words[0]
    if len(phrase.words) == 1:
        return next((i for i, token in enumerate(tokens) if first.matches(token)), None)
    for start, token in enumerate(tokens):
        if not any(word.matches(token) for word in phrase.words):
            continue
        window = tokens[start : start + phrase.span]
        if all(any(word.matches(t) for t in window) for word in phrase.words):
            return start
    return None


# --- reading the sentence ----------------------------------------------------------------

_NEGATIONS = frozenset({"no", "not", "never", "without", "nor", "neither", "none", "denied"})
_NEGATION_PAIRS = frozenset({("ruled", "out"), ("absence", "of"), ("free", "of")})
_PSEUDO_NEGATIONS = frozenset({("not", "only"), ("not", "just"), ("no", "doubt")})
NEGATION_WINDOW = 5


def negated(tokens: Sequence[Token], at: int) -> bool:
    """Whether a negation word governs the word at ``at`` (same clause, shortly before)."""
    clause = tokens[at].clause
    for i in range(at - 1, max(-1, at - NEGATION_WINDOW - 1), -1):
        token = tokens[i]
        if token.clause != clause:
            return False
        after = tokens[i + 1].form if i + 1 < len(tokens) else ""
        if (token.form, after) in _PSEUDO_NEGATIONS:
            continue
        if token.form in _NEGATIONS or (token.form, after) in _NEGATION_PAIRS:
            return True
    return False


_SHORTFALL_WORDS = frozenset(
    {
        # something did not happen, or not well enough
        "not",
        "no",
        "never",
        "without",
        "lack",
        "fail",
        "failure",
        "miss",
        "missed",
        "gap",
        "absence",
        "absent",
        "delay",
        "unaware",
        "insufficient",
        "inconsistent",
        "inaccurate",
        "limited",
        "poor",
        "weak",
        "little",
        "narrow",
        "superficial",
        "inadequate",
        "unclear",
        "confusion",
        "disjointed",
        "fragmented",
        "overlook",
        "overlooked",
        "minimise",
        "reluctant",
        "hesitancy",
        "silence",
        "wrong",
        "late",
        "lose",
        "lost",
        "drift",
        "unable",
        "barrier",
        "optimistic",
        # what should happen instead: the learning a review draws
        "should",
        "must",
        "need",
        "learning",
        "lesson",
        "finding",
        "recommendation",
        "recommend",
        "improve",
        "improvement",
        "ensure",
        "importance",
        "assurance",
        "strengthen",
        "awareness",
    }
)
"""Words by which a review names a practice theme: practice factors are almost always stated
as something that did not happen, or not well ("information was not shared", "a lack of
recording", "missed opportunities"), or as the learning drawn from it ("recommendations cover
working with fathers")."""
_SHORTFALL_PAIRS = frozenset({("rather", "than"), ("too", "little"), ("too", "late")})


SHORTFALL_WINDOW = 8
"""How many words either side of a topic a shortfall word may be to count for it."""


def shortfall(tokens: Sequence[Token], at: int) -> bool:
    """Whether the words around ``at`` say that something was missing or went wrong, or
    draw learning from it."""
    for i in range(max(0, at - SHORTFALL_WINDOW), min(len(tokens), at + SHORTFALL_WINDOW + 1)):
        token = tokens[i]
        if token.form in _SHORTFALL_WORDS or token.lemma in _SHORTFALL_WORDS:
            return True
        after = tokens[i + 1].form if i + 1 < len(tokens) else ""
        if (token.form, after) in _SHORTFALL_PAIRS:
            return True
    return False


_PARENT_WORDS = frozenset(
    {
        "mother",
        "father",
        "maternal",
        "paternal",
        "parent",
        "parental",
        "stepfather",
        "stepmother",
        "mum",
        "dad",
        "carer",
        "caregiver",
        "partner",
        "adult",
        "grandmother",
        "grandfather",
        "husband",
        "wife",
        "perpetrator",
    }
)
_CHILD_WORDS = frozenset(
    {
        "child",
        "baby",
        "infant",
        "boy",
        "girl",
        "son",
        "daughter",
        "teenager",
        "adolescent",
        "pupil",
        "youth",
        "young",
        "sibling",
        "brother",
        "sister",
        "camhs",
    }
)


_FEMALE_WORDS = frozenset(
    {"mother", "stepmother", "mum", "grandmother", "wife", "girl", "daughter", "sister"}
)
_MALE_WORDS = frozenset(
    {"father", "stepfather", "dad", "grandfather", "husband", "boy", "son", "brother"}
)
_PRONOUNS = {
    "she": "female",
    "her": "female",
    "herself": "female",
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
}


_WITNESSING = frozenset({"witness", "expose", "exposure", "saw"})
"""What a person saw or was exposed to is about someone else."""


def _gender(lemma: str) -> str | None:
    if lemma in _FEMALE_WORDS:
        return "female"
    if lemma in _MALE_WORDS:
        return "male"
    return None


def _role(lemma: str) -> str | None:
    if lemma in _PARENT_WORDS:
        return "parent"
    if lemma in _CHILD_WORDS:
        return "child"
    return None


def actor(tokens: Sequence[Token], at: int, earlier: Mapping[str, str] | None = None) -> str | None:
    """'parent' or 'child': who the words at ``at`` are about, by the nearest person named
    before them in the sentence. A pronoun met first ("she felt depressed") stands for the
    nearest earlier person of its gender ("the mother said she felt depressed"). "her father
    noticed she felt depressed" is about the person whose father it is: a child. When no
    such person is named in the sentence, ``earlier`` (from ``referents`` of the sentences
    before) says who "she" or "he" was last; otherwise who it is stays unknown."""
    pronoun: str | None = None
    for i in range(at - 1, -1, -1):
        token = tokens[i]
        if pronoun is None and token.lemma in _WITNESSING:
            return None  # "he witnessed alcohol misuse": someone else's
        role = _role(token.lemma)
        if role is not None:
            if pronoun is None or _gender(token.lemma) in (None, pronoun):
                return role
            continue
        if token.form not in _PRONOUNS:
            continue
        if pronoun is None:
            pronoun = _PRONOUNS[token.form]
        elif _PRONOUNS[token.form] == pronoun and i + 1 < at:
            owned = _role(tokens[i + 1].lemma)
            if owned is not None:  # "her father": she is the parent's child, or the other way
                return "child" if owned == "parent" else "parent"
    if pronoun is not None and earlier:
        return earlier.get(pronoun)
    return None


def referents(tokens: Sequence[Token], earlier: Mapping[str, str]) -> dict[str, str]:
    """Who "she" and "he" stand for after a sentence: 'parent' or 'child' for each gender.

    The first person of a gender named in the sentence ("The mother ... She") wins; a person
    named only as someone's ("her father") leaves the pronoun for the one whose it is (a
    child); a person of no gender ("the baby") stands for both when no one else does."""
    named: dict[str, str] = {}
    owners: dict[str, str] = {}
    plain: str | None = None
    for i, token in enumerate(tokens):
        role = _role(token.lemma)
        if role is None:
            continue
        before = tokens[i - 1].form if i else ""
        gender = _gender(token.lemma)
        if before in _PRONOUNS and before not in ("she", "he"):
            owners.setdefault(_PRONOUNS[before], "child" if role == "parent" else "parent")
        elif gender is not None:
            named.setdefault(gender, role)
        elif plain is None and role == "child":
            plain = role  # "the baby"; an "adult" or "partner" is seldom who "she" is next
    result = dict(earlier)
    for gender in ("female", "male"):
        who = named.get(gender) or owners.get(gender) or plain
        if who is not None:
            result[gender] = who
    return result


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
        if after[:2] == ["year", "old"] and any(_role(x) == "parent" for x in after[2:]):
            return True  # "an 18-year-old mother"
        j = i - 1
        while j >= 0 and (tokens[j].form in _AGE_LINKS or tokens[j].lemma in _AGE_LINKS):
            j -= 1
        if j >= 0 and j < i - 1 and _role(tokens[j].lemma) == "parent":
            return True  # "the parents were 19", "her mother had just turned 18"
    return False


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
