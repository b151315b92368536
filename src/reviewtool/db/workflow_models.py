"""The tables of the statutory workflow and of learning into practice.

Agency requests and returns, panel meetings, the rapid review report's own text, a local
review's milestones and publication pauses, briefing deliveries with the teams' plans, and
actions' RAG reviews. They hang off the review tables of ``models`` by foreign key;
``models`` re-exports them, so every table is known wherever the model is imported.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from reviewtool.db.base import Base, Uuid

# The statutory workflow (rapid review and local review) --------------------------------


class ReviewWorkflow(Base):
    """A review's rapid review report text, sign-off and the Panel's response.

    ``updated_at`` and ``revision`` move with every change to the review's workflow records
    (requests, returns, meetings, milestones, pauses): a bundle's copy replaces them only if
    it descends from this one (or, without a revision, if it is newer).
    """

    __tablename__ = "review_workflow"

    review_id: Mapped[str] = mapped_column(
        ForeignKey("reviews.id", ondelete="CASCADE"), primary_key=True
    )
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    revision: Mapped[str | None] = mapped_column(String(64))
    """The exchange revision (None: saved before workflows had one; derived from the time)."""
    ancestors: Mapped[str | None] = mapped_column(Text)
    child_and_family: Mapped[str | None] = mapped_column(Text)
    analysis: Mapped[str | None] = mapped_column(Text)
    inequalities: Mapped[str | None] = mapped_column(Text)
    criterion_a: Mapped[str | None] = mapped_column(Text)
    criterion_b: Mapped[str | None] = mapped_column(Text)
    criterion_c: Mapped[str | None] = mapped_column(Text)
    criterion_d: Mapped[str | None] = mapped_column(Text)
    signed_off_by: Mapped[str | None] = mapped_column(Text)
    signed_off_on: Mapped[date | None] = mapped_column(Date)
    panel_response_on: Mapped[date | None] = mapped_column(Date)
    panel_response_outcome: Mapped[str | None] = mapped_column(String(20))
    panel_response: Mapped[str | None] = mapped_column(Text)


class AgencyRequest(Base):
    """A request to one agency for its contribution, and what it returned."""

    __tablename__ = "agency_requests"

    id: Mapped[str] = mapped_column(Uuid, primary_key=True)
    review_id: Mapped[str] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    agency: Mapped[str] = mapped_column(Text)
    contact: Mapped[str | None] = mapped_column(Text)
    sent: Mapped[date | None] = mapped_column(Date)
    due_working_days: Mapped[int] = mapped_column(Integer)
    returned: Mapped[date | None] = mapped_column(Date)
    summary: Mapped[str | None] = mapped_column(Text)

    entries: Mapped[list[ChronologyEntry]] = relationship(
        cascade="all, delete-orphan", order_by="ChronologyEntry.position"
    )
    episodes: Mapped[list[KeyPracticeEpisode]] = relationship(
        cascade="all, delete-orphan", order_by="KeyPracticeEpisode.position"
    )


class ChronologyEntry(Base):
    __tablename__ = "chronology_entries"

    id: Mapped[str] = mapped_column(Uuid, primary_key=True)
    request_id: Mapped[str] = mapped_column(
        ForeignKey("agency_requests.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    happened_on: Mapped[date] = mapped_column(Date)
    time: Mapped[str | None] = mapped_column(String(5))
    what_happened: Mapped[str] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    analysis: Mapped[str | None] = mapped_column(Text)


class KeyPracticeEpisode(Base):
    __tablename__ = "key_practice_episodes"

    id: Mapped[str] = mapped_column(Uuid, primary_key=True)
    request_id: Mapped[str] = mapped_column(
        ForeignKey("agency_requests.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    analysis: Mapped[str | None] = mapped_column(Text)


class PanelMeeting(Base):
    __tablename__ = "panel_meetings"

    id: Mapped[str] = mapped_column(Uuid, primary_key=True)
    review_id: Mapped[str] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    held_on: Mapped[date] = mapped_column(Date)

    attendees: Mapped[list[PanelAttendee]] = relationship(
        cascade="all, delete-orphan", order_by="PanelAttendee.position"
    )
    items: Mapped[list[PanelMeetingItem]] = relationship(
        cascade="all, delete-orphan", order_by="PanelMeetingItem.position"
    )


class PanelAttendee(Base):
    __tablename__ = "panel_attendees"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[str] = mapped_column(
        ForeignKey("panel_meetings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    agency: Mapped[str] = mapped_column(Text)
    name: Mapped[str | None] = mapped_column(Text)


class PanelMeetingItem(Base):
    """A decision or an immediate safeguarding action agreed at a panel meeting."""

    __tablename__ = "panel_meeting_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[str] = mapped_column(
        ForeignKey("panel_meetings.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))  # "decision" | "immediate_action"
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class ReviewMilestone(Base):
    __tablename__ = "review_milestones"
    __table_args__ = (UniqueConstraint("review_id", "milestone"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[str] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    milestone: Mapped[str] = mapped_column(String(30))
    happened_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)


class PublicationPause(Base):
    __tablename__ = "publication_pauses"

    id: Mapped[str] = mapped_column(Uuid, primary_key=True)
    review_id: Mapped[str] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)


# Learning into practice -----------------------------------------------------------------


class Dissemination(Base):
    """A 7-minute briefing delivered to a team or agency, and the team's action plan."""

    __tablename__ = "briefing_disseminations"

    id: Mapped[str] = mapped_column(Uuid, primary_key=True)
    briefing_id: Mapped[str] = mapped_column(
        ForeignKey("briefings.id", ondelete="CASCADE"), index=True
    )
    delivered_by: Mapped[str] = mapped_column(Text)
    audience: Mapped[str] = mapped_column(Text)
    delivered_on: Mapped[date] = mapped_column(Date, index=True)
    attendees: Mapped[int] = mapped_column(Integer)
    plan_due: Mapped[date | None] = mapped_column(Date)
    plan_returned: Mapped[date | None] = mapped_column(Date)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    revision: Mapped[str | None] = mapped_column(String(64))
    """The exchange revision (None: saved before deliveries had one; derived from the time)."""
    ancestors: Mapped[str | None] = mapped_column(Text)

    plan_actions: Mapped[list[TeamPlanAction]] = relationship(
        cascade="all, delete-orphan", order_by="TeamPlanAction.position"
    )


class TeamPlanAction(Base):
    """One action of a team's 7-minute briefing action plan."""

    __tablename__ = "team_plan_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    dissemination_id: Mapped[str] = mapped_column(
        ForeignKey("briefing_disseminations.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    due: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    completed: Mapped[date | None] = mapped_column(Date)


class ActionRagReview(Base):
    """An action's RAG status as reviewed on a date (e.g. at a panel meeting), with a note."""

    __tablename__ = "action_rag_reviews"

    id: Mapped[str] = mapped_column(Uuid, primary_key=True)
    action_id: Mapped[str] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"), index=True)
    reviewed_on: Mapped[date] = mapped_column(Date)
    rag: Mapped[str] = mapped_column(String(10))
    note: Mapped[str | None] = mapped_column(Text)
    reviewed_by: Mapped[str] = mapped_column(Text)
