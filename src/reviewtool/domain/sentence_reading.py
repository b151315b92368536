"""Reading a review's sentences for theme suggestions: sentences and words by their
dictionary form, indicator phrases matched in any order, negation and shortfalls. Who a
sentence is about is in ``sentence_actors``; good-practice text and ages in
``sentence_context``. No codebook rules here: they are in ``suggestions``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
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


def _plurals(form: str) -> frozenset[str]:
    """A noun's regular plurals, which the lemmatiser does not always undo ("midwives",
    "GPs"), so that a phrase in the singular finds them."""
    plurals = {form + "s", form + "es"}
    if form.endswith("fe"):
        plurals.add(form[:-2] + "ves")
    elif form.endswith("f"):
        plurals.add(form[:-1] + "ves")
    elif form.endswith("y") and len(form) > 2:
        plurals.add(form[:-1] + "ies")
    return frozenset(plurals)


@dataclass(frozen=True)
class _PhraseWord:
    form: str
    lemma: str
    plurals: frozenset[str] = frozenset()

    def matches(self, token: Token) -> bool:
        if token.form == self.form or token.form in self.plurals:
            return True
        if token.lemma == self.lemma and not self._bare(token):
            return True
        return len(self.form) >= PREFIX_FROM and token.form.startswith(self.form)

    def _bare(self, token: Token) -> bool:
        """A phrase word written as an -ing or -ed form ("staffing", "separated") means
        something of its own: it does not stand for the bare word it comes from ("staff",
        "records", "a separate team"), only for the word's other forms ("separating")."""
        if self.form == self.lemma or not self.form.endswith(("ing", "ed")):
            return False
        return token.form in (self.lemma, self.lemma + "s")


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
    return Phrase(text.strip(), tuple(_PhraseWord(w, lemma(w), _plurals(w)) for w in forms), who)


def matched(phrase: Phrase, tokens: Sequence[Token], at: int) -> frozenset[int]:
    """The positions of the sentence's words that a phrase found at ``at`` matched."""
    window = range(at, min(len(tokens), at + phrase.span))
    return frozenset(i for i in window if any(w.matches(tokens[i]) for w in phrase.words))


def find(phrase: Phrase, tokens: Sequence[Token]) -> int | None:
    """Where in the sentence the phrase's words all appear close together (any order)."""
    first = phrase.words[0]
    if len(phrase.words) == 1:
        return next((i for i, token in enumerate(tokens) if first.matches(token)), None)
    for start, token in enumerate(tokens):
        if not any(word.matches(token) for word in phrase.words):
            continue
        window = tokens[start : start + phrase.span]
        found = all(any(word.matches(t) for t in window) for word in phrase.words)
        if found and _negation_in_order(phrase, window):
            return start
    return None


_PHRASE_NEGATIONS = frozenset({"not", "no", "never", "without"})


def _negation_in_order(phrase: Phrase, window: Sequence[Token]) -> bool:
    """A negation in a phrase negates the word after it, so it keeps its place: "did not
    know" is not found in "knew of it, but agencies did not consider it", where the words
    meet in another order."""
    for i, word in enumerate(phrase.words[:-1]):
        if word.form not in _PHRASE_NEGATIONS:
            continue
        following = phrase.words[i + 1]
        negations = [j for j, t in enumerate(window) if t.form == word.form]
        if not any(following.matches(t) for n in negations for t in window[n + 1 :]):
            return False
    return True


# --- reading the sentence ----------------------------------------------------------------

_NEGATIONS = frozenset({"no", "not", "never", "without", "nor", "neither", "none", "denied"})
_NEGATION_PAIRS = frozenset({("ruled", "out"), ("absence", "of"), ("free", "of")})
_PSEUDO_NEGATIONS = frozenset({("not", "only"), ("not", "just"), ("no", "doubt")})
NEGATION_WINDOW = 5
_FINDING_NEGATIONS = frozenset(
    {"concern", "concerns", "evidence", "sign", "signs", "indication", "suggestion"}
)
"""After "no", words that deny a finding: NegEx's strong triggers, whose scope runs to the
end of the clause ("no concerns were identified about her physical or mental health")."""
FINDING_NEGATION_WINDOW = 12


