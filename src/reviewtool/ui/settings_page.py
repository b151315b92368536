"""Partnership settings and this user's name."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reviewtool.domain.errors import ReviewtoolError
from reviewtool.services.settings import load_settings, save_settings
from reviewtool.services.store import Store, remember_user
from reviewtool.ui.operations import show_error


class SettingsPage(QWidget):
    settingsChanged = Signal()

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.partnership = QLineEdit()
        self.partnership.setAccessibleName("Partnership name")
        self.colour = QLineEdit()
        self.colour.setAccessibleName("Brand colour")
        self.logo = QLineEdit()
        self.logo.setAccessibleName("Logo file")
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._choose_logo)
        self.user = QLineEdit(store.user)
        self.user.setAccessibleName("Your name, recorded in the audit trail")
        self.headings = [QLineEdit() for _ in range(7)]
        self.threshold = QSpinBox()
        self.threshold.setRange(2, 20)
        self.threshold.setAccessibleName("Small-number threshold for publication")
        self.threshold.setToolTip(
            "In a thematic summary for publication, counts from 1 up to this less one read "
            '"fewer than N" (statistical disclosure control, as in DfE and ONS releases).'
        )
        self.copy_days = QSpinBox()
        self.copy_days.setRange(1, 60)
        self.copy_days.setAccessibleName(
            "Working days before publication that a local review goes to the Panel"
        )
        # The optional parts of the briefing template, and the slides' footer.
        self.research = QPlainTextEdit()
        self.research.setAccessibleName("What the research tells us (briefing)")
        self.report_link = QLineEdit()
        self.report_link.setAccessibleName("Web address of the partnership's published reports")
        self.procedures = QPlainTextEdit()
        self.procedures.setAccessibleName("Local procedures and training (briefing)")
        self.contact = QLineEdit()
        self.contact.setAccessibleName("Contact and feedback route (briefing)")
        self.slides_footer = QLineEdit()
        self.slides_footer.setAccessibleName("Footer of every slide")
        for box in (self.research, self.procedures):
            box.setTabChangesFocus(True)
            box.setMaximumHeight(70)
        form = QFormLayout()
        form.addRow("&Partnership", self.partnership)
        form.addRow("Brand &colour", self.colour)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo)
        logo_row.addWidget(browse)
        form.addRow("&Logo", logo_row)
        form.addRow("Your &name", self.user)
        form.addRow("Small numbers in a publication: show fe&wer than", self.threshold)
        form.addRow(QLabel("<b>7-minute briefing headings</b>"))
        for number, edit in enumerate(self.headings, start=1):
            edit.setAccessibleName(f"Briefing heading {number}")
            form.addRow(f"{number}", edit)
        form.addRow("Copy to the Panel before publication (working &days)", self.copy_days)
        form.addRow(QLabel("<b>Optional briefing parts</b> (left out when empty)"))
        form.addRow("What the research &tells us", self.research)
        form.addRow("Full reports at (web &address)", self.report_link)
        form.addRow("Local procedures and trainin&g", self.procedures)
        form.addRow("Contact and feed&back", self.contact)
        form.addRow("Sl&ide footer", self.slides_footer)
        form.addRow("Database", QLabel(store.describe()))
        save = QPushButton("&Save settings")
        save.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(save)
        layout.addStretch()

    def refresh(self) -> None:
        settings = load_settings(self.store)
        self.partnership.setText(settings.partnership)
        self.colour.setText(settings.brand_colour)
        self.logo.setText(settings.logo_path or "")
        self.threshold.setValue(settings.small_number_threshold)
        self.copy_days.setValue(settings.copy_to_panel_working_days)
        for edit, heading in zip(self.headings, settings.briefing_headings, strict=True):
            edit.setText(heading)
        self.research.setPlainText(settings.briefing_research)
        self.report_link.setText(settings.briefing_report_link)
        self.procedures.setPlainText(settings.briefing_procedures)
        self.contact.setText(settings.briefing_contact)
        self.slides_footer.setText(settings.slides_footer)

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Choose the partnership logo", "", "Images (*.png *.jpg *.jpeg)"
        )
        if path:
            self.logo.setText(path)

    def save(self) -> None:
        settings = load_settings(self.store)
        settings.partnership = self.partnership.text().strip() or settings.partnership
        settings.brand_colour = self.colour.text().strip()
        settings.logo_path = self.logo.text().strip() or None
        settings.briefing_headings = [edit.text().strip() for edit in self.headings]
        settings.small_number_threshold = self.threshold.value()
        settings.copy_to_panel_working_days = self.copy_days.value()
        settings.briefing_research = self.research.toPlainText().strip()
        settings.briefing_report_link = self.report_link.text().strip()
        settings.briefing_procedures = self.procedures.toPlainText().strip()
        settings.briefing_contact = self.contact.text().strip()
        settings.slides_footer = self.slides_footer.text().strip()
        try:
            save_settings(self.store, settings)
        except ReviewtoolError as error:
            show_error(self, "Settings not saved", error)
            return
        if self.user.text().strip() and self.user.text().strip() != self.store.user:
            self.store.user = self.user.text().strip()
            remember_user(self.store.user)
        QMessageBox.information(self, "Settings", "Settings saved.")
        self.settingsChanged.emit()
