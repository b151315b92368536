"""A review's protected identifiers turned into the word sequences the check looks for.

A person is also looked for by each part of their name, by title and surname ("Mrs Li")
and by initial and surname ("J. Smith"); a school by its own name without "Primary School"
or "Academy"; an address by its house number and street and its street alone; a date by its
other common spellings; a postcode or a number also without its spaces. Words are compared
folded (see :mod:`text_folding`), so spelling, accents, case and punctuation do not matter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from reviewtool.domain.identifier_kinds import IdentifierKind, ProtectedIdentifier, as_protected
from reviewtool.domain.text_folding import fold, word_key, word_keys


def _words(text: str) -> list[str]:
    return text.split()


RULE_IDENTIFIER = "protected identifier"
RULE_NAME_PART = "part of a protected name"
RULE_TITLE_NAME = "title and protected surname"
RULE_INITIAL_NAME = "initial and protected surname"
RULE_SETTING = "name of a protected school or setting"
RULE_STREET = "protected street"
_ONE_WORD_SETTING = "one-word setting"

STREET_WORDS = frozenset(
    word_key(w)
    for w in _words(
        "road rd street st lane ln avenue ave close cl drive dr way crescent cres gardens "
        "place terrace court grove hill row walk mews square parade park view rise heol "
        "ffordd stryd green"
    )
)
_PLACE_WORDS = STREET_WORDS | frozenset(
    _words(
        "school primary academy college nursery ysgol surgery hospital house flat estate "
        "centre center church mosque farm"
    )
)
_SETTING_WORDS = frozenset(
    _words(
        "school schools primary secondary infant infants junior juniors nursery academy "
        "college high community church of england ce cofe c e rc catholic voluntary aided "
        "controlled free federation pre preschool childrens children centre center family "
        "hub sixth form ysgol gynradd uwchradd and the"
    )
)
# A one-word school name is looked for only beside one of these ("Oakwood Primary"): the
# word alone is often an ordinary word or a place.
SETTING_SUFFIXES = frozenset(
    _words(
        "school primary secondary infant infants junior juniors nursery academy college "
        "high preschool pre ce cofe rc church community"
    )
)
_SKIPPED_NAME_PARTS = frozenset(
    _words("ap ab van von de da di la le bin binti mc mac o al el and der den du dos das ibn")
)
TITLES = ("mr", "mrs", "ms", "miss", "mx", "dr")
_NAME_TOKEN = re.compile(r"^[^\W\d_][\w'’.-]*$")
_POSTCODE_SHAPE = re.compile(r"^[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}$")
_MONTHS = _words(
    "january february march april may june july august september october november december"
)


class Needle(NamedTuple):
    keys: tuple[str, ...]
    rule: str


@dataclass(frozen=True)
class Needles:
    """Identifiers prepared once for checking many texts, indexed by their first word so
    each word of a text is looked up, not every identifier tried."""

    by_first_word: dict[str, list[Needle]]
    surnames: dict[str, list[tuple[str, ...]]]
    """Surnames by their first word, for a title before them ("Mrs Li")."""
    initialled: dict[str, list[tuple[str, tuple[str, ...]]]]
    """(initial, surname) by the surname's first word, for "J. Smith"."""
    setting_names: frozenset[str]
    """One-word school names, looked for before a word such as "Primary" ("Oakwood")."""
    starts: frozenset[str] = frozenset()
    """Every word that may begin a hit: most words of a text are not, and are passed over
    with one set lookup."""

    def __bool__(self) -> bool:
        return bool(self.by_first_word)


@dataclass
class _Person:
    """What a person's name adds beyond its word sequences."""

    surnames: list[tuple[str, ...]]
    initials: set[str]


def is_personal_name(identifier: str) -> bool:
    tokens = identifier.split()
    if not 1 <= len(tokens) <= 5:
        return False
    if any(word_key(fold(token).strip(".,")) in _PLACE_WORDS for token in tokens):
        return False
    return all(_NAME_TOKEN.match(token) for token in tokens)


