"""The relational model of reviews (SQLAlchemy 2, typed).

Dates are real ``Date`` columns; times are UTC. Every review row carries a version counter
used for optimistic locking: an UPDATE names the version it read, so two writers can never
silently overwrite each other.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from reviewtool.db.base import Base, Uuid


class Code(Base):
    __tablename__ = "codes"

    code: Mapped[str] = mapped_column(String(120), primary_key=True)
    label: Mapped[str] = mapped_column(Text)
    group: Mapped[str] = mapped_column(String(20), index=True)
    parent: Mapped[str | None] = mapped_column(
        ForeignKey("codes.code", onupdate="CASCADE", ondelete="SET NULL")
    )
    definition: Mapped[str | None] = mapped_column(Text)
    colour: Mapped[str | None] = mapped_column(String(7))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)
    indicators: Mapped[str | None] = mapped_column(Text)
    """Phrases that suggest this code in a review's text, one per line."""
    revision: Mapped[str | None] = mapped_column(String(64))
    """Exchange revision (``domain.revisions``); None until first changed or exchanged."""
    ancestors: Mapped[str | None] = mapped_column(Text)
    """The revisions this one descends from, newest first, as a JSON list."""


class Review(Base):
    __tablename__ = "reviews"

    id: Mapped[str] = mapped_column(Uuid, primary_key=True)
    reference: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    title: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), index=True)
    notification_type: Mapped[str | None] = mapped_column(String(20))
    # No foreign key: the rapid review a CSPR came from may live on another laptop.
    converted_from: Mapped[str | None] = mapped_column(Uuid, index=True)

    date_incident: Mapped[date | None] = mapped_column(Date)
    date_aware: Mapped[date | None] = mapped_column(Date)
    date_notified: Mapped[date | None] = mapped_column(Date, index=True)
    date_rapid_review_meeting: Mapped[date | None] = mapped_column(Date)
    date_rapid_review_submitted: Mapped[date | None] = mapped_column(Date)
    date_decision: Mapped[date | None] = mapped_column(Date)
    date_published: Mapped[date | None] = mapped_column(Date, index=True)

    decision: Mapped[str | None] = mapped_column(String(20))
    criteria: Mapped[str] = mapped_column(String(8), default="")
    decision_rationale: Mapped[str | None] = mapped_column(Text)
    reviewer: Mapped[str | None] = mapped_column(Text)
    methodology: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)

    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    revision: Mapped[str | None] = mapped_column(String(64))
    """Exchange revision; None for a review saved before revisions existed (its revision is
    then derived from its id and saved time, see ``domain.revisions.legacy_revision``)."""
    ancestors: Mapped[str | None] = mapped_column(Text)

    # The version is raised explicitly by every save (`records.claim_next_version`), never
    # only when a column changed: a save that changes only lists must raise it too.
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}  # noqa: RUF012

    children: Mapped[list[Child]] = relationship(
        back_populates="review", cascade="all, delete-orphan", order_by="Child.position"
    )
    agencies: Mapped[list[Agency]] = relationship(
        cascade="all, delete-orphan", order_by="Agency.position"
    )
    factors: Mapped[list[Factor]] = relationship(
        cascade="all, delete-orphan", order_by="Factor.position"
    )
    tags: Mapped[list[Tag]] = relationship(cascade="all, delete-orphan", order_by="Tag.position")
    identifiers: Mapped[list[Identifier]] = relationship(
        cascade="all, delete-orphan", order_by="Identifier.position"
    )
    items: Mapped[list[LearningItem]] = relationship(
        cascade="all, delete-orphan", order_by="LearningItem.position"
    )
    recommendations: Mapped[list[Recommendation]] = relationship(
        back_populates="review", cascade="all, delete-orphan", order_by="Recommendation.position"
    )
    briefing: Mapped[Briefing | None] = relationship(
        back_populates="review", cascade="all, delete-orphan", single_parent=True
    )


