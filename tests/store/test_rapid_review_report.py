"""The rapid review report for the National Panel: its content, timeliness and the check."""

from __future__ import annotations

import subprocess
import uuid
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from reviewtool.bundle.schema import ChildRecord, ReviewDates
from reviewtool.bundle.workflow_schema import (
    AgencyRequestRecord,
    ChronologyEntryRecord,
    KeyPracticeEpisodeRecord,
    PanelAttendeeRecord,
    PanelMeetingRecord,
    PanelResponseRecord,
    RapidReviewReportRecord,
)
from reviewtool.domain.enums import Criterion, Decision
from reviewtool.domain.workflow import PanelOutcome
from reviewtool.services.outputs.publication import PublicationBlocked
from reviewtool.services.outputs.rapid_review_report import export_rapid_review_report
from reviewtool.services.store import Store
from reviewtool.services.workflow.editing import load_workflow, save_workflow
from tests.store.workflow_fixtures import TODAY, add_rapid_review


def _uuid() -> str:
    return str(uuid.uuid4())


def _complete_rapid_review(store: Store, **changes: object) -> None:
    add_rapid_review(
        store,
        dates=ReviewDates(
            aware=date(2022, 4, 4),
            notified=date(2022, 4, 5),
            rapid_review_meeting=date(2022, 4, 21),
            rapid_review_submitted=date(2022, 4, 26),
        ),
        children=[ChildRecord(pseudonym="Child J", age_months=0, ethnicity="White British")],
        decision=Decision.LCSPR,
        decision_rationale="Two agencies did not share what they knew.",
        criteria=[Criterion.IMPROVEMENTS_NEEDED, Criterion.MULTI_AGENCY_CONCERNS],
        good_practice=["The health visitor persisted with visits"],
        learning=["Safer sleep advice must include fathers"],
        **changes,
    )
    loaded = load_workflow(store, "RR-1")
    record = loaded.record.model_copy(
        update={
            "agency_requests": [
                AgencyRequestRecord(
                    id=_uuid(),
                    agency="Police",
                    sent=date(2022, 4, 6),
                    returned=date(2022, 4, 13),
                    summary="Police knew of domestic abuse — Ünïcödé ✓",
                    chronology=[
                        ChronologyEntryRecord(
                            id=_uuid(), date=date(2022, 3, 1), what_happened="Call-out to the home"
                        )
                    ],
                    key_practice_episodes=[
                        KeyPracticeEpisodeRecord(
                            id=_uuid(), title="The March call-out", analysis="No DASH completed"
                        )
                    ],
                )
            ],
            "panel_meetings": [
                PanelMeetingRecord(
                    id=_uuid(),
                    date=date(2022, 4, 21),
                    attendees=[PanelAttendeeRecord(agency="Police", name="DI Amber")],
                    decisions=["Recommend a local review"],
                    immediate_actions=["Sibling seen by the GP within a week"],
                )
            ],
            "report": RapidReviewReportRecord(
                child_and_family="Child J lived with mother and her partner.",
                analysis="Risk was not seen as cumulative.",
                inequalities="Interpreters were not used.",
                criterion_a="Improvements are needed in safer sleep advice.",
                criterion_c="Police and health did not share information.",
                signed_off_by="Chair of the partnership",
                signed_off_on=date(2022, 4, 25),
            ),
            "panel_response": PanelResponseRecord(
                received=date(2022, 5, 20), outcome=PanelOutcome.AGREE, text="The Panel agrees."
            ),
        }
    )
    save_workflow(store, record, loaded.stored_at, TODAY)


def test_report_holds_everything_the_panel_expects(store: Store, tmp_path: Path) -> None:
    _complete_rapid_review(store)
    export_rapid_review_report(store, "RR-1", tmp_path / "rr.docx")
    document = Document(str(tmp_path / "rr.docx"))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading 1")]
    assert headings == [
        "Notification and timeliness",
        "The child and family",
        "Agency involvement",
        "Integrated chronology",
        "Analysis and key practice episodes",
        "Race, culture, disability and other inequalities",
        "Good practice",
        "Immediate safeguarding actions",
        "Learning identified and areas to improve",
        "Regulation 11 criteria",
        "Decision and rationale",
        "Panel meetings and attendance",
        "Sign-off by the safeguarding partners",
        "The National Panel's response",
    ]
    # Notified Tue 05/04/2022, submitted Tue 26/04/2022: 15 weekdays less Good Friday and
    # Easter Monday = 13 working days.
    assert "13 working days after the notification (within the expected 15)" in text
    assert "Police knew of domestic abuse — Ünïcödé ✓" in text
    assert "Call-out to the home" in text and "The March call-out" in text
    assert "Sibling seen by the GP within a week" in text
    assert "Police and health did not share information." in text
    assert "A local child safeguarding practice review will be held" in text
    assert "Chair of the partnership on 25/04/2022." in text
    assert "Agrees with the partners' decision (received 20/05/2022)." in text
    assert "OFFICIAL-SENSITIVE" in text


def test_pdf_report_text_and_fonts(store: Store, tmp_path: Path) -> None:
    _complete_rapid_review(store)
    path = tmp_path / "rr.pdf"
    export_rapid_review_report(store, "RR-1", path)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "Regulation 11 criteria" in text and "Ünïcödé ✓" in text
    assert "13 working days" in text
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert "Helvetica" not in fonts


def test_late_submission_is_counted_in_working_days(store: Store, tmp_path: Path) -> None:
    add_rapid_review(
        store,
        dates=ReviewDates(notified=date(2026, 10, 27), rapid_review_submitted=date(2026, 11, 20)),
    )
    export_rapid_review_report(store, "RR-1", tmp_path / "rr.docx")
    text = "\n".join(p.text for p in Document(str(tmp_path / "rr.docx")).paragraphs)
    # Tue 27/10 -> Fri 20/11/2026: 18 weekdays, no bank holidays: 3 beyond the 15.
    assert "18 working days after the notification (3 beyond the expected 15)" in text


def test_publication_check_blocks_identifiers(store: Store, tmp_path: Path) -> None:
    _complete_rapid_review(store, identifiers=["Jayden Smith"])
    loaded = load_workflow(store, "RR-1")
    record = loaded.record.model_copy(
        update={"report": loaded.record.report.model_copy(update={"analysis": "Jayden was seen."})}
    )
    save_workflow(store, record, loaded.stored_at, TODAY)
    with pytest.raises(PublicationBlocked, match="part of a protected name"):
        export_rapid_review_report(store, "RR-1", tmp_path / "rr.docx")
    assert not (tmp_path / "rr.docx").exists()
    export_rapid_review_report(store, "RR-1", tmp_path / "rr.docx", override_reason="Panel copy")
    assert (tmp_path / "rr.docx").exists()


def test_check_command_covers_the_rapid_review_report(store: Store) -> None:
    from reviewtool.services.outputs.review_check import check_review

    _complete_rapid_review(store, identifiers=["Jayden Smith"])
    assert not [h for h in check_review(store, "RR-1") if "rapid review report" in h.where]
    loaded = load_workflow(store, "RR-1")
    record = loaded.record.model_copy(
        update={"report": loaded.record.report.model_copy(update={"analysis": "Mr Smith left."})}
    )
    save_workflow(store, record, loaded.stored_at, TODAY)
    hits = [h for h in check_review(store, "RR-1") if h.where.startswith("rapid review report")]
    assert hits and hits[0].where == "rapid review report: Analysis and key practice episodes"
