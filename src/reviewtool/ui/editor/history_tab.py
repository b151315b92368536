"""The audit trail of one review."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewtool.services.audit import AuditEntry

COLUMNS = ("When", "Who", "Action", "Field", "Old value", "New value")


def local_time(moment: datetime) -> datetime:
    """A stored moment (UTC, with or without its zone) in this computer's time zone."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone()


def _short(text: str | None, limit: int = 200) -> str:
    if text is None:
        return ""
    return text if len(text) <= limit else text[: limit - 1] + "…"


class HistoryTab(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setAccessibleName("History of changes")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.remove_button = QPushButton("Remove identifying te&xt from history…")
        self.remove_button.setToolTip(
            "Replace the review's identifiers (and any text you name) in every entry of this "
            "history; the change is recorded with who, when and why, never what"
        )
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def show_entries(self, entries: list[AuditEntry]) -> None:
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(reversed(entries)):
            values = (
                local_time(entry.at).strftime("%d/%m/%Y %H:%M"),
                entry.user,
                entry.action,
                entry.field or "",
                _short(entry.old_value),
                _short(entry.new_value),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column >= 4:
                    item.setToolTip(
                        _short(getattr(entry, ("old_value", "new_value")[column - 4]), 2000)
                    )
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
