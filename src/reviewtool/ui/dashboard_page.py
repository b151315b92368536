"""The dashboard: totals first, then small charts of reviews by year and actions by RAG,
what needs attention (reviews the publication check cannot protect, local reviews' next
milestones), then the deadlines. Every row opens its review with Enter or a double click."""

from __future__ import annotations

from collections import Counter
from datetime import date
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reviewtool.domain.actions import Rag
from reviewtool.services.store import Store
from reviewtool.services.tracking import DeadlineRow, dashboard
from reviewtool.services.workflow.milestones import open_cspr_progress
from reviewtool.ui.charts import BarChart
from reviewtool.ui.colours import deadline_colour, rag_colour
from reviewtool.ui.cspr_progress_html import cspr_progress_html
from reviewtool.ui.widgets import format_date

REVIEW_ID = Qt.ItemDataRole.UserRole


class _Total(QFrame):
    """A number and what it counts, large enough to read from the back of a meeting."""

    def __init__(self, what: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.number = QLabel("0")
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.number.setFont(font)
        self.what = QLabel(what)
        self.what.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.number)
        layout.addWidget(self.what)

    def set_value(self, value: int) -> None:
        self.number.setText(str(value))
        self.setAccessibleName(f"{self.what.text()}: {value}")


def _deadline_table(name: str) -> QTableWidget:
    table = QTableWidget(0, 4)
    table.setHorizontalHeaderLabels(["Reference", "Title", "Due", "State"])
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


Row = tuple[str, tuple[str, str, str, str], str]


def _deadline_cells(row: DeadlineRow) -> Row:
    cells = (row.reference, row.title, format_date(row.state.due), row.state.describe())
    return row.review_id, cells, deadline_colour(row.state)


UNPROTECTED_SHOWN = 20


def _unprotected(reviews: list[tuple[str, str, str]]) -> str:
    """Reviews the publication check cannot protect: it has nothing to look for."""
    if not reviews:
        return ""
    count = len(reviews)
    links = ", ".join(
        f"<a href='review:{rid}'>{escape(reference)}</a>"
        for rid, reference, _ in reviews[:UNPROTECTED_SHOWN]
    )
    more = f" and {count - UNPROTECTED_SHOWN} more" if count > UNPROTECTED_SHOWN else ""
    return (
        "<h2>No identifiers recorded</h2>"
        f"<p><b>{count} review{'s have' if count != 1 else ' has'} no "
        "identifiers recorded: the publication check cannot protect "
        f"{'them' if count != 1 else 'it'}.</b> Add the real names, addresses and schools in "
        f"the review's Identifiers tab.</p><p>{links}{more}</p>"
    )


