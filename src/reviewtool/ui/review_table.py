"""The review list as a Qt item model over the list service's rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from reviewtool.services.reviews import ReviewSummary

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("Reference", "Title", "Kind", "Status", "Notified", "RR due", "Themes")


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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        column = index.column()
        if column == 0:
            return row.reference
        if column == 1:
            return row.title
        if column == 2:
            return row.kind.label
        if column == 3:
            return row.status.capitalize()
        if column == 4:
            return row.notified.strftime("%d/%m/%Y") if row.notified else ""
        if column == 5:
            return row.rapid_review_due.strftime("%d/%m/%Y") if row.rapid_review_due else ""
        return ", ".join(row.themes)
