"""Theme suggestions: codes proposed from a review's own words, with the sentence that
triggered each, for a person to accept or reject (never tagged automatically).

A code's indicator phrases are matched within one sentence, word by word and in any order
("risk assessment" finds "the assessment of risk"), each word by its dictionary form
("take own life" finds "took her own life") or, for words of five letters or more, as the
start of a word ("bruis" finds "bruising").
Then the sentence is read for what the words are about:

- negation (after NegEx): "there was no evidence of alcohol misuse" proposes nothing about
  the child or the family; practice codes are not negated, since reviews name practice
  themes by their absence ("no strategy discussion was held").
- the actor: "his mother's suicide attempt" is not the child's suicide, and "the child's
  mental health" not a parent's.
- good practice: good-practice codes come only from text that describes good practice.
- the child's age: the non-mobile-baby code needs a baby of six months or under (and is
  implied by an injury to one), sudden infant death a child under two, transition to
  adulthood a young person of fifteen or more.

Lines of a code's indicators that start with "-" exclude: a sentence that has such a
phrase never proposes the code ("-risk assessment conference" keeps MARAC away from the
risk assessment theme).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[^\W_]+")
_CLAUSE_BREAK = re.compile(r"[,;:()]|\s[-–—]\s")

PREFIX_FROM = 5
"""Phrase words this long match as the start of a word too ("neglect" finds "neglected")."""

NON_MOBILE_MONTHS = 5
"""Under six months: babies who are not yet crawling or pulling themselves up."""
SUDI_MONTHS = 24
TRANSITION_MONTHS = 15 * 12


@dataclass(frozen=True)
class Suggestion:
    code: str
    phrase: str
    sentence: str
    where: str


@dataclass(frozen=True)
class SuggestionContext:
    """What is known beyond the text."""

    child_age_months: int | None = None
    """The youngest child's age when the review began (0 for an unborn baby)."""
    muted: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    """(code, phrase) pairs the partnership keeps rejecting: they propose nothing."""


def sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


# --- words -------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of a (lower-case) word; the lemmatiser loads on first use."""
    import simplemma  # ships its dictionaries in the package; loaded only for suggestions

    return str(simplemma.lemmatize(word, lang="en")).lower()


@dataclass(frozen=True)
class _Token:
    form: str
    lemma: str
    clause: int


def _tokens(sentence: str) -> list[_Token]:
    tokens: list[_Token] = []
    clause = 0
    last_end = 0
    for match in _WORD.finditer(sentence):
        between = sentence[last_end : match.start()]
        if _CLAUSE_BREAK.search(between):
            clause += 1
        word = match.group().lower()
        if word in _CLAUSE_WORDS:
            clause += 1
        tokens.append(_Token(word, lemma(word), clause))
        last_end = match.end()
    return tokens


_CLAUSE_WORDS = frozenset({"but", "however", "although", "though", "whereas", "except", "yet"})


@dataclass(frozen=True)
class _PhraseWord:
    form: str
    lemma: str

    def matches(self, token: _Token) -> bool:
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


def find(phrase: Phrase, tokens: Sequence[_Token]) -> int | None:
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


def negated(tokens: Sequence[_Token], at: int) -> bool:
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


def actor(tokens: Sequence[_Token], at: int) -> str | None:
    """'parent' or 'child': the nearest person named before ``at`` in the sentence."""
    for i in range(at - 1, -1, -1):
        if tokens[i].lemma in _PARENT_WORDS:
            return "parent"
        if tokens[i].lemma in _CHILD_WORDS:
            return "child"
    return None


_CHILD_OWN = (
    "child.mental_health_self_harm",
    "child.death.suicide",
    "child.substance_misuse",
    "child.complex_health_send",
    "child.young_carer",
    "child.missing",
    "child.education_absence",
    "child.transition_to_adulthood",
)
"""Child codes about the child's own life: not proposed when the words are about a parent."""
_PARENT_OWN = (
    "parent.mental_health",
    "parent.alcohol_misuse",
    "parent.drug_misuse",
    "parent.learning_disability",
    "parent.adverse_childhood",
    "parent.young_parent",
)
"""Parent codes about a parent's own life: not proposed when the words are about a child."""

