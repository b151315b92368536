"""Topic briefings (not tied to one review) created and edited in the application."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reviewtool.bundle.schema import Section, TopicBriefing
from reviewtool.domain.enums import BriefingStatus
from reviewtool.domain.errors import ReviewtoolError
from reviewtool.services.codebook import list_codes
from reviewtool.services.outputs.briefings import list_topic_briefings
from reviewtool.services.store import Store
from reviewtool.services.workflow.topic_briefings import (
    get_topic_briefing,
    new_topic_briefing,
    save_topic_briefing,
)
from reviewtool.ui.operations import show_error


class TopicBriefingsTab(QWidget):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.opened: TopicBriefing | None = None
        self.list = QListWidget()
        self.list.setAccessibleName("Topic briefings")
        self.list.currentRowChanged.connect(self._open_row)
        new = QPushButton("&New topic briefing…")
        new.clicked.connect(self.ask_new)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(new)
        left_layout.addWidget(self.list)

        self.title = QLineEdit()
        self.title.setAccessibleName("Title")
        self.theme = QComboBox()
        self.theme.setAccessibleName("Theme")
        self.theme.addItem("No theme", None)
        for code in list_codes(store, include_inactive=False, with_usage=False):
            self.theme.addItem(f"{code.label} ({code.code})", code.code)
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        for status in BriefingStatus:
            self.status.addItem(status.label, status)
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.addRow("&Title", self.title)
        form.addRow("T&heme", self.theme)
        form.addRow("&Status", self.status)
        self.headings: list[QLineEdit] = []
        self.bodies: list[QPlainTextEdit] = []
        for number in range(1, 8):
            heading = QLineEdit()
            heading.setAccessibleName(f"Heading of section {number}")
            body = QPlainTextEdit()
            body.setAccessibleName(f"Text of section {number}")
            body.setTabChangesFocus(True)
            body.setMinimumHeight(70)
            form.addRow(f"{number}.", heading)
            form.addRow("", body)
            self.headings.append(heading)
            self.bodies.append(body)
        scroll = QScrollArea()
        scroll.setAccessibleName("Topic briefing")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)
        self.save_button = QPushButton("Sa&ve briefing")
        self.save_button.clicked.connect(self.save)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(scroll)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        right_layout.addLayout(bottom)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._ids: list[str] = []

    def refresh(self, select: str | None = None) -> None:
        rows = list_topic_briefings(self.store)
        self._ids = [row.id for row in rows]
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems([f"{row.title} ({row.status})" for row in rows])
        self.list.blockSignals(False)
        wanted = select or (self.opened.id if self.opened else None)
        row = self._ids.index(wanted) if wanted in self._ids else (0 if rows else -1)
        self.list.setCurrentRow(row)
        self._open_row(row)

    def _open_row(self, row: int) -> None:
        if self._showing_unsaved() and not self.save():
            # The error was shown; the text stays on screen, the list shows what it is.
            if self.opened is not None and self.opened.id in self._ids:
                self.list.blockSignals(True)
                self.list.setCurrentRow(self._ids.index(self.opened.id))
                self.list.blockSignals(False)
            return
        self.opened = (
            get_topic_briefing(self.store, self._ids[row]) if 0 <= row < len(self._ids) else None
        )
        self._show()

    def _show(self) -> None:
        record = self.opened
        self.save_button.setEnabled(record is not None)
        self.title.setText(record.title if record else "")
        self.theme.setCurrentIndex(max(0, self.theme.findData(record.theme)) if record else 0)
        self.status.setCurrentIndex(self.status.findData(record.status) if record else 0)
        sections = record.sections if record else []
        for number, (heading, body) in enumerate(zip(self.headings, self.bodies, strict=True)):
            section = sections[number] if number < len(sections) else Section(heading="")
            heading.setText(section.heading)
            body.setPlainText(section.body)

    def ask_new(self) -> None:
        title, ok = QInputDialog.getText(self, "New topic briefing", "Title:")
        if ok and title.strip():
            self.create_briefing(title.strip())

    def create_briefing(self, title: str) -> bool:
        try:
            created = new_topic_briefing(self.store, title)
        except ReviewtoolError as error:
            show_error(self, "Briefing not created", error)
            return False
        self.refresh(select=created.id)
        return True

    def _form(self) -> TopicBriefing | None:
        if self.opened is None:
            return None
        return self.opened.model_copy(
            update={
                "title": self.title.text(),
                "theme": self.theme.currentData(),
                "status": BriefingStatus(self.status.currentData()),
                "sections": [
                    Section(heading=h.text(), body=b.toPlainText())
                    for h, b in zip(self.headings, self.bodies, strict=True)
                ],
            }
        )

    def _showing_unsaved(self) -> bool:
        return self.opened is not None and self._form() != self.opened

    def save(self) -> bool:
        record = self._form()
        if record is None or self.opened is None:
            return False
        try:
            self.opened = save_topic_briefing(self.store, record, self.opened.updated_at)
        except ReviewtoolError as error:
            show_error(self, "Briefing not saved", error)
            return False
        self.refresh(select=self.opened.id)
        return True
