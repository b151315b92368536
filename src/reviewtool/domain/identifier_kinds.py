"""What a protected identifier is: a person (and their part in the story), a place, a school."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class IdentifierKind(StrEnum):
    CHILD = "child"
    PARENT = "parent"
    SIBLING = "sibling"
    CARER = "carer"
    PROFESSIONAL = "professional"
    OTHER_PERSON = "other_person"
    ADDRESS = "address"
    SCHOOL = "school"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def is_person(self) -> bool:
        return self in PERSON_KINDS


PERSON_KINDS = frozenset(
    {
        IdentifierKind.CHILD,
        IdentifierKind.PARENT,
        IdentifierKind.SIBLING,
        IdentifierKind.CARER,
        IdentifierKind.PROFESSIONAL,
        IdentifierKind.OTHER_PERSON,
    }
)

_LABELS = {
    IdentifierKind.CHILD: "Child",
    IdentifierKind.PARENT: "Parent",
    IdentifierKind.SIBLING: "Sibling",
    IdentifierKind.CARER: "Carer",
    IdentifierKind.PROFESSIONAL: "Professional",
    IdentifierKind.OTHER_PERSON: "Other person",
    IdentifierKind.ADDRESS: "Address or postcode",
    IdentifierKind.SCHOOL: "School or setting",
    IdentifierKind.OTHER: "Other",
}


@dataclass(frozen=True, order=True)
class ProtectedIdentifier:
    """One protected detail of a review and what it is (people are also found by their
    first name, surname, title and surname, initial and surname)."""

    value: str
    kind: IdentifierKind = IdentifierKind.OTHER


def as_protected(item: str | ProtectedIdentifier) -> ProtectedIdentifier:
    return item if isinstance(item, ProtectedIdentifier) else ProtectedIdentifier(item)