class DashboardPage(QWidget):
    openReview = Signal(str)

    def __init__(self, store: Store, today: date) -> None:
        super().__init__()
        self.store = store
        self.today = today
        self.as_at = QLabel()
        self.totals = {
            key: _Total(what)
            for key, what in (
                ("reviews", "cases in all"),
                ("this_year", f"notified in {today.year}"),
                ("rapid", "rapid reviews due within 5 working days or late"),
                ("cspr", "local reviews unpublished after 6 months"),
                ("open_actions", "open actions"),
                ("overdue_actions", "actions overdue"),
            )
        }
        self.rapid_reviews = _deadline_table("Rapid reviews overdue or due soon")
        # What needs attention, as text with links: reviews without identifiers, each open
        # local review's next milestone, and how reviews are counted.
        self.view = QTextBrowser()
        self.view.setAccessibleName("Needs attention: identifiers and local reviews' milestones")
        self.view.setOpenLinks(False)
        self.view.setTabChangesFocus(True)
        # Links open with the mouse; from the keyboard the tables below open reviews, and Tab
        # moves on instead of walking every link.
        self.view.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.view.setMinimumHeight(160)
        self.view.anchorClicked.connect(
            lambda url: self.openReview.emit(url.toString().removeprefix("review:"))
        )
        self.years_chart = BarChart("Reviews notified, by year")
        self.rag_chart = BarChart("Actions by RAG status")
        self.overdue_actions = _deadline_table("Overdue actions")
        self.overdue_actions.setHorizontalHeaderLabels(["Review", "Owner", "Due", "Action"])
        for table in (self.rapid_reviews, self.overdue_actions):
            table.itemActivated.connect(self._activated)

        totals = QGridLayout()
        for number, total in enumerate(self.totals.values()):
            totals.addWidget(total, number // 3, number % 3)
        rapid_label = QLabel("Rapid reviews overdue or &due within 5 working days")
        rapid_label.setBuddy(self.rapid_reviews)
        charts = QHBoxLayout()
        charts.addWidget(self.years_chart)
        charts.addWidget(self.rag_chart)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(self.as_at)
        layout.addLayout(totals)
        layout.addLayout(charts)
        layout.addWidget(self.view)
        layout.addWidget(rapid_label)
        layout.addWidget(self.rapid_reviews)
        overdue_label = QLabel("&Overdue actions")
        overdue_label.setBuddy(self.overdue_actions)
        layout.addWidget(overdue_label)
        layout.addWidget(self.overdue_actions)
        layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def refresh(self) -> None:
        board = dashboard(self.store, self.today)
        self.as_at.setText(f"As at {self.today:%A %d %B %Y}")
        by_year = board.by_year_and_kind
        open_actions = sum(n for rag, n in board.actions_by_rag.items() if rag is not Rag.GREY)
        values = {
            "reviews": sum(sum(counts.values()) for counts in by_year.values()),
            "this_year": sum(by_year.get(self.today.year, Counter()).values()),
            "rapid": len(board.rapid_reviews),
            "cspr": len(board.unpublished_csprs),
            "open_actions": open_actions,
            "overdue_actions": len(board.overdue_actions),
        }
        for key, total in self.totals.items():
            total.set_value(values[key])
        recent = sorted(by_year)[-8:]
        self.years_chart.set_bars([(str(y), sum(by_year[y].values()), None) for y in recent])
        self.rag_chart.set_bars(
            [
                (rag.label, board.actions_by_rag.get(rag, 0), rag_colour(rag))
                for rag in (Rag.RED, Rag.AMBER, Rag.GREEN, Rag.GREY)
            ]
        )
        self._fill(self.rapid_reviews, [_deadline_cells(row) for row in board.rapid_reviews])
        self.view.setHtml(
            _unprotected(board.without_identifiers)
            + "<h2>Open local reviews: next milestone (paused time not counted)</h2>"
            + cspr_progress_html(open_cspr_progress(self.store, self.today))
            + f"<p><small>{escape(board.counting)}</small></p>"
        )
        self._fill(
            self.overdue_actions,
            [
                (
                    action.review_id,
                    (
                        action.review_reference,
                        action.owner or "No owner",
                        format_date(action.due),
                        action.text.splitlines()[0] if action.text else "",
                    ),
                    rag_colour(action.rag),
                )
                for action in board.overdue_actions
            ],
        )

    def _fill(self, table: QTableWidget, rows: list[Row]) -> None:
        """Rows of (review id, four cells, colour of the cell the colour belongs to)."""
        table.setRowCount(max(len(rows), 1))
        if not rows:
            table.setItem(0, 0, QTableWidgetItem("None"))
            for column in range(1, 4):
                table.setItem(0, column, QTableWidgetItem(""))
        for number, (review_id, cells, colour) in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(REVIEW_ID, review_id)
                item.setToolTip(text)
                if column == (3 if table is not self.overdue_actions else 2):
                    item.setForeground(QBrush(QColor(colour)))
                table.setItem(number, column, item)
        height = table.horizontalHeader().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(r) for r in range(min(table.rowCount(), 8)))
        table.setFixedHeight(height)

    def _activated(self, item: QTableWidgetItem) -> None:
        review_id = item.data(REVIEW_ID)
        if review_id:
            self.openReview.emit(review_id)
