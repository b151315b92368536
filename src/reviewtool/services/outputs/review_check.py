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
    parts += rapid_review_report_parts(store, ref_or_id)
    return check_document(parts, identifiers)


def rapid_review_report_parts(store: Store, ref_or_id: str) -> list[tuple[str, str]]:
    """A rapid review's report to the National Panel, once it has any workflow recorded."""
    from reviewtool.domain.enums import ReviewKind
    from reviewtool.services.outputs.rapid_review_report import rapid_review_report_model
    from reviewtool.services.workflow.editing import load_workflow

    loaded = load_workflow(store, ref_or_id)
    if loaded.review.kind is not ReviewKind.RAPID_REVIEW or loaded.stored_at is None:
        return []
    model = rapid_review_report_model(store, ref_or_id)
    return [(f"rapid review report: {where}", text) for where, text in model.texts()]
