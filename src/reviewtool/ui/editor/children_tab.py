"""The children of a review (add, edit, remove) and the agencies involved."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from reviewtool.bundle.schema import ChildRecord, ReviewRecord
from reviewtool.domain.enums import Plan, Sex
from reviewtool.ui.editor.base import EditorTab, optional_text

COLUMNS = (
    "Pseudonym",
    "Age (months)",
    "Unborn",
    "Sex",
    "Ethnicity",
    "Disability",
    "Looked after",
    "Plan",
    "Known to CSC",
)
TRISTATE = {None: "Not known", True: "Yes", False: "No"}


def _combo(items: Mapping[Any, str], value: object, name: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    for data, label in items.items():
        combo.addItem(label, data)
    combo.setCurrentIndex(max(combo.findData(value), 0))
    return combo


class ChildrenTab(EditorTab):
    def __init__(self) -> None:
        super().__init__()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setAccessibleName("Children")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        # Every choice reads whole ("Child protection", not "Child protec").
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        metrics = self.table.fontMetrics()
        self.table.setColumnWidth(0, metrics.horizontalAdvance("Children P and Q") + 16)
        self.table.setColumnWidth(4, metrics.horizontalAdvance("Mixed: White and Asian") + 16)
        self.table.itemChanged.connect(self.changed)
        add = QPushButton("&Add child")
        add.clicked.connect(lambda: self._add_row(ChildRecord()))
        add.clicked.connect(self.changed)
        remove = QPushButton("Remove chil&d")
        remove.clicked.connect(self._remove_selected)
        self.agencies = QPlainTextEdit()
        self.agencies.setAccessibleName("Agencies involved, one per line")
        self.agencies.setTabChangesFocus(True)
        self.agencies.textChanged.connect(self.changed)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        label = QLabel("&Children (anonymised: pseudonyms only)")
        label.setBuddy(self.table)
        layout.addWidget(label)
        layout.addWidget(self.table, 2)
        layout.addLayout(buttons)
        agencies_label = QLabel("A&gencies involved (one per line)")
        agencies_label.setBuddy(self.agencies)
        layout.addWidget(agencies_label)
        layout.addWidget(self.agencies, 1)

    def _add_row(self, child: ChildRecord) -> None:
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(child.pseudonym or ""))
        age = QSpinBox()
        age.setRange(-1, 300)
        age.setSpecialValueText("Not known")
        age.setAccessibleName("Age in months")
        age.setValue(-1 if child.age_months is None else child.age_months)
        age.valueChanged.connect(self.changed)
        self.table.setCellWidget(row, 1, age)
        widgets = [
            (2, _combo({False: "No", True: "Yes"}, child.unborn, "Unborn")),
            (3, _combo({s: s.label for s in Sex}, child.sex, "Sex")),
            (5, _combo(TRISTATE, child.disability, "Disability")),
            (6, _combo(TRISTATE, child.looked_after, "Looked after")),
            (7, _combo({plan: plan.label for plan in Plan}, child.plan, "Plan")),
            (8, _combo(TRISTATE, child.known_to_csc, "Known to children's social care")),
        ]
        for column, combo in widgets:
            combo.currentIndexChanged.connect(self.changed)
            self.table.setCellWidget(row, column, combo)
        self.table.setItem(row, 4, QTableWidgetItem(child.ethnicity or ""))
        self.table.blockSignals(False)

    def _remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self.changed.emit()

    def load(self, record: ReviewRecord) -> None:
        self.table.setRowCount(0)
        for child in record.children:
            self._add_row(child)
        self.agencies.setPlainText("\n".join(record.agencies))

    def _data(self, row: int, column: int) -> object:
        widget = self.table.cellWidget(row, column)
        assert isinstance(widget, QComboBox)
        return widget.currentData()

    def apply(self, record: ReviewRecord) -> None:
        children = []
        for row in range(self.table.rowCount()):
            age = self.table.cellWidget(row, 1)
            assert isinstance(age, QSpinBox)
            unborn = bool(self._data(row, 2))
            pseudonym = self.table.item(row, 0)
            ethnicity = self.table.item(row, 4)
            children.append(
                ChildRecord(
                    pseudonym=optional_text(pseudonym.text() if pseudonym else ""),
                    age_months=None if unborn or age.value() < 0 else age.value(),
                    unborn=unborn,
                    sex=Sex(str(self._data(row, 3))),
                    ethnicity=optional_text(ethnicity.text() if ethnicity else ""),
                    disability=self._data(row, 5),  # type: ignore[arg-type]
                    looked_after=self._data(row, 6),  # type: ignore[arg-type]
                    plan=Plan(str(self._data(row, 7))),
                    known_to_csc=self._data(row, 8),  # type: ignore[arg-type]
                )
            )
        record.children = children
        record.agencies = [
            line.strip() for line in self.agencies.toPlainText().splitlines() if line.strip()
        ]
