"""The publication check's rules: what it must find, in the forms a careless author types,
and the ordinary review language it must leave alone."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewtool.domain.identifier_kinds import IdentifierKind, ProtectedIdentifier
from reviewtool.domain.publication_check import (
    RULE_ADDRESS,
    RULE_DOB,
    RULE_EMAIL,
    RULE_IDENTIFIER,
    RULE_INITIAL_NAME,
    RULE_NAME_PART,
    RULE_NHS,
    RULE_NI,
    RULE_PHONE,
    RULE_POSTCODE,
    RULE_SETTING,
    RULE_STREET,
    RULE_TITLE_NAME,
    check_document,
    check_text,
    is_personal_name,
)

K = IdentifierKind
IDENTIFIERS = [
    "Jayden Smith",
    "14 Oak Road",
    "Oakwood Primary",
    "Zofia Wiśniewska",
    "Gethin ap Llŷr",
    "Grace Okonkwo-Adebayo",
    ProtectedIdentifier("Søren Đorđević", K.CHILD),
    ProtectedIdentifier("Wei Li", K.PARENT),
    ProtectedIdentifier("St Swithun's Primary School", K.SCHOOL),
    ProtectedIdentifier("14 Larch Close, Histon, CB24 9XY", K.ADDRESS),
    ProtectedIdentifier("Aoife O'Sullivan", K.SIBLING),
    ProtectedIdentifier("Алексей Петров", K.CARER),
    ProtectedIdentifier("12/03/2019", K.OTHER),
    ProtectedIdentifier("Little Acorns Nursery", K.SCHOOL),
]

# (sentence, rule, the text reported)
MUST_CATCH = [
    ("Jayden Smith was three weeks old.", RULE_IDENTIFIER, "Jayden Smith"),
    ("JAYDEN SMITH", RULE_IDENTIFIER, "JAYDEN SMITH"),
    ("jayden smith", RULE_IDENTIFIER, "jayden smith"),
    ("Jayden cried a lot.", RULE_NAME_PART, "Jayden"),
    ("The Smith family moved.", RULE_NAME_PART, "Smith"),
    ("Jayden's mother called.", RULE_NAME_PART, "Jayden's"),
    ("The Smiths' house was cold.", RULE_NAME_PART, "Smiths"),
    ("Mrs Wisniewska asked for help.", RULE_TITLE_NAME, "Mrs Wisniewska"),
    ("Zofia WIŚNIEWSKA", RULE_IDENTIFIER, "Zofia WIŚNIEWSKA"),
    ("zofia wisniewska", RULE_IDENTIFIER, "zofia wisniewska"),
    ("Llyr's father", RULE_NAME_PART, "Llyr's"),
    ("Okonkwo-Adebayo family", RULE_NAME_PART, "Okonkwo-Adebayo"),
    ("the Okonkwo Adebayo family", RULE_NAME_PART, "Okonkwo Adebayo"),
    ("the OkonkwoAdebayo family", RULE_NAME_PART, "OkonkwoAdebayo"),
    ("Soren Dordevic was seen at home.", RULE_IDENTIFIER, "Soren Dordevic"),
    ("SOREN DORDEVIC", RULE_IDENTIFIER, "SOREN DORDEVIC"),
    ("Dordevic's case", RULE_NAME_PART, "Dordevic's"),
    ("Mr Li attended.", RULE_TITLE_NAME, "Mr Li"),
    ("Dr. Li was the GP.", RULE_TITLE_NAME, "Dr. Li"),
    ("Ms li", RULE_TITLE_NAME, "Ms li"),
    ("W. Li signed the agreement.", RULE_INITIAL_NAME, "W. Li"),
    ("J Smith attended", RULE_INITIAL_NAME, "J Smith"),
    ("Z. Wisniewska", RULE_INITIAL_NAME, "Z. Wisniewska"),
    ("Aoife OSullivan", RULE_IDENTIFIER, "Aoife OSullivan"),
    ("Miss O’Sullivan", RULE_TITLE_NAME, "Miss O’Sullivan"),
    ("Aleksei Petrov", RULE_NAME_PART, "Petrov"),
    ("Алексей Петров пришёл", RULE_IDENTIFIER, "Алексей Петров"),
    ("He went to Oakwood Primary.", RULE_IDENTIFIER, "Oakwood Primary"),
    ("Oakwood Academy staff", RULE_SETTING, "Oakwood Academy"),
    ("St Swithuns Primary", RULE_SETTING, "St Swithuns"),
    ("Saint Swithun's school", RULE_SETTING, "Saint Swithun's"),
    ("st swithun primary", RULE_SETTING, "st swithun"),
    ("Little Acorns", RULE_SETTING, "Little Acorns"),
    ("They lived at 14 oak road.", RULE_IDENTIFIER, "14 oak road"),
    ("14 Oak Rd", RULE_IDENTIFIER, "14 Oak Rd"),
    ("14, larch close", RULE_IDENTIFIER, "14, larch close"),
    ("14 Larch Cl", RULE_IDENTIFIER, "14 Larch Cl"),
    ("a flat on Larch Close", RULE_STREET, "Larch Close"),
    ("cb24 9xy", RULE_IDENTIFIER, "cb24 9xy"),
    ("CB249XY", RULE_IDENTIFIER, "CB249XY"),
    ("12.03.2019", RULE_IDENTIFIER, "12.03.2019"),
    ("12th March 2019", RULE_IDENTIFIER, "12th March 2019"),
    ("born on 12/03/2021", RULE_DOB, "born on 12/03/2021"),
    ("DOB: 3 March 2019", RULE_DOB, "DOB: 3 March 2019"),
    ("d.o.b. 03.03.19", RULE_DOB, "d.o.b. 03.03.19"),
    ("date of birth 2019-03-03", RULE_DOB, "date of birth 2019-03-03"),
    ("She was born 1st January 2020 in Leeds.", RULE_DOB, "born 1st January 2020"),
    ("born on the 4th of July 2018", RULE_DOB, "born on the 4th of July 2018"),
    ("Date of Birth - March 5, 2017", RULE_DOB, "Date of Birth - March 5, 2017"),
    ("dob 5-6-2017", RULE_DOB, "dob 5-6-2017"),
    ("The flat was in SW1A 1AA.", RULE_POSTCODE, "SW1A 1AA"),
    ("postcode m1 1ae", RULE_POSTCODE, "m1 1ae"),
    ("cb1 2ab", RULE_POSTCODE, "cb1 2ab"),
    ("Moved to LS12BA last year", RULE_POSTCODE, "LS12BA"),
    ("Call 07700 900123.", RULE_PHONE, "07700 900123"),
    ("Call +44 7700 900123.", RULE_PHONE, "+44 7700 900123"),
    ("Ring (0113) 496 0000", RULE_PHONE, "(0113) 496 0000"),
    ("mobile 07700900123", RULE_PHONE, "07700900123"),
    ("tel 020 7946 0018", RULE_PHONE, "020 7946 0018"),
    ("NHS number 943 476 5919", RULE_NHS, "943 476 5919"),
    ("ref 9434765919 on the letter", RULE_NHS, "9434765919"),
    ("NHS no. 123-456-7890", RULE_NHS, "123-456-7890"),
    ("NI number AB 12 34 56 C", RULE_NI, "AB 12 34 56 C"),
    ("national insurance qq123456c", RULE_NI, "qq123456c"),
    ("JT123456A was on the form", RULE_NI, "JT123456A"),
    ("Write to a.worker@example.gov.uk today", RULE_EMAIL, "a.worker@example.gov.uk"),
    ("They lived at 22 Acacia Avenue.", RULE_ADDRESS, "22 Acacia Avenue"),
    ("Flat 3, 7 Mill Lane", RULE_ADDRESS, "Flat 3, 7 Mill Lane"),
    ("at 9 elm grove", RULE_ADDRESS, "9 elm grove"),
    ("12a, station road", RULE_ADDRESS, "12a, station road"),
]


@pytest.mark.parametrize(("text", "rule", "found"), MUST_CATCH)
def test_finds(text: str, rule: str, found: str) -> None:
    hits = check_text(text, "section 1", IDENTIFIERS)
    assert [(hit.rule, hit.found) for hit in hits][:1] == [(rule, found)]
    assert hits[0].where == "section 1" and f"[{found}]" in hits[0].context


ORDINARY = [
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
    "Enquiries under the Children Act 1989 section 47 were not started.",
    "Section 11 of the Children Act 2004 and the Children and Social Work Act 2017.",
    "The Child Safeguarding Practice Review and Relevant Agency (England) Regulations 2018.",
    "There were 3 Family Court hearings and 2 Crown Court trials.",
    "The Early Help Hub, MASH and the Integrated Front Door received 4 referrals.",
    "Reviews from Cambridgeshire, Peterborough and County Durham were compared.",
    "Between 2019 and 2023 the partnership held 1234 training places.",
    "Health visitors completed 456 new birth visits in 2022-23.",
    "The panel met on 3 March 2023 and again on 12 April 2023.",
    "Strategy discussion held 14:30 on 02/02/2022 with 5 agencies.",
    "DfE notifications 2022-23: 456 (201 deaths, 244 serious harm, 11 other).",
    "Action plan v3.2 agreed; 85% of staff trained by 31 March 2024.",
    "The mother was born in Poland and moved to England as a teenager.",
    "He was seen 2 times in the walk-in centre and 3 times by the GP.",
    "Recommendation 4: the ICB should seek assurance within 6 months.",
    "Safer sleep advice was given at 10 days and at 6 to 8 weeks.",
    "The practitioner event on 15 June 2023 drew 40 people from 12 agencies.",
    "NHS England and the Home Office published new guidance in 2023.",
    "The Wood Review of 2016 (a national report) was discussed on Oak Ward.",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_leaves_ordinary_review_text_alone(text: str) -> None:
    assert check_text(text, "s", IDENTIFIERS) == []


def test_tables_are_large_enough() -> None:
    assert len(MUST_CATCH) >= 40 and len(ORDINARY) >= 30


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


def test_a_person_of_a_given_kind_is_a_name_even_with_a_place_word() -> None:
    hill = ProtectedIdentifier("Benny Hill", IdentifierKind.PROFESSIONAL)
    assert [h.rule for h in check_text("Mr Hill visited", "s", [hill])] == [RULE_TITLE_NAME]


def test_reports_every_hit_once() -> None:
    hits = check_text("Jayden Smith, then Jayden, then Smith and SW1A 1AA", "s", IDENTIFIERS)
    assert [(h.rule, h.found) for h in hits] == [
        (RULE_IDENTIFIER, "Jayden Smith"),
        (RULE_NAME_PART, "Jayden"),
        (RULE_NAME_PART, "Smith"),
        (RULE_POSTCODE, "SW1A 1AA"),
    ]


def test_a_document_reports_each_place() -> None:
    hits = check_document([("s1", "Jayden"), ("s2", "Jayden")], ["Jayden Smith"])
    assert [h.where for h in hits] == ["s1", "s2"]


_DISGUISES = [str.lower, str.upper, str.title, lambda s: s.replace(" ", "  ")]


@given(
    before=st.lists(st.sampled_from(["the", "report", "said", "2021", "café", "(x)"]), max_size=6),
    after=st.lists(st.sampled_from(["was", "seen", "at", "10", "ß", "and", "!"]), max_size=6),
    identifier=st.sampled_from(
        ["Zoë Wiśniewska", "Ann-Marie Straße", "İpek Nguyễn", "Søren Đorđević", "O'Brien"]
    ),
    disguise=st.sampled_from(_DISGUISES),
    separator=st.sampled_from([" ", ", ", "\n", " - "]),
)
def test_an_identifier_is_found_in_any_case_and_context(
    before: list[str], after: list[str], identifier: str, disguise: object, separator: str
) -> None:
    written = disguise(identifier)  # type: ignore[operator]
    text = separator.join([*before, written, *after])
    hits = check_text(text, "s", [identifier])
    assert any(hit.rule == RULE_IDENTIFIER for hit in hits), text
    assert all(text[text.index(hit.found) :].startswith(hit.found) for hit in hits)
