"""Each briefing's deliveries to teams and agencies, and the teams' action plans."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from reviewtool.bundle.learning_schema import DisseminationRecord, TeamPlanActionRecord
from reviewtool.domain.enums import ActionStatus
from reviewtool.domain.errors import InvalidInput, ReviewtoolError
from reviewtool.services.store import Store
from reviewtool.services.workflow.dissemination import (
    briefing_choices,
    delete_dissemination,
    list_disseminations,
    new_dissemination,
    save_dissemination,
)
from reviewtool.ui.editor.workflow_base import fill_table, read_only_item
from reviewtool.ui.operations import show_error
from reviewtool.ui.widgets import DateField, format_date

DONE_MARK = "[x] "


def plan_lines(actions: list[TeamPlanActionRecord]) -> str:
    return "\n".join(
        (DONE_MARK if a.status is ActionStatus.COMPLETE else "") + a.text for a in actions
    )


def parse_plan(text: str) -> list[TeamPlanActionRecord]:
    """One action a line; a line starting "[x]" is complete."""
    actions = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        done = stripped.lower().startswith("[x]")
        actions.append(
            TeamPlanActionRecord(
                text=stripped[3:].strip() if done else stripped,
                status=ActionStatus.COMPLETE if done else ActionStatus.NOT_STARTED,
            )
        )
    return actions


class DeliveriesTab(QWidget):
    def __init__(self, store: Store, today: date) -> None:
        super().__init__()
        self.store = store
        self.today = today
        self.records: list[DisseminationRecord] = []
        self.editing: DisseminationRecord | None = None
        self._editing_briefing: str | None = None
        self.briefing = QComboBox()
        self.briefing.setAccessibleName("Briefing")
        self.briefing.currentIndexChanged.connect(self.show_deliveries)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            ["Date", "Team or agency", "Delivered by", "People", "Action plan"]
        )
        self.table.setAccessibleName("Deliveries of the briefing")
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(1, 260)
        self.table.currentCellChanged.connect(lambda row, *_: self._edit(row))
        self.delivered_on = DateField("Delivered on")
        self.audience = QLineEdit()
        self.audience.setAccessibleName("Team or agency")
        self.delivered_by = QLineEdit()
        self.delivered_by.setAccessibleName("Delivered by")
        self.attendees = QSpinBox()
        self.attendees.setRange(0, 100_000)
        self.attendees.setAccessibleName("How many people")
        self.plan_due = DateField("Action plan due")
        self.plan_returned = DateField("Action plan returned")
        self.plan = QPlainTextEdit()
        self.plan.setAccessibleName("Team action plan: one action a line, [x] when done")
        self.plan.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow("&Date", self.delivered_on)
        form.addRow("&Team or agency", self.audience)
        form.addRow("Delivered &by", self.delivered_by)
        form.addRow("&People", self.attendees)
        form.addRow("Action plan d&ue", self.plan_due)
        form.addRow("Action plan &returned", self.plan_returned)
        form.addRow("Action plan ([x] = done)", self.plan)
        new = QPushButton("&New delivery")
        new.clicked.connect(self.new_delivery)
        save = QPushButton("Sa&ve delivery")
        save.clicked.connect(self.save_delivery)
        remove = QPushButton("Delete delivery")
        remove.clicked.connect(self.delete_delivery)
        buttons = QHBoxLayout()
        for button in (new, save, remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.briefing)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        chosen = self.briefing.currentData()
        self.briefing.blockSignals(True)
        self.briefing.clear()
        for choice in briefing_choices(self.store):
            self.briefing.addItem(choice.label, choice.briefing_id)
        self.briefing.setCurrentIndex(max(0, self.briefing.findData(chosen)))
        self.briefing.blockSignals(False)
        self.show_deliveries()

    def show_deliveries(self) -> None:
        # What was typed for the briefing shown until now is saved first (an error says why not).
        if self._holds_unsaved():
            self.save_delivery(refresh=False)
        self.editing = None
        briefing_id = self.briefing.currentData()
        self.records = list_disseminations(self.store, briefing_id) if briefing_id else []
        rows = []
        for record in self.records:
            if record.plan_returned:
                plan = f"returned {format_date(record.plan_returned)}"
                done = sum(1 for a in record.plan_actions if a.status is ActionStatus.COMPLETE)
                plan += f", {done} of {len(record.plan_actions)} actions done"
            elif record.plan_due:
                late = record.plan_due < self.today
                plan = ("overdue since " if late else "due ") + format_date(record.plan_due)
            else:
                plan = "not asked for"
            rows.append(
                [
                    read_only_item(format_date(record.date)),
                    read_only_item(record.audience),
                    read_only_item(record.delivered_by),
                    read_only_item(str(record.attendees)),
                    read_only_item(plan),
                ]
            )
        fill_table(self.table, rows)
        self._edit(0 if self.records else -1)

    def _edit(self, row: int) -> None:
        if self._holds_unsaved() and not self.save_delivery(refresh=False):
            return  # the error was shown; what was typed stays on screen
        record = self.records[row] if 0 <= row < len(self.records) else None
        self._show(record)

    def _holds_unsaved(self) -> bool:
        """Whether the form holds a delivery typed but not saved (a blank new one does not)."""
        if self.editing is None:
            return False
        stored = next((r for r in self.records if r.id == self.editing.id), None)
        if stored is None:
            return bool(
                self.audience.text().strip()
                or self.delivered_by.text().strip()
                or self.plan.toPlainText().strip()
            )
        try:
            return self._form(stored) != stored
        except ReviewtoolError:
            return True

    def _form(self, base: DisseminationRecord) -> DisseminationRecord:
        delivered_on = self.delivered_on.value()
        if delivered_on is None:
            raise InvalidInput("Date: give the date the briefing was delivered")
        return base.model_copy(
            update={
                "date": delivered_on,
                "audience": self.audience.text(),
                "delivered_by": self.delivered_by.text(),
                "attendees": self.attendees.value(),
                "plan_due": self.plan_due.value(),
                "plan_returned": self.plan_returned.value(),
                "plan_actions": parse_plan(self.plan.toPlainText()),
            }
        )

    def _show(self, record: DisseminationRecord | None) -> None:
        self.editing = record
        self._editing_briefing = self.briefing.currentData()
        self.delivered_on.set_value(record.date if record else None)
        self.audience.setText(record.audience if record else "")
        self.delivered_by.setText(record.delivered_by if record else "")
        self.attendees.setValue(record.attendees if record else 0)
        self.plan_due.set_value(record.plan_due if record else None)
        self.plan_returned.set_value(record.plan_returned if record else None)
        self.plan.setPlainText(plan_lines(record.plan_actions) if record else "")

    def new_delivery(self) -> None:
        briefing_id = self.briefing.currentData()
        if self._holds_unsaved() and not self.save_delivery(refresh=False):
            return
        if briefing_id:
            fresh = new_dissemination(briefing_id, self.today)
            self._show(fresh.model_copy(update={"delivered_by": "", "audience": ""}))

    def save_delivery(self, refresh: bool = True) -> bool:
        briefing_id = self._editing_briefing
        if self.editing is None or not briefing_id:
            return False
        try:
            saved = save_dissemination(
                self.store, briefing_id, self._form(self.editing), self.today
            )
        except ReviewtoolError as error:
            show_error(self, "Delivery not saved", error)
            return False
        self.editing = saved
        if refresh:
            self.show_deliveries()
        else:
            self.records = list_disseminations(self.store, briefing_id)
        return True

    def delete_delivery(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.records):
            try:
                delete_dissemination(self.store, self.records[row].id)
            except ReviewtoolError as error:
                show_error(self, "Delivery not deleted", error)
            self.show_deliveries()
