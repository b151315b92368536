"""The bundle as typed records (pydantic): the shape of docs/bundle.md, versions 1 and 2.

Version 2 adds revisions (``revision``, ``ancestors``) to reviews, topic briefings and codes,
and deletions (``deleted``); a version-1 bundle reads into the same records with none.

These records are also what services hand to the user interface for editing, so a review
looks the same in a file, on screen and in the database layer's input.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt

from reviewtool.bundle.fields import (
    IsoDate,
    Reference,
    RequiredShortText,
    RequiredText,
    ShortText,
    Text,
    Timestamp,
    Uuid,
    VersionNumber,
)
from reviewtool.bundle.learning_schema import DisseminationRecord, RagReviewRecord
from reviewtool.bundle.limits import CODE_CHARS, MAX_AGE_MONTHS
from reviewtool.bundle.workflow_schema import WorkflowRecord
from reviewtool.domain.enums import (
    ActionStatus,
    BriefingStatus,
    CodeGroup,
    Criterion,
    Decision,
    FactorRole,
    NotificationType,
    Plan,
    ReviewKind,
    ReviewStatus,
    Sex,
)
from reviewtool.domain.identifier_kinds import IdentifierKind
from reviewtool.domain.revisions import HISTORY_LIMIT, REVISION_PATTERN

BUNDLE_FORMAT = "reviewtool.bundle"
BUNDLE_VERSION = 2
"""The version this program writes; it reads every version up to this one."""
READABLE_VERSIONS = (1, 2)

Colour = Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}$")]
RevisionId = Annotated[str, Field(pattern=REVISION_PATTERN, max_length=80)]
Ancestors = Annotated[list[RevisionId], Field(max_length=HISTORY_LIMIT * 5)]
CodeId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$", max_length=CODE_CHARS)]


class Record(BaseModel):
    # Unknown keys are ignored (BUNDLE.md: "preserved or ignored, never a crash").
    model_config = ConfigDict(extra="ignore", validate_assignment=False, defer_build=True)


class Revised(Record):
    """What version 2 adds to every record two people can change: its revision and the
    revisions it descends from, newest first (``domain.revisions``)."""

    revision: RevisionId | None = None
    ancestors: Ancestors = Field(default_factory=list)


REVISION_FIELDS = frozenset(Revised.model_fields)


class CodeRecord(Revised):
    code: CodeId
    label: RequiredShortText
    group: CodeGroup
    parent: CodeId | None = None
    definition: Text | None = None
    colour: Colour | None = None
    active: StrictBool = True


class ReviewDates(Record):
    incident: IsoDate | None = None
    aware: IsoDate | None = None
    notified: IsoDate | None = None
    rapid_review_meeting: IsoDate | None = None
    rapid_review_submitted: IsoDate | None = None
    decision: IsoDate | None = None
    published: IsoDate | None = None


class ChildRecord(Record):
    pseudonym: ShortText | None = None
    age_months: Annotated[StrictInt, Field(ge=0, le=MAX_AGE_MONTHS)] | None = None
    unborn: StrictBool = False
    sex: Sex = Sex.UNKNOWN
    ethnicity: ShortText | None = None
    disability: StrictBool | None = None
    looked_after: StrictBool | None = None
    plan: Plan = Plan.UNKNOWN
    known_to_csc: StrictBool | None = None


class FactorRecord(Record):
    code: CodeId
    role: FactorRole
    note: Text | None = None


class ActionRecord(Record):
    id: Uuid
    text: RequiredText
    owner: ShortText | None = None
    due: IsoDate | None = None
    status: ActionStatus = ActionStatus.NOT_STARTED
    completed: IsoDate | None = None
    assurance: Text | None = None
    impact: Text | None = None
    dropped_reason: Text | None = None


class RecommendationRecord(Record):
    id: Uuid
    text: RequiredText
    actions: list[ActionRecord] = Field(default_factory=list)


class Section(Record):
    heading: ShortText
    body: Text = ""


class ReviewBriefing(Record):
    status: BriefingStatus = BriefingStatus.DRAFT
    sections: list[Section] = Field(default_factory=list)
    approved_by: ShortText | None = None
    approved_at: Timestamp | None = None


class ReviewRecord(Revised):
    id: Uuid
    reference: Reference
    kind: ReviewKind
    title: RequiredShortText
    status: ReviewStatus = ReviewStatus.OPEN
    updated_at: Timestamp
    converted_from: Uuid | None = None
    notification_type: NotificationType | None = None
    dates: ReviewDates = Field(default_factory=ReviewDates)
    decision: Decision | None = None
    decision_rationale: Text | None = None
    criteria: list[Criterion] = Field(default_factory=list)
    reviewer: ShortText | None = None
    methodology: Text | None = None
    children: list[ChildRecord] = Field(default_factory=list)
    agencies: list[RequiredShortText] = Field(default_factory=list)
    summary: Text | None = None
    factors: list[FactorRecord] = Field(default_factory=list)
    tags: list[RequiredShortText] = Field(default_factory=list)
    identifiers: list[RequiredShortText] | None = None
    """``None`` when the bundle left identifiers out (the default on export)."""
    identifier_kinds: list[IdentifierKind] | None = None
    """What each identifier is (child, parent, address, school...), one per identifier;
    absent in older bundles, where every identifier counts as "other"."""
    learning: list[RequiredText] = Field(default_factory=list)
    good_practice: list[RequiredText] = Field(default_factory=list)
    recommendations: list[RecommendationRecord] = Field(default_factory=list)
    briefing: ReviewBriefing | None = None


class TopicBriefing(Revised):
    id: Uuid
    title: RequiredShortText
    theme: CodeId | None = None
    status: BriefingStatus = BriefingStatus.DRAFT
    updated_at: Timestamp
    sections: list[Section] = Field(default_factory=list)
    approved_by: ShortText | None = None
    approved_at: Timestamp | None = None


class SealedIdentifiers(Record):
    """The reviews' identifiers encrypted with a passphrase both laptops know: AES-256-GCM
    with a key derived by scrypt (see ``bundle.sealing``)."""

    cipher: Literal["AES-256-GCM"]
    kdf: Literal["scrypt"]
    n: Annotated[StrictInt, Field(ge=2**14, le=2**20)]
    r: Annotated[StrictInt, Field(ge=1, le=32)]
    p: Annotated[StrictInt, Field(ge=1, le=16)]
    salt: Annotated[str, Field(min_length=16, max_length=200)]
    nonce: Annotated[str, Field(min_length=16, max_length=200)]
    data: str
    reviews: Annotated[StrictInt, Field(ge=0)]
    """How many reviews' identifiers are inside."""


