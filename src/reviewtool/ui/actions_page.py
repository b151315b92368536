"""Every action across reviews, grouped by owner agency: the panel's meeting view, with
filters and an export of what is shown."""

from __future__ import annotations

from datetime import date
from itertools import groupby
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewtool.domain.actions import Rag
from reviewtool.services.store import Store
from reviewtool.services.tracking import ActionRow, list_actions
from reviewtool.ui.accessibility import name_with_label
from reviewtool.ui.colours import rag_colour
from reviewtool.ui.operations import run_in_background
from reviewtool.ui.widgets import format_date

COLUMNS = ("Owner / action", "Review", "Due", "Status", "RAG")
NO_OWNER = "No owner"


def _matches(action: ActionRow, words: str) -> bool:
    haystack = " ".join(
        (action.text, action.recommendation, action.review_reference, action.review_title)
    ).lower()
    return all(word in haystack for word in words.lower().split())


class ActionsPage(QWidget):
    openReview = Signal(str)

    def __init__(self, store: Store, today: date) -> None:
        super().__init__()
        self.store = store
        self.today = today
        self.all_actions: list[ActionRow] = []
        self.shown: list[ActionRow] = []
        self.open_only = QCheckBox("&Open actions only")
        self.open_only.setChecked(True)
        self.owner = QComboBox()
        self.owner.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.rag = QComboBox()
        self.rag.addItem("Any RAG", None)
        for rag in Rag:
            self.rag.addItem(rag.label, rag)
        self.words = QLineEdit()
        self.words.setPlaceholderText("Words in the action, recommendation or review")
        self.words.setClearButtonEnabled(True)
        self.count = QLabel()
        export = QPushButton("E&xport shown…")
        export.setToolTip("Write the actions shown as a spreadsheet (XLSX) or CSV file")
        export.clicked.connect(self.export)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(COLUMNS)
        self.tree.setAccessibleName("Actions by owner")
        self.tree.setTabKeyNavigation(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemActivated.connect(self._activated)

        filters = QHBoxLayout()
        filters.addWidget(name_with_label(QLabel("O&wner"), self.owner))
        filters.addWidget(self.owner)
        filters.addWidget(name_with_label(QLabel("RA&G"), self.rag))
        filters.addWidget(self.rag)
        filters.addWidget(name_with_label(QLabel("Fin&d"), self.words))
        filters.addWidget(self.words, 1)
        filters.addWidget(self.open_only)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(export)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.tree)
        layout.addLayout(bottom)
        self.open_only.toggled.connect(self.refresh)
        self.owner.currentIndexChanged.connect(self.show_actions)
        self.rag.currentIndexChanged.connect(self.show_actions)
        self.words.textChanged.connect(self.show_actions)

    def refresh(self) -> None:
        self.all_actions = list_actions(
            self.store, self.today, open_only=self.open_only.isChecked()
        )
        chosen = self.owner.currentData()
        self.owner.blockSignals(True)
        self.owner.clear()
        self.owner.addItem("All owners", None)
        for owner in sorted({a.owner or NO_OWNER for a in self.all_actions}, key=str.lower):
            self.owner.addItem(owner, owner)
        self.owner.setCurrentIndex(max(self.owner.findData(chosen), 0))
        self.owner.blockSignals(False)
        self.show_actions()

    def show_actions(self) -> None:
        owner, rag, words = self.owner.currentData(), self.rag.currentData(), self.words.text()
        self.shown = [
            a
            for a in self.all_actions
            if (owner is None or (a.owner or NO_OWNER) == owner)
            and (rag is None or a.rag == Rag(rag))
            and (not words.strip() or _matches(a, words))
        ]
        self.tree.clear()
        for owner_name, group in groupby(self.shown, key=lambda a: a.owner or NO_OWNER):
            items = list(group)
            top = QTreeWidgetItem(self.tree, [f"{owner_name} ({len(items)})"])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for action in items:
                self._add(top, action)
        self.tree.expandAll()
        self.count.setText(f"{len(self.shown)} of {len(self.all_actions)} actions shown")

    def _add(self, top: QTreeWidgetItem, action: ActionRow) -> None:
        item = QTreeWidgetItem(
            top,
            [
                action.text.splitlines()[0] if action.text else "",
                action.review_reference,
                format_date(action.due),
                action.status.label,
                action.rag.word,
            ],
        )
        item.setToolTip(0, f"{action.recommendation}\n\n{action.text}")
        item.setToolTip(1, f"{action.review_reference}: {action.review_title}")
        item.setToolTip(
            4, action.rag.label + (f": {action.dropped_reason}" if action.dropped_reason else "")
        )
        item.setForeground(4, QBrush(QColor(rag_colour(action.rag))))
        item.setData(0, Qt.ItemDataRole.UserRole, action.review_id)

    def export(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self,
            "Export the actions shown",
            "action-tracker.xlsx",
            "Spreadsheet (*.xlsx);;Comma-separated values (*.csv)",
        )
        if not path:
            return
        out = Path(path)
        if out.suffix.lower() not in (".xlsx", ".csv"):
            out = out.with_suffix(".csv" if "csv" in chosen else ".xlsx")
        shown = list(self.shown)
        from reviewtool.services.outputs.actions_export import export_actions

        def done(written: object) -> None:
            window = self.window()
            if hasattr(window, "statusBar"):
                window.statusBar().showMessage(f"Wrote {len(shown)} actions to {written}", 8000)

        run_in_background(
            self, "Writing the action tracker…", lambda _p: export_actions(shown, out), done
        )

    def _activated(self, item: QTreeWidgetItem) -> None:
        review_id = item.data(0, Qt.ItemDataRole.UserRole)
        if review_id:
            self.openReview.emit(review_id)
