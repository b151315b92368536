"""Choose reviews, or a theme and a period, and write learning slides."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reviewtool.domain.errors import ReviewtoolError
from reviewtool.services.codebook import list_codes
from reviewtool.services.outputs.publication import PublicationBlocked
from reviewtool.services.outputs.slides import export_slides
from reviewtool.services.reviews.listing import list_reviews
from reviewtool.services.store import Store
from reviewtool.ui.keyboard import release_tab
from reviewtool.ui.operations import run_in_background, show_error
from reviewtool.ui.publication_dialog import ask_override_reason
from reviewtool.ui.widgets import DateField


class SlidesDialog(QDialog):
    def __init__(self, parent: QWidget, store: Store, selected: str | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle("Learning slides")
        self.resize(640, 560)
        self.by_reviews = QRadioButton("From &chosen reviews")
        self.by_theme = QRadioButton("From a &theme across a period")
        self.by_reviews.setChecked(True)
        self.reviews = QListWidget()
        self.reviews.setAccessibleName("Reviews to include")
        self.reviews.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row in list_reviews(store):
            item = QListWidgetItem(f"{row.reference} - {row.title} ({row.kind.short_label})")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.reviews.addItem(item)
            item.setSelected(row.id == selected)
        self.theme = QComboBox()
        self.theme.setAccessibleName("Theme")
        for code in list_codes(store, include_inactive=False, with_usage=False):
            self.theme.addItem(f"{code.group.label}: {code.label}", code.code)
        self.date_from = DateField("From")
        self.date_to = DateField("To")
        self.format = QComboBox()
        self.format.setAccessibleName("Format")
        self.format.addItem("PowerPoint (.pptx)", ".pptx")
        self.format.addItem("PDF (.pdf)", ".pdf")
        period = QHBoxLayout()
        period.addWidget(self.date_from)
        period.addWidget(self.date_to)
        period.addStretch()
        theme_form = QFormLayout()
        theme_form.addRow("Theme", self.theme)
        theme_form.addRow("Period (notified)", period)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        write = buttons.addButton("&Write slides…", QDialogButtonBox.ButtonRole.AcceptRole)
        write.clicked.connect(self.write)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.by_reviews)
        layout.addWidget(self.reviews)
        layout.addWidget(self.by_theme)
        layout.addLayout(theme_form)
        format_row = QFormLayout()
        format_row.addRow("Format", self.format)
        layout.addLayout(format_row)
        layout.addWidget(buttons)
        self.by_reviews.toggled.connect(self._enable)
        self._enable()
        release_tab(self)

    def _enable(self) -> None:
        reviews = self.by_reviews.isChecked()
        self.reviews.setEnabled(reviews)
        for widget in (self.theme, self.date_from, self.date_to):
            widget.setEnabled(not reviews)

    def chosen_reviews(self) -> list[str]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.reviews.selectedItems()]

    def write(self) -> None:
        try:
            refs = self.chosen_reviews() if self.by_reviews.isChecked() else []
            theme = None if self.by_reviews.isChecked() else self.theme.currentData()
            date_from: date | None = None if theme is None else self.date_from.value()
            date_to: date | None = None if theme is None else self.date_to.value()
            if not refs and theme is None:
                raise ReviewtoolError("Choose at least one review, or a theme.")
        except ReviewtoolError as error:
            show_error(self, "Learning slides", error)
            return
        suffix = self.format.currentData()
        path, _ = QFileDialog.getSaveFileName(
            self, "Save the slides", f"learning-slides{suffix}", f"Slides (*{suffix})"
        )
        if not path:
            return
        out = Path(path) if path.lower().endswith(suffix) else Path(path + suffix)
        self._write_checked(out, refs, theme, date_from, date_to, None)

    def _write_checked(
        self,
        out: Path,
        refs: list[str],
        theme: str | None,
        date_from: date | None,
        date_to: date | None,
        reason: str | None,
    ) -> None:
        """Write in the background; if the publication check blocks it, offer the override."""

        def blocked(error: BaseException) -> None:
            if not isinstance(error, PublicationBlocked):
                show_error(self, "Slides not written", error)
                return
            given = ask_override_reason(self, error)
            if given:
                self._write_checked(out, refs, theme, date_from, date_to, given)

        run_in_background(
            self,
            "Writing the slides…",
            lambda _progress: export_slides(
                self.store, out, refs, theme, date_from, date_to, override_reason=reason
            ),
            lambda _path: self.accept(),
            blocked,
        )
