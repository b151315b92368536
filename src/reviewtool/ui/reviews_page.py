"""Reviews: filters and search above the list, the editor of the selected review below."""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewtool.domain.changes import Changes
from reviewtool.domain.enums import CodeGroup, ReviewKind, ReviewStatus
from reviewtool.services.codebook import list_codes
from reviewtool.services.reviews.listing import (
    ReviewFilter,
    best_matches_only,
    list_reviews,
    review_themes,
)
from reviewtool.services.reviews.search import search_snippets
from reviewtool.services.store import Store
from reviewtool.ui.editor.review_editor import ReviewEditor
from reviewtool.ui.review_table import ID_ROLE, MATCH_COLUMN, SORT_ROLE, ReviewTableModel
from reviewtool.ui.snippet_delegate import SnippetDelegate

SEARCH_DELAY_MILLISECONDS = 180
COLUMN_SAMPLES = (
    "NSP-CSPR-2026-01",
    "Children P and Q",
    "National review",
    "Withdrawn",
    "00/00/0000",
    "Rapid review 00/00/0000: 00 working days late",
    "Sudden unexpected death in infancy, Unsafe sleep",
)
"""Typical widths of the columns; a longer text is cut with "…" and shown whole on hover."""


def _year_box(name: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(1999, 2100)
    box.setSpecialValueText("any")
    box.setValue(1999)
    box.setAccessibleName(name)
    return box


class ReviewsPage(QWidget):
    countChanged = Signal(int, bool)
    """Rows listed, and whether a search listed only its best matches (more may match)."""

    def __init__(self, store: Store, today: date) -> None:
        super().__init__()
        self.store = store
        self.today = today
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            "Search titles, summaries, learning, notes, briefings… (Ctrl+F)"
        )
        self.search.setAccessibleName("Search reviews")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("Search titles"))
        self.kind = QComboBox()
        self.kind.setAccessibleName("Filter by kind")
        self.kind.addItem("All kinds", None)
        for kind in ReviewKind:
            self.kind.addItem(kind.label, kind)
        self.status = QComboBox()
        self.status.setAccessibleName("Filter by status")
        self.status.addItem("Any status", None)
        for status in ReviewStatus:
            self.status.addItem(status.label, status.value)
        self.year_from = _year_box("From year")
        self.year_to = _year_box("To year")
        self.theme = QComboBox()
        self.theme.setAccessibleName("Filter by theme")
        self.overdue = QCheckBox("Overdue only")
        self.fill_themes()
        # Long entries ("Local child safeguarding practice review") do not set the width of
        # the window: the combos shrink with it and show the whole entry when opened.
        for combo in (self.kind, self.status, self.theme):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)

        self.model = ReviewTableModel(lambda ids: review_themes(self.store, ids))
        self.proxy = QSortFilterProxyModel()
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Reviews")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        # One line a row, cut with "…" and the whole text in the tooltip: the list shows
        # many reviews at any scale, and never scrolls sideways for a long title.
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        metrics = self.table.fontMetrics()
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, sample in enumerate(COLUMN_SAMPLES):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 16)
        self.table.setItemDelegateForColumn(MATCH_COLUMN, SnippetDelegate(self.table))
        # Room for several rows whatever the scale: header and six rows at least.
        self.table.setMinimumHeight(header.sizeHint().height() + 6 * (metrics.height() + 8))

        self.editor = ReviewEditor(store, today)
        self._current_id: str | None = None
        self._reselecting = False

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for widget in (
            self.kind,
            self.status,
            QLabel("from"),
            self.year_from,
            QLabel("to"),
            self.year_to,
            self.theme,
            self.overdue,
        ):
            filters.addWidget(widget)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(filters)
        top_layout.addWidget(self.table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([330, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MILLISECONDS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._search_timer.start)
        for combo in (self.kind, self.status, self.theme):
            combo.currentIndexChanged.connect(self.refresh)
        for box in (self.year_from, self.year_to):
            box.valueChanged.connect(self.refresh)
        self.overdue.toggled.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.editor.saved.connect(self._after_save)

    def fill_themes(self) -> None:
        current = self.theme.currentData()
        self.theme.blockSignals(True)
        self.theme.clear()
        self.theme.addItem("Any theme", None)
        codes = list_codes(self.store, with_usage=False)
        for group in CodeGroup:
            self.theme.addItem(f"{group.label} (any)", group.value + ".")
            for code in codes:
                if code.group is group and code.active:
                    self.theme.addItem(f"    {code.label}", code.code)
        self.theme.setCurrentIndex(max(self.theme.findData(current), 0))
        self.theme.blockSignals(False)

    def clear_filters(self) -> None:
        """Show every review: no search, no filter (one refresh, not one per field)."""
        widgets = (self.search, self.kind, self.status, self.theme, self.year_from, self.year_to)
        for widget in (*widgets, self.overdue):
            widget.blockSignals(True)
        self.search.clear()
        for combo in (self.kind, self.status, self.theme):
            combo.setCurrentIndex(0)
        self.year_from.setValue(1999)
        self.year_to.setValue(1999)
        self.overdue.setChecked(False)
        for widget in (*widgets, self.overdue):
            widget.blockSignals(False)
        self._search_timer.stop()
        self.refresh()

    def current_filter(self) -> ReviewFilter:
        kind = self.kind.currentData()
        status = self.status.currentData()
        return ReviewFilter(
            kinds=(ReviewKind(kind),) if kind else (),
            statuses=(status,) if status else (),
            year_from=self.year_from.value() if self.year_from.value() > 1999 else None,
            year_to=self.year_to.value() if self.year_to.value() > 1999 else None,
            theme=self.theme.currentData(),
            text=self.search.text(),
            overdue_only=self.overdue.isChecked(),
        )

    def apply_changes(self, changes: Changes) -> None:
        """Bring the list (and the editor, if its review is gone) up to date."""
        if changes.removes(self._current_id):
            self.editor.clear()
            self._current_id = None
        if changes.codebook or changes.everything:
            self.fill_themes()
        if changes.reviews or changes.codebook:
            self.refresh()

    def refresh(self) -> None:
        filters = self.current_filter()
        # Snippets, like themes, are fetched for the rows as they are painted: making one
        # for each of up to 500 matches per keystroke would cost more than the search.
        rows = list_reviews(
            self.store, filters, today=self.today, with_themes=False, with_snippets=False
        )
        self.model.snippets_loader = partial(search_snippets, self.store, filters.text)
        self.model.set_rows(rows)
        # The Match column only means something while searching: otherwise its room goes
        # to the other columns (it matters most at 200%).
        self.table.setColumnHidden(MATCH_COLUMN, not self.search.text().strip())
        self.countChanged.emit(len(rows), best_matches_only(filters.text, len(rows)))
        if self._current_id is not None:
            self.select_review(self._current_id, open_it=False)

    def select_review(self, review_id: str, open_it: bool = True) -> None:
        row = self.model.row_of(review_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self._reselecting = not open_it
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._reselecting = False
        self.table.scrollTo(index)

    def _row_changed(self, current: object, previous: object) -> None:
        if self._reselecting:
            return
        index = self.table.currentIndex()
        review_id = index.data(ID_ROLE) if index.isValid() else None
        if review_id == self._current_id:
            return
        if not self.editor.maybe_save():
            # Stay on the review being edited. Changing the selection from inside the
            # selection model's own signal is not allowed: do it once control returns.
            staying = self._current_id
            if staying is not None:
                QTimer.singleShot(0, lambda: self.select_review(staying, open_it=False))
            return
        self._current_id = review_id
        if review_id is None:
            self.editor.clear()
        else:
            self.editor.open_review(review_id)
            self.editor.highlight_search(self.search.text())

    def open(self, review_id: str) -> None:
        """Show a review in the editor (after creating or converting one)."""
        self._current_id = review_id
        self.refresh()
        self.select_review(review_id, open_it=False)
        self.editor.open_review(review_id)

    def _after_save(self, review_id: str) -> None:
        # A save may happen inside a selection change (the unsaved-changes guard); the
        # list is reloaded once that change is over.
        QTimer.singleShot(0, self.refresh)
