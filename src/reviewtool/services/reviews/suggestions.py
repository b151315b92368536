"""Suggest codebook themes for a review from its narrative text, and learn from the
partnership's decisions: a rejected code is not proposed again for that review, a phrase
the partnership keeps rejecting stops proposing its code, and a phrase can be added to a
code from a sentence in one step."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewtool.bundle.schema import ReviewRecord
from reviewtool.db.models import Code, SuggestionFeedback
from reviewtool.domain.errors import InvalidInput
from reviewtool.domain.suggestions import Suggestion, SuggestionContext, compile_phrase, suggest
from reviewtool.services.clock import naive_utc, now_utc
from reviewtool.services.lookup import resolve_review_id
from reviewtool.services.store import Store

MUTE_AFTER = 3
"""A phrase rejected this many times (and at least three times as often as it was
accepted) stops proposing its code."""
MAX_PHRASE = 200


def indicator_phrases(store: Store) -> dict[str, list[str]]:
    with store.transaction() as session:
        rows = session.execute(
            select(Code.code, Code.indicators).where(
                Code.active.is_(True), Code.indicators.is_not(None)
            )
        ).all()
    return {
        code: [line for line in (text or "").splitlines() if line.strip()] for code, text in rows
    }


def narrative(record: ReviewRecord) -> list[tuple[str, str]]:
    """The review's own words, labelled by where they come from."""
    texts = [
        ("summary", record.summary or ""),
        ("decision rationale", record.decision_rationale or ""),
    ]
    texts += [("learning", item) for item in record.learning]
    texts += [("good practice", item) for item in record.good_practice]
    texts += [("recommendation", r.text) for r in record.recommendations]
    if record.briefing is not None:
        texts += [(f"briefing: {s.heading}", s.body) for s in record.briefing.sections]
    return texts


def youngest_age(record: ReviewRecord) -> int | None:
    """The youngest child's age in months (0 when a child was unborn), if recorded."""
    ages = [0 if child.unborn else child.age_months for child in record.children]
    known = [age for age in ages if age is not None]
    return min(known) if known else None


def suggestions_for(
    record: ReviewRecord,
    indicators: dict[str, list[str]],
    rejected: set[str] = frozenset(),  # type: ignore[assignment]
    muted: frozenset[tuple[str, str]] = frozenset(),
) -> list[Suggestion]:
    """Codes the text points to that the review is not yet tagged with (nor were rejected
    for it); ``muted`` (code, phrase) pairs propose nothing."""
    context = SuggestionContext(child_age_months=youngest_age(record), muted=muted)
    already = {f.code for f in record.factors} | set(rejected)
    return suggest(narrative(record), indicators, already, context)


@dataclass(frozen=True)
class Learned:
    """What the partnership's decisions so far mean for one review's suggestions."""

    rejected: frozenset[str]
    muted: frozenset[tuple[str, str]]


def learned(store: Store, review_id: str | None) -> Learned:
    with store.transaction() as session:
        rejected: set[str] = set()
        if review_id is not None:
            rejected = set(
                session.scalars(
                    select(SuggestionFeedback.code).where(
                        SuggestionFeedback.review_id == review_id,
                        SuggestionFeedback.accepted.is_(False),
                    )
                )
            )
        return Learned(frozenset(rejected), _muted(session))


def _muted(session: Session) -> frozenset[tuple[str, str]]:
    rows = session.execute(
        select(
            SuggestionFeedback.code,
            SuggestionFeedback.phrase,
            func.count().label("decisions"),
            func.count().filter(SuggestionFeedback.accepted.is_(True)).label("accepted"),
        ).group_by(SuggestionFeedback.code, SuggestionFeedback.phrase)
    ).all()
    muted = set()
    for code, phrase, decisions, accepted_count in rows:
        rejections = decisions - accepted_count
        if rejections >= MUTE_AFTER and rejections >= 3 * accepted_count:
            muted.add((code, phrase))
    return frozenset(muted)


def suggestions_for_review(store: Store, record: ReviewRecord) -> list[Suggestion]:
    """The suggestions for a review as on screen, after what the partnership decided."""
    memory = learned(store, record.id)
    return suggestions_for(record, indicator_phrases(store), set(memory.rejected), memory.muted)


def suggestions_by_reference(
    store: Store, refs_or_ids: Sequence[str]
) -> list[tuple[str, list[Suggestion]]]:
    """(reference, suggestions) for each stored review named, in the order given."""
    from reviewtool.services.reviews.editing import get_review

    return [
        (loaded.record.reference, suggestions_for_review(store, loaded.record))
        for loaded in (get_review(store, ref, include_identifiers=False) for ref in refs_or_ids)
    ]


def record_decision(store: Store, review_id: str, suggestion: Suggestion, accepted: bool) -> None:
    """Remember that a person accepted or rejected a suggestion for this review."""
    with store.transaction() as session:
        review_id = resolve_review_id(session, review_id)
        session.add(
            SuggestionFeedback(
                review_id=review_id,
                code=suggestion.code,
                phrase=suggestion.phrase,
                sentence=suggestion.sentence,
                accepted=accepted,
                decided_at=naive_utc(now_utc()),
                decided_by=store.user,
            )
        )


def add_indicator(store: Store, code: str, phrase: str) -> bool:
    """Add a phrase to a code's indicators (False if it already has it)."""
    from reviewtool.services.codebook import get_code

    phrase = " ".join(phrase.split())
    if not phrase or compile_phrase(phrase) is None:
        raise InvalidInput("The phrase to add has no words: select a few words of the sentence.")
    if len(phrase) > MAX_PHRASE:
        raise InvalidInput(
            f"The phrase to add is {len(phrase)} characters long; a phrase can have at most "
            f"{MAX_PHRASE}: select the words that point to the code."
        )
    with store.transaction() as session:
        entry = get_code(session, code)
        lines = [line for line in (entry.indicators or "").splitlines() if line.strip()]
        if any(line.strip().lower() == phrase.lower() for line in lines):
            return False
        entry.indicators = "\n".join([*lines, phrase])
    return True


def set_indicators(store: Store, code: str, phrases: list[str]) -> None:
    from reviewtool.services.codebook import get_code

    with store.transaction() as session:
        indicators = "\n".join(p.strip() for p in phrases if p.strip())
        get_code(session, code).indicators = indicators or None