def negated(tokens: Sequence[Token], at: int) -> bool:
    """Whether a negation word governs the word at ``at`` (same clause, shortly before; a
    denied finding, "no evidence of", further back)."""
    clause = tokens[at].clause
    for i in range(at - 1, max(-1, at - FINDING_NEGATION_WINDOW - 1), -1):
        token = tokens[i]
        if token.clause != clause:
            return False
        after = tokens[i + 1].form if i + 1 < len(tokens) else ""
        if token.form == "no" and after in _FINDING_NEGATIONS:
            return True
        if at - i > NEGATION_WINDOW or (token.form, after) in _PSEUDO_NEGATIONS:
            continue
        if token.form in _NEGATIONS or (token.form, after) in _NEGATION_PAIRS:
            return True
    return False


_PRACTICE_SUBJECTS = frozenset(
    {
        "awareness",
        "enquiry",
        "enquiries",
        "training",
        "guidance",
        "response",
        "responses",
        "responding",
        "understanding",
        "recognition",
        "recognising",
        "identification",
        "identifying",
        "screening",
        "policy",
        "policies",
    }
)
_SUBJECT_LINKS = frozenset({"of", "about", "on", "to", "around"})


def practice_subject(tokens: Sequence[Token], at: int) -> bool:
    """Whether the words at ``at`` are named as what practice is about ("public awareness of
    domestic abuse", "routine enquiry about domestic abuse", "training on neglect"): learning
    for practitioners, which says nothing about this family."""
    for link in (at - 1, at - 2):
        if link < 1 or tokens[link].form not in _SUBJECT_LINKS:
            continue
        if tokens[link].clause != tokens[at].clause:
            return False
        return tokens[link - 1].form in _PRACTICE_SUBJECTS
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
        "falsely",
        "uncritical",
        "uncritically",
        "ignored",
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
_SHORTFALL_PAIRS = frozenset(
    {("rather", "than"), ("too", "little"), ("too", "late"), ("too", "much"), ("face", "value")}
)


SHORTFALL_WINDOW = 8
"""How many words either side of a topic a shortfall word may be to count for it."""


_LEARNING_OPENERS = frozenset(
    {
        "learning",
        "lesson",
        "lessons",
        "recommendation",
        "recommendations",
        "finding",
        "findings",
        "theme",
        "themes",
        "cover",
        "covers",
        "covered",
    }
)
LEARNING_OPENING = 4
"""How many words a sentence may start with before the word that makes it a list of
learning ("Learning themes: ...", "The review covers ...", "Recommendations cover ...")."""


def learning_list(tokens: Sequence[Token]) -> bool:
    """Whether the sentence opens as a list of learning, recommendations or the themes a
    review covers: every practice topic it names is one the review draws learning from,
    however far it is from the opening words. ("Learning disabilities ..." is no such
    opening.)"""
    for i, token in enumerate(tokens[:LEARNING_OPENING]):
        after = tokens[i + 1].form if i + 1 < len(tokens) else ""
        if token.form in _LEARNING_OPENERS and not after.startswith(("disab", "difficult")):
            return True
    return False


def shortfall(tokens: Sequence[Token], at: int, topic: Collection[int] = ()) -> bool:
    """Whether the words around ``at`` say that something was missing or went wrong, or
    draw learning from it, or the sentence is a list of learning. The topic's own words
    (``topic``) do not count: "awareness of domestic abuse" names a topic, not a shortfall
    in it."""
    if learning_list(tokens) and not any(i < LEARNING_OPENING for i in topic):
        return True
    for i in range(max(0, at - SHORTFALL_WINDOW), min(len(tokens), at + SHORTFALL_WINDOW + 1)):
        if i in topic:
            continue
        token = tokens[i]
        after = tokens[i + 1].form if i + 1 < len(tokens) else ""
        if (token.form, after) in _PSEUDO_NEGATIONS:
            continue  # "a moment of risk, not only a disciplinary step"
        if token.form in _SHORTFALL_WORDS or token.lemma in _SHORTFALL_WORDS:
            return True
        if (token.form, after) in _SHORTFALL_PAIRS:
            return True
    return False
