"""Recommendations and their actions, with RAG shown in colour and in words."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewtool.bundle.schema import ActionRecord, RecommendationRecord, ReviewRecord
from reviewtool.domain.actions import action_rag
from reviewtool.domain.enums import ActionStatus
from reviewtool.ui.colours import rag_colour
from reviewtool.ui.editor.base import EditorTab, optional_text
from reviewtool.ui.keyboard import on_keys
from reviewtool.ui.widgets import DateField, format_date

RECORD = Qt.ItemDataRole.UserRole


def _text_box(name: str, height: int = 70) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setMaximumHeight(height)
    return box


class ActionsTab(EditorTab):
    def __init__(self, today: date) -> None:
        super().__init__()
        self.today = today
        self._showing: QTreeWidgetItem | None = None
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Recommendation / action", "Owner", "Due", "Status", "RAG"])
        self.tree.setAccessibleName("Recommendations and actions")
        # The text takes the room left once owner, date, status and RAG show in full;
        # a cut text is whole in its tooltip.
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._show)

        self.recommendation_text = _text_box("Recommendation", 120)
        recommendation_form = QWidget()
        form = QFormLayout(recommendation_form)
        form.addRow("Recommendation &text", self.recommendation_text)

        self.action_text = _text_box("Action")
        self.owner = QLineEdit()
        self.owner.setAccessibleName("Owner agency")
        self.due = DateField("Due")
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        for status, label in ((status, status.label) for status in ActionStatus):
            self.status.addItem(label, status)
        self.completed = DateField("Completed")
        self.assurance = _text_box("Assurance (evidence the action was done)")
        self.impact = _text_box("Impact (evidence practice changed)")
        self.dropped_reason = QLineEdit()
        self.dropped_reason.setAccessibleName("Why it was dropped")
        action_form = QWidget()
        form = QFormLayout(action_form)
        form.addRow("Ac&tion", self.action_text)
        form.addRow("&Owner", self.owner)
        form.addRow("&Due", self.due)
        form.addRow("&Status", self.status)
        form.addRow("Co&mpleted", self.completed)
        form.addRow("Ass&urance", self.assurance)
        form.addRow("&Impact", self.impact)
        form.addRow("Dropped &because", self.dropped_reason)
        self.forms = QStackedWidget()
        self.forms.addWidget(QWidget())
        self.forms.addWidget(recommendation_form)
        self.forms.addWidget(action_form)

        for widget in (self.recommendation_text, self.action_text, self.assurance, self.impact):
            widget.textChanged.connect(self._edited)
        for line in (self.owner, self.dropped_reason):
            line.textChanged.connect(self._edited)
        self.due.dateChanged.connect(self._edited)
        self.completed.dateChanged.connect(self._edited)
        self.status.currentIndexChanged.connect(self._edited)

        add_recommendation = QPushButton("Add re&commendation")
        add_recommendation.clicked.connect(self.add_recommendation)
        add_action = QPushButton("Add &action")
        add_action.clicked.connect(self.add_action)
        remove = QPushButton("Remove")
        remove.setToolTip("Remove the selected recommendation or action (Delete)")
        on_keys(self.tree, (Qt.Key.Key_Delete,), self._remove)
        remove.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        for button in (add_recommendation, add_action, remove):
            buttons.addWidget(button)
        buttons.addStretch()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree)
        left_layout.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.forms)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # --- tree rows hold the records; the form edits the current one -------------------
    def _paint(self, item: QTreeWidgetItem) -> None:
        record = item.data(0, RECORD)
        if isinstance(record, RecommendationRecord):
            item.setText(0, record.text.splitlines()[0] if record.text else "(new recommendation)")
            item.setToolTip(0, record.text)
            return
        assert isinstance(record, ActionRecord)
        rag = action_rag(record.status, record.due, self.today)
        item.setText(0, record.text.splitlines()[0] if record.text else "(new action)")
        item.setToolTip(0, record.text)
        item.setText(1, record.owner or "")
        item.setToolTip(1, record.owner or "")
        item.setText(2, format_date(record.due))
        item.setText(3, record.status.label)
        item.setText(4, rag.word)
        item.setToolTip(4, rag.label)
        item.setForeground(4, QBrush(QColor(rag_colour(rag))))

    def _add_item(self, parent: QTreeWidget | QTreeWidgetItem, record: object) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent)
        item.setData(0, RECORD, record)
        self._paint(item)
        return item

    def load(self, record: ReviewRecord) -> None:
        self._showing = None
        self.tree.clear()
        for recommendation in record.recommendations:
            top = self._add_item(self.tree, recommendation.model_copy(update={"actions": []}))
            for action in recommendation.actions:
                self._add_item(top, action.model_copy())
        self.tree.expandAll()
        self.forms.setCurrentIndex(0)

    def apply(self, record: ReviewRecord) -> None:
        recommendations = []
        for row in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(row)
            assert top is not None
            recommendation = top.data(0, RECORD).model_copy()
            recommendation.actions = [
                child.data(0, RECORD)
                for i in range(top.childCount())
                if (child := top.child(i)) is not None
            ]
            recommendations.append(recommendation)
        record.recommendations = recommendations

    def _show(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        self._showing = None
        record = item.data(0, RECORD) if item is not None else None
        widgets = (
            self.recommendation_text,
            self.action_text,
            self.owner,
            self.due,
            self.status,
            self.completed,
            self.assurance,
            self.impact,
            self.dropped_reason,
        )
        for widget in widgets:
            widget.blockSignals(True)
        if isinstance(record, RecommendationRecord):
            self.recommendation_text.setPlainText(record.text)
            self.forms.setCurrentIndex(1)
        elif isinstance(record, ActionRecord):
            self.action_text.setPlainText(record.text)
            self.owner.setText(record.owner or "")
            self.due.set_value(record.due)
            self.status.setCurrentIndex(self.status.findData(record.status))
            self.completed.set_value(record.completed)
            self.assurance.setPlainText(record.assurance or "")
            self.impact.setPlainText(record.impact or "")
            self.dropped_reason.setText(record.dropped_reason or "")
            self.forms.setCurrentIndex(2)
        else:
            self.forms.setCurrentIndex(0)
        for widget in widgets:
            widget.blockSignals(False)
        self._showing = item

    def _edited(self) -> None:
        item = self._showing
        if item is None:
            return
        record = item.data(0, RECORD)
        if isinstance(record, RecommendationRecord):
            record = record.model_copy(update={"text": self.recommendation_text.toPlainText()})
        else:
            record = record.model_copy(
                update={
                    "text": self.action_text.toPlainText(),
                    "owner": optional_text(self.owner.text()),
                    "due": self.due.safe_value(),
                    "status": ActionStatus(self.status.currentData()),
                    "completed": self.completed.safe_value(),
                    "assurance": optional_text(self.assurance.toPlainText()),
                    "impact": optional_text(self.impact.toPlainText()),
                    "dropped_reason": optional_text(self.dropped_reason.text()),
                }
            )
        item.setData(0, RECORD, record)
        self._paint(item)
        self.changed.emit()

    def add_recommendation(self) -> None:
        item = self._add_item(
            self.tree,
            RecommendationRecord.model_construct(id=str(uuid.uuid4()), text="", actions=[]),
        )
        self.tree.setCurrentItem(item)
        self.recommendation_text.setFocus()
        self.changed.emit()

    def add_action(self) -> None:
        current = self.tree.currentItem()
        if current is None:
            self.add_recommendation()
            current = self.tree.currentItem()
        assert current is not None
        parent = current.parent() or current
        item = self._add_item(parent, ActionRecord.model_construct(id=str(uuid.uuid4()), text=""))
        parent.setExpanded(True)
        self.tree.setCurrentItem(item)
        self.action_text.setFocus()
        self.changed.emit()

    def _remove(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        parent = item.parent()
        if parent is None:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
        else:
            parent.removeChild(item)
        self.changed.emit()
