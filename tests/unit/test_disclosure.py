"""Small-number suppression of a thematic summary for publication: primary, secondary, text."""

from __future__ import annotations

from datetime import date

from reviewtool.reports.thematic_model import (
    AppendixRow,
    Count,
    FactorRow,
    NationalRow,
    PairRow,
    ThematicModel,
)
from reviewtool.services.outputs.disclosure import (
    SECONDARY,
    suppress_small_numbers,
    suppress_text,
)


def _model() -> ThematicModel:
    return ThematicModel(
        partnership="P",
        brand_colour="#1f5f8b",
        title="T",
        period="2023",
        basis="notification date",
        generated=date(2026, 11, 21),
        marking="For publication",
        method=["m0", "m1", "m2", "m3"],
        findings=[
            "A quarter of the reviews (3 of 12) involved a child under 1.",
            "Most of the children (11 of 14) were male.",
            "There were more cases of serious harm (9) than deaths (3).",
        ],
        reviews=12,
        children=14,
        cohort=[Count("Rapid review", 8, 12), Count("CSPR", 4, 12)],
        characteristics={
            "Ethnicity (children)": [
                Count("White British", 10, 14),
                Count("Roma", 1, 14),
                Count("Polish", 3, 14),
            ],
            "Sex (children)": [Count("Male", 11, 14), Count("Female", 3, 14)],
            "Disability (children)": [
                Count("Yes", 2, 14),
                Count("No", 7, 14),
                Count("Not known", 5, 14),
            ],
        },
        factor_groups={
            "Parent": [
                FactorRow("parent.domestic_abuse", "Domestic abuse", "parent", 7, 12, 6, 1, 0),
                FactorRow("parent.poverty", "Poverty", "parent", 2, 12, 2, 0, 0, 5, 10),
            ]
        },
        recurring=[],
        repeat=[],
        comparison_period=None,
        pairs=[PairRow("Domestic abuse", "Poverty", 2), PairRow("A", "B", 6)],
        trio=Count("", 3, 12),
        national=[
            NationalRow("SUDI", Count("death reviews", 1, 3), "31%", "Panel", "2020"),
            NationalRow("Neglect", Count("reviews", 6, 12), "50%", "Panel", "2023"),
        ],
        recommendations=4,
        actions_by_rag=[Count("Red", 6, 10), Count("Amber", 4, 10), Count("Green", 0, 10)],
        overdue=[],
        appendix=[
            AppendixRow(
                "NSP-RR-2023-01",
                "Child J",
                "Rapid review",
                date(2023, 4, 5),
                None,
                date(2023, 9, 1),
                ["Neglect"],
                actions=3,
                actions_complete=1,
            )
        ],
    )


def test_small_counts_read_fewer_than_the_threshold() -> None:
    model = suppress_small_numbers(_model(), 5)
    ethnicity = {c.label: c for c in model.characteristics["Ethnicity (children)"]}
    assert ethnicity["Roma"].number == "fewer than 5" and ethnicity["Roma"].percent == "-"
    assert ethnicity["Polish"].number == "fewer than 5"
    assert ethnicity["White British"].number == "10"  # two hidden already: no secondary
    assert model.trio.number == "fewer than 5"
    assert [p.number for p in model.pairs] == ["fewer than 5", "6"]
    rows = {r.label: r for r in model.factor_groups["Parent"]}
    assert rows["Domestic abuse"].show("reviews") == "7"
    assert rows["Domestic abuse"].show("learning") == "fewer than 5"
    assert rows["Domestic abuse"].show("good_practice") == "0"  # zeros are shown
    assert rows["Poverty"].show("reviews") == "fewer than 5" and rows["Poverty"].percent == "-"
    assert rows["Poverty"].change == "-"


def test_a_total_cannot_reveal_a_single_hidden_count() -> None:
    model = suppress_small_numbers(_model(), 5)
    sexes = {c.label: c.number for c in model.characteristics["Sex (children)"]}
    # 14 children, 11 male: one hidden count alone would be 14 - 11; the next smallest goes too.
    assert sexes == {"Female": "fewer than 5", "Male": SECONDARY}
    disability = {c.label: c.number for c in model.characteristics["Disability (children)"]}
    assert disability == {"Yes": "fewer than 5", "No": "7", "Not known": SECONDARY}
    rag = {c.label: c.number for c in model.actions_by_rag}
    assert rag == {"Red": SECONDARY, "Amber": "fewer than 5", "Green": "0"}


def test_comparisons_on_few_cases_and_case_level_content_are_left_out() -> None:
    model = suppress_small_numbers(_model(), 5)
    assert [n.label for n in model.national] == ["Neglect"]
    (row,) = model.appendix
    assert row.reference == "Review 1" and "Child J" not in row.title
    assert (row.notified, row.decision, row.published, row.actions) == (None, None, None, 0)
    assert row.kind == "Rapid review, 2023" and row.themes == ["Neglect"]
    assert model.matrix == [] and model.actions == [] and model.overdue == []
    assert model.method[3] == "m3"  # the PDF quotes the recurring-theme rule by position
    said = " ".join(model.method)
    assert 'shown as "fewer than 5"' in said and "Ethnicity (children) (2)" in said
    assert "1 national comparison left out" in said


def test_findings_lose_their_small_numbers() -> None:
    model = suppress_small_numbers(_model(), 5)
    assert model.findings == [
        "Fewer than 5 of the reviews (12 in all) involved a child under 1.",
        "Most of the children (11 of 14) were male.",
        "There were more cases of serious harm (9) than deaths (fewer than 5).",
    ]
    assert suppress_text("a child under 1 in 2023; 25% of 4 cases", 5) == (
        "a child under 1 in 2023; 25% of fewer than 5 cases"
    )


def test_the_threshold_is_a_setting() -> None:
    model = suppress_small_numbers(_model(), 3)
    ethnicity = {c.label: c.number for c in model.characteristics["Ethnicity (children)"]}
    assert ethnicity["Roma"] == "fewer than 3" and ethnicity["Polish"] == SECONDARY
    sexes = {c.label: c.number for c in model.characteristics["Sex (children)"]}
    assert sexes == {"Male": "11", "Female": "3"}