class Tombstone(Revised):
    """A review deleted on the laptop that wrote the bundle (version 2)."""

    id: Uuid
    reference: Text | None = None
    revision: RevisionId  # type: ignore[assignment]  # required here: a deletion is a revision
    deleted_at: Timestamp


class Bundle(Record):
    format: Literal["reviewtool.bundle"]
    version: Annotated[Literal[1, 2], VersionNumber]
    exported_at: Timestamp | None = None
    partnership: ShortText | None = None
    codebook: list[CodeRecord] = Field(default_factory=list)
    reviews: list[ReviewRecord] = Field(default_factory=list)
    briefings: list[TopicBriefing] = Field(default_factory=list)
    sealed_identifiers: SealedIdentifiers | None = None
    workflow: list[WorkflowRecord] = Field(default_factory=list)
    """Optional: the statutory workflow of some reviews (see ``workflow_schema``)."""
    disseminations: list[DisseminationRecord] = Field(default_factory=list)
    rag_reviews: list[RagReviewRecord] = Field(default_factory=list)
    deleted: list[Tombstone] = Field(default_factory=list)


def empty_bundle(partnership: str | None, exported_at: datetime) -> Bundle:
    return Bundle(
        format=BUNDLE_FORMAT,
        version=BUNDLE_VERSION,
        exported_at=exported_at,
        partnership=partnership,
    )
