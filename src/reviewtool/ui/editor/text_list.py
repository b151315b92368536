"""An editable list of short texts (points of learning, good practice)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewtool.ui.accessibility import plain_label
from reviewtool.ui.keyboard import on_keys


class TextList(QWidget):
    changed = Signal()

    def __init__(self, title: str, noun: str, add_text: str | None = None) -> None:
        super().__init__()
        self.list = QListWidget()
        self.list.setAccessibleName(plain_label(title))
        self.list.setWordWrap(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.itemChanged.connect(self.changed)
        self.list.model().rowsMoved.connect(self.changed)
        add = QPushButton(add_text or f"Add {noun}")
        add.clicked.connect(self.add_item)
        remove = QPushButton(f"Remove {noun}")
        remove.setToolTip("Remove the selected entry (Delete)")
        on_keys(self.list, (Qt.Key.Key_Delete,), self.remove_current)
        on_keys(self.list, (Qt.Key.Key_Insert,), self.add_item)
        remove.clicked.connect(self.remove_current)
        label = QLabel(title)
        label.setBuddy(self.list)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.list)
        layout.addLayout(buttons)

    def _item(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def set_texts(self, texts: list[str]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for text in texts:
            self.list.addItem(self._item(text))
        self.list.blockSignals(False)

    def texts(self) -> list[str]:
        return [
            text for row in range(self.list.count()) if (text := self.list.item(row).text().strip())
        ]

    def add_item(self) -> None:
        item = self._item("")
        self.list.addItem(item)
        self.list.setCurrentItem(item)
        self.list.editItem(item)
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()
