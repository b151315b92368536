"""The thematic analysis on a fixture worked out by hand."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest

from reviewtool.domain.errors import InvalidInput
from reviewtool.services.outputs.thematic import ThematicRequest, thematic_model
from reviewtool.services.store import Store
from tests.bundle_samples import valid_review

TODAY = date(2026, 11, 21)


def child(months: int | None, sex: str, **extra: Any) -> dict[str, Any]:
    return {"pseudonym": "C", "age_months": months, "sex": sex, "plan": "none", **extra}


def review(
    ref: str,
    notified: str,
    kind: str,
    children: list[dict[str, Any]],
    codes: list[str],
    notification: str = "serious_harm",
    **extra: Any,
) -> dict[str, Any]:
    return valid_review(
        id=str(uuid.uuid5(uuid.NAMESPACE_URL, ref)),
        reference=ref,
        kind=kind,
        title=ref,
        notification_type=notification,
        dates={"aware": notified, "notified": notified, "decision": None, "published": None},
        children=children,
        factors=[{"code": c, "role": "present"} for c in codes],
        recommendations=[],
        identifiers=[],
        briefing=None,
        **extra,
    )


# Current period (2023): 6 cases. R5 (rapid review) became C5 (CSPR): one case.
# Under 1: R1, R2, R3 (a newborn in R3 with an older sibling) -> 3 of 6 reviews = "half".
# Children: R1 m, R2 f, R3 m + m(9 years), R4 f, C5 m, R6 f -> 7 children, 4 male ->
#   "over half" (4/7 = 0.571).
# Codes (by review): domestic abuse R1 R2 R3 C5 = 4/6; mental health R1 R2 C5 = 3/6;
#   drug misuse R1 C5 = 2/6; neglect R4 = 1/6; physical R1 R2 R3 = 3/6;
#   information sharing R1..R4 = 4/6.
# Trio (DA + MH + drugs): R1, C5 -> 2 of 6.
# Previous period (2021): 4 reviews; domestic abuse in P1 P2 (2/4 recurring); neglect P3 only.
FIXTURE = [
    review(
        "R1",
        "2023-01-10",
        "rapid_review",
        [child(3, "male")],
        [
            "parent.domestic_abuse",
            "parent.mental_health",
            "parent.drug_misuse",
            "child.harm.physical",
            "practice.information_sharing",
        ],
    ),
    review(
        "R2",
        "2023-02-10",
        "rapid_review",
        [child(0, "female")],
        [
            "parent.domestic_abuse",
            "parent.mental_health",
            "child.harm.physical",
            "practice.information_sharing",
        ],
        notification="death",
    ),
    review(
        "R3",
        "2023-03-10",
        "rapid_review",
        [child(1, "male"), child(108, "male")],
        ["parent.domestic_abuse", "child.harm.physical", "practice.information_sharing"],
    ),
    review(
        "R4",
        "2023-04-10",
        "rapid_review",
        [child(50, "female")],
        ["child.harm.neglect", "practice.information_sharing"],
    ),
    review("R5", "2023-05-10", "rapid_review", [child(30, "male")], ["parent.domestic_abuse"]),
    review(
        "C5",
        "2023-05-10",
        "cspr",
        [child(30, "male")],
        ["parent.domestic_abuse", "parent.mental_health", "parent.drug_misuse"],
        converted_from=str(uuid.uuid5(uuid.NAMESPACE_URL, "R5")),
    ),
    review(
        "R6",
        "2023-06-10",
        "rapid_review",
        [child(200, "female")],
        ["child.death.suicide"],
        notification="death",
    ),
    review("P1", "2021-03-01", "rapid_review", [child(5, "male")], ["parent.domestic_abuse"]),
    review("P2", "2021-04-01", "rapid_review", [child(5, "female")], ["parent.domestic_abuse"]),
    review("P3", "2021-05-01", "rapid_review", [child(5, "male")], ["child.harm.neglect"]),
    review("P4", "2021-06-01", "rapid_review", [child(5, "male")], ["practice.early_help"]),
]


def model(store: Store, **changes: Any) -> Any:
    request = ThematicRequest(
        date(2023, 1, 1),
        date(2023, 12, 31),
        compare_from=date(2021, 1, 1),
        compare_to=date(2021, 12, 31),
    )
    return thematic_model(store, ThematicRequest(**{**request.__dict__, **changes}), today=TODAY)


def test_cohort_folds_a_converted_rapid_review_into_its_cspr(fixture_store: Store) -> None:
    result = model(fixture_store)
    assert result.reviews == 6 and result.children == 7
    assert {(c.label, c.count) for c in result.cohort} == {
        ("Rapid review", 5),
        ("Local child safeguarding practice review", 1),
    }
    assert "1 rapid review folded into their CSPR" in result.method[2]
    both = model(fixture_store, count_both=True)
    assert both.reviews == 7 and "counted as two reviews" in both.method[2]


def test_exact_counts_percentages_and_words(fixture_store: Store) -> None:
    result = model(fixture_store)
    findings = "\n".join(result.findings)
    assert "Half of the reviews (3 of 6) involved a child under 1." in findings
    assert "Over half of the children (4 of 7) were male." in findings
    assert "There were more cases of serious harm (4) than deaths (2)." in findings
    assert (
        "Physical abuse was the most common harm (3 of 6 reviews), followed by neglect (1)"
        in findings
    )
    assert (
        "The most frequent parent and carer factors were domestic abuse (4 of 6), parental "
        "mental health (3 of 6) and parental drug misuse (2 of 6)."
    ) in findings
    assert "A third of the reviews (2 of 6) featured the trio of vulnerabilities" in findings
    parent = {row.code: row for row in result.factor_groups["Parent / carer factors"]}
    assert (parent["parent.domestic_abuse"].reviews, parent["parent.domestic_abuse"].percent) == (
        4,
        "67%",
    )
    assert parent["parent.domestic_abuse"].change == "+17 points"  # 67% now, 50% then
    ages = {c.label: c.count for c in result.characteristics["Age band (children)"]}
    assert ages == {"under 1": 3, "1-5": 2, "6-10": 1, "16-17": 1}


def test_recurring_and_repeat_themes(fixture_store: Store) -> None:
    result = model(fixture_store)
    recurring = {row.code for row in result.recurring}
    # At least 2 reviews and at least 25%: 2 of 6 (33%) qualifies; 1 of 6 does not.
    assert recurring == {
        "parent.domestic_abuse",
        "parent.mental_health",
        "parent.drug_misuse",
        "child.harm.physical",
        "practice.information_sharing",
    }
    assert [row.code for row in result.repeat] == ["parent.domestic_abuse"]
    stricter = model(fixture_store, threshold=0.5)
    assert {row.code for row in stricter.recurring} == {
        "parent.domestic_abuse",
        "parent.mental_health",
        "child.harm.physical",
        "practice.information_sharing",
    }


def test_pairs_and_national_comparison_name_their_source(fixture_store: Store) -> None:
    result = model(fixture_store)
    pairs = {(p.first, p.second): p.reviews for p in result.pairs}
    assert pairs[("Domestic abuse", "Parental mental health")] == 3
    under_one = next(row for row in result.national if row.label == "Children under 1")
    assert (under_one.local.count, under_one.local.total) == (3, 7)
    assert under_one.year == "2018-19" and "Panel" in under_one.source


def test_empty_and_single_review_periods(fixture_store: Store) -> None:
    empty = model(fixture_store, date_from=date(2010, 1, 1), date_to=date(2010, 12, 31))
    assert empty.reviews == 0 and "No reviews fall within the period" in empty.findings[0]
    one = model(fixture_store, date_from=date(2023, 6, 1), date_to=date(2023, 6, 30))
    assert one.reviews == 1 and one.recurring == []  # one review cannot show a recurring theme
    assert "There were more deaths (1) than cases of serious harm (0)." in one.findings


def test_bad_requests(fixture_store: Store) -> None:
    with pytest.raises(InvalidInput, match="before"):
        model(fixture_store, date_to=date(2022, 1, 1))
    with pytest.raises(InvalidInput, match="both"):
        model(fixture_store, compare_to=None)
