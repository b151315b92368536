"""The main window's review actions: a new review, converting one to a CSPR, deleting one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow, QMessageBox

from reviewtool.domain.changes import Changes
from reviewtool.domain.errors import ReviewtoolError
from reviewtool.services.reviews.editing import create_review, delete_review
from reviewtool.services.safety.backups import make_backup
from reviewtool.services.store import Store
from reviewtool.ui.operations import confirm_risky, show_error

if TYPE_CHECKING:
    from reviewtool.ui.reviews_page import ReviewsPage

    _Window = QMainWindow
else:
    _Window = object


class ReviewActions(_Window):
    """Mixed into the main window, which provides these attributes and methods."""

    store: Store
    reviews: ReviewsPage
    today: date

    open_review: Callable[[str], None]
    apply_changes: Callable[[Changes], None]

    def new_review(self) -> None:
        if not self.reviews.editor.maybe_save():
            return
        from reviewtool.ui.new_review_dialog import NewReviewDialog

        dialog = NewReviewDialog(self, self.store, self.today)
        if not dialog.exec():
            return
        try:
            created = create_review(self.store, dialog.record(), today=self.today)
        except ReviewtoolError as error:
            show_error(self, "Review not created", error)
            return
        # A search or filter that would hide the new review is cleared, so it is seen.
        self.reviews.clear_filters()
        self.open_review(created.record.id)
        self.reviews.editor.details.title.setFocus()

    def convert_current(self) -> None:
        editor = self.reviews.editor
        if editor.loaded is None or not editor.maybe_save():
            return
        record = editor.loaded.record
        answer = QMessageBox.question(
            self,
            "Convert to CSPR",
            f"Create a local child safeguarding practice review from {record.reference}, "
            "carrying over its children, agencies and factors?",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            from reviewtool.services.reviews.conversion import convert_to_cspr

            created = convert_to_cspr(self.store, record.id)
        except ReviewtoolError as error:
            show_error(self, "Not converted", error)
            return
        self.apply_changes(Changes(saved=frozenset({created.record.id})))
        self.open_review(created.record.id)

    def delete_current(self) -> None:
        editor = self.reviews.editor
        if editor.loaded is None:
            return
        record = editor.loaded.record
        if not confirm_risky(
            self,
            "Delete review",
            f"Delete {record.reference} ({record.title}) and everything recorded for it? "
            "A backup is taken first.",
        ):
            return
        try:
            make_backup(self.store, reason="before-delete")
            delete_review(self.store, record.id, editor.loaded.version)
        except ReviewtoolError as error:
            show_error(self, "Not deleted", error)
            return
        self.apply_changes(Changes(deleted=frozenset({record.id})))