def _looks_like_setting(keys: tuple[str, ...]) -> bool:
    return any(
        key in ("school", "primary", "academy", "nursery", "ysgol", "college") for key in keys
    )


def _looks_like_address(value: str, keys: tuple[str, ...]) -> bool:
    return bool(keys) and (
        keys[0].isdigit()
        or keys[-1] in STREET_WORDS
        or bool(_POSTCODE_SHAPE.match(fold(value.strip())))
        or "," in value
    )


def _person_needles(value: str) -> tuple[list[Needle], _Person]:
    parts = [word_keys(part) for part in value.split()]
    parts = [part for part in parts if part]
    needles: list[Needle] = []
    surnames: list[tuple[str, ...]] = []
    for index, part in enumerate(parts):
        if len(part) > 1:  # a hyphenated part: whole, run together, and each half
            needles += [Needle(part, RULE_NAME_PART), Needle(("".join(part),), RULE_NAME_PART)]
        for key in part:
            if len(key) >= 3 and key not in _SKIPPED_NAME_PARTS and not key.isdigit():
                needles.append(Needle((key,), RULE_NAME_PART))
        if index > 0 and part[-1] not in _SKIPPED_NAME_PARTS:
            surnames.append(part)
            if len(part) > 1:
                surnames.append(part[-1:])
    if len(parts) == 1 and parts[0][0] not in _SKIPPED_NAME_PARTS:
        surnames.append(parts[0])
    initials = {part[0][0] for part in parts[:-1] if part[0] not in _SKIPPED_NAME_PARTS}
    return needles, _Person(surnames, initials)


def _setting_needles(keys: tuple[str, ...]) -> list[Needle]:
    """The school's own name if it has two words or more; a one-word name is looked for
    beside a word such as "Primary" (see ``Needles.setting_names``)."""
    core = list(keys)
    while core and core[-1] in _SETTING_WORDS:
        core.pop()
    while core and core[0] in ("the", "ysgol"):
        core.pop(0)
    if len(core) >= 2:
        return [Needle(tuple(core), RULE_SETTING)]
    if len(core) == 1 and len(core[0]) >= 3:
        return [Needle((core[0],), _ONE_WORD_SETTING)]
    return []


def _address_needles(value: str) -> list[Needle]:
    needles: list[Needle] = []
    for segment in re.split(r"[,;\n]+", value):
        keys = word_keys(segment)
        while len(keys) > 2 and keys[0] in ("flat", "apartment", "apt", "unit") and keys[1]:
            keys = keys[2:]  # "Flat 3 14 Larch Close": the house and street as well
        if not keys:
            continue
        if _POSTCODE_SHAPE.match(" ".join(keys)):
            needles += [Needle(keys, RULE_IDENTIFIER), Needle(("".join(keys),), RULE_IDENTIFIER)]
            continue
        street = keys[1:] if keys[0].isdigit() or keys[0][:-1].isdigit() else keys
        if len(street) >= 2 and street[-1] in STREET_WORDS:
            if street is not keys:
                needles.append(Needle(keys, RULE_IDENTIFIER))
            needles.append(Needle(street, RULE_STREET))
    return needles


_DATE_SHAPE = re.compile(
    r"^\s*(?:\d{1,4}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{1,4}|\d{1,2}\w*\s+(?:of\s+)?[a-z]{3,}\.?,?\s+\d{4}"
    r"|[a-z]{3,}\.?\s+\d{1,2}\w*,?\s+\d{4})\s*$",
    re.IGNORECASE,
)