_GOOD_CUE = re.compile(
    r"good practice|went well|worked well|strength|commend|prais|positive|excellent|"
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


@dataclass(frozen=True)
class _Code:
    code: str
    phrases: tuple[Phrase, ...]
    exclusions: tuple[Phrase, ...]


def _prepare(
    indicators: Mapping[str, Iterable[str]], already: set[str], muted: frozenset[tuple[str, str]]
) -> list[_Code]:
    prepared = []
    for code, lines in indicators.items():
        if code in already:
            continue
        phrases: list[Phrase] = []
        exclusions: list[Phrase] = []
        for line in lines:
            line = line.strip()
            target = exclusions if line.startswith("-") else phrases
            compiled = compile_phrase(line.lstrip("-"))
            if compiled is not None and (code, compiled.text) not in muted:
                target.append(compiled)
        if phrases:
            prepared.append(_Code(code, tuple(phrases), tuple(exclusions)))
    return prepared


def _allowed(code: str, phrase: Phrase, tokens: Sequence[_Token], at: int, good_text: bool) -> bool:
    group = code.split(".", 1)[0]
    if group == "good" and not good_text:
        return False
    if group in ("child", "parent", "good") and negated(tokens, at):
        return False
    who = actor(tokens, at)
    if phrase.actor is not None and who != phrase.actor:
        return False
    if code in _CHILD_OWN and who == "parent":
        return False
    return not (code in _PARENT_OWN and who == "child")


def _age_allows(code: str, age: float | None, tokens: Sequence[_Token]) -> bool:
    if code == "child.non_mobile_injury":
        said = any(t.form in ("non", "pre") for t in tokens) and any(
            t.form.startswith("mobil") for t in tokens
        )
        return said or (age is not None and age <= NON_MOBILE_MONTHS)
    if code == "child.death.sudi":
        return age is None or age <= SUDI_MONTHS
    if code == "child.transition_to_adulthood":
        return age is None or age >= TRANSITION_MONTHS
    return True


_INJURY_CODES = ("child.harm.physical", "child.harm.abusive_head_trauma")


def suggest(
    texts: Iterable[tuple[str, str]],
    indicators: Mapping[str, Iterable[str]],
    already: set[str] = frozenset(),  # type: ignore[assignment]
    context: SuggestionContext | None = None,
) -> list[Suggestion]:
    """For every code not already tagged, the first sentence that points to it."""
    context = context or SuggestionContext()
    texts = [(where, text or "") for where, text in texts]
    age: float | None = context.child_age_months
    if age is None:
        written = [a for _, text in texts for a in ages_in(text)]
        age = min(written) if written else None
    codes = _prepare(indicators, already, context.muted)
    found: dict[str, Suggestion] = {}
    for where, text in texts:
        parts = sentences(text)
        for sentence, good_text in zip(parts, good_practice_sentences(where, parts), strict=True):
            tokens = _tokens(sentence)
            if not tokens:
                continue
            for entry in codes:
                if entry.code in found or not _age_allows(entry.code, age, tokens):
                    continue
                if any(find(phrase, tokens) is not None for phrase in entry.exclusions):
                    continue
                for phrase in entry.phrases:
                    at = find(phrase, tokens)
                    if at is not None and _allowed(entry.code, phrase, tokens, at, good_text):
                        found[entry.code] = Suggestion(entry.code, phrase.text, sentence, where)
                        break
    _imply_non_mobile_injury(found, indicators, already, age)
    return list(found.values())


def _imply_non_mobile_injury(
    found: dict[str, Suggestion],
    indicators: Mapping[str, Iterable[str]],
    already: set[str],
    age: float | None,
) -> None:
    """An injured baby of six months or under is a non-mobile baby's injury."""
    code = "child.non_mobile_injury"
    if code in found or code in already or code not in indicators:
        return
    if age is None or age > NON_MOBILE_MONTHS:
        return
    injury = next((found[c] for c in _INJURY_CODES if c in found), None)
    if injury is not None:
        found[code] = Suggestion(code, injury.phrase, injury.sentence, injury.where)


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
