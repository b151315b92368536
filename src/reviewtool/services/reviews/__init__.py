"""One review and the review list: what a panel member does with a review.

The public functions are loaded on first use (PEP 562), so importing the package costs
nothing at start-up.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reviewtool.services.reviews.conversion import convert_to_cspr as convert_to_cspr
    from reviewtool.services.reviews.drafts import discard_draft as discard_draft
    from reviewtool.services.reviews.drafts import load_draft as load_draft
    from reviewtool.services.reviews.drafts import save_draft as save_draft
    from reviewtool.services.reviews.editing import LoadedReview as LoadedReview
    from reviewtool.services.reviews.editing import create_review as create_review
    from reviewtool.services.reviews.editing import delete_review as delete_review
    from reviewtool.services.reviews.editing import get_review as get_review
    from reviewtool.services.reviews.editing import new_review_record as new_review_record
    from reviewtool.services.reviews.editing import save_review as save_review
    from reviewtool.services.reviews.listing import ReviewFilter as ReviewFilter
    from reviewtool.services.reviews.listing import ReviewSummary as ReviewSummary
    from reviewtool.services.reviews.listing import count_reviews as count_reviews
    from reviewtool.services.reviews.listing import list_reviews as list_reviews
    from reviewtool.services.reviews.listing import review_themes as review_themes
    from reviewtool.services.reviews.search import SearchHit as SearchHit
    from reviewtool.services.reviews.search import search_reviews as search_reviews
    from reviewtool.services.reviews.search import search_snippets as search_snippets
    from reviewtool.services.reviews.suggestions import suggestions_for as suggestions_for
    from reviewtool.services.reviews.tags import known_tags as known_tags

_HOME = {
    "LoadedReview": "editing",
    "get_review": "editing",
    "create_review": "editing",
    "new_review_record": "editing",
    "save_review": "editing",
    "delete_review": "editing",
    "ReviewFilter": "listing",
    "ReviewSummary": "listing",
    "list_reviews": "listing",
    "review_themes": "listing",
    "count_reviews": "listing",
    "SearchHit": "search",
    "search_reviews": "search",
    "search_snippets": "search",
    "convert_to_cspr": "conversion",
    "save_draft": "drafts",
    "load_draft": "drafts",
    "discard_draft": "drafts",
    "suggestions_for": "suggestions",
    "known_tags": "tags",
}
__all__ = sorted(_HOME)


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOME[name]}"), name)
