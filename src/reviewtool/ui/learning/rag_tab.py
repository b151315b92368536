"""Actions' RAG reviews over time: recorded at each panel meeting, shown as a history."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from reviewtool.domain.errors import InvalidInput, ReviewtoolError
from reviewtool.services.store import Store
from reviewtool.services.tracking import ActionRow, list_actions
from reviewtool.services.workflow.dissemination import rag_history, record_rag_review
from reviewtool.ui.colours import RAG_COLOURS
from reviewtool.ui.editor.workflow_base import fill_table, read_only_item
from reviewtool.ui.operations import show_error
from reviewtool.ui.widgets import DateField, format_date


class RagTab(QWidget):
    def __init__(self, store: Store, today: date) -> None:
        super().__init__()
        self.store = store
        self.today = today
        self.action_rows: list[ActionRow] = []
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(["Review", "Action", "Owner", "Due", "RAG now"])
        self.table.setAccessibleName("Actions")
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setColumnWidth(1, 420)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda row, *_: self.show_history(row))
        self.history = QTableWidget(0, 4)
        self.history.setHorizontalHeaderLabels(["Reviewed on", "RAG", "Note", "By"])
        self.history.setAccessibleName("RAG history of the selected action")
        self.history.setColumnWidth(1, 260)
        self.history.horizontalHeader().setStretchLastSection(True)
        self.reviewed_on = DateField("Reviewed on")
        self.reviewed_on.set_value(today)
        self.note = QLineEdit()
        self.note.setAccessibleName("Note")
        record = QPushButton("&Record RAG review")
        record.clicked.connect(self.record)
        row = QHBoxLayout()
        row.addWidget(QLabel("Reviewed on"))
        row.addWidget(self.reviewed_on)
        row.addWidget(QLabel("Note"))
        row.addWidget(self.note, 1)
        row.addWidget(record)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addWidget(
            QLabel("RAG history (the status is worked out from the action on that day)")
        )
        layout.addWidget(self.history, 1)
        layout.addLayout(row)

    def refresh(self) -> None:
        self.action_rows = list_actions(self.store, self.today)
        fill_table(
            self.table,
            [
                [
                    read_only_item(a.review_reference),
                    read_only_item(a.text.splitlines()[0] if a.text else ""),
                    read_only_item(a.owner or ""),
                    read_only_item(format_date(a.due)),
                    read_only_item(a.rag.label, RAG_COLOURS[a.rag]),
                ]
                for a in self.action_rows
            ],
        )
        self.show_history(self.table.currentRow())

    def show_history(self, row: int) -> None:
        entries = (
            rag_history(self.store, self.action_rows[row].id)
            if 0 <= row < len(self.action_rows)
            else []
        )
        fill_table(
            self.history,
            [
                [
                    read_only_item(format_date(e.date)),
                    read_only_item(e.rag.label, RAG_COLOURS[e.rag]),
                    read_only_item(e.note or ""),
                    read_only_item(e.reviewed_by),
                ]
                for e in entries
            ],
        )

    def record(self) -> bool:
        row = self.table.currentRow()
        if not 0 <= row < len(self.action_rows):
            show_error(self, "RAG review", InvalidInput("Select an action first"))
            return False
        try:
            on = self.reviewed_on.value()
            if on is None:
                raise InvalidInput("Reviewed on: give the date of the review")
            record_rag_review(
                self.store, self.action_rows[row].id, on, self.note.text(), self.today
            )
        except ReviewtoolError as error:
            show_error(self, "RAG review not recorded", error)
            return False
        self.note.clear()
        self.show_history(row)
        return True
