"""The passage shown beside a search result."""

from __future__ import annotations

from reviewtool.domain.snippets import WORDS_AROUND, snippet

TEXT = (
    "The family moved twice in 2023. The health visitor visited weekly, and visiting was "
    "hard because the flat was cold; later the health-visiting team shared concerns about "
    "safe sleep with the GP, and Zoë's nursery was told."
)


def test_words_starting_with_a_searched_word_are_marked() -> None:
    passage = snippet(TEXT, ["health", "visit"], "[", "]")
    assert passage is not None
    assert "[health] [visitor] [visited]" in passage
    assert passage.startswith("…") and passage.endswith("…")
    assert len(passage.replace("…", "").split()) <= WORDS_AROUND


def test_case_and_non_ascii_letters() -> None:
    assert snippet(TEXT, ["zoë"], "<", ">") is not None
    assert "<SAFE>" in (snippet(TEXT.upper(), ["safe"], "<", ">") or "")


def test_no_passage_when_only_the_index_would_match() -> None:
    assert snippet(TEXT, ["zoe"], "[", "]") is None  # accents: left to the index
    assert snippet(TEXT, ["moving"], "[", "]") is None  # stems: left to the index
    assert snippet(TEXT, [], "[", "]") is None
    assert snippet("", ["health"], "[", "]") is None


def test_a_short_text_has_no_ellipses() -> None:
    assert snippet("Safe sleep advice given.", ["sleep"], "[", "]") == ("Safe [sleep] advice given")


def test_a_longer_word_also_marks_its_other_forms() -> None:
    text = "A history of neglect; the neglected garden; escalation was slow."
    passage = snippet(text, ["neglected", "escalated"], "[", "]")
    assert passage is not None
    assert "[neglect]" in passage and "[neglected]" in passage and "[escalation]" in passage
    assert snippet("We were moving house.", ["moved"], "[", "]") is None  # too short to cut
