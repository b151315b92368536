"""What the workflow tabs share: the review's workflow, opened and saved through services.

Unlike the review's own tabs, each workflow change is saved as it is made (a request added,
a return imported, a milestone dated), as the business unit works through the timetable.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QFileDialog, QTableWidget, QTableWidgetItem, QWidget

from reviewtool.bundle.workflow_schema import WorkflowRecord
from reviewtool.domain.errors import ReviewtoolError
from reviewtool.services.store import Store
from reviewtool.services.workflow.editing import LoadedWorkflow, load_workflow, save_workflow
from reviewtool.ui.operations import show_error


class WorkflowTab(QWidget):
    workflowSaved = Signal()

    def __init__(self, store: Store, today: date) -> None:
        super().__init__()
        self.store = store
        self.today = today
        self.loaded: LoadedWorkflow | None = None

    def open_review(self, review_id: str | None) -> None:
        if review_id is None and self.loaded is None:
            self.setEnabled(False)  # already empty: nothing to clear (and start-up stays quick)
            return
        self.loaded = load_workflow(self.store, review_id) if review_id else None
        self.setEnabled(self.loaded is not None)
        self.refresh()

    def refresh(self) -> None:
        """Show ``self.loaded`` (None: nothing)."""
        raise NotImplementedError

    def collect(self, record: WorkflowRecord) -> WorkflowRecord:
        """``record`` with what this tab's form holds (tabs that save as they go: as is)."""
        return record

    def has_unsaved(self) -> bool:
        """Whether the form holds anything not yet saved (a field that cannot be read does)."""
        if self.loaded is None:
            return False
        try:
            return self.collect(self.loaded.record.model_copy(deep=True)) != self.loaded.record
        except ReviewtoolError:
            return True

    def save_form(self) -> bool:
        return self.save(self.collect, "Not saved")

    def save(self, change: Callable[[WorkflowRecord], WorkflowRecord], title: str) -> bool:
        """Apply ``change`` to the workflow and save it; on an error say so, change nothing."""
        if self.loaded is None:
            return False
        try:
            record = change(self.loaded.record.model_copy(deep=True))
            self.loaded = save_workflow(self.store, record, self.loaded.stored_at, self.today)
        except ReviewtoolError as error:
            show_error(self, title, error)
            return False
        self.refresh()
        self.workflowSaved.emit()
        return True

    def reload(self) -> None:
        if self.loaded is not None:
            self.open_review(self.loaded.review.id)
            self.workflowSaved.emit()


def read_only_item(text: str, colour: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if colour:
        item.setForeground(QBrush(QColor(colour)))
    return item


def fill_table(table: QTableWidget, rows: list[list[QTableWidgetItem]]) -> None:
    table.setRowCount(len(rows))
    for row, items in enumerate(rows):
        for column, item in enumerate(items):
            table.setItem(row, column, item)
    table.resizeRowsToContents()


def ask_path(parent: QWidget, title: str, filters: str, suffix: str, save: bool) -> Path | None:
    dialog = QFileDialog(parent, title)
    dialog.setAcceptMode(
        QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen
    )
    if not save:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilters(filters.split(";;"))
    dialog.setDefaultSuffix(suffix)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    if not dialog.exec() or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])
