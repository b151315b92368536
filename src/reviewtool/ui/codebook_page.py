"""The codebook manager: a tree of codes; add, edit, deactivate and merge."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewtool.bundle.schema import CodeRecord
from reviewtool.domain.enums import CodeGroup
from reviewtool.domain.errors import ReviewtoolError
from reviewtool.services.codebook import (
    CodeEntry,
    list_codes,
    merge_codes,
    reviews_affected_by_merge,
    save_code,
)
from reviewtool.services.reviews.suggestions import set_indicators
from reviewtool.services.safety.backups import make_backup
from reviewtool.services.store import Store
from reviewtool.ui.colours import readable
from reviewtool.ui.operations import show_error

CODE = Qt.ItemDataRole.UserRole


class CodebookPage(QWidget):
    codebookChanged = Signal()

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.entries: dict[str, CodeEntry] = {}
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Code", "Id", "Reviews", "Active"])
        self.tree.setAccessibleName("Codebook")
        self.tree.setColumnWidth(0, 360)
        self.tree.setColumnWidth(1, 260)
        self.tree.currentItemChanged.connect(self._show)
        self.code = QLineEdit()
        self.code.setReadOnly(True)
        self.code.setAccessibleName("Code id")
        self.label = QLineEdit()
        self.label.setAccessibleName("Label")
        self.definition = QPlainTextEdit()
        self.definition.setAccessibleName("Definition")
        self.definition.setTabChangesFocus(True)
        self.colour = QLineEdit()
        self.colour.setAccessibleName("Colour, like #1f5f8b")
        self.parent_code = QComboBox()
        self.parent_code.setAccessibleName("Parent code")
        self.active = QCheckBox("Ac&tive (offered for tagging)")
        self.indicators = QPlainTextEdit()
        self.indicators.setAccessibleName("Indicator phrases, one per line")
        self.indicators.setTabChangesFocus(True)
        self.indicators.setToolTip(
            "Phrases in a review's text that suggest this code; a phrase "
            'matches at the start of a word ("neglect" finds "neglected"). '
            'A line starting with "-" keeps the code away from a sentence with '
            'those words; with "~" the words count only where the sentence says '
            'something was missing or went wrong ("~recording" finds "a lack of recording"), '
            'or in a sentence that opens as a list of learning ("Learning themes: ..."). '
            '"parent:" or "child:" before the words makes them count only about that person '
            '("~parent: co-operation").'
        )
        save = QPushButton("&Save code")
        save.clicked.connect(self._save)
        add = QPushButton("Add &code…")
        add.clicked.connect(self._add)
        merge = QPushButton("&Merge into…")
        merge.clicked.connect(self._merge)
        form = QFormLayout()
        form.addRow("Id", self.code)
        form.addRow("&Label", self.label)
        form.addRow("&Definition", self.definition)
        form.addRow("Colo&ur", self.colour)
        form.addRow("P&arent", self.parent_code)
        form.addRow(self.active)
        form.addRow("&Indicator phrases", self.indicators)
        buttons = QHBoxLayout()
        for button in (save, add, merge):
            buttons.addWidget(button)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addLayout(form)
        side_layout.addLayout(buttons)
        side_layout.addStretch()
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def refresh(self) -> None:
        current = self.current_code()
        self.entries = {entry.code: entry for entry in list_codes(self.store)}
        self.tree.clear()
        groups = {g.value: QTreeWidgetItem(self.tree, [g.label]) for g in CodeGroup}
        items: dict[str, QTreeWidgetItem] = {}
        for entry in self.entries.values():
            parent = items.get(entry.parent or "") or groups[entry.group.value]
            item = QTreeWidgetItem(
                parent,
                [entry.label, entry.code, str(entry.reviews), "yes" if entry.active else "no"],
            )
            item.setData(0, CODE, entry.code)
            if not entry.active:
                item.setForeground(0, QBrush(QColor(readable("#777777"))))
            items[entry.code] = item
        self.tree.expandAll()
        if current in items:
            self.tree.setCurrentItem(items[current])

    def current_code(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, CODE) if item is not None else None

    def _show(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        code = item.data(0, CODE) if item is not None else None
        entry = self.entries.get(code) if code else None
        for widget in (
            self.label,
            self.definition,
            self.colour,
            self.parent_code,
            self.active,
            self.indicators,
        ):
            widget.setEnabled(entry is not None)
        if entry is None:
            return
        self.code.setText(entry.code)
        self.label.setText(entry.label)
        self.definition.setPlainText(entry.definition or "")
        self.colour.setText(entry.colour or "")
        self.parent_code.clear()
        self.parent_code.addItem("(top level)", None)
        for other in self.entries.values():
            if other.group is entry.group and other.code != entry.code:
                self.parent_code.addItem(other.label, other.code)
        self.parent_code.setCurrentIndex(max(self.parent_code.findData(entry.parent), 0))
        self.active.setChecked(entry.active)
        self.indicators.setPlainText(entry.indicators)

    def _save(self) -> None:
        code = self.current_code()
        if code is None:
            return
        entry = self.entries[code]
        try:
            save_code(
                self.store,
                CodeRecord(
                    code=code,
                    label=self.label.text().strip(),
                    group=entry.group,
                    parent=self.parent_code.currentData(),
                    definition=self.definition.toPlainText().strip() or None,
                    colour=self.colour.text().strip() or None,
                    active=self.active.isChecked(),
                ),
            )
            set_indicators(self.store, code, self.indicators.toPlainText().splitlines())
        except (ReviewtoolError, ValueError) as error:
            show_error(
                self,
                "Code not saved",
                error if isinstance(error, ReviewtoolError) else ReviewtoolError(str(error)),
            )
            return
        self.refresh()
        self.codebookChanged.emit()

    def _add(self) -> None:
        groups = [g.label for g in CodeGroup]
        label, ok = QInputDialog.getText(self, "Add code", "Label of the new code:")
        if not ok or not label.strip():
            return
        group_label, ok = QInputDialog.getItem(self, "Add code", "Group:", groups, 0, False)
        if not ok:
            return
        group = next(g for g in CodeGroup if g.label == group_label)
        slug = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_") or "code"
        code = f"{group.value}.{slug}"
        try:
            save_code(self.store, CodeRecord(code=code, label=label.strip(), group=group))
        except (ReviewtoolError, ValueError) as error:
            show_error(self, "Code not added", ReviewtoolError(str(error)))
            return
        self.refresh()
        self.codebookChanged.emit()

    def _merge(self) -> None:
        source = self.current_code()
        if source is None:
            return
        entry = self.entries[source]
        targets = [e for e in self.entries.values() if e.group is entry.group and e.code != source]
        names = [f"{e.label} ({e.code})" for e in targets]
        choice, ok = QInputDialog.getItem(
            self, "Merge codes", f"Merge '{entry.label}' into:", names, 0, False
        )
        if not ok:
            return
        target = targets[names.index(choice)]
        affected = reviews_affected_by_merge(self.store, source, target.code)
        answer = QMessageBox.question(
            self,
            "Merge codes",
            f"Re-tag {affected} review{'s' if affected != 1 else ''} from '{entry.label}' to "
            f"'{target.label}' and retire '{entry.label}'? This cannot be undone.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            make_backup(self.store, reason="before-merge")
            changed = merge_codes(self.store, source, target.code)
        except ReviewtoolError as error:
            show_error(self, "Codes not merged", error)
            return
        QMessageBox.information(self, "Merge codes", f"{changed} reviews re-tagged.")
        self.refresh()
        self.codebookChanged.emit()
