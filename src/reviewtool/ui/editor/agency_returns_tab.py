"""Agency contributions to a rapid review: requests, returns and the integrated chronology."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from reviewtool.bundle.workflow_schema import DEFAULT_DUE_WORKING_DAYS, WorkflowRecord
from reviewtool.domain.errors import InvalidInput, ReviewtoolError
from reviewtool.domain.workflow import agency_return_state
from reviewtool.services.store import Store
from reviewtool.services.workflow.agency_returns import (
    add_request,
    import_return,
    template_for,
)
from reviewtool.services.workflow.chronology import export_chronology, integrated_chronology
from reviewtool.ui.colours import MET, deadline_colour
from reviewtool.ui.editor.workflow_base import (
    WorkflowTab,
    ask_path,
    fill_table,
    read_only_item,
)
from reviewtool.ui.operations import show_error
from reviewtool.ui.widgets import DateField, format_date

ALL_AGENCIES = "All agencies"
DUPLICATE_COLOUR = "#b35c00"


class RequestDialog(QDialog):
    """Ask for the agency, its contact and the working days it has to return."""

    def __init__(self, parent: QWidget, suggestions: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Request an agency's contribution")
        self.agency = QComboBox()
        self.agency.setEditable(True)
        self.agency.addItems(suggestions)
        self.agency.setAccessibleName("Agency")
        self.contact = QLineEdit()
        self.contact.setAccessibleName("Contact (safeguarding lead)")
        self.days = QSpinBox()
        self.days.setRange(1, 60)
        self.days.setValue(DEFAULT_DUE_WORKING_DAYS)
        self.days.setAccessibleName("Working days to return")
        form = QFormLayout(self)
        form.addRow("&Agency", self.agency)
        form.addRow("&Contact", self.contact)
        form.addRow("&Working days to return", self.days)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class AgencyReturnsTab(WorkflowTab):
    def __init__(self, store: Store, today: date) -> None:
        super().__init__(store, today)
        self.requests = QTableWidget(0, 6)
        self.requests.setHorizontalHeaderLabels(
            ["Agency", "Contact", "Sent", "Due", "Returned", "Return"]
        )
        self.requests.setAccessibleName("Requests to agencies")
        self.requests.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.requests.horizontalHeader().setStretchLastSection(True)
        self.requests.setColumnWidth(0, 200)
        self.add_button = QPushButton("&Add request…")
        self.add_button.clicked.connect(self.ask_request)
        self.template_button = QPushButton("Write return &template…")
        self.template_button.clicked.connect(self.ask_template)
        self.import_button = QPushButton("&Import return…")
        self.import_button.clicked.connect(self.ask_import)
        self.remove_button = QPushButton("Remove re&quest")
        self.remove_button.clicked.connect(self.remove_request)
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.template_button,
            self.import_button,
            self.remove_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.agency_filter = QComboBox()
        self.agency_filter.setAccessibleName("Show the chronology of")
        self.agency_filter.setMinimumContentsLength(18)
        self.agency_filter.currentIndexChanged.connect(self.show_chronology)
        self.start = DateField("From")
        self.end = DateField("To")
        self.start.dateChanged.connect(self.show_chronology)
        self.end.dateChanged.connect(self.show_chronology)
        self.export_button = QPushButton("Export chronolog&y…")
        self.export_button.clicked.connect(self.ask_export)
        filters = QHBoxLayout()
        filters.addWidget(QLabel("Integrated chronology:"))
        filters.addWidget(self.agency_filter)
        filters.addWidget(QLabel("from"))
        filters.addWidget(self.start)
        filters.addWidget(QLabel("to"))
        filters.addWidget(self.end)
        filters.addStretch(1)
        filters.addWidget(self.export_button)
        self.chronology = QTableWidget(0, 5)
        self.chronology.setHorizontalHeaderLabels(
            ["Date", "Agency", "What happened", "Source", "Possible duplicate of"]
        )
        self.chronology.setAccessibleName("Integrated chronology")
        self.chronology.setWordWrap(True)
        self.chronology.setColumnWidth(2, 380)
        self.chronology.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.requests)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.addLayout(filters)
        bottom_layout.addWidget(self.chronology)
        bottom_layout.addWidget(self.summary)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # Showing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        requests = self.loaded.record.agency_requests if self.loaded else []
        rows = []
        for request in requests:
            state = agency_return_state(
                request.sent, request.due_working_days, request.returned, self.today
            )
            if request.returned is not None:
                count = len(request.chronology)
                words = f"returned ({count} entr{'y' if count == 1 else 'ies'})"
                colour = MET
            elif state is not None:
                words, colour = state.describe(), deadline_colour(state)
            else:
                words, colour = "not sent", None
            rows.append(
                [
                    read_only_item(request.agency),
                    read_only_item(request.contact or ""),
                    read_only_item(format_date(request.sent)),
                    read_only_item(format_date(state.due) if state else ""),
                    read_only_item(format_date(request.returned)),
                    read_only_item(words, colour),
                ]
            )
        fill_table(self.requests, rows)
        chosen = self.agency_filter.currentText()
        self.agency_filter.blockSignals(True)
        self.agency_filter.clear()
        self.agency_filter.addItem(ALL_AGENCIES)
        self.agency_filter.addItems(sorted({r.agency for r in requests if r.chronology}))
        index = self.agency_filter.findText(chosen)
        self.agency_filter.setCurrentIndex(max(index, 0))
        self.agency_filter.blockSignals(False)
        self.show_chronology()

    def _filters(self) -> tuple[list[str], date | None, date | None]:
        agency = self.agency_filter.currentText()
        agencies = [] if agency in ("", ALL_AGENCIES) else [agency]
        return agencies, self.start.safe_value(), self.end.safe_value()

    def show_chronology(self) -> None:
        if self.loaded is None:
            fill_table(self.chronology, [])
            self.summary.setText("")
            return
        agencies, start, end = self._filters()
        try:
            lines = integrated_chronology(self.loaded.record, agencies, start, end)
        except InvalidInput as error:
            self.summary.setText(str(error))
            return
        rows = []
        for line in lines:
            when = format_date(line.happened_on) + (f" {line.time}" if line.time else "")
            twins = "; ".join(line.duplicate_of)
            rows.append(
                [
                    read_only_item(when),
                    read_only_item(line.agency),
                    read_only_item(line.what_happened),
                    read_only_item(line.source or ""),
                    read_only_item(twins, DUPLICATE_COLOUR if twins else None),
                ]
            )
        fill_table(self.chronology, rows)
        flagged = sum(1 for line in lines if line.duplicate_of)
        self.summary.setText(
            f"{len(lines)} entries in date order"
            + (f"; {flagged} marked as possible duplicates" if flagged else "")
        )

    # Actions -----------------------------------------------------------------------------

    def _selected_request(self) -> int | None:
        row = self.requests.currentRow()
        if self.loaded is None or row < 0 or row >= len(self.loaded.record.agency_requests):
            return None
        return row

    def ask_request(self) -> None:
        if self.loaded is None:
            return
        asked = {r.agency for r in self.loaded.record.agency_requests}
        dialog = RequestDialog(self, [a for a in self.loaded.review.agencies if a not in asked])
        if dialog.exec():
            self.add_request(
                dialog.agency.currentText(), dialog.contact.text() or None, dialog.days.value()
            )

    def add_request(self, agency: str, contact: str | None, due_working_days: int) -> bool:
        if self.loaded is None:
            return False
        try:
            add_request(
                self.store, self.loaded.review.id, agency, self.today, contact, due_working_days
            )
        except ReviewtoolError as error:
            show_error(self, "Request not recorded", error)
            return False
        self.reload()
        return True

    def ask_template(self) -> None:
        row = self._selected_request()
        if row is None:
            QMessageBox.information(self, "Return template", "Select the agency's request first.")
            return
        path = ask_path(self, "Write the return template", "Excel workbook (*.xlsx)", "xlsx", True)
        if path is not None:
            self.write_template(row, path)

    def write_template(self, row: int, path: Path) -> bool:
        from reviewtool.reports.agency_return_xlsx import write_return_template

        assert self.loaded is not None
        request = self.loaded.record.agency_requests[row]
        try:
            write_return_template(template_for(self.store, self.loaded, request), path)
        except (ReviewtoolError, OSError) as error:
            show_error(self, "Template not written", error)
            return False
        return True

    def ask_import(self) -> None:
        path = ask_path(self, "Import an agency's return", "Excel workbook (*.xlsx)", "xlsx", False)
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> bool:
        if self.loaded is None:
            return False
        try:
            imported = import_return(self.store, self.loaded.review.id, path, self.today)
        except ReviewtoolError as error:
            show_error(self, "Return not imported", error)
            return False
        self.reload()
        QMessageBox.information(
            self,
            "Return imported",
            f"{imported.agency}: {imported.entries} chronology "
            f"entr{'y' if imported.entries == 1 else 'ies'} and {imported.episodes} key "
            f"practice episode{'' if imported.episodes == 1 else 's'}.",
        )
        return True

    def remove_request(self) -> None:
        row = self._selected_request()
        if row is None or self.loaded is None:
            return
        request = self.loaded.record.agency_requests[row]
        answer = QMessageBox.question(
            self,
            "Remove request",
            f"Remove the request to {request.agency}"
            + (
                f" and its {len(request.chronology)} chronology entries"
                if request.chronology
                else ""
            )
            + "?",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def without(record: WorkflowRecord) -> WorkflowRecord:
            record.agency_requests = [r for r in record.agency_requests if r.id != request.id]
            return record

        self.save(without, "Request not removed")

    def ask_export(self) -> None:
        path = ask_path(
            self,
            "Export the integrated chronology",
            "Excel workbook (*.xlsx);;Word document (*.docx)",
            "xlsx",
            True,
        )
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> bool:
        if self.loaded is None:
            return False
        agencies, start, end = self._filters()
        try:
            export_chronology(self.store, self.loaded.review.id, path, agencies, start, end)
        except (ReviewtoolError, OSError) as error:
            show_error(self, "Chronology not written", error)
            return False
        return True
