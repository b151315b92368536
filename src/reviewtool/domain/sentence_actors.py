"""Who a sentence of a review is about: a parent or the child, by the nearest person
named, and by he and she standing for the person of their gender named before."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reviewtool.domain.sentence_reading import Token

_PARENT_WORDS = frozenset(
    {
        "mother",
        "father",
        "maternal",
        "paternal",
        "parent",
        "parental",
        "stepfather",
        "stepmother",
        "mum",
        "dad",
        "carer",
        "caregiver",
        "partner",
        "adult",
        "grandmother",
        "grandfather",
        "husband",
        "wife",
        "perpetrator",
    }
)
_CHILD_WORDS = frozenset(
    {
        "child",
        "baby",
        "infant",
        "boy",
        "girl",
        "son",
        "daughter",
        "teenager",
        "adolescent",
        "pupil",
        "youth",
        "young",
        "sibling",
        "brother",
        "sister",
        "camhs",
    }
)


_FEMALE_WORDS = frozenset(
    {"mother", "stepmother", "mum", "grandmother", "wife", "girl", "daughter", "sister"}
)
_MALE_WORDS = frozenset(
    {"father", "stepfather", "dad", "grandfather", "husband", "boy", "son", "brother"}
)
_PRONOUNS = {
    "she": "female",
    "her": "female",
    "herself": "female",
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
}


_WITNESSING = frozenset({"witness", "expose", "exposure", "saw"})
"""What a person saw or was exposed to is about someone else."""


def _gender(lemma: str) -> str | None:
    if lemma in _FEMALE_WORDS:
        return "female"
    if lemma in _MALE_WORDS:
        return "male"
    return None


def role_of(lemma: str) -> str | None:
    """ "parent" or "child" for a word naming one (mother, stepdad, baby, son), else None."""
    if lemma in _PARENT_WORDS:
        return "parent"
    if lemma in _CHILD_WORDS:
        return "child"
    return None


_COMPOUND_HEADS = frozenset(
    {
        "protection",
        "safeguarding",
        "abuse",
        "sexual",
        "exploitation",
        "services",
        "service",
        "social",
        "centre",
        "centres",
        "hospital",
        "department",
        "trust",
        "team",
        "board",
        "partnership",
        "panel",
        "commissioner",
    }
)
"""After "child" or "children('s)", words that make it part of a term or an organisation's
name ("child protection", "child sexual abuse", "children's services"), not a person."""


def _person_at(tokens: Sequence[Token], i: int) -> str | None:
    role = role_of(tokens[i].lemma)
    if role != "child":
        return role
    following = i + 2 if i + 2 < len(tokens) and tokens[i + 1].form == "s" else i + 1
    if following < len(tokens) and tokens[following].form in _COMPOUND_HEADS:
        return None
    return role


def actor(tokens: Sequence[Token], at: int, earlier: Mapping[str, str] | None = None) -> str | None:
    """'parent' or 'child': who the words at ``at`` are about, by the nearest person named
    before them in the sentence. A pronoun met first ("she felt depressed") stands for the
    nearest earlier person of its gender ("the mother said she felt depressed"). "her father
    noticed she felt depressed" is about the person whose father it is: a child. When no
    such person is named in the sentence, ``earlier`` (from ``referents`` of the sentences
    before) says who "she" or "he" was last; otherwise who it is stays unknown."""
    pronoun: str | None = None
    for i in range(at - 1, -1, -1):
        token = tokens[i]
        if pronoun is None and token.lemma in _WITNESSING:
            return None  # "he witnessed alcohol misuse": someone else's
        role = _person_at(tokens, i)
        if role is not None:
            if pronoun is None or _gender(token.lemma) in (None, pronoun):
                return role
            continue
        if token.form not in _PRONOUNS:
            continue
        if pronoun is None:
            pronoun = _PRONOUNS[token.form]
        elif _PRONOUNS[token.form] == pronoun and i + 1 < at:
            owned = role_of(tokens[i + 1].lemma)
            if owned is not None:  # "her father": she is the parent's child, or the other way
                return "child" if owned == "parent" else "parent"
    if pronoun is not None and earlier:
        return earlier.get(pronoun)
    return None


def referents(tokens: Sequence[Token], earlier: Mapping[str, str]) -> dict[str, str]:
    """Who "she" and "he" stand for after a sentence: 'parent' or 'child' for each gender.

    The first person of a gender named in the sentence ("The mother ... She") wins; a person
    named only as someone's ("her father") leaves the pronoun for the one whose it is (a
    child); a person of no gender ("the baby") stands for both when no one else does."""
    named: dict[str, str] = {}
    owners: dict[str, str] = {}
    plain: str | None = None
    for i, token in enumerate(tokens):
        role = _person_at(tokens, i)
        if role is None:
            continue
        before = tokens[i - 1].form if i else ""
        gender = _gender(token.lemma)
        if before in _PRONOUNS and before not in ("she", "he"):
            owners.setdefault(_PRONOUNS[before], "child" if role == "parent" else "parent")
        elif gender is not None:
            named.setdefault(gender, role)
        elif plain is None and role == "child":
            plain = role  # "the baby"; an "adult" or "partner" is seldom who "she" is next
    result = dict(earlier)
    for gender in ("female", "male"):
        who = named.get(gender) or owners.get(gender) or plain
        if who is not None:
            result[gender] = who
    return result
