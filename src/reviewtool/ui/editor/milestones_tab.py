"""A local review's milestones (dated as they happen) and its publication pauses."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from reviewtool.bundle.workflow_schema import MilestoneRecord, PauseRecord, WorkflowRecord
from reviewtool.domain.errors import InvalidInput
from reviewtool.domain.milestones import MILESTONE_ORDER, Milestone, MilestoneState
from reviewtool.services.settings import load_settings
from reviewtool.services.store import Store
from reviewtool.services.workflow.milestones import states_for
from reviewtool.ui.colours import LATE, MET
from reviewtool.ui.editor.base import optional_text
from reviewtool.ui.editor.workflow_base import WorkflowTab, fill_table, read_only_item
from reviewtool.ui.widgets import DateField, format_date


def state_words(state: MilestoneState) -> tuple[str, str | None]:
    """The milestone's state in words, with its colour (words are never left out)."""
    days = f"{state.days_late} working day{'s' if state.days_late != 1 else ''}"
    if state.done is not None:
        if state.late:
            return f"done {format_date(state.done)}, {days} late", LATE
        return f"done {format_date(state.done)}", MET
    if state.late:
        due = f"due {format_date(state.due)}: " if state.due else ""
        return f"{due}{days} late", LATE
    if state.due is not None:
        return f"due {format_date(state.due)}", None
    return "", None


