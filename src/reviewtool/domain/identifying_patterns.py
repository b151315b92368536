"""Details that identify someone whoever they are: a date of birth, a postcode, a phone,
NHS or National Insurance number, an e-mail address, a house number and street.

Each rule yields (rule, start, end) spans of the original text. Ordinary review language
is left alone: a date counts as a date of birth only next to "born", "DOB" or "date of
birth"; a ten-digit number counts as an NHS number only if its check digit is right or it
is called one; a phone number must be a possible UK or international number as the
``phonenumbers`` library reads it, written from its leading 0 or +.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def _words(text: str) -> list[str]:
    return text.split()


RULE_DOB = "date of birth"
RULE_POSTCODE = "UK postcode"
RULE_PHONE = "phone number"
RULE_EMAIL = "e-mail address"
RULE_ADDRESS = "house number and street"
RULE_NHS = "NHS number"
RULE_NI = "National Insurance number"

Span = tuple[str, int, int]

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:\d{{1,2}}\s?[/.\-]\s?\d{{1,2}}\s?[/.\-]\s?\d{{2,4}}|\d{{4}}-\d{{1,2}}-\d{{1,2}}|"
    rf"{_DAY}(?:\s+of)?\s+{_MONTH},?\s+\d{{2,4}}|{_MONTH}\s+{_DAY},?\s+\d{{4}}|"
    rf"{_MONTH}\s+\d{{4}})"
)
_DOB = re.compile(
    r"\b(?:born|b\.|d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|birth\s?date|birthday)"
    r"(?:\s*[:\-–,]\s*|\s+)(?:(?:on|in|the|was|is|at|around|about|approximately|of|as)\s+){0,3}"
    rf"{_DATE}(?!\d)",
    re.IGNORECASE,
)
_DOB_HINT = re.compile(r"born|b\.|d\.?\s?o\.?\s?b|birth", re.IGNORECASE)
# GOV.UK's pattern for a full postcode, in any case, with or without its space.
_POSTCODE = re.compile(
    r"\b((?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|[A-PR-UWYZ][0-9][A-HJKPSTUW]|"
    r"[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])\s?[0-9][ABD-HJLNP-UW-Z]{2})\b",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_TEN_DIGITS = re.compile(r"(?<![\w/.,-])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\w/-]|[.,]\d)")
_NHS_HINT = re.compile(r"\bnhs\b", re.IGNORECASE)
_NI = re.compile(r"\b([A-Z]{2})\s?(\d{2})\s?(\d{2})\s?(\d{2})(?:\s?([A-D]))?\b", re.IGNORECASE)
_NI_HINT = re.compile(r"national\s+insurance|\bni\s*(?:no|number|#)|\bnino\b", re.IGNORECASE)
_NI_BAD_PREFIXES = {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}
_DIGIT = re.compile(r"\d")
_PHONE_CANDIDATE = re.compile(r"(?:\+\s?\d|\(?0\d)[\d\s().\-]{7,}\d")

_STREET = (
    r"Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Cl|Drive|Dr|Way|Crescent|Cres|Gardens|Gdns|"
    r"Place|Pl|Terrace|Court|Ct|Grove|Hill|Row|Walk|Mews|Square|Sq|Parade|Park|View|Rise|"
    r"Green|Heol|Ffordd|Stryd"
)
# In lower case only the words that are seldom anything but a street ("the way", "a view").
_STREET_LOWER = (
    r"road|rd|street|lane|avenue|close|crescent|gardens|terrace|mews|grove|drive|heol|ffordd"
)
_ADDRESS_UPPER = re.compile(
    rf"\b((?:Flat\s+\d+[A-Za-z]?,?\s+)?\d{{1,4}}[A-Za-z]?,?\s+((?:[A-Z][\w'’-]+\s+){{1,3}})"
    rf"(?:{_STREET})\b)"
)
_ADDRESS_ANY_CASE = re.compile(
    rf"\b((?:flat\s+\d+[a-z]?,?\s+)?\d{{1,4}}[a-z]?,?\s+((?:[a-z][\w'’-]+\s+){{1,3}})"
    rf"(?:{_STREET_LOWER})\b)",
    re.IGNORECASE,
)
# Words that, between a number and "Court" or "Close", show a count, not an address
# ("3 Family Court hearings", "2 working days close").
_NOT_A_STREET_NAME = frozenset(
    _words(
        "family crown county magistrates youth high supreme appeal appeals the a an of "
        "and or to in on at for with by was were is are had has have working calendar "
        "days weeks months years hours minutes times children child cases reviews "
        "agencies people staff officers visits meetings sessions more less other further "
        "separate different hearings professionals practitioners services schools "
        "families parents adults new old very"
    )
)


def _nhs_check_digit_ok(digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def dates_of_birth(text: str) -> Iterator[Span]:
    if _DOB_HINT.search(text):
        for match in _DOB.finditer(text):
            yield RULE_DOB, match.start(), match.end()


def postcodes(text: str) -> Iterator[Span]:
    for match in _POSTCODE.finditer(text):
        yield RULE_POSTCODE, match.start(1), match.end(1)


def emails(text: str) -> Iterator[Span]:
    if "@" in text:
        for match in _EMAIL.finditer(text):
            yield RULE_EMAIL, match.start(), match.end()


def nhs_numbers(text: str) -> Iterator[Span]:
    for match in _TEN_DIGITS.finditer(text):
        digits = "".join(match.groups())
        called_one = _NHS_HINT.search(text, max(0, match.start() - 30), match.start())
        if _nhs_check_digit_ok(digits) or called_one:
            yield RULE_NHS, match.start(), match.end()


def ni_numbers(text: str) -> Iterator[Span]:
    for match in _NI.finditer(text):
        prefix = match.group(1)
        upper = prefix.upper()
        called_one = _NI_HINT.search(text, max(0, match.start() - 40), match.start())
        valid_prefix = (
            upper[0] not in "DFIQUV" and upper[1] not in "DFIOQUV" and upper not in _NI_BAD_PREFIXES
        )
        written_as_one = prefix.isupper() or match.group(5) is not None
        if called_one or (valid_prefix and written_as_one):
            yield RULE_NI, match.start(), match.end()


def phone_numbers(text: str) -> Iterator[Span]:
    import phonenumbers

    for candidate in _PHONE_CANDIDATE.finditer(text):
        # The matcher is run on the candidate alone: on a whole document it is slow.
        offset = max(0, candidate.start() - 1)
        window = text[offset : candidate.end() + 1]
        for match in phonenumbers.PhoneNumberMatcher(
            window, "GB", leniency=phonenumbers.Leniency.POSSIBLE
        ):
            raw = match.raw_string
            if raw[0] not in "+(0" or not 10 <= sum(c.isdigit() for c in raw) <= 15:
                continue
            if len(str(match.number.national_number)) < 9:
                continue
            yield RULE_PHONE, offset + match.start, offset + match.end


def addresses(text: str) -> Iterator[Span]:
    for pattern in (_ADDRESS_UPPER, _ADDRESS_ANY_CASE):
        for match in pattern.finditer(text):
            words = match.group(2).lower().split()
            if not any(word.strip("'’") in _NOT_A_STREET_NAME for word in words):
                yield RULE_ADDRESS, match.start(1), match.end(1)


def identifying_details(text: str) -> Iterator[Span]:
    """Every span that looks identifying, most specific rules first."""
    yield from emails(text)
    if not _DIGIT.search(text):
        return
    yield from dates_of_birth(text)
    yield from nhs_numbers(text)
    yield from ni_numbers(text)
    yield from postcodes(text)
    yield from phone_numbers(text)
    yield from addresses(text)
