"""Copying a review's workflow between its bundle record and database rows, both ways."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from reviewtool.bundle.workflow_schema import (
    AgencyRequestRecord,
    ChronologyEntryRecord,
    KeyPracticeEpisodeRecord,
    MilestoneRecord,
    PanelAttendeeRecord,
    PanelMeetingRecord,
    PanelResponseRecord,
    PauseRecord,
    RapidReviewReportRecord,
    WorkflowRecord,
)
from reviewtool.db.models import (
    AgencyRequest,
    ChronologyEntry,
    KeyPracticeEpisode,
    PanelAttendee,
    PanelMeeting,
    PanelMeetingItem,
    PublicationPause,
    ReviewMilestone,
    ReviewWorkflow,
)
from reviewtool.domain.milestones import Milestone
from reviewtool.domain.revisions import Lineage, next_revision
from reviewtool.domain.workflow import PanelOutcome
from reviewtool.services.clock import naive_utc, utc
from reviewtool.services.workflow.lineage import (
    set_workflow_lineage,
    workflow_content,
    workflow_lineage,
)

REPORT_FIELDS = tuple(RapidReviewReportRecord.model_fields)


def read_workflows(session: Session, review_ids: Sequence[str]) -> dict[str, WorkflowRecord]:
    """The workflow of each named review that has one, read in a few bulk queries."""
    if not review_ids:
        return {}
    ids = list(review_ids)
    heads = {
        w.review_id: w
        for w in session.scalars(select(ReviewWorkflow).where(ReviewWorkflow.review_id.in_(ids)))
    }
    requests: dict[str, list[AgencyRequest]] = {}
    for request in session.scalars(
        select(AgencyRequest)
        .where(AgencyRequest.review_id.in_(ids))
        .options(selectinload(AgencyRequest.entries), selectinload(AgencyRequest.episodes))
        .order_by(AgencyRequest.position)
    ):
        requests.setdefault(request.review_id, []).append(request)
    meetings: dict[str, list[PanelMeeting]] = {}
    for meeting in session.scalars(
        select(PanelMeeting)
        .where(PanelMeeting.review_id.in_(ids))
        .options(selectinload(PanelMeeting.attendees), selectinload(PanelMeeting.items))
        .order_by(PanelMeeting.held_on, PanelMeeting.id)
    ):
        meetings.setdefault(meeting.review_id, []).append(meeting)
    milestones: dict[str, list[ReviewMilestone]] = {}
    for milestone in session.scalars(
        select(ReviewMilestone).where(ReviewMilestone.review_id.in_(ids))
    ):
        milestones.setdefault(milestone.review_id, []).append(milestone)
    pauses: dict[str, list[PublicationPause]] = {}
    for pause in session.scalars(
        select(PublicationPause)
        .where(PublicationPause.review_id.in_(ids))
        .order_by(PublicationPause.start, PublicationPause.id)
    ):
        pauses.setdefault(pause.review_id, []).append(pause)
    return {
        review_id: _record(
            head,
            requests.get(review_id, []),
            meetings.get(review_id, []),
            milestones.get(review_id, []),
            pauses.get(review_id, []),
        )
        for review_id, head in heads.items()
    }


def _record(
    head: ReviewWorkflow,
    requests: list[AgencyRequest],
    meetings: list[PanelMeeting],
    milestones: list[ReviewMilestone],
    pauses: list[PublicationPause],
) -> WorkflowRecord:
    order = {m: i for i, m in enumerate(Milestone)}
    response = None
    if head.panel_response_on is not None and head.panel_response_outcome:
        response = PanelResponseRecord(
            received=head.panel_response_on,
            outcome=PanelOutcome(head.panel_response_outcome),
            text=head.panel_response,
        )
    lineage = workflow_lineage(head)
    return WorkflowRecord(
        review_id=head.review_id,
        updated_at=utc(head.updated_at),
        revision=lineage.revision,
        ancestors=list(lineage.ancestors),
        agency_requests=[_request_record(r) for r in requests],
        panel_meetings=[_meeting_record(m) for m in meetings],
        report=RapidReviewReportRecord(**{name: getattr(head, name) for name in REPORT_FIELDS}),
        panel_response=response,
        milestones=sorted(
            (
                MilestoneRecord(milestone=Milestone(m.milestone), date=m.happened_on, note=m.note)
                for m in milestones
            ),
            key=lambda m: order[m.milestone],
        ),
        pauses=[PauseRecord(id=p.id, reason=p.reason, start=p.start, end=p.end) for p in pauses],
    )


def _request_record(request: AgencyRequest) -> AgencyRequestRecord:
    return AgencyRequestRecord(
        id=request.id,
        agency=request.agency,
        contact=request.contact,
        sent=request.sent,
        due_working_days=request.due_working_days,
        returned=request.returned,
        summary=request.summary,
        chronology=[
            ChronologyEntryRecord(
                id=e.id,
                date=e.happened_on,
                time=e.time,
                what_happened=e.what_happened,
                source=e.source,
                analysis=e.analysis,
            )
            for e in request.entries
        ],
        key_practice_episodes=[
            KeyPracticeEpisodeRecord(
                id=k.id, title=k.title, description=k.description, analysis=k.analysis
            )
            for k in request.episodes
        ],
    )


def _meeting_record(meeting: PanelMeeting) -> PanelMeetingRecord:
    return PanelMeetingRecord(
        id=meeting.id,
        date=meeting.held_on,
        attendees=[PanelAttendeeRecord(agency=a.agency, name=a.name) for a in meeting.attendees],
        decisions=[i.text for i in meeting.items if i.kind == "decision"],
        immediate_actions=[i.text for i in meeting.items if i.kind == "immediate_action"],
    )


def write_workflow(
    session: Session, record: WorkflowRecord, updated_at: datetime, lineage: Lineage | None = None
) -> None:
    """Make the stored workflow of ``record.review_id`` exactly what ``record`` says, with
    ``lineage`` as its revision (None: a local save, one revision on from the stored one)."""
    review_id = record.review_id
    head = session.get(ReviewWorkflow, review_id)
    if lineage is None:
        content = workflow_content(record)
        lineage = (
            Lineage(next_revision(None, content))
            if head is None
            else workflow_lineage(head).after_save(content)
        )
    if head is None:
        head = ReviewWorkflow(review_id=review_id)
        session.add(head)
    head.updated_at = naive_utc(updated_at)
    set_workflow_lineage(head, lineage)
    for name in REPORT_FIELDS:
        setattr(head, name, getattr(record.report, name))
    response = record.panel_response
    head.panel_response_on = response.received if response else None
    head.panel_response_outcome = response.outcome.value if response else None
    head.panel_response = response.text if response else None
    # Child rows are replaced whole: they are small and their ids travel in the record.
    # Deleting through the session (not in bulk) keeps its identity map true, so the same
    # ids can be added again in this flush.
    for table in (AgencyRequest, PanelMeeting, ReviewMilestone, PublicationPause):
        for row in session.scalars(select(table).where(table.review_id == review_id)):
            session.delete(row)
    session.flush()
    session.add_all(_request_row(review_id, i, r) for i, r in enumerate(record.agency_requests))
    session.add_all(_meeting_row(review_id, m) for m in record.panel_meetings)
    session.add_all(
        ReviewMilestone(
            review_id=review_id, milestone=m.milestone.value, happened_on=m.date, note=m.note
        )
        for m in record.milestones
    )
    session.add_all(
        PublicationPause(id=p.id, review_id=review_id, reason=p.reason, start=p.start, end=p.end)
        for p in record.pauses
    )
    session.flush()


def _request_row(review_id: str, position: int, record: AgencyRequestRecord) -> AgencyRequest:
    return AgencyRequest(
        id=record.id,
        review_id=review_id,
        position=position,
        agency=record.agency,
        contact=record.contact,
        sent=record.sent,
        due_working_days=record.due_working_days,
        returned=record.returned,
        summary=record.summary,
        entries=[
            ChronologyEntry(
                id=e.id,
                position=i,
                happened_on=e.date,
                time=e.time,
                what_happened=e.what_happened,
                source=e.source,
                analysis=e.analysis,
            )
            for i, e in enumerate(record.chronology)
        ],
        episodes=[
            KeyPracticeEpisode(
                id=k.id, position=i, title=k.title, description=k.description, analysis=k.analysis
            )
            for i, k in enumerate(record.key_practice_episodes)
        ],
    )


def _meeting_row(review_id: str, record: PanelMeetingRecord) -> PanelMeeting:
    items = [
        PanelMeetingItem(kind="decision", position=i, text=t)
        for i, t in enumerate(record.decisions)
    ] + [
        PanelMeetingItem(kind="immediate_action", position=i, text=t)
        for i, t in enumerate(record.immediate_actions)
    ]
    return PanelMeeting(
        id=record.id,
        review_id=review_id,
        held_on=record.date,
        attendees=[
            PanelAttendee(position=i, agency=a.agency, name=a.name)
            for i, a in enumerate(record.attendees)
        ],
        items=items,
    )