class Child(Base):
    __tablename__ = "review_children"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[str] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    pseudonym: Mapped[str | None] = mapped_column(Text)
    age_months: Mapped[int | None] = mapped_column(Integer)
    unborn: Mapped[bool] = mapped_column(Boolean, default=False)
    sex: Mapped[str] = mapped_column(String(10))
    ethnicity: Mapped[str | None] = mapped_column(Text)
    disability: Mapped[bool | None] = mapped_column(Boolean)
    looked_after: Mapped[bool | None] = mapped_column(Boolean)
    plan: Mapped[str] = mapped_column(String(20))
    known_to_csc: Mapped[bool | None] = mapped_column(Boolean)

    review: Mapped[Review] = relationship(back_populates="children")


class Agency(Base):
    __tablename__ = "review_agencies"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[str] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)


class Factor(Base):
    __tablename__ = "review_factors"
    __table_args__ = (
        UniqueConstraint("review_id", "code", "role"),
        # Covers the in-order reads of the list and the thematic analysis (see 0005).
        Index("ix_review_factors_review_order", "review_id", "position", "code", "role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[str] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(ForeignKey("codes.code", onupdate="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)


class Tag(Base):
    __tablename__ = "review_tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[str] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    tag: Mapped[str] = mapped_column(Text)


class Identifier(Base):
    """A real name, address, date of birth or school that must never be published."""

    __tablename__ = "review_identifiers"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[str] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    value: Mapped[str] = mapped_column(Text)
    # What it is: child, parent, sibling, carer, professional, other_person, address,
    # school or other (IdentifierKind).
    kind: Mapped[str] = mapped_column(String(20), default="other", server_default="other")


class LearningItem(Base):
    """One point of learning or of good practice drawn from a review."""

    __tablename__ = "review_learning"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[str] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # "learning" | "good_practice"
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class Recommendation(Base):
    __tablename__ = "recommendations"

    id: Mapped[str] = mapped_column(Uuid, primary_key=True)
    review_id: Mapped[str] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    review: Mapped[Review] = relationship(back_populates="recommendations")
    actions: Mapped[list[Action]] = relationship(
        back_populates="recommendation", cascade="all, delete-orphan", order_by="Action.position"
    )


class Action(Base):
    __tablename__ = "actions"

    id: Mapped[str] = mapped_column(Uuid, primary_key=True)
    recommendation_id: Mapped[str] = mapped_column(
        ForeignKey("recommendations.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(Text)
    due: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    completed: Mapped[date | None] = mapped_column(Date)
    assurance: Mapped[str | None] = mapped_column(Text)
    impact: Mapped[str | None] = mapped_column(Text)
    dropped_reason: Mapped[str | None] = mapped_column(Text)

    recommendation: Mapped[Recommendation] = relationship(back_populates="actions")


class Briefing(Base):
    """A 7-minute briefing: a review's own (``review_id`` set) or a topic briefing."""

    __tablename__ = "briefings"

    id: Mapped[str] = mapped_column(Uuid, primary_key=True)
    review_id: Mapped[str | None] = mapped_column(
        ForeignKey("reviews.id", ondelete="CASCADE"), unique=True
    )
    title: Mapped[str | None] = mapped_column(Text)
    theme: Mapped[str | None] = mapped_column(ForeignKey("codes.code", onupdate="CASCADE"))
    status: Mapped[str] = mapped_column(String(20))
    approved_by: Mapped[str | None] = mapped_column(Text)
    approved_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    revision: Mapped[str | None] = mapped_column(String(64))
    ancestors: Mapped[str | None] = mapped_column(Text)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    review: Mapped[Review | None] = relationship(back_populates="briefing")
    sections: Mapped[list[BriefingSection]] = relationship(
        cascade="all, delete-orphan", order_by="BriefingSection.position"
    )


class BriefingSection(Base):
    __tablename__ = "briefing_sections"

    id: Mapped[int] = mapped_column(primary_key=True)
    briefing_id: Mapped[str] = mapped_column(
        ForeignKey("briefings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    heading: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)


class ReviewTombstone(Base):
    """A deleted review, kept so that the deletion travels to other laptops in bundles and a
    copy exported before it does not bring the review back."""

    __tablename__ = "review_tombstones"

    id: Mapped[str] = mapped_column(Uuid, primary_key=True)
    reference: Mapped[str | None] = mapped_column(Text)
    revision: Mapped[str] = mapped_column(String(64))
    ancestors: Mapped[str] = mapped_column(Text)
    deleted_at: Mapped[datetime] = mapped_column(DateTime)


class ConflictingRevision(Base):
    """A copy from another laptop that changed what this one changed too: kept beside the
    current copy until someone resolves it (nobody's text is dropped)."""

    __tablename__ = "conflicting_revisions"
    __table_args__ = (UniqueConstraint("entity", "entity_id", "revision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(20))  # "review" | "briefing" | "code"
    entity_id: Mapped[str] = mapped_column(String(120), index=True)
    revision: Mapped[str] = mapped_column(String(64))
    ancestors: Mapped[str] = mapped_column(Text)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    content: Mapped[str | None] = mapped_column(Text)
    """The other copy as bundle JSON; None when the other laptop deleted it."""
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)
    received_at: Mapped[datetime] = mapped_column(DateTime)
    source: Mapped[str | None] = mapped_column(Text)


class AuditEvent(Base):
    """Who changed what, when, from which value to which (one row per changed field)."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_review_at", "review_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    user: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(120))
    review_id: Mapped[str | None] = mapped_column(Uuid)
    field: Mapped[str | None] = mapped_column(Text)
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)


class Setting(Base):
    """Partnership-wide settings (name, colour, briefing headings) as JSON text."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class EthnicityMapping(Base):
    """The partnership's own mapping of an ethnicity as recorded to a 2021 census category,
    for values the built-in spellings do not recognise (see `domain.ethnicity`)."""

    __tablename__ = "ethnicity_mappings"

    recorded_key: Mapped[str] = mapped_column(String(200), primary_key=True)
    """The recorded value normalised (case, punctuation and spacing ignored)."""
    recorded: Mapped[str] = mapped_column(Text)
    """The value as first mapped, for people to read."""
    category: Mapped[str] = mapped_column(String(40))


class SuggestionFeedback(Base):
    """A person's decision on a suggested code: the partnership's suggestions learn from it."""

    __tablename__ = "suggestion_feedback"
    __table_args__ = (Index("ix_suggestion_feedback_code_phrase", "code", "phrase"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[str] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(
        ForeignKey("codes.code", onupdate="CASCADE", ondelete="CASCADE")
    )
    phrase: Mapped[str] = mapped_column(Text)
    """The indicator phrase that proposed the code."""
    sentence: Mapped[str] = mapped_column(Text)
    accepted: Mapped[bool] = mapped_column(Boolean)
    decided_at: Mapped[datetime] = mapped_column(DateTime)
    decided_by: Mapped[str] = mapped_column(Text)


# Imported last: the workflow tables refer to the ones above (and live with their own kind).
from reviewtool.db.workflow_models import (  # noqa: E402
    ActionRagReview,
    AgencyRequest,
    ChronologyEntry,
    Dissemination,
    KeyPracticeEpisode,
    PanelAttendee,
    PanelMeeting,
    PanelMeetingItem,
    PublicationPause,
    ReviewMilestone,
    ReviewWorkflow,
    TeamPlanAction,
)

__all__ = [
    "Action",
    "ActionRagReview",
    "Agency",
    "AgencyRequest",
    "AuditEvent",
    "Base",
    "Briefing",
    "BriefingSection",
    "Child",
    "ChronologyEntry",
    "Code",
    "ConflictingRevision",
    "Dissemination",
    "EthnicityMapping",
    "Factor",
    "Identifier",
    "KeyPracticeEpisode",
    "LearningItem",
    "PanelAttendee",
    "PanelMeeting",
    "PanelMeetingItem",
    "PublicationPause",
    "Recommendation",
    "Review",
    "ReviewMilestone",
    "ReviewTombstone",
    "ReviewWorkflow",
    "Setting",
    "SuggestionFeedback",
    "Tag",
    "TeamPlanAction",
    "Uuid",
]
