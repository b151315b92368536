"""Suggestions learn from the partnership: decisions remembered, phrases added from a
sentence, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from reviewtool.db.models import SuggestionFeedback
from reviewtool.domain.enums import ReviewKind
from reviewtool.domain.errors import InvalidInput
from reviewtool.services.reviews.editing import create_review, get_review, new_review_record
from reviewtool.services.reviews.suggestions import (
    MUTE_AFTER,
    add_indicator,
    record_decision,
    suggestions_by_reference,
    suggestions_for_review,
)
from reviewtool.services.store import Store

SUMMARY = (
    "The mother went on a binge most weekends. Nobody asked the family about the lodger. "
    "The baby was bruised on the cheek."
)


def _review(store: Store, reference: str, summary: str = SUMMARY) -> str:
    record = new_review_record(ReviewKind.RAPID_REVIEW, reference, f"Child {reference}")
    created = create_review(store, record.model_copy(update={"summary": summary}))
    return created.record.id


def _codes(store: Store, reference: str) -> dict[str, str]:
    record = get_review(store, reference).record
    return {s.code: s.sentence for s in suggestions_for_review(store, record)}


def test_a_rejected_code_is_not_proposed_again_for_that_review(store: Store) -> None:
    review_id = _review(store, "RR-1")
    _review(store, "RR-2")
    found = {s.code: s for s in suggestions_for_review(store, get_review(store, "RR-1").record)}
    assert "parent.alcohol_misuse" in found
    record_decision(store, review_id, found["parent.alcohol_misuse"], accepted=False)
    assert "parent.alcohol_misuse" not in _codes(store, "RR-1")
    assert "parent.alcohol_misuse" in _codes(store, "RR-2")  # only that review
    with store.transaction() as session:
        row = session.scalars(select(SuggestionFeedback)).one()
    assert (row.review_id, row.code, row.accepted) == (review_id, "parent.alcohol_misuse", False)
    assert row.sentence == "The mother went on a binge most weekends." and row.phrase == "binge"
    assert row.decided_by == store.user


def test_a_phrase_the_partnership_keeps_rejecting_stops_proposing(store: Store) -> None:
    ids = [_review(store, f"RR-{n}") for n in range(MUTE_AFTER + 1)]
    for review_id, reference in zip(ids[:MUTE_AFTER], range(MUTE_AFTER), strict=True):
        found = {
            s.code: s for s in suggestions_for_review(store, get_review(store, review_id).record)
        }
        record_decision(store, review_id, found["parent.alcohol_misuse"], accepted=False)
        assert reference >= MUTE_AFTER - 1 or "parent.alcohol_misuse" in _codes(
            store, f"RR-{MUTE_AFTER}"
        )
    assert "parent.alcohol_misuse" not in _codes(store, f"RR-{MUTE_AFTER}")


def test_accepted_suggestions_keep_a_phrase_alive(store: Store) -> None:
    ids = [_review(store, f"RR-{n}") for n in range(MUTE_AFTER + 2)]
    for index, review_id in enumerate(ids[:-1]):
        found = {
            s.code: s for s in suggestions_for_review(store, get_review(store, review_id).record)
        }
        record_decision(store, review_id, found["parent.alcohol_misuse"], accepted=index < 2)
    assert "parent.alcohol_misuse" in _codes(store, ids[-1])


def test_a_phrase_added_from_a_sentence_proposes_its_code(store: Store) -> None:
    _review(store, "RR-9")
    assert "parent.unknown_male_carer" not in _codes(store, "RR-9")
    assert add_indicator(store, "parent.unknown_male_carer", "  about the   lodger ")
    assert not add_indicator(store, "parent.unknown_male_carer", "About the lodger")
    found = _codes(store, "RR-9")
    assert found["parent.unknown_male_carer"] == "Nobody asked the family about the lodger."


@pytest.mark.parametrize("phrase", ["", "   ", "!!", "x" * 201])
def test_a_phrase_that_cannot_be_used_is_refused_and_changes_nothing(
    store: Store, phrase: str
) -> None:
    with pytest.raises(InvalidInput, match="phrase"):
        add_indicator(store, "parent.unknown_male_carer", phrase)


def test_suggestions_by_reference_in_the_order_given(store: Store) -> None:
    _review(store, "RR-A")
    _review(store, "RR-B", "Nothing to see here.")
    found = suggestions_by_reference(store, ["RR-B", "RR-A"])
    assert [reference for reference, _ in found] == ["RR-B", "RR-A"]
    assert found[0][1] == [] and {s.code for s in found[1][1]} >= {"parent.alcohol_misuse"}


def test_an_upgrade_brings_new_default_phrases_but_keeps_edited_ones(store: Store) -> None:
    import hashlib
    import json

    from reviewtool.db.models import Code
    from reviewtool.db.seed import update_default_indicators
    from reviewtool.paths import resource

    history = json.loads(resource("indicator_history.json").read_text(encoding="utf-8"))
    old_defaults = {
        "practice.engaging_fathers": "father\nfathers\nmale carers",
        "parent.drug_misuse": "cocaine\nheroin\ndrug use\ndrug misuse\ncannabis use by",
    }
    for code, text in old_defaults.items():  # the shipped history knows these texts
        digest = hashlib.sha256(text.encode()).hexdigest()
        assert digest in history["previous_defaults"][code]
    with store.transaction() as session:
        session.get(Code, "practice.engaging_fathers").indicators = old_defaults[  # type: ignore[union-attr]
            "practice.engaging_fathers"
        ]
        session.get(Code, "parent.drug_misuse").indicators = "cocaine\nspice"  # type: ignore[union-attr]
    with store.transaction() as session:
        assert update_default_indicators(session) == 1
    with store.transaction() as session:
        fathers = session.get(Code, "practice.engaging_fathers").indicators  # type: ignore[union-attr]
        drugs = session.get(Code, "parent.drug_misuse").indicators  # type: ignore[union-attr]
    assert fathers is not None and "father\n" not in fathers and "invisible men" in fathers
    assert drugs == "cocaine\nspice"
