"""Details, dates with their deadlines, the decision and the summary."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reviewtool.bundle.schema import ReviewDates, ReviewRecord
from reviewtool.domain.deadlines import (
    cspr_publication_due,
    deadline_state,
    notification_due,
    rapid_review_due,
)
from reviewtool.domain.enums import Criterion, Decision, NotificationType, ReviewKind, ReviewStatus
from reviewtool.ui.colours import deadline_colour
from reviewtool.ui.editor.base import EditorTab, optional_text
from reviewtool.ui.responsive import WrappingRow
from reviewtool.ui.widgets import DateField, format_date

DATE_LABELS = {
    "incident": "Inci&dent",
    "aware": "LA became &aware",
    "notified": "Notified to Pane&l",
    "rapid_review_meeting": "RR meetin&g",
    "rapid_review_submitted": "RR &submitted",
    "decision": "Decisi&on",
    "published": "Pu&blished",
}
CRITERIA = {
    Criterion.IMPROVEMENTS_NEEDED: "(a) improvements needed",
    Criterion.RECURRING_THEMES: "(b) recurring themes",
    Criterion.MULTI_AGENCY_CONCERNS: "(c) concerns about agencies working together",
    Criterion.PANEL_REQUEST: "(d) the Panel asked for a local review",
}
DECISIONS = {
    None: "Not yet decided",
    Decision.LCSPR: "Local review (LCSPR)",
    Decision.NO_LCSPR: "No local review",
    Decision.NATIONAL_REVIEW: "Refer for a national review",
}
NOTIFICATIONS = {
    None: "Not notified / not known",
    NotificationType.DEATH: "Death",
    NotificationType.SERIOUS_HARM: "Serious harm",
    NotificationType.OTHER: "Other",
}


def _combo(name: str, items: Mapping[Any, str]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for value, label in items.items():
        combo.addItem(label, value)
    return combo


def _select(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


class DetailsTab(EditorTab):
    def __init__(self, today: date) -> None:
        super().__init__()
        self.today = today
        self.reference = QLineEdit()
        self.reference.setAccessibleName("Reference")
        self.title = QLineEdit()
        self.title.setAccessibleName("Title (pseudonym)")
        self.kind = _combo("Kind of review", {k: k.label for k in ReviewKind})
        self.status = _combo("Status", {s: s.label for s in ReviewStatus})
        self.notification = _combo("Notification type", NOTIFICATIONS)
        self.reviewer = QLineEdit()
        self.reviewer.setAccessibleName("Reviewer")
        self.methodology = QLineEdit()
        self.methodology.setAccessibleName("Methodology")
        self.dates = {
            name: DateField(label.replace("&", "")) for name, label in DATE_LABELS.items()
        }
        self.deadlines = QLabel()
        self.deadlines.setWordWrap(True)
        self.deadlines.setAccessibleName("Deadlines")
        self.decision = _combo("Decision", DECISIONS)
        self.criteria = {c: QCheckBox(text) for c, text in CRITERIA.items()}
        self.rationale = QPlainTextEdit()
        self.rationale.setAccessibleName("Decision rationale")
        self.rationale.setTabChangesFocus(True)
        self.rationale.setMaximumHeight(90)
        self.summary = QPlainTextEdit()
        self.summary.setAccessibleName("Summary of what happened")
        self.summary.setTabChangesFocus(True)
        self._build()
        self._connect()

    def _build(self) -> None:
        about = QFormLayout()
        # Alt+F/E/V/R/P/H belong to the menus; the letters here are unique in the window.
        about.addRow("Referen&ce", self.reference)
        about.addRow("&Title", self.title)
        about.addRow("&Kind", self.kind)
        about.addRow("Stat&us", self.status)
        about.addRow("Notificat&ion", self.notification)
        about.addRow("Revie&wer", self.reviewer)
        about.addRow("&Methodology", self.methodology)
        about_box = QGroupBox("Review")
        about_box.setLayout(about)

        grid = QGridLayout()
        for row, (name, field) in enumerate(self.dates.items()):
            label = QLabel(DATE_LABELS[name])
            label.setBuddy(field)
            grid.addWidget(label, row, 0)
            grid.addWidget(field, row, 1)
        grid.addWidget(self.deadlines, len(self.dates), 0, 1, 2)
        dates_box = QGroupBox("Dates and deadlines")
        dates_box.setLayout(grid)

        decision = QVBoxLayout()
        decision.addWidget(self.decision)
        for box in self.criteria.values():
            decision.addWidget(box)
        rationale_label = QLabel("Rationale")
        rationale_label.setBuddy(self.rationale)
        decision.addWidget(rationale_label)
        decision.addWidget(self.rationale)
        decision_box = QGroupBox("Decision (regulation 11)")
        decision_box.setLayout(decision)

        top = WrappingRow([(about_box, 3), (dates_box, 2), (decision_box, 3)])
        summary_label = QLabel("Summar&y of what happened")
        summary_label.setBuddy(self.summary)

        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(top)
        layout.addWidget(summary_label)
        layout.addWidget(self.summary, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields take the focus, not the frame
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _connect(self) -> None:
        for line in (self.reference, self.title, self.reviewer, self.methodology):
            line.textChanged.connect(self.changed)
        for combo in (self.kind, self.status, self.notification, self.decision):
            combo.currentIndexChanged.connect(self.changed)
        for text in (self.rationale, self.summary):
            text.textChanged.connect(self.changed)
        for box in self.criteria.values():
            box.toggled.connect(self.changed)
        for field in self.dates.values():
            field.dateChanged.connect(self.changed)
            field.dateChanged.connect(self.update_deadlines)
        self.kind.currentIndexChanged.connect(self.update_deadlines)

    def load(self, record: ReviewRecord) -> None:
        self.reference.setText(record.reference)
        self.title.setText(record.title)
        _select(self.kind, record.kind)
        _select(self.status, record.status)
        _select(self.notification, record.notification_type)
        self.reviewer.setText(record.reviewer or "")
        self.methodology.setText(record.methodology or "")
        for name, field in self.dates.items():
            field.set_value(getattr(record.dates, name))
        _select(self.decision, record.decision)
        for criterion, box in self.criteria.items():
            box.setChecked(criterion in record.criteria)
        self.rationale.setPlainText(record.decision_rationale or "")
        self.summary.setPlainText(record.summary or "")
        self.update_deadlines()

    def apply(self, record: ReviewRecord) -> None:
        record.reference = self.reference.text().strip()
        record.title = self.title.text().strip()
        record.kind = ReviewKind(self.kind.currentData())
        record.status = ReviewStatus(self.status.currentData())
        notification = self.notification.currentData()
        record.notification_type = NotificationType(notification) if notification else None
        record.reviewer = optional_text(self.reviewer.text())
        record.methodology = optional_text(self.methodology.text())
        record.dates = ReviewDates(**{name: field.value() for name, field in self.dates.items()})
        decision = self.decision.currentData()
        record.decision = Decision(decision) if decision else None
        record.criteria = [c for c, box in self.criteria.items() if box.isChecked()]
        record.decision_rationale = optional_text(self.rationale.toPlainText())
        record.summary = optional_text(self.summary.toPlainText())

    def update_deadlines(self) -> None:
        """Derived deadlines, recomputed as the user types, in words and in colour."""
        lines = []
        aware, notified = self.dates["aware"].safe_value(), self.dates["notified"].safe_value()
        submitted = self.dates["rapid_review_submitted"].safe_value()
        decided, published = (
            self.dates["decision"].safe_value(),
            self.dates["published"].safe_value(),
        )
        if aware:
            lines.append(self._line("Notification due", notification_due(aware), notified))
        kind = ReviewKind(self.kind.currentData())
        if notified and kind is ReviewKind.RAPID_REVIEW:
            lines.append(self._line("Rapid review due", rapid_review_due(notified), submitted))
        if decided and kind is ReviewKind.CSPR:
            lines.append(
                self._line("Publication expected", cspr_publication_due(decided), published)
            )
        self.deadlines.setText("<br>".join(lines) or "Enter dates to see the deadlines.")

    def _line(self, what: str, due: date, done: date | None) -> str:
        state = deadline_state(due, done, self.today)
        colour = deadline_colour(state)
        return (
            f"{what}: {format_date(due)} - "
            f"<span style='color:{colour}; font-weight:bold'>{state.describe()}</span>"
        )
