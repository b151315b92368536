"""The review's protected identifiers: the real names, addresses and schools that must never
appear in anything published. Kept apart from the review's text, never searched, never
written to the audit trail; every export is checked against them."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from reviewtool.bundle.schema import ReviewRecord
from reviewtool.domain.identifier_kinds import IdentifierKind
from reviewtool.ui.editor.base import EditorTab

NO_IDENTIFIERS = "No identifiers recorded: the publication check cannot protect this review."
COLUMNS = ("What it is", "Real name, address, school or other detail")
# What each "Add" button starts a row as; the row's kind can then be changed.
ADD_BUTTONS = (
    ("Add per&son", IdentifierKind.CHILD),
    ("Add a&ddress or postcode", IdentifierKind.ADDRESS),
    ("Add school or settin&g", IdentifierKind.SCHOOL),
    ("Add &other", IdentifierKind.OTHER),
)


class IdentifiersTab(EditorTab):
    def __init__(self) -> None:
        super().__init__()
        intro = QLabel(
            "The real names of the child and the people around them, addresses and "
            "postcodes, schools and settings, dates of birth. They are never published: "
            "every briefing, deck and summary is checked against them before it is written "
            "(first names, surnames, titles and initials, school and street names included)."
        )
        intro.setWordWrap(True)
        self.warning = QLabel(NO_IDENTIFIERS)
        self.warning.setAccessibleName("Warning")
        self.warning.setStyleSheet(
            "QLabel { background: #fdecea; color: #7a1c12; border: 1px solid #c0392b;"
            " padding: 6px; font-weight: bold; }"
        )
        self.warning.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setAccessibleName("Protected identifiers")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemChanged.connect(self._edited)
        buttons = QHBoxLayout()
        self.add_buttons: dict[IdentifierKind, QPushButton] = {}
        for label, kind in ADD_BUTTONS:
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, k=kind: self.add(k))
            buttons.addWidget(button)
            self.add_buttons[kind] = button
        self.remove_button = QPushButton("Re&move")
        self.remove_button.setToolTip("Remove the selected identifiers")
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.warning)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_warning()

    def _kind_combo(self, kind: IdentifierKind) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName("What the identifier is")
        for item in IdentifierKind:
            combo.addItem(item.label, item.value)
        combo.setCurrentIndex(max(combo.findData(kind.value), 0))
        combo.currentIndexChanged.connect(self.changed)
        return combo

    def _add_row(self, value: str, kind: IdentifierKind) -> int:
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        self.table.setCellWidget(row, 0, self._kind_combo(kind))
        self.table.setItem(row, 1, QTableWidgetItem(value))
        self.table.blockSignals(False)
        self._update_warning()
        return row

    def add(self, kind: IdentifierKind) -> None:
        """A new row of this kind, ready to type into."""
        row = self._add_row("", kind)
        self.table.setCurrentCell(row, 1)
        item = self.table.item(row, 1)
        if item is not None:
            self.table.editItem(item)
        self.changed.emit()

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self._update_warning()
            self.changed.emit()

    def _edited(self) -> None:
        self._update_warning()
        self.changed.emit()

    def entries(self) -> list[tuple[str, IdentifierKind]]:
        """(value, kind) of every row with something typed in it, in order."""
        found = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 1)
            value = item.text().strip() if item is not None else ""
            combo = self.table.cellWidget(row, 0)
            assert isinstance(combo, QComboBox)
            if value:
                found.append((value, IdentifierKind(str(combo.currentData()))))
        return found

    def _update_warning(self) -> None:
        self.warning.setVisible(not self.entries())

    def load(self, record: ReviewRecord) -> None:
        self.table.setRowCount(0)
        values = record.identifiers or []
        kinds = list(record.identifier_kinds or [])
        kinds += [IdentifierKind.OTHER] * (len(values) - len(kinds))
        for value, kind in zip(values, kinds, strict=False):
            self._add_row(value, kind)
        self._update_warning()

    def apply(self, record: ReviewRecord) -> None:
        entries = self.entries()
        record.identifiers = [value for value, _ in entries]
        record.identifier_kinds = [kind for _, kind in entries]
