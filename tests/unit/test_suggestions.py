"""Theme suggestions: the sentence that triggered each, and quality on the demo reviews."""

from __future__ import annotations

import sys
from pathlib import Path

from reviewtool.domain.suggestions import measure, sentences, suggest

INDICATORS = {
    "parent.domestic_abuse": ["domestic abuse", "coercive control"],
    "child.harm.neglect": ["neglect", "malnutrition"],
    "practice.engaging_fathers": ["father"],
}


def test_each_code_once_with_its_first_sentence() -> None:
    texts = [
        (
            "summary",
            "The baby was seen twice. Police knew of domestic abuse in the home! "
            "Later there was more Domestic Abuse.",
        ),
        ("learning", "Neglected children need a whole-history view.\nFathers were not asked."),
    ]
    found = {s.code: s for s in suggest(texts, INDICATORS)}
    assert found["parent.domestic_abuse"].sentence == "Police knew of domestic abuse in the home!"
    assert found["parent.domestic_abuse"].where == "summary"
    assert found["child.harm.neglect"].sentence == "Neglected children need a whole-history view."
    assert found["practice.engaging_fathers"].phrase == "father"


def test_phrases_start_at_a_word_and_tagged_codes_are_skipped() -> None:
    texts = [("summary", "The stepfather and the godfather visited.")]
    assert suggest(texts, INDICATORS) == []  # "father" inside a word is not a match
    texts = [("summary", "Father and mother; malnutrition.")]
    codes = {s.code for s in suggest(texts, INDICATORS, already={"child.harm.neglect"})}
    assert codes == {"practice.engaging_fathers"}


def test_sentences() -> None:
    assert sentences("One. Two? Three!\nFour") == ["One.", "Two?", "Three!", "Four"]


def test_measure() -> None:
    quality = measure([({"a", "b"}, {"a"}), ({"c"}, {"c", "d"})])
    assert (quality.suggested, quality.correct, quality.tagged) == (3, 2, 3)
    assert round(quality.precision, 2) == 0.67 and round(quality.recall, 2) == 0.67


def test_quality_on_the_demo_reviews_does_not_fall() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from suggestion_quality import demo_quality

    overall, _ = demo_quality()
    assert overall.precision >= 0.75 and overall.recall >= 0.6
