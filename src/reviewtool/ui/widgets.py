"""Small reusable widgets."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from reviewtool.domain.errors import InvalidInput
from reviewtool.ui.colours import LATE, readable

_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y")


def parse_user_date(text: str) -> date | None:
    """A date typed as dd/mm/yyyy (or ISO); empty means none; anything else is refused."""
    text = text.strip()
    if not text:
        return None
    for pattern in _FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a date: type it as dd/mm/yyyy")


def format_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


class DateField(QLineEdit):
    """A date that may be empty; shows a warning colour while the text is not a date."""

    dateChanged = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.setPlaceholderText("dd/mm/yyyy")
        self.setAccessibleName(label)
        # Wide enough for a whole date in this font, at any scale.
        wide = self.fontMetrics().horizontalAdvance("00/00/00000") + 24
        self.setMinimumWidth(wide)
        self.setMaximumWidth(2 * wide)
        self.textChanged.connect(self._on_text)

    def _on_text(self) -> None:
        try:
            parse_user_date(self.text())
            self.setStyleSheet("")
            self.setToolTip("")
        except ValueError as error:
            self.setStyleSheet(f"QLineEdit {{ border: 2px solid {readable(LATE)}; }}")
            self.setToolTip(str(error))
        self.dateChanged.emit()

    def value(self) -> date | None:
        """The date, or :class:`InvalidInput` naming the field if the text is not a date."""
        try:
            return parse_user_date(self.text())
        except ValueError as error:
            raise InvalidInput(f"{self.label}: {error}") from None

    def safe_value(self) -> date | None:
        try:
            return parse_user_date(self.text())
        except ValueError:
            return None

    def set_value(self, value: date | None) -> None:
        self.setText(format_date(value))
