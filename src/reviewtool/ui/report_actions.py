"""The main window's Reports menu: briefings, slides, the thematic review."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QMainWindow, QMessageBox

from reviewtool.services.store import Store

if TYPE_CHECKING:
    from reviewtool.ui.reviews_page import ReviewsPage

    _Window = QMainWindow
else:
    _Window = object


class ReportActions(_Window):
    """Mixed into the main window, which provides these attributes."""

    store: Store
    reviews: ReviewsPage
    today: date

    def _current_for_report(self) -> str | None:
        """The review in the editor, saved first so the report shows what is on screen."""
        editor = self.reviews.editor
        if editor.loaded is None:
            QMessageBox.information(self, "reviewtool", "Select a review first.")
            return None
        if not editor.maybe_save():
            return None
        return editor.loaded.record.id

    def preview_briefing(self) -> None:
        review_id = self._current_for_report()
        if review_id:
            from reviewtool.ui.briefing_export import preview_briefing

            preview_briefing(self, self.store, review_id)

    def export_briefing(self) -> None:
        review_id = self._current_for_report()
        if review_id:
            from reviewtool.ui.briefing_export import export_briefing_dialog

            export_briefing_dialog(self, self.store, review_id)

    def topic_briefing(self) -> None:
        from reviewtool.services.outputs.briefings import list_topic_briefings

        topics = list_topic_briefings(self.store)
        if not topics:
            QMessageBox.information(self, "Topic briefings", "There are no topic briefings yet.")
            return
        names = [f"{t.title} ({t.status})" for t in topics]
        choice, ok = QInputDialog.getItem(self, "Topic briefing", "Briefing:", names, 0, False)
        if ok:
            from reviewtool.ui.briefing_export import preview_briefing

            preview_briefing(self, self.store, topics[names.index(choice)].id)

    def thematic_review(self) -> None:
        from reviewtool.ui.thematic_dialog import ThematicDialog

        ThematicDialog(self, self.store, self.today).exec()

    def learning_slides(self) -> None:
        editor = self.reviews.editor
        from reviewtool.ui.slides_dialog import SlidesDialog

        SlidesDialog(self, self.store, editor.review_id).exec()
