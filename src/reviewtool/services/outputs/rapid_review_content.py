"""The rapid review report's content, in the order the National Panel expects to read it."""

from __future__ import annotations

from datetime import date

from reviewtool.bundle.schema import ChildRecord, ReviewRecord
from reviewtool.bundle.workflow_schema import WorkflowRecord
from reviewtool.domain.children import age_band
from reviewtool.domain.chronology import ChronologyLine
from reviewtool.domain.deadlines import notification_due, rapid_review_due, working_days_late
from reviewtool.domain.workflow import (
    CRITERION_LABELS,
    DECISION_LABELS,
    working_days_to_submission,
)
from reviewtool.reports.document_model import Block, Bullets, Paragraph, Section, Subheading, Table
from reviewtool.services.workflow.chronology import integrated_chronology


def _day(value: date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else "not recorded"


def _or_none(text: str | None, missing: str = "Not yet written.") -> Paragraph:
    return Paragraph(text.strip() if text and text.strip() else missing)


def timeliness(review: ReviewRecord) -> Section:
    dates = review.dates
    rows = [
        ["Incident", _day(dates.incident)],
        ["Local authority became aware", _day(dates.aware)],
    ]
    notified = dates.notified
    if notified and dates.aware:
        late = working_days_late(notification_due(dates.aware), notified)
        rows.append(
            [
                "Notified to the National Panel",
                f"{_day(notified)} ("
                + ("within 5 working days" if not late else f"{late} working days after the 5")
                + ")",
            ]
        )
    else:
        rows.append(["Notified to the National Panel", _day(notified)])
    rows.append(["Rapid review meeting", _day(dates.rapid_review_meeting)])
    blocks: list[Block] = [Table(["", "Date"], rows, [1, 2])]
    submitted = dates.rapid_review_submitted
    if notified and submitted:
        days = working_days_to_submission(notified, submitted)
        verdict = "within the expected 15" if days <= 15 else f"{days - 15} beyond the expected 15"
        blocks.append(
            Paragraph(
                f"Submitted to the National Panel on {_day(submitted)}: {days} working days "
                f"after the notification ({verdict}).",
                "Timeliness:",
            )
        )
    elif notified:
        blocks.append(
            Paragraph(
                f"Not yet submitted; expected by {_day(rapid_review_due(notified))} "
                "(15 working days after the notification).",
                "Timeliness:",
            )
        )
    kind = review.notification_type.label.lower() if review.notification_type else None
    if kind:
        blocks.append(Paragraph(kind.capitalize(), "Notification type:"))
    return Section("Notification and timeliness", blocks)


def _child_line(child: ChildRecord) -> str:
    if child.unborn:
        age = "unborn"
    elif child.age_months is None:
        age = "age not recorded"
    elif child.age_months < 24:
        age = f"{child.age_months} months old"
    else:
        age = f"{child.age_months // 12} years old"
    yes_no = {True: "yes", False: "no", None: "not recorded"}
    parts = [
        f"{child.pseudonym or 'Child'}: {age} ({age_band(child.age_months, child.unborn).value})",
        f"sex {child.sex.value}",
        f"ethnicity {child.ethnicity or 'not recorded'}",
        f"disability {yes_no[child.disability]}",
        f"looked after {yes_no[child.looked_after]}",
        f"plan {child.plan.value.replace('_', ' ')}",
        f"known to children's social care {yes_no[child.known_to_csc]}",
    ]
    return "; ".join(parts)


def child_and_family(review: ReviewRecord, workflow: WorkflowRecord) -> Section:
    blocks: list[Block] = []
    if review.children:
        blocks.append(Bullets([_child_line(child) for child in review.children]))
    if review.agencies:
        blocks.append(Paragraph(", ".join(review.agencies) + ".", "Agencies known to the family:"))
    blocks.append(_or_none(workflow.report.child_and_family, "The household is not yet described."))
    return Section("The child and family", blocks)


def _what(line: ChronologyLine) -> str:
    if not line.duplicate_of:
        return line.what_happened
    return f"{line.what_happened} [possibly the same event as recorded by " + (
        ", ".join(line.duplicate_of) + "]"
    )


def agency_involvement(workflow: WorkflowRecord) -> list[Section]:
    requests = workflow.agency_requests
    rows = [[r.agency, _day(r.sent), _day(r.returned), str(len(r.chronology))] for r in requests]
    blocks: list[Block] = [
        Table(["Agency", "Asked", "Returned", "Chronology entries"], rows, [3, 1.3, 1.3, 1.2])
        if rows
        else Paragraph("No agency has been asked for a contribution yet.")
    ]
    for request in requests:
        blocks += [Subheading(request.agency), _or_none(request.summary, "No summary returned.")]
    lines = integrated_chronology(workflow)
    chronology: list[Block] = []
    if lines:
        chronology.append(
            Table(
                ["Date", "Agency", "What happened"],
                [
                    [
                        _day(line.happened_on) + (f" {line.time}" if line.time else ""),
                        line.agency,
                        _what(line),
                    ]
                    for line in lines
                ],
                [1.2, 1.5, 5],
            )
        )
    else:
        chronology.append(Paragraph("No chronology entries have been returned yet."))
    return [
        Section("Agency involvement", blocks),
        Section("Integrated chronology", chronology),
    ]


def analysis(workflow: WorkflowRecord) -> Section:
    blocks: list[Block] = [_or_none(workflow.report.analysis)]
    for request in workflow.agency_requests:
        for episode in request.key_practice_episodes:
            text = episode.description or ""
            if episode.analysis:
                text += ("\n\n" if text else "") + f"Analysis: {episode.analysis}"
            blocks.append(
                Paragraph(text or "No detail given.", f"{episode.title} ({request.agency}):")
            )
    return Section("Analysis and key practice episodes", blocks)


def learning_sections(review: ReviewRecord, workflow: WorkflowRecord) -> list[Section]:
    actions = [
        f"{action} (agreed {_day(meeting.date)})"
        for meeting in workflow.panel_meetings
        for action in meeting.immediate_actions
    ]
    return [
        Section(
            "Race, culture, disability and other inequalities",
            [_or_none(workflow.report.inequalities)],
        ),
        Section(
            "Good practice",
            [
                Bullets(review.good_practice)
                if review.good_practice
                else Paragraph("None recorded.")
            ],
        ),
        Section(
            "Immediate safeguarding actions",
            [Bullets(actions) if actions else Paragraph("None recorded.")],
        ),
        Section(
            "Learning identified and areas to improve",
            [Bullets(review.learning) if review.learning else Paragraph("None recorded yet.")],
        ),
    ]


def criteria_and_decision(review: ReviewRecord, workflow: WorkflowRecord) -> list[Section]:
    met = {c.value for c in review.criteria}
    rows = [
        [
            label,
            "Met" if letter in met else "Not met",
            getattr(workflow.report, f"criterion_{letter}") or "No view recorded.",
        ]
        for letter, label in CRITERION_LABELS.items()
    ]
    decisions = [d for meeting in workflow.panel_meetings for d in meeting.decisions]
    blocks: list[Block] = [
        Paragraph(
            DECISION_LABELS[review.decision.value] if review.decision else "Not yet decided.",
            "Decision:",
        ),
        _or_none(review.decision_rationale, "The rationale is not yet recorded."),
    ]
    if decisions:
        blocks += [Subheading("Decisions of the panel meetings"), Bullets(decisions)]
    return [
        Section(
            "Regulation 11 criteria",
            [
                Paragraph(
                    "Meeting a criterion does not by itself mean a local review must be held."
                ),
                Table(["Criterion", "Met?", "The safeguarding partners' view"], rows, [3, 0.8, 4]),
            ],
        ),
        Section("Decision and rationale", blocks),
    ]


def meetings_and_sign_off(workflow: WorkflowRecord) -> list[Section]:
    meetings: list[Block] = []
    for meeting in workflow.panel_meetings:
        attendees = [f"{a.agency}" + (f": {a.name}" if a.name else "") for a in meeting.attendees]
        meetings += [
            Subheading(f"Meeting of {_day(meeting.date)}"),
            Bullets(attendees) if attendees else Paragraph("Attendance not recorded."),
        ]
    report = workflow.report
    sign_off = (
        Paragraph(f"{report.signed_off_by} on {_day(report.signed_off_on)}.", "Signed off by:")
        if report.signed_off_by
        else Paragraph("Not yet signed off by the safeguarding partners.")
    )
    response = workflow.panel_response
    panel = (
        [
            Paragraph(
                f"{response.outcome.label} (received {_day(response.received)}).", "Response:"
            ),
            _or_none(response.text, ""),
        ]
        if response
        else [Paragraph("Awaited.")]
    )
    return [
        Section("Panel meetings and attendance", meetings or [Paragraph("No meeting recorded.")]),
        Section("Sign-off by the safeguarding partners", [sign_off]),
        Section("The National Panel's response", panel),
    ]
