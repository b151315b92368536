"""Every open action across reviews, grouped by owner agency: the panel's meeting view."""

from __future__ import annotations

from datetime import date
from itertools import groupby

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QCheckBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from reviewtool.services.store import Store
from reviewtool.services.tracking import list_actions
from reviewtool.ui.colours import RAG_COLOURS
from reviewtool.ui.widgets import format_date

COLUMNS = ("Owner / action", "Review", "Due", "Status", "RAG")


class ActionsPage(QWidget):
    openReview = Signal(str)

    def __init__(self, store: Store, today: date) -> None:
        super().__init__()
        self.store = store
        self.today = today
        self.open_only = QCheckBox("&Open actions only")
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(self.refresh)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(COLUMNS)
        self.tree.setAccessibleName("Actions by owner")
        self.tree.setColumnWidth(0, 520)
        self.tree.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.addWidget(self.open_only)
        layout.addWidget(self.tree)

    def refresh(self) -> None:
        self.tree.clear()
        actions = list_actions(self.store, self.today, open_only=self.open_only.isChecked())
        for owner, group in groupby(actions, key=lambda a: a.owner or "No owner"):
            items = list(group)
            top = QTreeWidgetItem(self.tree, [f"{owner} ({len(items)})"])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for action in items:
                rag_word = action.rag.label.split(" - ")[0]
                item = QTreeWidgetItem(
                    top,
                    [
                        action.text.splitlines()[0],
                        action.review_reference,
                        format_date(action.due),
                        action.status.value.replace("_", " ").capitalize(),
                        rag_word,
                    ],
                )
                item.setToolTip(0, f"{action.recommendation}\n\n{action.text}")
                item.setToolTip(
                    4,
                    action.rag.label
                    + (f": {action.dropped_reason}" if action.dropped_reason else ""),
                )
                item.setForeground(4, QBrush(QColor(RAG_COLOURS[action.rag])))
                item.setData(0, Qt.ItemDataRole.UserRole, action.review_id)
        self.tree.expandAll()

    def _activated(self, item: QTreeWidgetItem) -> None:
        review_id = item.data(0, Qt.ItemDataRole.UserRole)
        if review_id:
            self.openReview.emit(review_id)
