"""The publication check: nothing that identifies a child or family may leave in an output.

Two kinds of rule. The review's protected identifiers are looked for word by word with
spelling folded (any script as ASCII, case, accents, apostrophes, hyphens and punctuation
ignored), a person also by a part of their name, title and surname or initial and surname,
a school by its own name, an address by its street (see :mod:`identifier_needles`).
Anything that looks identifying in any case (a date of birth, a postcode, a phone, NHS or
National Insurance number, an e-mail address, a house number and street) is flagged
wherever it appears (see :mod:`identifying_patterns`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TypeVar

from reviewtool.domain.identifier_kinds import ProtectedIdentifier
from reviewtool.domain.identifier_needles import (
    RULE_IDENTIFIER,
    RULE_INITIAL_NAME,
    RULE_NAME_PART,
    RULE_SETTING,
    RULE_STREET,
    RULE_TITLE_NAME,
    SETTING_SUFFIXES,
    TITLES,
    Needles,
    is_personal_name,
    prepare_identifiers,
)
from reviewtool.domain.identifying_patterns import (
    RULE_ADDRESS,
    RULE_DOB,
    RULE_EMAIL,
    RULE_NHS,
    RULE_NI,
    RULE_PHONE,
    RULE_POSTCODE,
    identifying_details,
)
from reviewtool.domain.text_folding import SYNONYMS, TOKEN, fold, folded_with_map, word_key

__all__ = [
    "REDACTED",
    "RULE_ADDRESS",
    "RULE_DOB",
    "RULE_EMAIL",
    "RULE_IDENTIFIER",
    "RULE_INITIAL_NAME",
    "RULE_NAME_PART",
    "RULE_NHS",
    "RULE_NI",
    "RULE_PHONE",
    "RULE_POSTCODE",
    "RULE_SETTING",
    "RULE_STREET",
    "RULE_TITLE_NAME",
    "Hit",
    "Needles",
    "check_document",
    "check_text",
    "fold",
    "is_personal_name",
    "prepare_identifiers",
    "redact",
]

_T = TypeVar("_T")
Identifiers = Sequence[str | ProtectedIdentifier] | Needles


@dataclass(frozen=True)
class Hit:
    rule: str
    found: str
    """The text that matched, as it stands in the document."""
    where: str
    """Which part of the document: a section, a slide, a field."""
    context: str


def _key(raw: str) -> str:
    if "'" in raw or "`" in raw:
        return word_key(raw)
    return SYNONYMS.get(raw, raw)


def _same(text_key: str, needle_key: str) -> bool:
    # A plural or a possessive written without its apostrophe ("Smiths", "Swithuns").
    return text_key == needle_key or text_key == needle_key + "s"


def needle_spans(folded: str, needles: Needles) -> list[tuple[int, str, int, int]]:
    """(-words, rule, start, end) in the folded text of every occurrence of a needle."""
    raw_words = TOKEN.findall(folded)
    if "'" in folded or "`" in folded:
        keys = [_key(raw) for raw in raw_words]
    else:
        keys = [SYNONYMS.get(raw, raw) for raw in raw_words]
    starts = needles.starts
    if not any(key in starts for key in keys):
        return []
    found = _word_spans(keys, needles)
    if not found:
        return []
    # Where each word stands is worked out only for a text that matched.
    bounds = [match.span() for match in TOKEN.finditer(folded)]
    spans = [(size, rule, bounds[i][0], bounds[last][1]) for size, rule, i, last in found]
    spans.sort(key=lambda span: (span[0], span[2]))
    return spans


def _word_spans(keys: list[str], needles: Needles) -> list[tuple[int, str, int, int]]:
    """(-words, rule, first word, last word) of every needle found in the words."""
    index = needles.by_first_word
    count = len(keys)
    spans = []
    starts = needles.starts
    for i, key in enumerate(keys):
        if key not in starts:
            continue
        candidates = index.get(key)
        if key[-1] == "s" and key[:-1] in index:
            candidates = [*(candidates or ()), *index[key[:-1]]]
        if candidates is not None:
            for needle in candidates:
                last = i + len(needle.keys) - 1
                if last < count and all(
                    _same(keys[i + j], k) for j, k in enumerate(needle.keys[1:], start=1)
                ):
                    spans.append((-len(needle.keys), needle.rule, i, last))
        if i + 1 < count:
            if key in TITLES or len(key) == 1:
                spans += _titled_spans(i, keys, needles)
            if key in needles.setting_names and keys[i + 1] in SETTING_SUFFIXES:
                spans.append((-2, RULE_SETTING, i, i + 1))
    return spans


def _lookup(key: str, table: dict[str, list[_T]]) -> list[_T]:
    found = table.get(key, [])
    if key.endswith("s") and key[:-1] in table:
        found = [*found, *table[key[:-1]]]
    return found


def _titled_spans(i: int, keys: list[str], needles: Needles) -> list[tuple[int, str, int, int]]:
    """A title or an initial followed by a protected surname ("Mrs Li", "J. Smith")."""
    title = keys[i]
    candidates: list[tuple[str, tuple[str, ...]]]
    if title in TITLES:
        rule = RULE_TITLE_NAME
        candidates = [(title, s) for s in _lookup(keys[i + 1], needles.surnames)]
    else:
        rule = RULE_INITIAL_NAME
        candidates = [c for c in _lookup(keys[i + 1], needles.initialled) if c[0] == title]
    spans = []
    for _, surname in candidates:
        last = i + len(surname)
        if last < len(keys) and all(_same(keys[i + 1 + j], k) for j, k in enumerate(surname)):
            spans.append((-len(surname) - 1, rule, i, last))
    return spans


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    return " ".join(
        f"{'…' if start > width else ''}{before}[{text[start:end]}]{after}"
        f"{'…' if end + width < len(text) else ''}".split()
    )


def check_text(text: str, where: str, identifiers: Identifiers) -> list[Hit]:
    hits: list[Hit] = []
    taken: list[tuple[int, int]] = []

    def add(rule: str, start: int, end: int) -> None:
        if any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))
        hits.append(Hit(rule, text[start:end], where, _context(text, start, end)))

    needles = identifiers if isinstance(identifiers, Needles) else prepare_identifiers(identifiers)
    if needles:
        spans = needle_spans(fold(text), needles)
        # The map back to the original is built only for a text that is not ASCII and
        # matched: folding then may change lengths ("ß" is "ss").
        if spans and not text.isascii():
            folded, positions = folded_with_map(text)
            for _, rule, start, end in needle_spans(folded, needles):
                add(rule, positions[start], positions[end - 1] + 1)
        else:
            for _, rule, start, end in spans:
                add(rule, start, end)
    for rule, start, end in identifying_details(text):
        add(rule, start, end)
    return hits


@lru_cache(maxsize=4)
def _prepared(identifiers: tuple[str | ProtectedIdentifier, ...]) -> Needles:
    """Every review's identifiers (tens of thousands) take a moment to prepare: the next
    export with the same identifiers reuses them."""
    return prepare_identifiers(identifiers)


def check_document(
    parts: Iterable[tuple[str, str]], identifiers: Sequence[str | ProtectedIdentifier]
) -> list[Hit]:
    """Every hit in a document given as (where, text) parts."""
    needles = _prepared(tuple(identifiers))
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


REDACTED = "[identifier removed]"


def redact(text: str, identifiers: Identifiers) -> str:
    """``text`` with every occurrence of a protected identifier (or a part of a name, a
    title or initial with a surname, a school's or a street's name) replaced by
    :data:`REDACTED`: for the audit trail, which must not keep a name typed by mistake."""
    needles = identifiers if isinstance(identifiers, Needles) else prepare_identifiers(identifiers)
    if not needles or not text:
        return text
    hits = check_text_identifiers(text, needles)
    for start, end in sorted(hits, reverse=True):
        text = text[:start] + REDACTED + text[end:]
    return text


def check_text_identifiers(text: str, needles: Needles) -> list[tuple[int, int]]:
    """(start, end) in ``text`` of each identifier found, longest first, not overlapping."""
    spans = needle_spans(fold(text), needles)
    if spans and not text.isascii():
        folded, positions = folded_with_map(text)
        spans = needle_spans(folded, needles)
        mapped = [(positions[s], positions[e - 1] + 1) for _, _, s, e in spans]
    else:
        mapped = [(s, e) for _, _, s, e in spans]
    taken: list[tuple[int, int]] = []
    for start, end in mapped:
        if not any(start < e and s < end for s, e in taken):
            taken.append((start, end))
    return taken
