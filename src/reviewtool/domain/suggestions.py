"""Theme suggestions: codes proposed from a review's own words, with the sentence that
triggered each, for a person to accept or reject (never tagged automatically).

A code's indicator phrases are matched within one sentence, word by word and in any order
("risk assessment" finds "the assessment of risk"), each word by its dictionary form
("take own life" finds "took her own life"; but a word written as an -ing or -ed form does
not find its bare word: "staffing" is not "staff") or, for words of five letters or more,
as the start of a word ("bruis" finds "bruising").
Then the sentence is read for what the words are about:

- negation (after NegEx): "there was no evidence of alcohol misuse" proposes nothing about
  the child or the family; practice codes are not negated, since reviews name practice
  themes by their absence ("no strategy discussion was held"). A negation inside a phrase
  keeps its place ("did not know" is not found in "knew of, but did not consider").
- what practice is about: a harm named as the subject of awareness, training, guidance,
  enquiry or a response ("public awareness of domestic abuse") is not this family's.
- the actor: "his mother's suicide attempt" is not the child's suicide, and "the child's
  mental health" not a parent's.
- good practice: good-practice codes come only from text that describes good practice.
- the child's age: the non-mobile-baby code needs a baby of six months or under (and is
  implied by an injury to one), sudden infant death a child under two, abusive head trauma
  a child under five, transition to adulthood a young person of fifteen or more.

Lines of a code's indicators that start with "-" exclude: a sentence that has such a
phrase never proposes the code ("-risk assessment conference" keeps MARAC away from the
risk assessment theme). Lines that start with "~" name a topic that counts only in a
sentence naming a shortfall or the learning drawn from it ("~share" finds "information
was not shared with the GP" but not "the school shared its concerns"), or anywhere in a
sentence that opens as a list of learning ("Learning themes: ..."): reviews state practice
themes as what did not happen, or not well, or as the learning drawn. A topic's own words
are not its shortfall, and a practice topic that names a parent does not count for what the
parent did ("the father did not engage").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from reviewtool.domain.sentence_actors import actor, referents, role_of
from reviewtool.domain.sentence_context import (
    ages_in,
    good_practice_sentences,
    move_to_a_place,
    teenage_parent,
)
from reviewtool.domain.sentence_reading import (
    Phrase,
    Token,
    compile_phrase,
    find,
    matched,
    negated,
    practice_subject,
    read_tokens,
    sentences,
    shortfall,
)

__all__ = [
    "Quality",
    "Suggestion",
    "SuggestionContext",
    "compile_phrase",
    "measure",
    "sentences",
    "suggest",
]

NON_MOBILE_MONTHS = 5
"""Under six months: babies who are not yet crawling or pulling themselves up."""
SUDI_MONTHS = 24
TRANSITION_MONTHS = 15 * 12
HEAD_TRAUMA_MONTHS = 5 * 12
"""Abusive head trauma is an infant's or young child's injury: a brain injury to an older
child is physical abuse, not this code."""


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
    "parent.criminality_violence",
)
"""Parent codes about a parent's own life: not proposed when the words are about a child."""


@dataclass(frozen=True)
class _Code:
    code: str
    phrases: tuple[Phrase, ...]
    exclusions: tuple[Phrase, ...]
    cued: frozenset[Phrase] = frozenset()
    """Phrases written "~topic": they count only in a sentence that names a shortfall."""


def _prepare(
    indicators: Mapping[str, Iterable[str]], already: set[str], muted: frozenset[tuple[str, str]]
) -> list[_Code]:
    prepared = []
    for code, lines in indicators.items():
        if code in already:
            continue
        phrases: list[Phrase] = []
        exclusions: list[Phrase] = []
        cued: set[Phrase] = set()
        for line in lines:
            line = line.strip()
            target = exclusions if line.startswith("-") else phrases
            compiled = compile_phrase(line.lstrip("-~"))
            if compiled is None or (code, compiled.text) in muted:
                continue
            target.append(compiled)
            if line.startswith("~"):
                cued.add(compiled)
        if phrases:
            prepared.append(_Code(code, tuple(phrases), tuple(exclusions), frozenset(cued)))
    return prepared


def _allowed(
    code: str,
    phrase: Phrase,
    tokens: Sequence[Token],
    at: int,
    good_text: bool,
    earlier: Mapping[str, str],
) -> bool:
    group = code.split(".", 1)[0]
    if group == "good" and not good_text:
        return False
    if group in ("child", "parent", "good") and negated(tokens, at):
        return False
    if group in ("child", "parent") and practice_subject(tokens, at):
        return False
    who = actor(tokens, at, earlier)
    if phrase.actor is not None and who != phrase.actor:
        return False
    if code in _CHILD_OWN and who == "parent":
        return False
    if code.startswith("child.harm.") and who == "parent" and _parents_childhood(tokens):
        return False
    return not (code in _PARENT_OWN and who == "child")


def _parents_childhood(tokens: Sequence[Token]) -> bool:
    """Whether a sentence tells of a parent's own childhood ("the mother was sexually abused
    as a child"): harm done to the parent then is the parent's history, not this child's."""
    forms = [t.form for t in tokens]
    if any(form in ("childhood", "childhoods") for form in forms):
        return True
    return any(forms[i : i + 3] == ["as", "a", "child"] for i in range(len(forms) - 2))


