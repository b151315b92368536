"""Panel meetings, the rapid review report's own text, sign-off and the Panel's response."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reviewtool.bundle.workflow_schema import (
    PanelAttendeeRecord,
    PanelMeetingRecord,
    PanelResponseRecord,
    RapidReviewReportRecord,
    WorkflowRecord,
)
from reviewtool.domain.errors import InvalidInput, ReviewtoolError
from reviewtool.domain.workflow import CRITERION_LABELS, PanelOutcome
from reviewtool.services.store import Store
from reviewtool.ui.editor.base import optional_text
from reviewtool.ui.editor.workflow_base import WorkflowTab, ask_path
from reviewtool.ui.operations import show_error
from reviewtool.ui.widgets import DateField, format_date


def _box(name: str, height: int = 80) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    return box


def _lines(box: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in box.toPlainText().splitlines() if line.strip()]


def parse_attendee(line: str) -> PanelAttendeeRecord:
    """'Agency: Name' (or just 'Agency') as one attendee."""
    agency, _, name = line.partition(":")
    return PanelAttendeeRecord(agency=agency.strip(), name=name.strip() or None)


class PanelTab(WorkflowTab):
    def __init__(self, store: Store, today: date) -> None:
        super().__init__(store, today)
        self.meetings: list[PanelMeetingRecord] = []
        self._current = -1
        self.meeting_list = QListWidget()
        self.meeting_list.setAccessibleName("Panel meetings")
        self.meeting_list.setMaximumHeight(110)
        self.meeting_list.currentRowChanged.connect(self._select_meeting)
        add = QPushButton("Add &meeting")
        add.clicked.connect(self.add_meeting)
        remove = QPushButton("Remove meeting")
        remove.clicked.connect(self.remove_meeting)
        self.meeting_date = DateField("Meeting date")
        self.attendees = _box("Attendees, one a line: Agency: Name")
        self.decisions = _box("Decisions, one a line")
        self.immediate_actions = _box("Immediate safeguarding actions, one a line")
        meeting_box = QGroupBox("Panel meetings")
        meeting_buttons = QHBoxLayout()
        meeting_buttons.addWidget(add)
        meeting_buttons.addWidget(remove)
        meeting_buttons.addStretch(1)
        meeting_form = QFormLayout()
        meeting_form.addRow("Date", self.meeting_date)
        meeting_form.addRow("Attendees (Agency: Name)", self.attendees)
        meeting_form.addRow("Decisions", self.decisions)
        meeting_form.addRow("Immediate safeguarding actions", self.immediate_actions)
        meeting_layout = QVBoxLayout(meeting_box)
        meeting_layout.addLayout(meeting_buttons)
        meeting_layout.addWidget(self.meeting_list)
        meeting_layout.addLayout(meeting_form)

        self.child_and_family = _box("The child and family")
        self.analysis = _box("Analysis")
        self.inequalities = _box("Race, culture, disability and other inequalities")
        self.criteria = {
            letter: _box(f"Partners' view on criterion {letter}", 60) for letter in "abcd"
        }
        self.signed_off_by = QLineEdit()
        self.signed_off_by.setAccessibleName("Signed off by")
        self.signed_off_on = DateField("Signed off on")
        report_box = QGroupBox("Rapid review report")
        report_form = QFormLayout(report_box)
        report_form.addRow("The child and family", self.child_and_family)
        report_form.addRow("Analysis", self.analysis)
        report_form.addRow("Inequalities", self.inequalities)
        for letter, box in self.criteria.items():
            box.setToolTip(CRITERION_LABELS[letter])
            report_form.addRow(f"Criterion ({letter}): partners' view", box)
        report_form.addRow("Signed off by", self.signed_off_by)
        report_form.addRow("Signed off on", self.signed_off_on)

        self.response_on = DateField("Panel's response received")
        self.response_outcome = QComboBox()
        self.response_outcome.setAccessibleName("The Panel's response")
        self.response_outcome.addItem("Awaited", None)
        for outcome in PanelOutcome:
            self.response_outcome.addItem(outcome.label, outcome)
        self.response_text = _box("What the Panel said", 60)
        response_box = QGroupBox("The National Panel's response")
        response_form = QFormLayout(response_box)
        response_form.addRow("Received", self.response_on)
        response_form.addRow("Response", self.response_outcome)
        response_form.addRow("What the Panel said", self.response_text)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        for group in (meeting_box, report_box, response_box):
            content_layout.addWidget(group)
        scroll = QScrollArea()
        scroll.setAccessibleName("Panel meetings and the rapid review report")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        self.save_button = QPushButton("Save panel and repor&t")
        self.save_button.clicked.connect(self.save_form)
        self.report_button = QPushButton("&Write rapid review report…")
        self.report_button.clicked.connect(self.ask_report)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.report_button)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addLayout(bottom)

    # Showing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        record = self.loaded.record if self.loaded else None
        self.meetings = list(record.panel_meetings) if record else []
        self._current = -1
        self._list_meetings(0 if self.meetings else -1)
        report = record.report if record else RapidReviewReportRecord()
        self.child_and_family.setPlainText(report.child_and_family or "")
        self.analysis.setPlainText(report.analysis or "")
        self.inequalities.setPlainText(report.inequalities or "")
        for letter, box in self.criteria.items():
            box.setPlainText(getattr(report, f"criterion_{letter}") or "")
        self.signed_off_by.setText(report.signed_off_by or "")
        self.signed_off_on.set_value(report.signed_off_on)
        response = record.panel_response if record else None
        self.response_on.set_value(response.received if response else None)
        self.response_outcome.setCurrentIndex(
            self.response_outcome.findData(response.outcome) if response else 0
        )
        self.response_text.setPlainText(response.text or "" if response else "")

    def _list_meetings(self, select: int) -> None:
        self.meeting_list.blockSignals(True)
        self.meeting_list.clear()
        for meeting in self.meetings:
            self.meeting_list.addItem(
                f"{format_date(meeting.date)}: {len(meeting.attendees)} attending, "
                f"{len(meeting.decisions)} decisions, {len(meeting.immediate_actions)} actions"
            )
        self.meeting_list.blockSignals(False)
        self._current = -1
        self.meeting_list.setCurrentRow(select)
        self._select_meeting(select)

    def _select_meeting(self, row: int) -> None:
        if self._current >= 0 and not self._store_meeting():
            return
        self._current = row
        meeting = self.meetings[row] if 0 <= row < len(self.meetings) else None
        for widget in (self.meeting_date, self.attendees, self.decisions, self.immediate_actions):
            widget.setEnabled(meeting is not None)
        self.meeting_date.set_value(meeting.date if meeting else None)
        self.attendees.setPlainText(
            "\n".join(a.agency + (f": {a.name}" if a.name else "") for a in meeting.attendees)
            if meeting
            else ""
        )
        self.decisions.setPlainText("\n".join(meeting.decisions) if meeting else "")
        self.immediate_actions.setPlainText("\n".join(meeting.immediate_actions) if meeting else "")

    def _meeting_readable(self) -> bool:
        if not 0 <= self._current < len(self.meetings):
            return True
        return self.meeting_date.safe_value() is not None

    def _store_meeting(self) -> bool:
        """Keep what is in the meeting form; False (and say why) if its date cannot be read."""
        if not 0 <= self._current < len(self.meetings):
            return True
        try:
            held = self.meeting_date.value()
        except InvalidInput as error:
            show_error(self, "Meeting", error)
            return False
        if held is None:
            show_error(self, "Meeting", InvalidInput("Meeting date: give the date of the meeting"))
            return False
        self.meetings[self._current] = self.meetings[self._current].model_copy(
            update={
                "date": held,
                "attendees": [parse_attendee(line) for line in _lines(self.attendees)],
                "decisions": _lines(self.decisions),
                "immediate_actions": _lines(self.immediate_actions),
            }
        )
        return True

    # Actions -----------------------------------------------------------------------------

    def add_meeting(self) -> None:
        if not self._store_meeting():
            return
        self.meetings.append(PanelMeetingRecord(id=str(uuid.uuid4()), date=self.today))
        self._list_meetings(len(self.meetings) - 1)

    def remove_meeting(self) -> None:
        if 0 <= self._current < len(self.meetings):
            del self.meetings[self._current]
            self._list_meetings(min(self._current, len(self.meetings) - 1))

    def collect(self, record: WorkflowRecord) -> WorkflowRecord:
        """The workflow with this tab's fields; :class:`InvalidInput` naming a bad field."""
        if not self._meeting_readable():
            raise InvalidInput("Meeting date: give the date of the meeting")
        self._store_meeting()
        outcome = self.response_outcome.currentData()
        received = self.response_on.value()
        if outcome is not None and received is None:
            raise InvalidInput("Panel's response received: give the date it arrived")
        response = (
            PanelResponseRecord(
                received=received,
                outcome=outcome,
                text=optional_text(self.response_text.toPlainText()),
            )
            if outcome is not None and received is not None
            else None
        )
        report = RapidReviewReportRecord(
            child_and_family=optional_text(self.child_and_family.toPlainText()),
            analysis=optional_text(self.analysis.toPlainText()),
            inequalities=optional_text(self.inequalities.toPlainText()),
            signed_off_by=optional_text(self.signed_off_by.text()),
            signed_off_on=self.signed_off_on.value(),
            **{
                f"criterion_{letter}": optional_text(box.toPlainText())
                for letter, box in self.criteria.items()
            },
        )
        return record.model_copy(
            update={
                "panel_meetings": sorted(self.meetings, key=lambda m: m.date),
                "report": report,
                "panel_response": response,
            }
        )

    def ask_report(self) -> None:
        path = ask_path(
            self,
            "Write the rapid review report",
            "Word document (*.docx);;PDF document (*.pdf)",
            "docx",
            True,
        )
        if path is not None:
            self.write_report(path)

    def write_report(self, path: Path) -> bool:
        from reviewtool.services.outputs.rapid_review_report import export_rapid_review_report

        if self.loaded is None:
            return False
        try:
            export_rapid_review_report(self.store, self.loaded.review.id, path)
        except (ReviewtoolError, OSError) as error:
            show_error(self, "Report not written", error)
            return False
        QMessageBox.information(self, "Report written", f"Wrote {path}")
        return True
