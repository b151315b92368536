"""The closed vocabularies of the domain (values as written in a bundle)."""

from __future__ import annotations

from enum import StrEnum


class ReviewKind(StrEnum):
    RAPID_REVIEW = "rapid_review"
    CSPR = "cspr"
    NATIONAL_REVIEW = "national_review"
    SCR = "scr"
    LEARNING_REVIEW = "learning_review"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]

    @property
    def short_label(self) -> str:
        return "CSPR" if self is ReviewKind.CSPR else self.label


_KIND_LABELS = {
    ReviewKind.RAPID_REVIEW: "Rapid review",
    ReviewKind.CSPR: "Local child safeguarding practice review",
    ReviewKind.NATIONAL_REVIEW: "National review",
    ReviewKind.SCR: "Serious case review",
    ReviewKind.LEARNING_REVIEW: "Learning review",
}


class ReviewStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"


class NotificationType(StrEnum):
    DEATH = "death"
    SERIOUS_HARM = "serious_harm"
    OTHER = "other"


class Decision(StrEnum):
    LCSPR = "lcspr"
    NO_LCSPR = "no_lcspr"
    NATIONAL_REVIEW = "national_review"


class Criterion(StrEnum):
    """Regulation 11 criteria for a local review."""

    IMPROVEMENTS_NEEDED = "a"
    RECURRING_THEMES = "b"
    MULTI_AGENCY_CONCERNS = "c"
    PANEL_REQUEST = "d"


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"
    OTHER = "other"
    UNKNOWN = "unknown"


class Plan(StrEnum):
    NONE = "none"
    CIN = "cin"
    CP = "cp"
    PREVIOUS_CP = "previous_cp"
    UNKNOWN = "unknown"


class FactorRole(StrEnum):
    PRESENT = "present"
    LEARNING = "learning"
    GOOD_PRACTICE = "good_practice"


class ActionStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"
    DROPPED = "dropped"


class BriefingStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    PUBLISHED = "published"


class CodeGroup(StrEnum):
    CHILD = "child"
    PARENT = "parent"
    PRACTICE = "practice"
    GOOD = "good"

    @property
    def label(self) -> str:
        return _GROUP_LABELS[self]


_GROUP_LABELS = {
    CodeGroup.CHILD: "Child factors",
    CodeGroup.PARENT: "Parent / carer factors",
    CodeGroup.PRACTICE: "Professional / practice factors",
    CodeGroup.GOOD: "Good practice",
}