_AGENT_LINKS = frozenset(
    {
        "did",
        "does",
        "do",
        "not",
        "never",
        "would",
        "could",
        "will",
        "refused",
        "declined",
        "failed",
        "to",
        "always",
        "fully",
        "often",
        "repeatedly",
        "consistently",
        "then",
    }
)


def _parent_as_agent(code: str, phrase: Phrase, tokens: Sequence[Token], at: int) -> bool:
    """Whether a practice topic that names a parent ("~father engage") is in the sentence
    something the parent did or did not do ("the father did not engage"), which says nothing
    about practice, rather than something done with the parent ("fathers were not engaged",
    "professionals did not engage the father")."""
    if not code.startswith("practice.") or len(phrase.words) < 2:
        return False
    positions = sorted(matched(phrase, tokens, at))
    first = positions[0]
    if role_of(tokens[first].lemma) != "parent" or len(positions) < 2:
        return False
    between = tokens[first + 1 : positions[1]]
    return all(t.form in _AGENT_LINKS for t in between)


def _excluded_spans(exclusions: Sequence[Phrase], tokens: Sequence[Token]) -> list[range]:
    spans = []
    for phrase in exclusions:
        at = find(phrase, tokens)
        if at is not None:
            spans.append(range(at, at + phrase.span))
    return spans


def _blocked(phrase: Phrase, tokens: Sequence[Token], at: int, excluded: Sequence[range]) -> bool:
    """An exclusion keeps a one-word phrase out of the whole sentence ("exploitation" in a
    sentence about CSE); a phrase of several words is specific enough to count unless one of
    its words is among the excluded words ("male foster carer" is not a "male carer", but
    "criminal exploitation ... and CSE" still counts)."""
    if len(phrase.words) == 1:
        return bool(excluded)
    return any(i in span for i in matched(phrase, tokens, at) for span in excluded)


def _age_allows(code: str, age: float | None, tokens: Sequence[Token]) -> bool:
    if code == "child.non_mobile_injury":
        said = any(t.form in ("non", "pre") for t in tokens) and any(
            t.form.startswith("mobil") for t in tokens
        )
        return said or (age is not None and age <= NON_MOBILE_MONTHS)
    if code == "child.death.sudi":
        return age is None or age <= SUDI_MONTHS
    if code == "child.transition_to_adulthood":
        return age is None or age >= TRANSITION_MONTHS
    if code == "child.harm.abusive_head_trauma":
        return age is None or age < HEAD_TRAUMA_MONTHS
    return True


_INJURY_CODES = ("child.harm.physical", "child.harm.abusive_head_trauma")
_YOUNG_PARENT = "parent.young_parent"
_TEENAGE = "a parent's age under 20"
_MOVED = "parent.moved_areas"
_MOVE = "a move to or from a named place"


def _read_whole_sentence(
    found: dict[str, Suggestion],
    codes: Sequence[_Code],
    tokens: Sequence[Token],
    sentence: str,
    where: str,
) -> None:
    """Codes read from the sentence as a whole rather than from a phrase: a parent whose age
    is given as a teenager's ("both parents were 19") is a young parent, and a move to a
    named place ("moved to Reading") is a family new to the area, however it is worded."""
    wanted = {entry.code for entry in codes} - set(found)
    if _YOUNG_PARENT in wanted and teenage_parent(tokens):
        found[_YOUNG_PARENT] = Suggestion(_YOUNG_PARENT, _TEENAGE, sentence, where)
    if _MOVED in wanted and move_to_a_place(sentence):
        found[_MOVED] = Suggestion(_MOVED, _MOVE, sentence, where)


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
        earlier: dict[str, str] = {}
        for sentence, good_text in zip(parts, good_practice_sentences(where, parts), strict=True):
            tokens = read_tokens(sentence)
            if not tokens:
                continue
            before, earlier = earlier, referents(tokens, earlier)
            for entry in codes:
                if entry.code in found or not _age_allows(entry.code, age, tokens):
                    continue
                excluded = _excluded_spans(entry.exclusions, tokens)
                for phrase in entry.phrases:
                    at = find(phrase, tokens)
                    if at is None or _blocked(phrase, tokens, at, excluded):
                        continue
                    if phrase in entry.cued and (
                        good_text or not shortfall(tokens, at, matched(phrase, tokens, at))
                    ):
                        continue
                    if phrase in entry.cued and _parent_as_agent(entry.code, phrase, tokens, at):
                        continue
                    if _allowed(entry.code, phrase, tokens, at, good_text, before):
                        found[entry.code] = Suggestion(entry.code, phrase.text, sentence, where)
                        break
            _read_whole_sentence(found, codes, tokens, sentence, where)
    _imply(found, indicators, already, "child.harm.physical", "child.harm.abusive_head_trauma")
    _imply_non_mobile_injury(found, indicators, already, age)
    return list(found.values())


def _imply(
    found: dict[str, Suggestion],
    indicators: Mapping[str, Iterable[str]],
    already: set[str],
    code: str,
    because: str,
) -> None:
    """A code that is part of another one found (abusive head trauma is physical abuse)."""
    if because in found and code not in found and code not in already and code in indicators:
        cause = found[because]
        found[code] = Suggestion(code, cause.phrase, cause.sentence, cause.where)


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
