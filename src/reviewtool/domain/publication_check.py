"""The publication check: nothing that identifies a child or family may leave in an output.

Two kinds of rule. The review's protected identifiers are looked for case- and
accent-insensitively, a person's name also by its first name or surname alone. Anything that
looks identifying in any case (a date of birth, a UK postcode, a phone number, an e-mail
address, a house number and street) is flagged wherever it appears. Ordinary review dates
are not dates of birth: a date counts only next to words such as "born" or "DOB".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

RULE_IDENTIFIER = "protected identifier"
RULE_NAME_PART = "part of a protected name"
RULE_DOB = "date of birth"
RULE_POSTCODE = "UK postcode"
RULE_PHONE = "phone number"
RULE_EMAIL = "e-mail address"
RULE_ADDRESS = "house number and street"

_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE = (
    rf"(?:\d{{1,2}}[/.\-]\d{{1,2}}[/.\-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}})"
)
_DOB = re.compile(
    rf"\b(?:born(?:\s+on)?|d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|birth\s?date|birthday)"
    rf"\s*(?:was|is|:|-|–)?\s*(?:on\s+)?({_DATE})",
    re.IGNORECASE,
)
# GOV.UK's pattern for a full postcode, upper case as written on letters.
_POSTCODE = re.compile(
    r"\b((?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|[A-PR-UWYZ][0-9][A-HJKPSTUW]|"
    r"[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])\s?[0-9][ABD-HJLNP-UW-Z]{2})\b"
)
_PHONE = re.compile(
    r"(?<![\w/])((?:\+44\s?\(?0?\)?\s?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4})(?![\w/])"
)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_STREET_WORDS = (
    "Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Drive|Dr|Way|Crescent|Gardens|"
    "Place|Terrace|Court|Grove|Hill|Row|Walk|Mews|Square|Parade|Park|View|Rise|"
    "Heol|Ffordd|Stryd"
)
_ADDRESS = re.compile(
    rf"\b((?:Flat\s+\d+[A-Za-z]?,?\s+)?\d{{1,4}}[A-Za-z]?,?\s+(?:[A-Z][\w'’-]+\s+){{1,3}}"
    rf"(?:{_STREET_WORDS})\b)"
)
# Words that make an identifier a place or institution rather than a person's name.
_PLACE_WORDS = set(
    (
        _STREET_WORDS + "|School|Primary|Academy|College|Nursery|Ysgol|Surgery|Hospital|House|"
        "Flat|Estate|Centre|Center|Church|Mosque|Farm"
    )
    .lower()
    .split("|")
)
_NAME_TOKEN = re.compile(r"^[^\W\d_][\w'’-]*$")
_SKIPPED_NAME_PARTS = {
    "ap",
    "ab",
    "van",
    "von",
    "de",
    "da",
    "di",
    "la",
    "le",
    "bin",
    "binti",
    "mc",
    "mac",
    "o",
    "al",
    "el",
    "and",
}


@dataclass(frozen=True)
class Hit:
    rule: str
    found: str
    """The text that matched, as it stands in the document."""
    where: str
    """Which part of the document: a section, a slide, a field."""
    context: str


def fold(text: str) -> str:
    """Lower case without accents: "Wiśniewska" and "WISNIEWSKA" compare equal."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ł", "l")


