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
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
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
from reviewtool.ui.accessibility import name_with_label, show_tick_boxes
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
        # Space ticks or unticks the review under the cursor; several may be chosen.
        self.reviews.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        # A long title wraps onto a second line: never cut, never scrolled sideways.
        self.reviews.setWordWrap(True)
        self.reviews.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for row in list_reviews(store, with_themes=False, with_snippets=False):
            text = f"{row.reference} - {row.title} ({row.kind.short_label})"
            item = QListWidgetItem(text)
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.reviews.addItem(item)
            item.setSelected(row.id == selected)
        self.find_review = QLineEdit()
        self.find_review.setPlaceholderText("Reference or title")
        self.find_review.setClearButtonEnabled(True)
        self.find_review.textChanged.connect(self._filter)
        self.chosen_count = QLabel()
        self.reviews.itemSelectionChanged.connect(self._count)
        select_shown = QPushButton("Choose &all shown")
        select_shown.clicked.connect(lambda: self._choose_shown(True))
        clear = QPushButton("C&lear choice")
        clear.clicked.connect(lambda: self._choose_shown(False))
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
        period.addWidget(name_with_label(QLabel("Fro&m"), self.date_from))
        period.addWidget(self.date_from)
        period.addWidget(name_with_label(QLabel("T&o"), self.date_to))
        period.addWidget(self.date_to)
        period.addStretch()
        theme_form = QFormLayout()
        theme_form.addRow("T&heme", self.theme)
        theme_form.addRow("Period (notified)", period)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        write = buttons.addButton("&Write slides…", QDialogButtonBox.ButtonRole.AcceptRole)
        write.clicked.connect(self.write)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.by_reviews)
        find_row = QHBoxLayout()
        find_row.addWidget(name_with_label(QLabel("&Find"), self.find_review))
        find_row.addWidget(self.find_review, 1)
        layout.addLayout(find_row)
        layout.addWidget(self.reviews)
        choice_row = QHBoxLayout()
        choice_row.addWidget(self.chosen_count, 1)
        choice_row.addWidget(select_shown)
        choice_row.addWidget(clear)
        layout.addLayout(choice_row)
        layout.addWidget(self.by_theme)
        layout.addLayout(theme_form)
        format_row = QFormLayout()
        format_row.addRow("Fo&rmat", self.format)
        layout.addLayout(format_row)
        layout.addWidget(buttons)
        self.by_reviews.toggled.connect(self._enable)
        self._enable()
        self._count()
        release_tab(self)
        show_tick_boxes(self)

    def _filter(self, text: str) -> None:
        words = text.lower().split()
        for row in range(self.reviews.count()):
            item = self.reviews.item(row)
            item.setHidden(not all(word in item.text().lower() for word in words))

    def _choose_shown(self, chosen: bool) -> None:
        for row in range(self.reviews.count()):
            item = self.reviews.item(row)
            if not item.isHidden() or not chosen:
                item.setSelected(chosen)

    def _count(self) -> None:
        count = len(self.reviews.selectedItems())
        self.chosen_count.setText(f"{count} review{'s' if count != 1 else ''} chosen")

    def _enable(self) -> None:
        reviews = self.by_reviews.isChecked()
        for chooser in (self.reviews, self.find_review):
            chooser.setEnabled(reviews)
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
