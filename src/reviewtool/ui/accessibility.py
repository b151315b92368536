"""A focus indicator that can be seen from across the room, and names for screen readers."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QFocusFrame,
    QLabel,
    QPushButton,
    QToolButton,
    QWidget,
)

RING_WIDTH = 2


class FocusRing(QFocusFrame):
    """A 2-pixel ring in the palette's highlight colour around the control with the focus
    (drawn outside it, so it covers none of the control's own text)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), RING_WIDTH)
        painter.setPen(pen)
        half = RING_WIDTH / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 3, 3)


class _RingFollower(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("focus-ring-follower")
        self.ring: FocusRing | None = None
        app.focusChanged.connect(self._moved)

    def _moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        target = new if new is not None and new.window() is not new else None
        try:
            self._follow(target)
        except RuntimeError:  # the ring went with a closed window: start a new one
            self.ring = None
            self._follow(target)

    def _follow(self, target: QWidget | None) -> None:
        if self.ring is None:
            self.ring = FocusRing()
        if target is None:
            self.ring.hide()
        else:
            self.ring.setWidget(target)


def show_tick_boxes(root: QWidget) -> None:
    """In a dark palette, outline the empty tick boxes and radio buttons under ``root``
    visibly: Fusion draws their border a shade darker than the window colour, which all but
    vanishes on a dark background (a lighter window colour for these controls alone gives a
    border of over 3:1; they do not paint their own background)."""
    if root.palette().color(QPalette.ColorRole.Base).lightness() >= 128:
        return
    # Check boxes and radio buttons anywhere; a tree or table only when named itself
    # (it has ticks), as the lighter colour also lightens its grid.
    controls: list[QWidget] = [root] if isinstance(root, QAbstractItemView) else []
    controls += [
        button
        for button in root.findChildren(QAbstractButton)
        if not isinstance(button, (QPushButton, QToolButton))
    ]
    for control in controls:
        palette = control.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#b0b0b0"))
        control.setPalette(palette)


def install_focus_ring() -> None:
    """Once per application: the ring follows the focus from control to control."""
    app = QApplication.instance()
    if not isinstance(app, QApplication) or app.findChild(QObject, "focus-ring-follower"):
        return
    _RingFollower(app)


def name_with_label(label: QLabel, widget: QWidget) -> QLabel:
    """Tie a visible label to its control: Alt+letter goes there, and a screen reader
    reads the label as the control's name."""
    label.setBuddy(widget)
    if not widget.accessibleName():
        widget.setAccessibleName(plain_label(label.text()))
    return label


def plain_label(text: str) -> str:
    """A label's text as read aloud: without the mnemonic's ampersand."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")