def _parse_date(value: str) -> date | None:
    if not _DATE_SHAPE.match(value):
        return None
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", value.strip(), flags=re.IGNORECASE)
    text = re.sub(r"\s+of\s+", " ", text)
    for pattern in ("%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y-%m-%d", "%d %B %Y", "%d %b %Y",
                    "%B %d %Y", "%B %d, %Y", "%d/%m/%y"):  # fmt: skip
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _date_needles(day: date) -> list[Needle]:
    d, m, y = day.day, day.month, day.year
    month = _MONTHS[m - 1]
    short = word_key(month[:3])
    variants: set[tuple[str, ...]] = set()
    for dd in {str(d), f"{d:02d}"}:
        for mm in {str(m), f"{m:02d}"}:
            variants |= {(dd, mm, str(y)), (dd, mm, f"{y % 100:02d}")}
    variants.add((str(y), f"{m:02d}", f"{d:02d}"))
    for dd in (str(d), _ordinal(d)):
        for name in (month, short):
            variants |= {(dd, name, str(y)), (dd, "of", name, str(y)), (name, dd, str(y))}
    return [Needle(keys, RULE_IDENTIFIER) for keys in variants]


def needles_for(identifier: ProtectedIdentifier) -> tuple[list[Needle], _Person | None]:
    keys = word_keys(identifier.value)
    if not keys or len("".join(keys)) < 2:
        return [], None
    needles = [Needle(keys, RULE_IDENTIFIER)]
    kind = identifier.kind
    if kind is IdentifierKind.OTHER:
        if is_personal_name(identifier.value):
            kind = IdentifierKind.OTHER_PERSON
        elif _looks_like_setting(keys):
            kind = IdentifierKind.SCHOOL
        elif _looks_like_address(identifier.value, keys):
            kind = IdentifierKind.ADDRESS
    person = None
    if kind.is_person:
        more, person = _person_needles(identifier.value)
        needles += more
    elif kind is IdentifierKind.SCHOOL:
        needles += _setting_needles(keys)
    elif kind is IdentifierKind.ADDRESS:
        needles += _address_needles(identifier.value)
    parsed = _parse_date(identifier.value) if any(k.isdigit() for k in keys) else None
    if parsed is not None:
        needles += _date_needles(parsed)
    elif len(keys) > 1 and any(c.isdigit() for c in keys[-1]) and len("".join(keys)) <= 14:
        needles.append(Needle(("".join(keys),), RULE_IDENTIFIER))  # "07700900123", "cb12ab"
    return needles, person


def prepare_identifiers(identifiers: Iterable[str | ProtectedIdentifier]) -> Needles:
    rules: dict[tuple[str, ...], str] = {}
    surnames: dict[str, set[tuple[str, ...]]] = {}
    initialled: dict[str, set[tuple[str, tuple[str, ...]]]] = {}
    setting_names: set[str] = set()
    for item in identifiers:
        needles, person = needles_for(as_protected(item))
        for needle in needles:
            if needle.rule is _ONE_WORD_SETTING:
                setting_names.add(needle.keys[0])
                continue
            # A full identifier is reported as such, not as a part of a name.
            if rules.get(needle.keys) != RULE_IDENTIFIER:
                rules[needle.keys] = needle.rule
        if person is not None:
            for surname in person.surnames:
                surnames.setdefault(surname[0], set()).add(surname)
                initialled.setdefault(surname[0], set()).update(
                    (initial, surname) for initial in person.initials
                )
    by_first_word: dict[str, list[Needle]] = {}
    for keys, rule in rules.items():
        by_first_word.setdefault(keys[0], []).append(Needle(keys, rule))
    for bucket in by_first_word.values():
        # Longest first, so a full name is reported as such rather than as its parts.
        bucket.sort(key=lambda needle: -len(needle.keys))
    initials = {initial for found in initialled.values() for initial, _ in found}
    starts = {*by_first_word, *(first + "s" for first in by_first_word), *setting_names}
    starts |= initials | (set(TITLES) if surnames else set())
    return Needles(
        by_first_word,
        {first: sorted(found, key=len, reverse=True) for first, found in surnames.items()},
        {first: sorted(found) for first, found in initialled.items() if found},
        frozenset(setting_names),
        frozenset(starts),
    )
