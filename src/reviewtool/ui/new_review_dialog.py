"""One dialog for a new review: its kind, a suggested reference, title and notified date."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reviewtool.bundle.schema import ReviewRecord
from reviewtool.domain.enums import ReviewKind
from reviewtool.domain.errors import InvalidInput
from reviewtool.services.reviews.editing import new_review_record
from reviewtool.services.reviews.references import next_reference
from reviewtool.services.store import Store
from reviewtool.ui.accessibility import name_with_label, show_tick_boxes
from reviewtool.ui.keyboard import release_tab
from reviewtool.ui.widgets import DateField


class NewReviewDialog(QDialog):
    def __init__(self, parent: QWidget | None, store: Store, today: date) -> None:
        super().__init__(parent)
        self.store = store
        self.today = today
        self.setWindowTitle("New review")
        self.kind = QComboBox()
        for kind in ReviewKind:
            self.kind.addItem(kind.label, kind)
        self.reference = QLineEdit()
        self.reference.setToolTip("Suggested from the references already in use; change it freely")
        self.title = QLineEdit()
        self.title.setPlaceholderText("The child's pseudonym, e.g. Child R")
        self.notified = DateField("Notified to the Panel")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("What is missing")
        self.problem.hide()
        form = QFormLayout()
        form.addRow(name_with_label(QLabel("&Kind of review"), self.kind), self.kind)
        form.addRow(name_with_label(QLabel("&Reference"), self.reference), self.reference)
        form.addRow(name_with_label(QLabel("&Title"), self.title), self.title)
        form.addRow(name_with_label(QLabel("&Notified to the Panel"), self.notified), self.notified)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_button.setText("&Create")
        ok_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        release_tab(self)
        show_tick_boxes(self)
        self._suggested = ""
        self.kind.currentIndexChanged.connect(self._suggest)
        self._suggest()
        self.title.setFocus()

    def _suggest(self) -> None:
        """A new suggestion for the kind chosen, unless the person typed their own."""
        if self.reference.text().strip() in ("", self._suggested):
            self._suggested = next_reference(self.store, self.chosen_kind(), self.today)
            self.reference.setText(self._suggested)

    def chosen_kind(self) -> ReviewKind:
        return ReviewKind(self.kind.currentData())

    def record(self) -> ReviewRecord:
        """The new review as filled in; :class:`InvalidInput` naming what is missing."""
        reference, title = self.reference.text().strip(), self.title.text().strip()
        if not reference:
            raise InvalidInput("Reference: give the review a reference.")
        if not title:
            raise InvalidInput("Title: give the child's pseudonym, e.g. Child R.")
        record = new_review_record(self.chosen_kind(), reference, title)
        record.dates.notified = self.notified.value()
        return record

    def accept(self) -> None:
        try:
            self.record()
        except InvalidInput as error:
            self.problem.setText(str(error))
            self.problem.show()
            (self.reference if not self.reference.text().strip() else self.title).setFocus()
            return
        super().accept()
