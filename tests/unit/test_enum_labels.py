"""Every closed vocabulary says how each of its members is shown, once, in the domain."""

from __future__ import annotations

import pytest

from reviewtool.domain import enums
from reviewtool.domain.actions import Rag
from reviewtool.domain.enums import LabelledEnum

VOCABULARIES = [
    value
    for value in vars(enums).values()
    if isinstance(value, type) and issubclass(value, LabelledEnum) and value is not LabelledEnum
]


def test_every_vocabulary_is_labelled() -> None:
    assert len(VOCABULARIES) == 11


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.__name__)
def test_each_member_has_its_own_label(vocabulary: type[LabelledEnum]) -> None:
    labels = [member.label for member in vocabulary]
    assert all(label.strip() for label in labels)
    assert len(set(labels)) == len(labels), "two members would look the same on screen"


def test_members_sharing_a_value_keep_their_own_labels() -> None:
    assert enums.ReviewStatus.PUBLISHED == enums.BriefingStatus.PUBLISHED  # both "published"
    assert enums.ReviewKind.NATIONAL_REVIEW.label == "National review"
    assert enums.Decision.NATIONAL_REVIEW.label == "Referred for a national review"


def test_rag_has_a_word_and_a_meaning() -> None:
    assert Rag.RED.word == "Red"
    assert Rag.RED.label == "Red - not completed to timescale"
