"""The closed vocabularies of the domain (values as written in a bundle).

Each member carries its own display words (``label``), so no code keeps a table of labels
of its own, looks a member up by what the screen shows, or cuts a label apart.
"""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A closed vocabulary whose members say how they are shown to people."""

    @property
    def label(self) -> str:
        # Keyed by (class, value): members of different vocabularies share values
        # ("published"), and a StrEnum member is equal to (and hashes like) its value.
        return LABELS[(type(self), self.value)]


class ReviewKind(LabelledEnum):
    RAPID_REVIEW = "rapid_review"
    CSPR = "cspr"
    NATIONAL_REVIEW = "national_review"
    SCR = "scr"
    LEARNING_REVIEW = "learning_review"

    @property
    def short_label(self) -> str:
        return "CSPR" if self is ReviewKind.CSPR else self.label


class ReviewStatus(LabelledEnum):
    OPEN = "open"
    CLOSED = "closed"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"


class NotificationType(LabelledEnum):
    DEATH = "death"
    SERIOUS_HARM = "serious_harm"
    OTHER = "other"


class Decision(LabelledEnum):
    LCSPR = "lcspr"
    NO_LCSPR = "no_lcspr"
    NATIONAL_REVIEW = "national_review"


class Criterion(LabelledEnum):
    """Regulation 11 criteria for a local review."""

    IMPROVEMENTS_NEEDED = "a"
    RECURRING_THEMES = "b"
    MULTI_AGENCY_CONCERNS = "c"
    PANEL_REQUEST = "d"


class Sex(LabelledEnum):
    MALE = "male"
    FEMALE = "female"
    OTHER = "other"
    UNKNOWN = "unknown"


class Plan(LabelledEnum):
    NONE = "none"
    CIN = "cin"
    CP = "cp"
    PREVIOUS_CP = "previous_cp"
    UNKNOWN = "unknown"


class FactorRole(LabelledEnum):
    PRESENT = "present"
    LEARNING = "learning"
    GOOD_PRACTICE = "good_practice"


class ActionStatus(LabelledEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"
    DROPPED = "dropped"


class BriefingStatus(LabelledEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    PUBLISHED = "published"


class CodeGroup(LabelledEnum):
    CHILD = "child"
    PARENT = "parent"
    PRACTICE = "practice"
    GOOD = "good"


LABELS: dict[tuple[type[LabelledEnum], str], str] = {
    (ReviewKind, "rapid_review"): "Rapid review",
    (ReviewKind, "cspr"): "Local child safeguarding practice review",
    (ReviewKind, "national_review"): "National review",
    (ReviewKind, "scr"): "Serious case review",
    (ReviewKind, "learning_review"): "Learning review",
    (ReviewStatus, "open"): "Open",
    (ReviewStatus, "closed"): "Closed",
    (ReviewStatus, "published"): "Published",
    (ReviewStatus, "withdrawn"): "Withdrawn",
    (NotificationType, "death"): "Death",
    (NotificationType, "serious_harm"): "Serious harm",
    (NotificationType, "other"): "Other",
    (Decision, "lcspr"): "Local child safeguarding practice review",
    (Decision, "no_lcspr"): "No local review",
    (Decision, "national_review"): "Referred for a national review",
    (Criterion, "a"): "(a) Highlights improvements needed to safeguard children",
    (Criterion, "b"): "(b) Highlights recurrent themes in safeguarding children",
    (Criterion, "c"): "(c) Concerns about how organisations worked together",
    (Criterion, "d"): "(d) The National Panel considers a local review appropriate",
    (Sex, "male"): "Male",
    (Sex, "female"): "Female",
    (Sex, "other"): "Other",
    (Sex, "unknown"): "Not known",
    (Plan, "none"): "No plan",
    (Plan, "cin"): "Child in need",
    (Plan, "cp"): "Child protection plan",
    (Plan, "previous_cp"): "Previous child protection plan",
    (Plan, "unknown"): "Not known",
    (FactorRole, "present"): "Present",
    (FactorRole, "learning"): "Learning",
    (FactorRole, "good_practice"): "Good practice",
    (ActionStatus, "not_started"): "Not started",
    (ActionStatus, "in_progress"): "In progress",
    (ActionStatus, "complete"): "Complete",
    (ActionStatus, "dropped"): "Dropped",
    (BriefingStatus, "draft"): "Draft",
    (BriefingStatus, "approved"): "Approved",
    (BriefingStatus, "published"): "Published",
    (CodeGroup, "child"): "Child factors",
    (CodeGroup, "parent"): "Parent / carer factors",
    (CodeGroup, "practice"): "Professional / practice factors",
    (CodeGroup, "good"): "Good practice",
}
