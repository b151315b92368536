"""Full-text search: ranked, with snippets, safe with any input, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from reviewtool.domain.enums import ReviewKind
from reviewtool.services.demo import load_demo
from reviewtool.services.reviews import (
    ReviewFilter,
    create_review,
    get_review,
    list_reviews,
    new_review_record,
    save_review,
)
from reviewtool.services.search import search_reviews
from reviewtool.services.store import Store


@pytest.fixture
def demo_store(store: Store) -> Store:
    load_demo(store)
    return store


def test_ranked_results_with_highlighted_snippets(demo_store: Store) -> None:
    hits = search_reviews(demo_store, "malnutrition")
    assert [hit.reference for hit in hits] == ["NSP-RR-2022-01"]
    matched = [text for text, is_match in hits[0].snippet_parts if is_match]
    assert matched and matched[0].lower().startswith("malnutrition")
    assert "malnutrition" in hits[0].snippet


def test_search_as_you_type_uses_the_last_word_as_a_prefix(demo_store: Store) -> None:
    assert {hit.title for hit in search_reviews(demo_store, "cocai")} == {"Child L"}
    # Stemming: "sleeping" finds reviews written with "sleep".
    titles = {hit.title for hit in search_reviews(demo_store, "sleeping sofa")}
    assert "Child J" in titles


def test_title_matches_rank_first(demo_store: Store) -> None:
    hits = search_reviews(demo_store, "Amira")
    assert hits[0].title == "Amira"


def test_search_covers_learning_notes_and_briefings(demo_store: Store) -> None:
    assert search_reviews(demo_store, "adultification")  # a factor note
    assert search_reviews(demo_store, "ICON coping")  # briefing text
    assert search_reviews(demo_store, "communication aids")  # a factor note, national review


def test_identifiers_are_not_searchable(demo_store: Store) -> None:
    assert search_reviews(demo_store, "Jayden") == []


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "'",
        "AND",
        "OR NOT",
        "NEAR(a b)",
        "a*",
        "*",
        "(",
        ")",
        ":",
        "title:child",
        "^x",
        "-",
        "a & b | !c",
        "\\",
        "%",
        "' OR 1=1 --",
        "x" * 5000,
        "ż" * 40,
        "🌻",
        "   ",
        "",
        "child:* & !",
        "foo'bar",
        "NEAR/2",
    ],
)
def test_hostile_input_never_breaks_search(demo_store: Store, query: str) -> None:
    search_reviews(demo_store, query)  # no exception, whatever it finds


def test_index_follows_edits(store: Store) -> None:
    created = create_review(store, new_review_record(ReviewKind.RAPID_REVIEW, "RR-77", "Child Z"))
    assert search_reviews(store, "zebrafish") == []
    edited = created.record.model_copy(update={"summary": "A note about zebrafish."})
    save_review(store, edited, created.version)
    assert [hit.reference for hit in search_reviews(store, "zebrafish")] == ["RR-77"]
    loaded = get_review(store, "RR-77")
    save_review(store, loaded.record.model_copy(update={"summary": "Nothing"}), loaded.version)
    assert search_reviews(store, "zebrafish") == []


def test_list_combines_search_and_filters(demo_store: Store) -> None:
    rows = list_reviews(demo_store, ReviewFilter(text="safe sleep", kinds=(ReviewKind.CSPR,)))
    assert [row.reference for row in rows] == ["NSP-CSPR-2021-01"]
    assert rows[0].snippet_parts
