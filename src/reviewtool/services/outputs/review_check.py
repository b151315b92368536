"""The publication check of one review's outputs (``reviewtool check``): its briefing and its
slides against its identifiers and the general rules, before anything is written."""

from __future__ import annotations

from reviewtool.domain.publication_check import Hit, check_document
from reviewtool.services.outputs.briefings import review_briefing_model
from reviewtool.services.outputs.publication import briefing_parts, deck_parts, identifiers_of
from reviewtool.services.outputs.slides import review_deck
from reviewtool.services.store import Store


def check_review(store: Store, ref_or_id: str) -> list[Hit]:
    """Everything published about one review (its briefing and its slides) against its
    identifiers and the general rules."""
    identifiers = identifiers_of(store, [ref_or_id])
    parts = briefing_parts(review_briefing_model(store, ref_or_id))
    parts += [
        (f"slides: {where}", text) for where, text in deck_parts(review_deck(store, [ref_or_id]))
    ]
    return check_document(parts, identifiers)
