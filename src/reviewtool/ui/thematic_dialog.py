"""Run a thematic review from the app: choose the period and outputs, work in the background."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from reviewtool.domain.enums import ReviewKind
from reviewtool.domain.errors import InvalidInput, ReviewtoolError
from reviewtool.services.outputs.publication import PublicationBlocked
from reviewtool.services.outputs.thematic import ThematicRequest
from reviewtool.services.outputs.thematic_cohort import cohort_size
from reviewtool.services.outputs.thematic_export import ThematicOutputs, export_thematic
from reviewtool.services.store import Store
from reviewtool.ui.accessibility import name_with_label, show_tick_boxes
from reviewtool.ui.keyboard import release_tab
from reviewtool.ui.operations import run_in_background, show_error
from reviewtool.ui.publication_dialog import ask_override_reason
from reviewtool.ui.responsive import scrolling
from reviewtool.ui.widgets import DateField, format_date


class ThematicDialog(QDialog):
    def __init__(self, parent: QWidget, store: Store, today: date) -> None:
        super().__init__(parent)
        self.store = store
        self.today = today
        self.setWindowTitle("Thematic review")
        self.date_from = DateField("From")
        self.date_to = DateField("To")
        self.date_from.set_value(date(today.year - 2, 1, 1))
        self.date_to.set_value(today)
        self.by = QComboBox()
        self.by.setAccessibleName("Which date puts a review in the period")
        self.by.addItem("Notification date", "notified")
        self.by.addItem("Publication date", "published")
        self.kinds = {kind: QCheckBox(kind.label) for kind in ReviewKind}
        for box in self.kinds.values():
            box.setChecked(True)
        self.compare = QCheckBox("Compare with an earlier period")
        self.compare_from = DateField("Compare from")
        self.compare_to = DateField("Compare to")
        self.compare_from.set_value(date(today.year - 4, 1, 1))
        self.compare_to.set_value(date(today.year - 2, 1, 1) - timedelta(days=1))
        self.threshold = QDoubleSpinBox()
        self.threshold.setAccessibleName("Share of reviews a recurring theme needs")
        self.threshold.setRange(1, 100)
        self.threshold.setSuffix(" %")
        self.threshold.setValue(25)
        self.count_both = QCheckBox("Count a rapid review and the CSPR it led to as two cases")
        self.for_publication = QCheckBox(
            "For publication: tagged, accessible PDF (otherwise OFFICIAL-SENSITIVE)"
        )
        self.html = QCheckBox("Accessible web page (HTML)")
        self.xlsx = QCheckBox("Spreadsheet (XLSX): cases x themes and action tracker")
        self.docx = QCheckBox("Annual report chapter (Word)")
        self.summary_docx = QCheckBox("The whole summary, editable (Word)")
        for box in (self.html, self.xlsx, self.docx, self.summary_docx):
            box.setChecked(True)

        self.included = QLabel()
        self.included.setAccessibleName("Reviews included")
        self.included.setWordWrap(True)
        period = QHBoxLayout()
        period.addWidget(name_with_label(QLabel("&From"), self.date_from))
        period.addWidget(self.date_from)
        period.addWidget(name_with_label(QLabel("T&o"), self.date_to))
        period.addWidget(self.date_to)
        period.addStretch()
        comparison = QHBoxLayout()
        comparison.addWidget(name_with_label(QLabel("Fro&m"), self.compare_from))
        comparison.addWidget(self.compare_from)
        comparison.addWidget(name_with_label(QLabel("To"), self.compare_to))
        comparison.addWidget(self.compare_to)
        comparison.addStretch()
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(QLabel("Period"), period)
        form.addRow(self.included)
        form.addRow("&By", self.by)
        kinds = QGroupBox("Kinds of review")
        kinds_layout = QVBoxLayout(kinds)
        for box in self.kinds.values():
            kinds_layout.addWidget(box)
        form.addRow(kinds)
        form.addRow(self.compare)
        form.addRow("Comparison period", comparison)
        form.addRow("Recurring theme &threshold", self.threshold)
        form.addRow(self.count_both)
        form.addRow(self.for_publication)
        outputs = QGroupBox("Besides the PDF, also write")
        outputs_layout = QVBoxLayout(outputs)
        for box in (self.html, self.xlsx, self.docx, self.summary_docx):
            outputs_layout.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        run = buttons.addButton("&Run…", QDialogButtonBox.ButtonRole.AcceptRole)
        run.clicked.connect(self.run)
        buttons.rejected.connect(self.reject)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addLayout(form)
        inner_layout.addWidget(outputs)
        layout = QVBoxLayout(self)
        # The choices scroll on a small or 200% screen; the buttons stay in view.
        layout.addWidget(scrolling(inner))
        layout.addWidget(buttons)
        self.resize(inner.sizeHint().width() + 40, inner.sizeHint().height() + 80)
        self.compare.toggled.connect(self._enable)
        self._enable()
        for field in (self.date_from, self.date_to):
            field.dateChanged.connect(self.show_count)
        self.by.currentIndexChanged.connect(self.show_count)
        for box in (*self.kinds.values(), self.count_both):
            box.toggled.connect(self.show_count)
        self.show_count()
        release_tab(self)
        show_tick_boxes(self)
        self.result_paths: list[Path] = []

    def show_count(self) -> None:
        """Say, as the period and kinds change, how many reviews will be analysed."""
        start, end = self.date_from.safe_value(), self.date_to.safe_value()
        kinds = tuple(kind for kind, box in self.kinds.items() if box.isChecked())
        if start is None or end is None:
            self.included.setText("Give the start and end of the period (dd/mm/yyyy).")
            return
        if end < start:
            self.included.setText("The end of the period is before its start.")
            return
        if not kinds:
            self.included.setText("Choose at least one kind of review.")
            return
        size = cohort_size(
            self.store, start, end, self.by.currentData(), kinds, self.count_both.isChecked()
        )
        folded = (
            f" ({size.folded} rapid review{'s' if size.folded != 1 else ''} counted with "
            "the local review it led to)"
            if size.folded
            else ""
        )
        self.included.setText(
            f"{size.included} review{'s' if size.included != 1 else ''} will be included{folded}."
        )

    def _enable(self) -> None:
        for field in (self.compare_from, self.compare_to):
            field.setEnabled(self.compare.isChecked())

    def request(self) -> ThematicRequest:
        start, end = self.date_from.value(), self.date_to.value()
        if start is None or end is None:
            raise InvalidInput("Give the start and end of the period.")
        compare_from = self.compare_from.value() if self.compare.isChecked() else None
        compare_to = self.compare_to.value() if self.compare.isChecked() else None
        kinds = tuple(kind for kind, box in self.kinds.items() if box.isChecked())
        if not kinds:
            raise InvalidInput("Choose at least one kind of review.")
        request = ThematicRequest(
            start,
            end,
            self.by.currentData(),
            () if len(kinds) == len(self.kinds) else kinds,
            compare_from,
            compare_to,
            self.threshold.value() / 100,
            self.count_both.isChecked(),
            self.for_publication.isChecked(),
        )
        request.check()
        return request

    def outputs_for(self, pdf: Path) -> ThematicOutputs:
        return ThematicOutputs(
            pdf,
            pdf.with_suffix(".html") if self.html.isChecked() else None,
            pdf.with_suffix(".xlsx") if self.xlsx.isChecked() else None,
            pdf.with_name(pdf.stem + "-annual-report.docx") if self.docx.isChecked() else None,
            pdf.with_suffix(".docx") if self.summary_docx.isChecked() else None,
        )

    def run(self) -> None:
        try:
            request = self.request()
        except ReviewtoolError as error:
            show_error(self, "Thematic review", error)
            return
        name = f"thematic-review-{format_date(request.date_from).replace('/', '-')}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, "Save the thematic review", name, "PDF (*.pdf)")
        if not path:
            return
        pdf = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        self._run(request, self.outputs_for(pdf), None)

    def _run(self, request: ThematicRequest, outputs: ThematicOutputs, reason: str | None) -> None:
        def blocked(error: BaseException) -> None:
            if not isinstance(error, PublicationBlocked):
                show_error(self, "Thematic review not written", error)
                return
            given = ask_override_reason(self, error)
            if given:
                self._run(request, outputs, given)

        def done(_model: object) -> None:
            self.result_paths = outputs.paths()
            if outputs.pdf is not None:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(outputs.pdf)))
            self.accept()

        title = "Analysing the reviews and writing the summary…"
        if request.for_publication and outputs.pdf is not None:
            title += "\nThe tagged PDF of thousands of reviews can take a minute or more."
        run_in_background(
            self,
            title,
            lambda progress: export_thematic(
                self.store, request, outputs, self.today, reason, progress
            ),
            done,
            blocked,
        )
