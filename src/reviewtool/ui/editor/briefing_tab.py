"""The review's own 7-minute briefing: seven sections under the partnership's headings."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reviewtool.bundle.schema import ReviewBriefing, ReviewRecord, Section
from reviewtool.domain.enums import BriefingStatus
from reviewtool.ui.editor.base import EditorTab

QUESTIONS_SECTION = 5  # "Reflective questions" in the default order


class BriefingTab(EditorTab):
    def __init__(self, headings: list[str], default_questions: list[str]) -> None:
        super().__init__()
        self.default_headings = headings
        self.default_questions = default_questions
        self.status = QComboBox()
        self.status.setAccessibleName("Briefing status")
        for status in BriefingStatus:
            self.status.addItem(status.label, status)
        self.status.currentIndexChanged.connect(self.changed)
        questions = QPushButton("Insert the standard reflective &questions")
        questions.clicked.connect(self.insert_questions)
        self.headings = [QLineEdit() for _ in range(7)]
        self.bodies = [QPlainTextEdit() for _ in range(7)]
        grid = QGridLayout()
        for number, (heading, body) in enumerate(zip(self.headings, self.bodies, strict=True)):
            heading.setAccessibleName(f"Heading of section {number + 1}")
            body.setAccessibleName(f"Text of section {number + 1}")
            body.setTabChangesFocus(True)
            body.setMinimumHeight(80)
            heading.textChanged.connect(self.changed)
            body.textChanged.connect(self.changed)
            section_label = QLabel(f"<b>{number + 1}</b>")
            section_label.setBuddy(heading)
            grid.addWidget(section_label, number * 2, 0)
            grid.addWidget(heading, number * 2, 1)
            grid.addWidget(body, number * 2 + 1, 1)
        top = QHBoxLayout()
        status_label = QLabel("&Status")
        status_label.setBuddy(self.status)
        top.addWidget(status_label)
        top.addWidget(self.status)
        top.addStretch()
        top.addWidget(questions)
        self.preview_button = QPushButton("Previe&w…")
        self.preview_button.setToolTip("Save, then show the briefing as it will be published")
        self.export_button = QPushButton("E&xport…")
        self.export_button.setToolTip("Save, then write the briefing as PDF, web page or Word")
        top.addWidget(self.preview_button)
        top.addWidget(self.export_button)
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields take the focus, not the frame
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll)
        # Tab reads the page in order: status, buttons, then heading 1, text 1, heading 2…
        chain = [self.status, questions, self.preview_button, self.export_button]
        for heading, body in zip(self.headings, self.bodies, strict=True):
            chain += [heading, body]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._had_briefing = False

    def load(self, record: ReviewRecord) -> None:
        briefing = record.briefing
        self._had_briefing = briefing is not None
        sections = list(briefing.sections) if briefing else []
        self.status.setCurrentIndex(
            self.status.findData(briefing.status if briefing else BriefingStatus.DRAFT)
        )
        for number in range(7):
            section = sections[number] if number < len(sections) else None
            self.headings[number].setText(
                section.heading if section else self.default_headings[number]
            )
            self.bodies[number].setPlainText(section.body if section else "")
        self._extra = sections[7:]  # more than seven sections (from a bundle) are kept as they are

    def apply(self, record: ReviewRecord) -> None:
        written = any(body.toPlainText().strip() for body in self.bodies)
        if not written and not self._had_briefing:
            record.briefing = None
            return
        record.briefing = ReviewBriefing(
            status=BriefingStatus(self.status.currentData()),
            sections=[
                Section(heading=heading.text(), body=body.toPlainText())
                for heading, body in zip(self.headings, self.bodies, strict=True)
            ]
            + list(self._extra),
        )

    def insert_questions(self) -> None:
        box = self.bodies[QUESTIONS_SECTION]
        existing = box.toPlainText().strip()
        box.setPlainText("\n".join(filter(None, [existing, *self.default_questions])))
