"""The agency returns tab: requests, templates, imports and the chronology, as a user works."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from reviewtool.services.workflow.editing import load_workflow
from reviewtool.ui.main_window import MainWindow
from tests.gui.conftest import Answers

RAPID_REVIEW = "NSP-RR-2026-04"


def _open(window: MainWindow, reference: str) -> None:
    from reviewtool.services.lookup import resolve_review_id

    with window.store.transaction() as session:
        review_id = resolve_review_id(session, reference)
    window.reviews.editor.open_review(review_id)


def _fill(path: Path, rows: list[tuple[object, ...]]) -> None:
    book = load_workbook(path)
    for number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            book["Chronology"].cell(row=number, column=column, value=value)
    book.save(path)


def test_agency_returns_tab_round_trip(
    window: MainWindow, qtbot: QtBot, answers: Answers, tmp_path: Path
) -> None:
    editor = window.reviews.editor
    _open(window, RAPID_REVIEW)
    tab = editor.workflow.agency_returns
    assert editor.tabs.isTabVisible(editor.tabs.indexOf(editor.workflow.pages[tab]))
    editor.tabs.setCurrentWidget(editor.workflow.pages[tab])

    assert tab.add_request("Police", "DS Grey", 5)
    assert tab.add_request("Health visiting", None, 3)
    assert tab.requests.rowCount() == 2
    # Sent Sat 21/11/2026: 5 working days -> Fri 27/11; 3 -> Wed 25/11.
    assert tab.requests.item(0, 3).text() == "27/11/2026"
    assert tab.requests.item(1, 3).text() == "25/11/2026"
    # Saturday to Friday: Monday to Friday are the five working days still to come.
    assert tab.requests.item(0, 5).text() == "due in 5 working days"

    police, health = tmp_path / "police.xlsx", tmp_path / "health.xlsx"
    assert tab.write_template(0, police) and tab.write_template(1, health)
    _fill(
        police,
        [(date(2026, 10, 1), "14:05", "Officers attended after a 999 call; spoke to mother")],
    )
    _fill(
        health,
        [
            (date(2026, 10, 1), None, "Officers attended after 999 call, spoke to mother"),
            (date(2026, 9, 20), None, "New birth visit"),
        ],
    )
    assert tab.import_file(police) and tab.import_file(health)
    assert "Police: 1 chronology entry and 0 key practice episodes" in answers.asked[-2]
    assert tab.requests.item(0, 5).text() == "returned (1 entry)"
    assert tab.chronology.rowCount() == 3
    assert [tab.chronology.item(r, 1).text() for r in range(3)] == [
        "Health visiting",
        "Health visiting",
        "Police",
    ]
    assert tab.chronology.item(2, 4).text() == "Health visiting"
    assert "2 marked as possible duplicates" in tab.summary.text()

    tab.agency_filter.setCurrentText("Police")
    assert tab.chronology.rowCount() == 1
    tab.agency_filter.setCurrentIndex(0)
    tab.start.setText("01/10/2026")
    assert tab.chronology.rowCount() == 2
    window.grab().save(str(tmp_path / "agency-returns.png"))

    # A bad return is refused with every cell named, and nothing changes.
    _fill(health, [("not a date", "", "")])
    assert not tab.import_file(health)
    assert "row 2, column A" in answers.asked[-1] and "row 2, column C" in answers.asked[-1]
    assert len(load_workflow(window.store, RAPID_REVIEW).record.agency_requests[1].chronology) == 2


def test_workflow_tabs_hidden_for_other_kinds(window: MainWindow) -> None:
    editor = window.reviews.editor
    _open(window, "NSP-CSPR-2025-01")
    assert not editor.tabs.isTabVisible(
        editor.tabs.indexOf(editor.workflow.pages[editor.workflow.agency_returns])
    )


def test_panel_tab_saves_meetings_report_and_response(
    window: MainWindow, answers: Answers, tmp_path: Path
) -> None:
    from reviewtool.domain.workflow import PanelOutcome

    editor = window.reviews.editor
    _open(window, RAPID_REVIEW)
    tab = editor.workflow.panel
    editor.tabs.setCurrentWidget(editor.workflow.pages[tab])
    tab.add_meeting()
    tab.meeting_date.setText("17/11/2026")
    tab.attendees.setPlainText("Police: DI Amber\nHealth visiting")
    tab.decisions.setPlainText("Recommend a local review")
    tab.immediate_actions.setPlainText("Sibling seen by GP")
    tab.analysis.setPlainText("Risk was not seen as cumulative.")
    tab.criteria["c"].setPlainText("Agencies did not share information.")
    tab.signed_off_by.setText("Partnership chair")
    tab.response_outcome.setCurrentIndex(
        tab.response_outcome.findData(PanelOutcome.MORE_INFORMATION)
    )
    # A response without the date it came is refused and nothing is saved.
    assert not tab.save_form()
    assert "Panel's response received" in answers.asked[-1]
    tab.response_on.setText("20/11/2026")
    assert tab.save_form()
    window.grab().save(str(tmp_path / "panel.png"))

    record = load_workflow(window.store, RAPID_REVIEW).record
    meeting = record.panel_meetings[0]
    assert meeting.date == date(2026, 11, 17)
    assert [(a.agency, a.name) for a in meeting.attendees] == [
        ("Police", "DI Amber"),
        ("Health visiting", None),
    ]
    assert meeting.immediate_actions == ["Sibling seen by GP"]
    assert record.report.criterion_c == "Agencies did not share information."
    assert record.panel_response is not None
    assert record.panel_response.outcome is PanelOutcome.MORE_INFORMATION

    assert tab.write_report(tmp_path / "rr.docx")
    from docx import Document

    text = "\n".join(p.text for p in Document(str(tmp_path / "rr.docx")).paragraphs)
    assert "Sibling seen by GP (agreed 17/11/2026)" in text
    assert "Asks for more information (received 20/11/2026)." in text


def test_milestones_tab_dates_pauses_and_dashboard(
    window: MainWindow, answers: Answers, tmp_path: Path
) -> None:
    from reviewtool.domain.milestones import Milestone

    editor = window.reviews.editor
    _open(window, "NSP-CSPR-2025-01")
    tab = editor.workflow.milestones
    assert editor.tabs.isTabVisible(editor.tabs.indexOf(editor.workflow.pages[tab]))
    assert not editor.tabs.isTabVisible(
        editor.tabs.indexOf(editor.workflow.pages[editor.workflow.panel])
    )
    editor.tabs.setCurrentWidget(editor.workflow.pages[tab])
    assert "working days late" in tab.clock.text()

    tab.dates[Milestone.TERMS_OF_REFERENCE].setText("01/06/2025")
    tab.notes[Milestone.REVIEWER_COMMISSIONED].setText("Awaiting budget")
    assert not tab.save_milestones()
    assert "Reviewer commissioned: give the date" in answers.asked[-1]
    tab.notes[Milestone.REVIEWER_COMMISSIONED].clear()
    tab.dates[Milestone.REVIEWER_COMMISSIONED].setText("not a date")
    assert not tab.save_milestones()
    tab.dates[Milestone.REVIEWER_COMMISSIONED].setText("15/06/2025")
    assert tab.save_milestones()

    before = tab.clock.text()
    tab.pause_reason.setText("Parallel criminal proceedings")
    tab.pause_start.setText("01/09/2025")
    assert tab.add_pause()
    assert tab.pauses.rowCount() == 1 and tab.pauses.item(0, 2).text() == "continuing"
    assert "paused time excluded" in tab.clock.text() and tab.clock.text() != before
    window.grab().save(str(tmp_path / "milestones.png"))

    record = load_workflow(window.store, "NSP-CSPR-2025-01").record
    assert [m.milestone for m in record.milestones] == [
        Milestone.TERMS_OF_REFERENCE,
        Milestone.REVIEWER_COMMISSIONED,
    ]
    assert record.pauses[0].end is None

    tab.pauses.setCurrentCell(0, 0)
    assert tab.end_pause()
    assert load_workflow(window.store, "NSP-CSPR-2025-01").record.pauses[0].end == date(
        2026, 11, 21
    )

    window.dashboard.refresh()
    html = window.dashboard.view.toPlainText()
    assert "Open local reviews: next milestone" in html
    assert "next: Practitioner learning event" in html


def test_unsaved_workflow_text_is_saved_before_moving_on(
    window: MainWindow, answers: Answers
) -> None:
    editor = window.reviews.editor
    _open(window, RAPID_REVIEW)
    tab = editor.workflow.panel
    assert not tab.has_unsaved()
    tab.inequalities.setPlainText("Interpreters were not offered.")
    assert tab.has_unsaved()
    assert editor.maybe_save()
    assert load_workflow(window.store, RAPID_REVIEW).record.report.inequalities == (
        "Interpreters were not offered."
    )
    # A date that cannot be read keeps the person where they are, text on screen.
    tab.signed_off_on.setText("31/02/2026")
    assert not editor.maybe_save()
    assert editor.tabs.currentWidget() is editor.workflow.pages[tab]
    assert tab.signed_off_on.text() == "31/02/2026"


def test_copy_to_panel_days_is_a_setting(window: MainWindow) -> None:
    from reviewtool.domain.milestones import Milestone
    from reviewtool.services.settings import load_settings

    window.nav.setCurrentRow(4)
    window.settings_page.copy_days.setValue(10)
    window.settings_page.save()
    assert load_settings(window.store).copy_to_panel_working_days == 10
    window.nav.setCurrentRow(1)
    _open(window, "NSP-CSPR-2025-01")
    tab = window.reviews.editor.workflow.milestones
    # Publication expected Thu 06/11/2025 (no pause): 10 working days before is Thu 23/10.
    assert tab.states[Milestone.COPY_TO_PANEL].text().startswith("due 23/10/2025: ")
