"""Finding a theme from its code, its label or a near miss."""

from __future__ import annotations

import pytest

from reviewtool.domain.code_lookup import CodeName, resolve_code, search_codes
from reviewtool.domain.errors import InvalidInput, NotFound

CODES = [
    CodeName("child.harm", "Type of harm", "Child factors"),
    CodeName("child.harm.neglect", "Neglect", "Child factors"),
    CodeName("parent.unsafe_sleep", "Unsafe sleep", "Parent / carer factors"),
    CodeName("practice.safe_sleep_advice", "Safe sleep advice", "Professional / practice"),
    CodeName("local.neglect", "Neglect (local definition)", "Child factors"),
]


def test_a_code_a_label_or_the_end_of_a_code() -> None:
    assert resolve_code("child.harm.neglect", CODES) == "child.harm.neglect"
    assert resolve_code("  Unsafe   SLEEP ", CODES) == "parent.unsafe_sleep"
    assert resolve_code("safe_sleep_advice", CODES) == "practice.safe_sleep_advice"
    assert resolve_code("Neglect", CODES) == "child.harm.neglect"  # the label wins


def test_several_or_none_name_the_nearest_themes() -> None:
    two = [CodeName("child.harm.neglect", "Neglect"), CodeName("local.neglect", "Local")]
    with pytest.raises(InvalidInput, match=r"could be any of: child.harm.neglect \(Neglect\)"):
        resolve_code("neglect", [*two, CodeName("other.neglect", "Neglect")])
    with pytest.raises(NotFound) as missing:
        resolve_code("negelct", CODES, "--theme")
    assert str(missing.value).startswith("--theme: no code 'negelct' in the codebook")
    assert "did you mean: child.harm.neglect (Neglect)" in str(missing.value)
    with pytest.raises(NotFound, match=r"parent.unsafe_sleep \(Unsafe sleep\)"):
        resolve_code("sleep", CODES)
    with pytest.raises(NotFound, match=r"no code 'zzzz'.*see: reviewtool codes"):
        resolve_code("zzzz", CODES)


def test_search_by_code_label_or_group() -> None:
    assert [c.code for c in search_codes("SLEEP", CODES)] == [
        "parent.unsafe_sleep",
        "practice.safe_sleep_advice",
    ]
    assert len(search_codes("", CODES)) == len(CODES)
    assert [c.code for c in search_codes("parent /", CODES)] == ["parent.unsafe_sleep"]
