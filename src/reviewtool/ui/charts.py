"""A small horizontal bar chart drawn with QPainter: each bar labelled in words and numbers,
so nothing depends on colour; colours come from the palette."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget


class BarChart(QWidget):
    def __init__(self, title: str) -> None:
        super().__init__()
        self.title = title
        self.bars: list[tuple[str, int, str | None]] = []
        self.setAccessibleName(title)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[tuple[str, int, str | None]]) -> None:
        """(label, value, colour or None for the palette's highlight) for each bar."""
        self.bars = bars
        self.setAccessibleDescription(
            f"{self.title}: " + "; ".join(f"{label} {value}" for label, value, _ in bars)
        )
        self.setToolTip(self.accessibleDescription())
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 6

    def sizeHint(self) -> QSize:
        return QSize(320, self._row_height() * (len(self.bars) + 1) + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        metrics = self.fontMetrics()
        row = self._row_height()
        bold = painter.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        painter.drawText(0, metrics.ascent() + 2, self.title)
        painter.setFont(self.font())
        label_width = max((metrics.horizontalAdvance(b[0]) for b in self.bars), default=0) + 8
        label_width = min(label_width, self.width() // 2)
        number_width = metrics.horizontalAdvance("00000") + 6
        room = max(self.width() - label_width - number_width, 10)
        largest = max((value for _, value, _ in self.bars), default=0) or 1
        for number, (label, value, colour) in enumerate(self.bars, start=1):
            top = number * row
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            text_rect = QRectF(0, top, label_width - 8, row)
            elided = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 8)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, elided)
            length = room * value / largest
            fill = QColor(colour) if colour else palette.color(QPalette.ColorRole.Highlight)
            painter.fillRect(QRectF(label_width, top + 3, length, row - 6), fill)
            painter.drawText(
                QRectF(label_width + length + 4, top, number_width, row),
                Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )
