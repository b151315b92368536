"""The optional ``workflow`` section of a bundle: what the statutory workflow recorded.

One entry per review that has any: the requests to agencies and their returns (summary,
chronology, key practice episodes), panel meetings, the rapid review report's own text and
sign-off, the Panel's response, a local review's milestones and publication pauses. Older
bundles simply have no such section; older readers ignore it.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictInt

from reviewtool.bundle.fields import IsoDate, RequiredText, Text, Timestamp, Uuid
from reviewtool.domain.milestones import Milestone
from reviewtool.domain.revisions import HISTORY_LIMIT, REVISION_PATTERN
from reviewtool.domain.workflow import PanelOutcome

ClockTime = Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]
DEFAULT_DUE_WORKING_DAYS = 5
# The same revision fields as reviews carry (``schema.Revised``), repeated here because the
# main schema imports this module.
WorkflowRevisionId = Annotated[str, Field(pattern=REVISION_PATTERN, max_length=80)]


class _Record(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True)


class ChronologyEntryRecord(_Record):
    id: Uuid
    date: IsoDate
    time: ClockTime | None = None
    what_happened: RequiredText
    source: Text | None = None
    analysis: Text | None = None


class KeyPracticeEpisodeRecord(_Record):
    id: Uuid
    title: RequiredText
    description: Text | None = None
    analysis: Text | None = None


class AgencyRequestRecord(_Record):
    id: Uuid
    agency: RequiredText
    contact: Text | None = None
    sent: IsoDate | None = None
    due_working_days: Annotated[StrictInt, Field(ge=1, le=60)] = DEFAULT_DUE_WORKING_DAYS
    returned: IsoDate | None = None
    summary: Text | None = None
    chronology: list[ChronologyEntryRecord] = Field(default_factory=list)
    key_practice_episodes: list[KeyPracticeEpisodeRecord] = Field(default_factory=list)


class PanelAttendeeRecord(_Record):
    agency: RequiredText
    name: Text | None = None


class PanelMeetingRecord(_Record):
    id: Uuid
    date: IsoDate
    attendees: list[PanelAttendeeRecord] = Field(default_factory=list)
    decisions: list[RequiredText] = Field(default_factory=list)
    immediate_actions: list[RequiredText] = Field(default_factory=list)


class RapidReviewReportRecord(_Record):
    """The rapid review report's own text (the rest comes from the review itself)."""

    child_and_family: Text | None = None
    analysis: Text | None = None
    inequalities: Text | None = None
    criterion_a: Text | None = None
    criterion_b: Text | None = None
    criterion_c: Text | None = None
    criterion_d: Text | None = None
    signed_off_by: Text | None = None
    signed_off_on: IsoDate | None = None


class PanelResponseRecord(_Record):
    received: IsoDate
    outcome: PanelOutcome
    text: Text | None = None


class MilestoneRecord(_Record):
    milestone: Milestone
    date: IsoDate
    note: Text | None = None


class PauseRecord(_Record):
    id: Uuid
    reason: RequiredText
    start: IsoDate
    end: IsoDate | None = None


class WorkflowRecord(_Record):
    review_id: Uuid
    updated_at: Timestamp
    revision: WorkflowRevisionId | None = None
    """Bundle version 2 (optional): the workflow's own revision, as a review's."""
    ancestors: Annotated[list[WorkflowRevisionId], Field(max_length=HISTORY_LIMIT * 5)] = Field(
        default_factory=list
    )
    agency_requests: list[AgencyRequestRecord] = Field(default_factory=list)
    panel_meetings: list[PanelMeetingRecord] = Field(default_factory=list)
    report: RapidReviewReportRecord = Field(default_factory=RapidReviewReportRecord)
    panel_response: PanelResponseRecord | None = None
    milestones: list[MilestoneRecord] = Field(default_factory=list)
    pauses: list[PauseRecord] = Field(default_factory=list)
