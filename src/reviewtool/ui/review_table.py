"""The review list as a Qt item model over the list service's rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from reviewtool.services.reviews import ReviewSummary
from reviewtool.ui.colours import deadline_colour
from reviewtool.ui.widgets import format_date

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole

COLUMNS = ("Reference", "Title", "Kind", "Status", "Notified", "Deadline", "Themes", "Match")


class ReviewTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[ReviewSummary] = []

    def set_rows(self, rows: list[ReviewSummary]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> ReviewSummary:
        return self._rows[row]

    def row_of(self, review_id: str) -> int:
        return next((i for i, row in enumerate(self._rows) if row.id == review_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def _deadline_text(self, row: ReviewSummary) -> str:
        if row.deadline is None:
            return ""
        state = row.deadline
        if state.done is not None and not state.late:
            return f"{row.deadline_what} met"
        return f"{row.deadline_what} {format_date(state.due)}: {state.describe()}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.reference,
                row.title,
                row.kind.short_label,
                row.status.capitalize(),
                format_date(row.notified),
                self._deadline_text(row),
                ", ".join(row.themes),
                " ".join("".join(text for text, _ in row.snippet_parts).split()),
            )[column]
        if role == SORT_ROLE:
            if column == 4:
                return row.notified.isoformat() if row.notified else ""
            if column == 5:
                return row.deadline.due.isoformat() if row.deadline else ""
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and row.deadline is not None:
            colour = deadline_colour(row.deadline)
            return QColor(colour) if colour.startswith("#") else None
        if role == Qt.ItemDataRole.ToolTipRole and column in (1, 6, 7):
            return self.data(index, Qt.ItemDataRole.DisplayRole) or None
        return None
