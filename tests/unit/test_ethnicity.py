"""Recorded ethnicity mapped to the 2021 census categories."""

from __future__ import annotations

import pytest

from reviewtool.domain.ethnicity import census_2021, normalise, standard_category


@pytest.mark.parametrize(
    ("recorded", "code"),
    [
        ("White British", "white_british"),
        ("white british", "white_british"),
        ("  WHITE  -  British ", "white_british"),
        ("WBRI", "white_british"),
        ("English, Welsh, Scottish, Northern Irish or British", "white_british"),
        ("Mixed White & Black Caribbean", "mixed_white_black_caribbean"),
        ("mixed - white and black caribbean", "mixed_white_black_caribbean"),
        ("Black African", "black_african"),
        ("Pakistani", "asian_pakistani"),
        ("Traveller of Irish heritage", "white_gypsy_traveller"),
        ("Polish", "white_other"),
        ("Arab", "other_arab"),
        ("not known", "not_known"),
        ("Declined", "refused"),
    ],
)
def test_labels_and_common_spellings_map(recorded: str, code: str) -> None:
    assert standard_category(recorded) == code


def test_blank_and_unknown_values_do_not_map_unless_the_partnership_says() -> None:
    assert standard_category(None) is None and standard_category("   ") is None
    assert standard_category("Somali") is None
    custom = {normalise("Somali"): "black_african"}
    assert standard_category("SOMALI ", custom) == "black_african"
    # The partnership's mapping wins over a built-in spelling.
    assert standard_category("White", {"white": "not_known"}) == "not_known"


def test_the_list_is_the_2021_census() -> None:
    census = census_2021()
    assert len([c for c in census.categories if c.group != "unknown"]) == 19
    assert [label for _, label in census.groups][:5] == [
        "Asian, Asian British or Asian Welsh",
        "Black, Black British, Black Welsh, Caribbean or African",
        "Mixed or Multiple ethnic groups",
        "White",
        "Other ethnic group",
    ]
    assert "Census 2021" in census.source
