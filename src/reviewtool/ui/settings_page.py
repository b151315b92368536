"""Partnership settings (name, brand colour with a picker, logo with a preview) and this
user's name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reviewtool.domain.errors import ReviewtoolError
from reviewtool.services.settings import load_settings, save_settings
from reviewtool.services.store import Store, remember_user
from reviewtool.ui.accessibility import name_with_label
from reviewtool.ui.operations import show_error

SWATCH_SIZE = 28
LOGO_PREVIEW_HEIGHT = 64


class SettingsPage(QWidget):
    settingsChanged = Signal()

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.partnership = QLineEdit()
        self.colour = QLineEdit()
        self.colour.setPlaceholderText("#1f5f8b")
        self.colour.setMaximumWidth(self.fontMetrics().horizontalAdvance("#0000000000") + 16)
        self.swatch = QLabel()
        self.swatch.setFixedSize(SWATCH_SIZE, SWATCH_SIZE)
        self.swatch.setAccessibleName("Brand colour swatch")
        self.colour_words = QLabel()
        pick = QPushButton("Pic&k a colour…")
        pick.clicked.connect(self.pick_colour)
        self.logo = QLineEdit()
        browse = QPushButton("Choose &image…")
        browse.clicked.connect(self._choose_logo)
        self.logo_preview = QLabel()
        self.logo_preview.setAccessibleName("Logo preview")
        self.logo_preview.setMinimumHeight(LOGO_PREVIEW_HEIGHT)
        self.user = QLineEdit(store.user)
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
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(name_with_label(QLabel("P&artnership"), self.partnership), self.partnership)
        colour_row = QHBoxLayout()
        for widget in (self.colour, self.swatch, pick, self.colour_words):
            colour_row.addWidget(widget)
        colour_row.addStretch()
        form.addRow(name_with_label(QLabel("Brand &colour"), self.colour), colour_row)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(browse)
        form.addRow(name_with_label(QLabel("&Logo file"), self.logo), logo_row)
        form.addRow("Logo preview", self.logo_preview)
        user_label = name_with_label(QLabel("Your &name"), self.user)
        self.user.setAccessibleName("Your name, recorded in the audit trail")
        form.addRow(user_label, self.user)
        form.addRow("Small numbers in a publication: show fe&wer than", self.threshold)
        form.addRow(QLabel("<b>7-minute briefing headings</b>"))
        for number, edit in enumerate(self.headings, start=1):
            edit.setAccessibleName(f"Briefing heading {number}")
            form.addRow(name_with_label(QLabel(f"{number}"), edit), edit)
        form.addRow("Copy to the Panel before publication (working &days)", self.copy_days)
        form.addRow(QLabel("<b>Optional briefing parts</b> (left out when empty)"))
        form.addRow("What the research &tells us", self.research)
        form.addRow("Full reports at (web address, &URL)", self.report_link)
        form.addRow("Local procedures and trainin&g", self.procedures)
        form.addRow("Contact and feed&back", self.contact)
        form.addRow("Slide f&ooter", self.slides_footer)
        database = QLabel(store.describe())
        database.setWordWrap(True)
        form.addRow("Database", database)
        save = QPushButton("&Save settings")
        save.clicked.connect(self.save)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addLayout(form)
        layout.addWidget(save, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.colour.textChanged.connect(self._show_colour)
        self.logo.textChanged.connect(self._show_logo)

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
        self._show_colour()
        self._show_logo()

    def _show_colour(self) -> None:
        colour = QColor(self.colour.text().strip())
        if self.colour.text().strip() and colour.isValid():
            self.swatch.setStyleSheet(
                f"background: {colour.name()}; border: 1px solid palette(window-text);"
            )
            self.colour_words.setText(colour.name())
        else:
            self.swatch.setStyleSheet("border: 1px dashed palette(window-text);")
            self.colour_words.setText("Not a colour: type one like #1f5f8b, or pick one")

    def pick_colour(self) -> None:
        chosen = QColorDialog.getColor(
            QColor(self.colour.text().strip() or "#1f5f8b"), self, "Brand colour"
        )
        if chosen.isValid():
            self.colour.setText(chosen.name())

    def _show_logo(self) -> None:
        path = self.logo.text().strip()
        if not path:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText("No logo")
            return
        pixmap = QPixmap(path) if Path(path).is_file() else QPixmap()
        if pixmap.isNull():
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText("This file cannot be read as an image")
            return
        self.logo_preview.setPixmap(
            pixmap.scaledToHeight(LOGO_PREVIEW_HEIGHT, Qt.TransformationMode.SmoothTransformation)
        )

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