def _folded_with_map(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each folded character, its position in the original."""
    out: list[str] = []
    positions: list[int] = []
    for index, char in enumerate(text):
        for folded in fold(char):
            out.append(folded)
            positions.append(index)
    return "".join(out), positions


def is_personal_name(identifier: str) -> bool:
    tokens = identifier.split()
    if not 1 <= len(tokens) <= 5:
        return False
    if any(fold(token).strip(".,") in _PLACE_WORDS for token in tokens):
        return False
    return all(_NAME_TOKEN.match(token) for token in tokens)


@dataclass(frozen=True)
class _Needle:
    folded: str
    rule: str


_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_WORD_CHAR = re.compile(r"\w")


@dataclass(frozen=True)
class Needles:
    """Identifiers prepared once for checking many texts: folded, longest first, and indexed
    by their first word so each word of a text is looked up, not every identifier tried."""

    by_first_word: dict[str, list[_Needle]]
    other: list[_Needle]
    """The few that do not start with a letter or digit, tried one by one."""

    def __bool__(self) -> bool:
        return bool(self.by_first_word or self.other)


def prepare_identifiers(identifiers: Iterable[str]) -> Needles:
    needles: dict[str, str] = {}
    for identifier in identifiers:
        folded = fold(identifier.strip())
        if len(folded) < 2:
            continue
        needles[folded] = RULE_IDENTIFIER
        if is_personal_name(identifier):
            for part in identifier.split():
                part_folded = fold(part.strip(".,"))
                if len(part_folded) >= 3 and part_folded not in _SKIPPED_NAME_PARTS:
                    needles.setdefault(part_folded, RULE_NAME_PART)
    by_first_word: dict[str, list[_Needle]] = {}
    other: list[_Needle] = []
    # Longest first, so a full name is reported as such rather than as its parts.
    for text, rule in sorted(needles.items(), key=lambda n: -len(n[0])):
        first = _WORD.match(text)
        if first is None:
            other.append(_Needle(text, rule))
        else:
            by_first_word.setdefault(first.group(), []).append(_Needle(text, rule))
    return Needles(by_first_word, other)


def _needle_spans(folded: str, needles: Needles) -> list[tuple[int, str, int, int]]:
    """(-length, rule, start, end) of every whole-word occurrence of a needle."""
    spans = []
    for word in _WORD.finditer(folded):
        for needle in needles.by_first_word.get(word.group(), ()):
            end = word.start() + len(needle.folded)
            if folded.startswith(needle.folded, word.start()) and not _WORD_CHAR.match(folded, end):
                spans.append((-len(needle.folded), needle.rule, word.start(), end))
    for needle in needles.other:
        pattern = re.compile(rf"(?<!\w){re.escape(needle.folded)}(?!\w)")
        for match in pattern.finditer(folded):
            spans.append((-len(needle.folded), needle.rule, match.start(), match.end()))
    spans.sort(key=lambda span: (span[0], span[2]))
    return spans


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    return " ".join(
        f"{'…' if start > width else ''}{before}[{text[start:end]}]{after}"
        f"{'…' if end + width < len(text) else ''}".split()
    )


def check_text(text: str, where: str, identifiers: Sequence[str] | Needles) -> list[Hit]:
    hits: list[Hit] = []
    taken: list[tuple[int, int]] = []

    def add(rule: str, start: int, end: int) -> None:
        if any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))
        hits.append(Hit(rule, text[start:end], where, _context(text, start, end)))

    if not isinstance(identifiers, Needles):
        identifiers = prepare_identifiers(identifiers)
    # Folding with a map back to the original is slow: only done once something matched.
    if identifiers and _needle_spans(fold(text), identifiers):
        folded, positions = _folded_with_map(text)
        for _, rule, folded_start, folded_end in _needle_spans(folded, identifiers):
            add(rule, positions[folded_start], positions[folded_end - 1] + 1)
    # Every general rule needs an "@" (e-mail) or a digit (the rest): most text has neither,
    # and a plain scan for them is far cheaper than five patterns.
    rules: list[tuple[str, re.Pattern[str]]] = [(RULE_EMAIL, _EMAIL)] if "@" in text else []
    if _DIGIT.search(text):
        rules += [
            (RULE_DOB, _DOB),
            (RULE_POSTCODE, _POSTCODE),
            (RULE_ADDRESS, _ADDRESS),
            (RULE_PHONE, _PHONE),
        ]
    for rule, pattern in rules:
        for match in pattern.finditer(text):
            group = 1 if pattern.groups else 0
            if rule == RULE_PHONE and not 10 <= sum(c.isdigit() for c in match.group(1)) <= 13:
                continue
            add(rule, match.start(group) if rule != RULE_DOB else match.start(), match.end(group))
    return hits


def check_document(parts: Iterable[tuple[str, str]], identifiers: Sequence[str]) -> list[Hit]:
    """Every hit in a document given as (where, text) parts."""
    needles = prepare_identifiers(identifiers)
    # The same text often stands in several places (a recommendation beside each of its
    # actions): it is checked once, and its hits reported at every place.
    checked: dict[str, list[Hit]] = {}
    hits: list[Hit] = []
    for where, text in parts:
        found = checked.get(text)
        if found is None:
            found = checked[text] = check_text(text, where, needles)
        hits += [hit if hit.where == where else replace(hit, where=where) for hit in found]
    return hits
