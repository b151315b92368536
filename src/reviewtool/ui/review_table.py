"""The review list as a Qt item model over the list service's rows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QStyle

from reviewtool.services.reviews.listing import NO_IDENTIFIERS, ReviewSummary
from reviewtool.ui.colours import deadline_colour
from reviewtool.ui.widgets import format_date

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole

COLUMNS = ("Reference", "Title", "Kind", "Status", "Notified", "Deadline", "Themes", "Match")
THEMES_COLUMN = COLUMNS.index("Themes")
MATCH_COLUMN = COLUMNS.index("Match")
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 2
"""The search snippet as (text, is_match) parts, for drawing the matched words marked."""
THEMES_BATCH = 200
"""Rows whose themes are fetched together when one of them is first shown."""
SNIPPETS_BATCH = 60
"""Rows whose search snippets are fetched together (a snippet costs more than themes)."""

ThemesLoader = Callable[[list[str]], dict[str, tuple[str, ...]]]
SnippetsLoader = Callable[[list[str]], dict[str, tuple[tuple[str, bool], ...]]]


class ReviewTableModel(QAbstractTableModel):
    """The list's rows; rows listed without themes (or search snippets) get them from the
    loaders in batches as they come into view, so a list of thousands reads only what is
    seen."""

    def __init__(
        self,
        themes_loader: ThemesLoader | None = None,
        snippets_loader: SnippetsLoader | None = None,
    ) -> None:
        super().__init__()
        self._rows: list[ReviewSummary] = []
        self._themes_loader = themes_loader
        self.snippets_loader = snippets_loader
        """Set with each new search: snippets belong to the words searched for."""

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

    def _themes(self, row_number: int) -> tuple[str, ...]:
        themes: tuple[str, ...] = self._fetched(
            row_number, "themes", self._themes_loader, THEMES_BATCH
        )
        return themes

    def _display(self, row_number: int, column: int) -> str:
        row = self._rows[row_number]
        if column == 0:
            return row.reference
        if column == 1:
            return row.title
        if column == 2:
            return row.kind.short_label
        if column == 3:
            return row.status.capitalize()
        if column == 4:
            return format_date(row.notified)
        if column == 5:
            return self._deadline_text(row)
        if column == THEMES_COLUMN:
            return ", ".join(self._themes(row_number))
        return " ".join("".join(text for text, _ in self._snippet(row_number)).split())

    def _snippet(self, row_number: int) -> tuple[tuple[str, bool], ...]:
        parts: tuple[tuple[str, bool], ...] = self._fetched(
            row_number, "snippet_parts", self.snippets_loader, SNIPPETS_BATCH
        )
        return parts

    def _fetched(self, row_number: int, name: str, loader: Any, size: int) -> Any:
        """The row's ``name``; if not yet fetched, fetched now with its neighbours' (the rows
        about to be painted with it) in one call of ``loader``."""
        row = self._rows[row_number]
        if getattr(row, name) is None and loader is not None:
            batch = [r for r in self._batch_around(row_number, size) if getattr(r, name) is None]
            found = loader([r.id for r in batch])
            for other in batch:
                setattr(other, name, found.get(other.id, ()))
        return getattr(row, name) or ()

    def _batch_around(self, row_number: int, size: int = THEMES_BATCH) -> list[ReviewSummary]:
        start = max(0, row_number - size // 4)
        return self._rows[start : start + size]

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
            return self._display(index.row(), column)
        if role == SORT_ROLE:
            if column == 4:
                return row.notified.isoformat() if row.notified else ""
            if column == 5:
                return row.deadline.due.isoformat() if row.deadline else ""
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and row.deadline is not None:
            colour = deadline_colour(row.deadline)
            return QColor(colour) if colour.startswith("#") else None
        if column == 0 and not row.has_identifiers:
            # Marked in words as well as colour: the check has nothing to look for.
            if role == Qt.ItemDataRole.DecorationRole:
                return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            if role == Qt.ItemDataRole.ToolTipRole:
                return NO_IDENTIFIERS
        if role == SNIPPET_ROLE and column == MATCH_COLUMN:
            return self._snippet(index.row())
        if role == Qt.ItemDataRole.ToolTipRole and column in (1, 5, THEMES_COLUMN, MATCH_COLUMN):
            return self.data(index, Qt.ItemDataRole.DisplayRole) or None
        return None
