"""Suggest codebook themes for a review from its narrative text."""

from __future__ import annotations

from sqlalchemy import select

from reviewtool.bundle.schema import ReviewRecord
from reviewtool.db.models import Code
from reviewtool.domain.suggestions import Suggestion, SuggestionContext, suggest
from reviewtool.services.store import Store


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


def set_indicators(store: Store, code: str, phrases: list[str]) -> None:
    from reviewtool.services.codebook import get_code

    with store.transaction() as session:
        indicators = "\n".join(p.strip() for p in phrases if p.strip())
        get_code(session, code).indicators = indicators or None
