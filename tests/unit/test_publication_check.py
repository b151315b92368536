"""The publication check's rules: what it must find, and what it must leave alone."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewtool.domain.publication_check import (
    RULE_ADDRESS,
    RULE_DOB,
    RULE_EMAIL,
    RULE_IDENTIFIER,
    RULE_NAME_PART,
    RULE_PHONE,
    RULE_POSTCODE,
    check_text,
    is_personal_name,
)

IDENTIFIERS = [
    "Jayden Smith",
    "14 Oak Road",
    "Oakwood Primary",
    "Zofia Wiśniewska",
    "Gethin ap Llŷr",
    "Grace Okonkwo-Adebayo",
]


@pytest.mark.parametrize(
    ("text", "rule", "found"),
    [
        ("Jayden Smith was three weeks old.", RULE_IDENTIFIER, "Jayden Smith"),
        ("JAYDEN SMITH", RULE_IDENTIFIER, "JAYDEN SMITH"),
        ("jayden smith", RULE_IDENTIFIER, "jayden smith"),
        ("Jayden cried a lot.", RULE_NAME_PART, "Jayden"),
        ("The Smith family moved.", RULE_NAME_PART, "Smith"),
        ("Mrs Wisniewska asked for help.", RULE_NAME_PART, "Wisniewska"),
        ("Zofia WIŚNIEWSKA", RULE_IDENTIFIER, "Zofia WIŚNIEWSKA"),
        ("Llyr's father", RULE_NAME_PART, "Llyr"),
        ("Okonkwo-Adebayo family", RULE_NAME_PART, "Okonkwo-Adebayo"),
        ("He went to Oakwood Primary.", RULE_IDENTIFIER, "Oakwood Primary"),
        ("They lived at 14 oak road.", RULE_IDENTIFIER, "14 oak road"),
        ("born on 12/03/2021", RULE_DOB, "born on 12/03/2021"),
        ("DOB: 3 March 2019", RULE_DOB, "DOB: 3 March 2019"),
        ("d.o.b. 03.03.19", RULE_DOB, "d.o.b. 03.03.19"),
        ("date of birth 2019-03-03", RULE_DOB, "date of birth 2019-03-03"),
        ("She was born 1st January 2020 in Leeds.", RULE_DOB, "born 1st January 2020"),
        ("The flat was in SW1A 1AA.", RULE_POSTCODE, "SW1A 1AA"),
        ("Postcode M1 1AE", RULE_POSTCODE, "M1 1AE"),
        ("Call 07700 900123.", RULE_PHONE, "07700 900123"),
        ("Call +44 7700 900123.", RULE_PHONE, "+44 7700 900123"),
        ("Ring (0113) 496 0000", RULE_PHONE, "(0113) 496 0000"),
        ("Write to a.worker@example.gov.uk today", RULE_EMAIL, "a.worker@example.gov.uk"),
        ("They lived at 22 Acacia Avenue.", RULE_ADDRESS, "22 Acacia Avenue"),
        ("Flat 3, 7 Mill Lane", RULE_ADDRESS, "Flat 3, 7 Mill Lane"),
    ],
)
def test_finds(text: str, rule: str, found: str) -> None:
    hits = check_text(text, "section 1", IDENTIFIERS)
    assert [(hit.rule, hit.found) for hit in hits] == [(rule, found)]
    assert hits[0].where == "section 1" and f"[{found}]" in hits[0].context


@pytest.mark.parametrize(
    "text",
    [
        "The rapid review met on 21/04/2022 and was submitted on 26/04/2022.",
        "Notified 05/04/2022; decision 2022-04-26; published 24 February 2022.",
        "Child J was less than one month old when he died.",
        "In 2021 there were 14 reviews and 3 of 17 involved unsafe sleep (18%).",
        "Reference NSP-RR-2022-04, action due 31/12/2023.",
        "A review within 15 working days; 5 working days late.",
        "The family moved to another area in 2019; 2 children were on plans.",
        "Police, health visiting and the GP (Dr Patel's practice) were involved.",
        "Smithfield market; Oakwood and primary schools generally.",
        "Version 2 of the 7-minute briefing, page 1 of 2.",
        "Section 47 enquiries; 10 days; 1,140 officers completed e-learning.",
        "The baby was born prematurely and spent 6 weeks in hospital.",
        "Year 10 pupil; MARAC on 3 occasions; ICON programme 2023.",
        "Working Together to Safeguard Children 2018",
    ],
)
def test_leaves_ordinary_review_text_alone(text: str) -> None:
    assert check_text(text, "s", IDENTIFIERS) == []


def test_names_are_told_from_places() -> None:
    assert is_personal_name("Jayden Smith")
    assert is_personal_name("Grace Okonkwo-Adebayo")
    assert is_personal_name("Gethin ap Llŷr")
    assert not is_personal_name("14 Oak Road")
    assert not is_personal_name("Oakwood Primary")
    assert not is_personal_name("Ysgol y Bryn")


def test_a_place_identifier_does_not_flag_its_common_words() -> None:
    assert (
        check_text("Primary care and the road ahead", "s", ["Oakwood Primary", "14 Oak Road"]) == []
    )


def test_reports_every_hit_once() -> None:
    hits = check_text("Jayden Smith, Jayden, Smith and SW1A 1AA", "s", IDENTIFIERS)
    assert [(h.rule, h.found) for h in hits] == [
        (RULE_IDENTIFIER, "Jayden Smith"),
        (RULE_NAME_PART, "Jayden"),
        (RULE_NAME_PART, "Smith"),
        (RULE_POSTCODE, "SW1A 1AA"),
    ]


def _reference_identifier_spans(text: str, identifiers: list[str]) -> list[tuple[int, int]]:
    """The simple way: every prepared needle as its own regex over the folded text."""
    import re

    from reviewtool.domain.publication_check import _folded_with_map, prepare_identifiers

    needles = prepare_identifiers(identifiers)
    ordered = sorted(
        [n for group in needles.by_first_word.values() for n in group] + needles.other,
        key=lambda n: -len(n.folded),
    )
    folded, positions = _folded_with_map(text)
    taken: list[tuple[int, int]] = []
    for needle in ordered:
        for match in re.finditer(rf"(?<!\w){re.escape(needle.folded)}(?!\w)", folded):
            start, end = positions[match.start()], positions[match.end() - 1] + 1
            if not any(start < e and s < end for s, e in taken):
                taken.append((start, end))
    return sorted(taken)


@given(
    words=st.lists(
        st.sampled_from(
            [
                "Zoë",
                "ZOE",
                "Wiśniewska",
                "wisniewska",
                "O'Brien",
                "ann",
                "Anna",
                "Ann-Marie",
                "Straße",
                "strasse",
                "(AB)",
                "ab",
                "the",
                "café",
                "İpek",
                "ß",
                "Nguyễn",
                "x",
            ]
        ),
        max_size=12,
    ),
    separators=st.lists(st.sampled_from([" ", ", ", "-", "'", "\n", "", "."]), max_size=12),
    identifiers=st.lists(
        st.sampled_from(
            ["Zoë Wiśniewska", "Ann", "O'Brien", "Ann-Marie Straße", "(AB)", "İpek Nguyễn", "Café"]
        ),
        max_size=4,
    ),
)
def test_indexed_identifier_search_finds_what_a_regex_per_identifier_finds(
    words: list[str], separators: list[str], identifiers: list[str]
) -> None:
    text = "".join(w + (separators[i] if i < len(separators) else " ") for i, w in enumerate(words))
    hits = [
        hit
        for hit in check_text(text, "s", identifiers)
        if hit.rule in ("protected identifier", "part of a protected name")
    ]
    expected = _reference_identifier_spans(text, identifiers)
    assert sorted(hit.found for hit in hits) == sorted(text[s:e] for s, e in expected)
