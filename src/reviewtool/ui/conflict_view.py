"""Conflicting copies of a review from another computer: a notice above the editor, and a
dialog that shows the differences field by field and settles them.

The person keeps this computer's copy, takes the other one, or chooses field by field; the
result is saved as a revision that both computers then accept without a new conflict.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reviewtool.bundle.schema import ReviewRecord
from reviewtool.domain.errors import ReviewtoolError
from reviewtool.services.reviews.conflicts import (
    FieldDifference,
    ReviewConflict,
    differences,
    list_review_conflicts,
    merged_record,
    resolve_review_conflict,
)
from reviewtool.services.reviews.editing import LoadedReview
from reviewtool.services.store import Store
from reviewtool.ui.operations import show_error

MINE = "mine"
THEIRS = "theirs"


class ConflictNotice(QFrame):
    """Shown above a review's tabs while another computer's copy waits to be resolved."""

    resolveRequested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("ConflictNotice { background: #fff4d6; border: 1px solid #b7791f; }")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Conflicting copies")
        self.button = QPushButton("Compare and &resolve…")
        self.button.setToolTip("See the differences field by field and choose what to keep")
        self.button.clicked.connect(self.resolveRequested.emit)
        layout = QHBoxLayout(self)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.button)
        self.setVisible(False)

    def show_conflicts(self, conflicts: list[ReviewConflict]) -> None:
        count = len(conflicts)
        if not count:
            self.setVisible(False)
            return
        deleted = any(c.deleted for c in conflicts)
        what = (
            "a deletion"
            if deleted and count == 1
            else (f"{count} other cop{'y' if count == 1 else 'ies'}")
        )
        self.message.setText(
            f"This review was also changed on another computer: {what} is kept beside this "
            "copy. Nothing has been lost; compare them and choose what to keep."
        )
        self.setVisible(True)


class ConflictDialog(QDialog):
    """One conflicting copy against the current one: field by field, with a choice each."""

    def __init__(
        self,
        store: Store,
        loaded: LoadedReview,
        conflict: ReviewConflict,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.loaded = loaded
        self.conflict = conflict
        self.today = today
        self.result_review: LoadedReview | None = None
        self.deleted = False
        self.choices: dict[str, QButtonGroup] = {}
        record = loaded.record
        self.setWindowTitle(f"Resolve a conflict - {record.reference}")
        self.resize(980, 640)
        intro = QLabel(self._introduction())
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        self.differences: list[FieldDifference] = []
        if conflict.record is not None:
            self.differences = differences(record, conflict.record)
            layout.addWidget(self._comparison(), 1)
        buttons = QDialogButtonBox()
        self.keep_button = buttons.addButton(
            "&Keep this computer's copy", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.take_button = buttons.addButton(
            "Delete the review" if conflict.deleted else "&Take the other copy",
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.merge_button = buttons.addButton(
            "&Merge as chosen", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.merge_button.setVisible(conflict.record is not None and bool(self.differences))
        self.merge_button.setToolTip("Save the review with each field as chosen above")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.clicked.connect(self.reject)
        self.keep_button.clicked.connect(self.keep_mine)
        self.take_button.clicked.connect(self.take_theirs)
        self.merge_button.clicked.connect(self.merge)
        layout.addWidget(buttons)

    def _introduction(self) -> str:
        conflict = self.conflict
        origin = conflict.source or "another computer"
        received = f"{conflict.received_at:%d/%m/%Y %H:%M} UTC"
        if conflict.deleted:
            return (
                f"{self.loaded.record.reference} was deleted ({origin}, received {received}) "
                "while it was being changed elsewhere. Keep the review as it is here, or "
                "delete it on every computer."
            )
        return (
            f"Another copy of {self.loaded.record.reference} ({origin}, received {received}) "
            "changed the same review as this computer. The fields that differ are below: "
            "choose, for each, which text to keep, then Merge as chosen; or keep either copy "
            "whole. Whatever you choose is saved as a new version both computers accept."
        )

    def _comparison(self) -> QWidget:
        grid = QGridLayout()
        headings = ["Field", "This computer", "Other computer", "Keep"]
        for column, text in enumerate(headings):
            label = QLabel(f"<b>{text}</b>")
            grid.addWidget(label, 0, column)
        for row, difference in enumerate(self.differences, start=1):
            grid.addWidget(QLabel(difference.label), row, 0, Qt.AlignmentFlag.AlignTop)
            top = Qt.AlignmentFlag.AlignTop
            grid.addWidget(
                self._text(difference.mine, difference.label, "this computer"), row, 1, top
            )
            grid.addWidget(
                self._text(difference.theirs, difference.label, "other computer"), row, 2, top
            )
            group = QButtonGroup(self)
            mine = QRadioButton("This computer's")
            theirs = QRadioButton("The other's")
            mine.setAccessibleName(f"Keep this computer's {difference.label}")
            theirs.setAccessibleName(f"Take the other computer's {difference.label}")
            mine.setChecked(True)
            group.addButton(mine, 0)
            group.addButton(theirs, 1)
            self.choices[difference.name] = group
            box = QVBoxLayout()
            box.addWidget(mine)
            box.addWidget(theirs)
            box.addStretch(1)
            holder = QWidget()
            holder.setLayout(box)
            grid.addWidget(holder, row, 3, Qt.AlignmentFlag.AlignTop)
        grid.setRowStretch(len(self.differences) + 1, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        return scroll

    def _text(self, text: str, label: str, side: str) -> QPlainTextEdit:
        view = QPlainTextEdit(text)
        view.setReadOnly(True)
        view.setAccessibleName(f"{label} on the {side}")
        # Roughly the wrapped lines the text needs, so short values take little room.
        wrapped = sum(max(1, -(-len(line) // 55)) for line in text.split("\n"))
        lines = min(max(wrapped, 1), 8)
        view.setFixedHeight(view.fontMetrics().lineSpacing() * (lines + 2) + 12)
        return view

    def choose(self, name: str, side: str) -> None:
        """Choose which copy's value of a field to keep (``MINE`` or ``THEIRS``)."""
        self.choices[name].button(1 if side == THEIRS else 0).setChecked(True)

    def chosen_from_theirs(self) -> set[str]:
        return {name for name, group in self.choices.items() if group.checkedId() == 1}

    def keep_mine(self) -> None:
        self._resolve(self.loaded.record)

    def take_theirs(self) -> None:
        if self.conflict.record is None:
            self._resolve(None)
            return
        theirs = self.conflict.record
        if theirs.identifiers is None:  # came without identifiers: keep the ones here
            theirs = theirs.model_copy(update={"identifiers": self.loaded.record.identifiers})
        self._resolve(theirs.model_copy(update={"id": self.loaded.record.id}))

    def merge(self) -> None:
        if self.conflict.record is None:
            return
        self._resolve(
            merged_record(self.loaded.record, self.conflict.record, self.chosen_from_theirs())
        )

    def _resolve(self, result: ReviewRecord | None) -> None:
        try:
            resolved = resolve_review_conflict(
                self.store,
                self.conflict.id,
                result,
                self.loaded.version,
                today=self.today,
            )
        except ReviewtoolError as error:
            show_error(self, "Not resolved", error)
            return
        self.result_review = resolved
        self.deleted = resolved is None
        self.accept()


def resolve_conflicts(
    store: Store, loaded: LoadedReview, today: date, parent: QWidget | None = None
) -> tuple[LoadedReview | None, bool]:
    """Walk through a review's conflicts one by one. Returns the review as it is after the
    last one settled (None if it was deleted) and whether anything was resolved."""
    current: LoadedReview | None = loaded
    resolved_any = False
    for conflict in list_review_conflicts(store, loaded.record.id):
        if current is None:
            break
        dialog = ConflictDialog(store, current, conflict, today, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            break
        resolved_any = True
        current = dialog.result_review
    return current, resolved_any
