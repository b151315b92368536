"""The counting rule: folding rapid reviews into their CSPR, and parent themes."""

from __future__ import annotations

from datetime import date

from reviewtool.domain.counting import counting_note, fold_rule, folds, with_ancestors
from reviewtool.domain.enums import FactorRole, ReviewKind
from reviewtool.services.outputs.thematic_counts import CodeInfo, factor_rows
from reviewtool.services.outputs.thematic_data import Case, CaseFactor

PARENTS = {
    "child.harm": None,
    "child.harm.neglect": "child.harm",
    "child.harm.neglect.medical": "child.harm.neglect",
    "child.harm.physical": "child.harm",
    "parent.mental_health": None,
}


def test_a_rapid_review_folds_only_into_a_cspr_in_the_same_list() -> None:
    items = [("rr", None), ("cspr", "rr"), ("orphan-cspr", "elsewhere"), ("self", "self")]
    assert folds(items, lambda i: i[0], lambda i: i[1]) == {"rr": "cspr"}


def test_a_review_counts_for_every_parent_above_its_themes() -> None:
    assert with_ancestors(["child.harm.neglect.medical"], PARENTS) == {
        "child.harm.neglect.medical",
        "child.harm.neglect",
        "child.harm",
    }
    assert with_ancestors(["unknown.code"], PARENTS) == {"unknown.code"}
    looped = {"a": "b", "b": "a"}
    assert with_ancestors(["a"], looped) == {"a", "b"}  # a bad codebook cannot hang the count


def test_the_rule_is_stated_in_words() -> None:
    assert "3 rapid reviews folded" in fold_rule(3, False)
    assert "two reviews" in fold_rule(0, True)
    assert "parent theme" in counting_note(1)


def _case(ref: str, *codes: str) -> Case:
    return Case(
        ref,
        ref,
        ref,
        ReviewKind.RAPID_REVIEW,
        date(2024, 1, 1),
        None,
        None,
        None,
        None,
        factors=[CaseFactor(code, FactorRole.PRESENT) for code in codes],
        codes=frozenset(codes),
        themes=with_ancestors(codes, PARENTS),
    )


def test_hierarchical_counts_show_both_levels() -> None:
    codes = {
        code: CodeInfo(code.split(".")[-1], code.split(".")[0], n, parent, f"#00000{n}")
        for n, (code, parent) in enumerate(PARENTS.items())
    }
    cases = [
        _case("one", "child.harm.neglect.medical", "child.harm.physical"),
        _case("two", "child.harm.neglect"),
        _case("three", "parent.mental_health"),
    ]
    rows = factor_rows(cases, codes, None, None)
    counted = [(r.code, r.reviews, r.parent, r.is_parent) for r in rows]
    assert counted == [
        ("child.harm", 2, None, True),  # "one" has two kinds of harm: it counts once
        ("child.harm.neglect", 2, "child.harm", True),
        ("child.harm.neglect.medical", 1, "child.harm.neglect", False),
        ("child.harm.physical", 1, "child.harm", False),
        ("parent.mental_health", 1, None, False),
    ]
    assert rows[0].present == 2 and rows[0].colour == "#000000"
    assert rows[2].display_label == "\u2013 medical" and rows[0].display_label == "harm"
