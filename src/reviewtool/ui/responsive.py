"""A row of panels that becomes a column when the window is too narrow for them side by
side (at 200% scale, or in a half-screen window): it wraps instead of squeezing."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QScrollArea, QWidget


class WrappingRow(QWidget):
    def __init__(self, panels: list[tuple[QWidget, int]], wrap_below: int = 0) -> None:
        """``wrap_below``: a width under which the panels go one above the other, when
        their own minimum widths would let them shrink too far."""
        super().__init__()
        self.wrap_below = wrap_below
        self.panels = [panel for panel, _ in panels]
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        for panel, stretch in panels:
            self.box.addWidget(panel, stretch)

    def width_side_by_side(self) -> int:
        spacing = max(self.box.spacing(), 0) * (len(self.panels) - 1)
        needed = sum(panel.minimumSizeHint().width() for panel in self.panels) + spacing
        return max(needed, self.wrap_below)

    def resizeEvent(self, event: QResizeEvent) -> None:
        side_by_side = event.size().width() >= self.width_side_by_side()
        direction = (
            QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom
        )
        if self.box.direction() != direction:
            self.box.setDirection(direction)
        super().resizeEvent(event)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        # As narrow as the widest panel: the row can always fall back to a column.
        hint.setWidth(max(panel.minimumSizeHint().width() for panel in self.panels))
        return hint


def scrolling(page: QWidget) -> QScrollArea:
    """``page`` in a frameless scroll area: at a large scale or in a small window the tab
    scrolls instead of squeezing its fields (or pushing the window off the screen)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(page)
    return area
