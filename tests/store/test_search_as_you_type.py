"""Search as you type: every prefix of three letters or more keeps finding the reviews that
contain a word starting with it, although the stemmed index cuts words shorter than that."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from reviewtool.db import migrate
from reviewtool.db.engine import connect, database_url
from reviewtool.domain.enums import ReviewKind
from reviewtool.services.reviews.editing import (
    create_review,
    get_review,
    new_review_record,
    save_review,
)
from reviewtool.services.reviews.listing import ReviewFilter, list_reviews
from reviewtool.services.reviews.search import search_reviews, search_snippets
from reviewtool.services.store import Store

TEXTS = {
    "RR-1": "The school's escalation of its concerns about the family.",
    "RR-2": "There was no escalation to a senior manager; information was not shared.",
    "RR-3": "Escalation twice by the health visitor, then the case was closed.",
    "RR-7": "The nurse escalated concerns to the named doctor.",
    "RR-4": "Criminal exploitation and county lines; the neglected garden.",
    "RR-5": "A long history of neglect, and of exploited older siblings.",
    "RR-6": "Nothing relevant here: a lighthouse and a harbour.",
}


@pytest.fixture
def typed_store(store: Store) -> Store:
    for reference, summary in TEXTS.items():
        record = new_review_record(ReviewKind.RAPID_REVIEW, reference, f"Child {reference}")
        create_review(store, record.model_copy(update={"summary": summary}))
    return store


def _found(store: Store, typed: str) -> set[str]:
    return {hit.reference for hit in search_reviews(store, typed)}


def test_typing_escalation_letter_by_letter_keeps_the_same_reviews(typed_store: Store) -> None:
    word = "escalation"
    found = {word[:n]: _found(typed_store, word[:n]) for n in range(3, len(word) + 1)}
    # Every prefix finds the three reviews with "escalation" in them...
    assert all(references >= {"RR-1", "RR-2", "RR-3"} for references in found.values()), found
    assert found["esc"] == found["escala"] == found["escalat"] == {"RR-1", "RR-2", "RR-3", "RR-7"}
    # ... "escalatio" is not the start of "escalated", but the whole word finds its other
    # forms by stem again.
    assert found["escalatio"] == {"RR-1", "RR-2", "RR-3"}
    assert found["escalation"] == {"RR-1", "RR-2", "RR-3", "RR-7"}


@pytest.mark.parametrize("word", ["information", "exploitation"])
def test_no_prefix_of_a_word_finds_nothing(typed_store: Store, word: str) -> None:
    for n in range(3, len(word) + 1):
        assert _found(typed_store, word[:n]), word[:n]


def test_prefixes_longer_than_the_stem_still_match(typed_store: Store) -> None:
    assert _found(typed_store, "exploita") == {"RR-4"}
    assert _found(typed_store, "exploit") == {"RR-4", "RR-5"}
    assert _found(typed_store, "informa") == {"RR-2"}


def test_whole_words_still_match_their_other_forms(typed_store: Store) -> None:
    assert _found(typed_store, "neglected") == {"RR-4", "RR-5"}
    assert _found(typed_store, "neglect") == {"RR-4", "RR-5"}
    # An earlier word matches by stem, the word being typed as a prefix.
    assert _found(typed_store, "escalated concer") == {"RR-1", "RR-7"}
    assert _found(typed_store, "concerns escalatio") == {"RR-1"}
    # Earlier words also count as the start of a word as written.
    assert _found(typed_store, "lighth harbour") == {"RR-6"}
    assert _found(typed_store, "lighth escala") == set()


def test_the_list_finds_the_same_and_ranks_once(typed_store: Store) -> None:
    rows = list_reviews(typed_store, ReviewFilter(text="escalati"))
    assert {row.reference for row in rows} == {"RR-1", "RR-2", "RR-3"}
    assert len(rows) == len({row.id for row in rows})  # one row each, whichever index found it


def test_prefix_matches_are_marked_in_the_snippet(typed_store: Store) -> None:
    for typed in ("escala", "escalatio", "escalation"):
        hits = search_reviews(typed_store, typed)
        for hit in hits:
            marked = [t.lower() for t, is_match in hit.snippet_parts or () if is_match]
            assert marked and all(m.startswith("escal") for m in marked), (typed, hit.snippet)
            assert hit.reference == "RR-7" or any(m == "escalation" for m in marked)
    ids = [hit.review_id for hit in search_reviews(typed_store, "exploita", with_snippets=0)]
    parts = search_snippets(typed_store, "exploita", ids)
    assert [[t for t, m in p if m] for p in parts.values()] == [["exploitation"]]


def test_the_word_index_follows_edits(typed_store: Store) -> None:
    loaded = get_review(typed_store, "RR-6")
    summary = "The lighthouse keeper's escalation policy."
    save_review(typed_store, loaded.record.model_copy(update={"summary": summary}), loaded.version)
    assert "RR-6" in _found(typed_store, "escalatio")
    loaded = get_review(typed_store, "RR-6")
    save_review(
        typed_store, loaded.record.model_copy(update={"summary": "Harbour"}), loaded.version
    )
    assert "RR-6" not in _found(typed_store, "escalatio")
    assert _found(typed_store, "lighthou") == set()


def test_the_upgrade_builds_the_word_index_for_stored_reviews(tmp_path: Path) -> None:
    """The migration itself (not the rebuild that follows it) indexes existing text."""
    database = connect(database_url(str(tmp_path / "old.sqlite3"), Path("unused")))
    try:
        migrate.upgrade(database, "0005")
        with database.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO review_search(rowid, review_id, title, body) "
                    "VALUES (7, 'r7', 'Child S', 'Repeated escalation by the school')"
                )
            )
        migrate.upgrade(database, "0010")
        with database.engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT rowid FROM review_search_words "
                    "WHERE review_search_words MATCH '\"escalatio\"*'"
                )
            ).all()
        assert rows == [(7,)]
    finally:
        database.close()
