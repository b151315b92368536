"""The review screen for recorded ethnicity: each value as recorded, how many children have
it, and the 2021 census category it counts under; values no rule recognises come first."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewtool.domain.errors import ReviewtoolError
from reviewtool.domain.ethnicity import census_2021
from reviewtool.services.ethnicity import RecordedValue, map_recorded_value, recorded_values
from reviewtool.services.store import Store
from reviewtool.ui.operations import show_error

NOT_MAPPED_CHOICE = "(not mapped)"


class EthnicityDialog(QDialog):
    def __init__(self, parent: QWidget | None, store: Store) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle("Recorded ethnicity and the 2021 census categories")
        self.resize(900, 520)
        self.values: list[RecordedValue] = []
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            ["As recorded", "Children", "2021 census category", "Mapped by"]
        )
        self.table.setAccessibleName("Recorded ethnicity values")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.load()

    def load(self) -> None:
        census = census_2021()
        self.values = recorded_values(self.store)
        unmapped = sum(1 for v in self.values if v.category is None)
        self.intro.setText(
            f"{len(self.values)} different values are recorded; {unmapped} "
            f"{'is' if unmapped == 1 else 'are'} not yet mapped to a category and "
            "counted as “Recorded, not yet mapped” in the analysis. What a review recorded "
            "is never changed: choose the category each value counts under, then Save."
        )
        self.table.setRowCount(len(self.values))
        for row, value in enumerate(self.values):
            recorded = QTableWidgetItem(value.recorded)
            recorded.setToolTip(value.recorded)
            self.table.setItem(row, 0, recorded)
            self.table.setItem(row, 1, QTableWidgetItem(str(value.children)))
            choice = QComboBox()
            choice.setAccessibleName(f"Category for {value.recorded}")
            choice.addItem(NOT_MAPPED_CHOICE, None)
            for category in census.categories:
                choice.addItem(f"{category.group_label}: {category.label}", category.code)
            choice.setCurrentIndex(max(0, choice.findData(value.category)))
            self.table.setCellWidget(row, 2, choice)
            by = value.mapped_by or "not mapped"
            self.table.setItem(row, 3, QTableWidgetItem(by))

    def save(self) -> None:
        try:
            for row, value in enumerate(self.values):
                choice = self.table.cellWidget(row, 2)
                assert isinstance(choice, QComboBox)
                wanted = choice.currentData()
                if wanted != value.category:
                    map_recorded_value(self.store, value.recorded, wanted)
        except ReviewtoolError as error:
            show_error(self, "Ethnicity not mapped", error)
            return
        self.load()