class MilestonesTab(WorkflowTab):
    def __init__(self, store: Store, today: date) -> None:
        super().__init__(store, today)
        grid_box = QGroupBox("Milestones")
        grid = QGridLayout(grid_box)
        for column, heading in enumerate(("Milestone", "Date", "Note", "Due / state")):
            grid.addWidget(QLabel(f"<b>{heading}</b>"), 0, column)
        self.dates: dict[Milestone, DateField] = {}
        self.notes: dict[Milestone, QLineEdit] = {}
        self.states: dict[Milestone, QLabel] = {}
        for row, milestone in enumerate(MILESTONE_ORDER, start=1):
            field = DateField(milestone.label)
            note = QLineEdit()
            note.setAccessibleName(f"Note on: {milestone.label}")
            state = QLabel()
            state.setAccessibleName(f"State of: {milestone.label}")
            label = QLabel(milestone.label)
            label.setBuddy(field)
            grid.addWidget(label, row, 0)
            grid.addWidget(field, row, 1)
            grid.addWidget(note, row, 2)
            grid.addWidget(state, row, 3)
            self.dates[milestone], self.notes[milestone], self.states[milestone] = (
                field,
                note,
                state,
            )
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(3, 1)

        pause_box = QGroupBox("Publication pauses (e.g. parallel criminal proceedings, an inquest)")
        self.pauses = QTableWidget(0, 3)
        self.pauses.setHorizontalHeaderLabels(["Reason", "From", "To"])
        self.pauses.setAccessibleName("Publication pauses")
        self.pauses.horizontalHeader().setStretchLastSection(True)
        self.pauses.setColumnWidth(0, 360)
        self.pause_reason = QLineEdit()
        self.pause_reason.setAccessibleName("Reason for the pause")
        self.pause_start = DateField("Paused from")
        self.pause_end = DateField("Paused until (blank while it lasts)")
        add = QPushButton("Add pa&use")
        add.clicked.connect(self.add_pause)
        end = QPushButton("End selected pause &today")
        end.clicked.connect(self.end_pause)
        remove = QPushButton("Remove selected pause")
        remove.clicked.connect(self.remove_pause)
        form = QFormLayout()
        form.addRow("Reason", self.pause_reason)
        form.addRow("From", self.pause_start)
        form.addRow("Until", self.pause_end)
        buttons = QHBoxLayout()
        for button in (add, end, remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        pause_layout = QVBoxLayout(pause_box)
        pause_layout.addWidget(self.pauses)
        pause_layout.addLayout(form)
        pause_layout.addLayout(buttons)

        self.clock = QLabel()
        self.clock.setWordWrap(True)
        self.clock.setAccessibleName("Publication against the 6-month expectation")
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(self.clock)
        content_layout.addWidget(grid_box)
        content_layout.addWidget(pause_box)
        scroll = QScrollArea()
        scroll.setAccessibleName("Milestones and publication pauses")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        self.save_button = QPushButton("Save mi&lestones")
        self.save_button.clicked.connect(self.save_milestones)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addLayout(bottom)

    def refresh(self) -> None:
        record = self.loaded.record if self.loaded else None
        dated = {m.milestone: m for m in record.milestones} if record else {}
        for milestone in MILESTONE_ORDER:
            entry = dated.get(milestone)
            self.dates[milestone].set_value(entry.date if entry else None)
            self.notes[milestone].setText(entry.note or "" if entry else "")
        pauses = record.pauses if record else []
        fill_table(
            self.pauses,
            [
                [
                    read_only_item(p.reason),
                    read_only_item(format_date(p.start)),
                    read_only_item(format_date(p.end) if p.end else "continuing"),
                ]
                for p in pauses
            ],
        )
        self._show_states()

    def _show_states(self) -> None:
        if self.loaded is None:
            for label in self.states.values():
                label.setText("")
            self.clock.setText("")
            return
        copy_days = load_settings(self.store).copy_to_panel_working_days
        states = states_for(self.loaded.review, self.loaded.record, self.today, copy_days)
        for state in states:
            words, colour = state_words(state)
            label = self.states[state.milestone]
            label.setText(words)
            label.setStyleSheet(f"color: {colour}" if colour else "")
        published = next(s for s in states if s.milestone is Milestone.PUBLISHED)
        if published.due is None:
            self.clock.setText("Date the decision to see when publication is expected.")
        else:
            paused = sum(1 for _ in self.loaded.record.pauses)
            note = " (paused time excluded)" if paused else ""
            words = (
                f"{published.days_late} working days late{note}"
                if published.late
                else f"on time{note}"
            )
            self.clock.setText(
                f"Publication expected by {format_date(published.due)} (6 months after the "
                f"decision, moved on by any pause): {words}."
            )

    def collect(self, record: WorkflowRecord) -> WorkflowRecord:
        milestones = []
        for milestone in MILESTONE_ORDER:
            when = self.dates[milestone].value()
            note = optional_text(self.notes[milestone].text())
            if when is None:
                if note:
                    raise InvalidInput(f"{milestone.label}: give the date, or clear the note")
                continue
            milestones.append(MilestoneRecord(milestone=milestone, date=when, note=note))
        return record.model_copy(update={"milestones": milestones})

    def save_milestones(self) -> bool:
        return self.save(self.collect, "Milestones not saved")

    def save_form(self) -> bool:
        return self.save_milestones()

    def add_pause(self) -> bool:
        def change(record: WorkflowRecord) -> WorkflowRecord:
            start = self.pause_start.value()
            reason = self.pause_reason.text().strip()
            if not reason:
                raise InvalidInput("Reason: say why publication is paused")
            if start is None:
                raise InvalidInput("Paused from: give the date the pause began")
            pause = PauseRecord(
                id=str(uuid.uuid4()), reason=reason, start=start, end=self.pause_end.value()
            )
            record = self.collect(record)
            return record.model_copy(update={"pauses": [*record.pauses, pause]})

        if not self.save(change, "Pause not added"):
            return False
        self.pause_reason.clear()
        self.pause_start.clear()
        self.pause_end.clear()
        return True

    def _selected_pause(self) -> PauseRecord | None:
        row = self.pauses.currentRow()
        if self.loaded is None or not 0 <= row < len(self.loaded.record.pauses):
            return None
        return self.loaded.record.pauses[row]

    def end_pause(self) -> bool:
        chosen = self._selected_pause()
        if chosen is None:
            return False

        def change(record: WorkflowRecord) -> WorkflowRecord:
            record = self.collect(record)
            pauses = [
                p.model_copy(update={"end": self.today}) if p.id == chosen.id else p
                for p in record.pauses
            ]
            return record.model_copy(update={"pauses": pauses})

        return self.save(change, "Pause not ended")

    def remove_pause(self) -> bool:
        chosen = self._selected_pause()
        if chosen is None:
            return False

        def change(record: WorkflowRecord) -> WorkflowRecord:
            record = self.collect(record)
            pauses = [p for p in record.pauses if p.id != chosen.id]
            return record.model_copy(update={"pauses": pauses})

        return self.save(change, "Pause not removed")
