"""Checks a window as a keyboard and screen-reader user meets it: every control named,
Tab never trapped, each Alt+letter used once (and never one of the menus')."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenuBar,
    QScrollBar,
    QTabBar,
    QToolButton,
    QWidget,
)

from reviewtool.ui.keyboard import MENU_LETTERS, mnemonic_of


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and not widget.visibleRegion().isEmpty()


def mnemonic_problems(window: QWidget) -> list[str]:
    """Every Alt+letter claimed by more than one visible control, or by a control when the
    menu bar has it; and labels that show a literal '&' because they have no buddy."""
    claims: dict[str, list[str]] = defaultdict(list)
    problems = []
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            letter = mnemonic_of(action.text())
            if letter:
                claims[letter].append(f"menu {action.text()!r}")
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or isinstance(widget, QMenuBar):
            continue
        texts: list[str] = []
        if (
            isinstance(widget, QLabel)
            and "&" in widget.text()
            and widget.textFormat() != Qt.TextFormat.RichText
        ):
            if widget.buddy() is None:
                problems.append(f"label {widget.text()!r} shows a literal '&' (no buddy)")
                continue
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton) and not isinstance(widget, QToolButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts.extend(widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i))
        for text in texts:
            letter = mnemonic_of(text)
            if letter:
                claims[letter].append(f"{type(widget).__name__} {text!r}")
    for letter, owners in sorted(claims.items()):
        if len(owners) > 1:
            problems.append(f"Alt+{letter} is claimed by {', '.join(owners)}")
    return problems


def _focusable(window: QWidget) -> list[QWidget]:
    found = []
    for widget in window.findChildren(QWidget):
        if (
            _shown(widget, window)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
            and not isinstance(widget, QScrollBar)
            and not isinstance(widget.parent(), (QAbstractSpinBox, QComboBox))
        ):
            found.append(widget)
    return found


def unnamed_controls(window: QWidget) -> list[str]:
    """Controls a screen reader would announce with no name."""
    unnamed = []
    for widget in _focusable(window):
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not name.strip():
            where = type(widget.parent()).__name__
            unnamed.append(f"{type(widget).__name__} {widget.objectName()!r} in {where}")
    return unnamed


def _inside(widget: QWidget | None, container: QWidget) -> bool:
    while widget is not None:
        if widget is container:
            return True
        widget = widget.parentWidget()
    return False


def tab_traps(window: QWidget) -> list[str]:
    """Controls that Tab (or Shift+Tab) does not leave within as many presses as the
    control has focusable parts."""
    traps = []
    for widget in _focusable(window):
        if not isinstance(widget, QAbstractItemView) and not hasattr(widget, "tabChangesFocus"):
            continue
        inner = len([w for w in _focusable(window) if _inside(w, widget)])
        for key, modifier, name in (
            (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier, "Tab"),
            (Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier, "Shift+Tab"),
        ):
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            for _ in range(inner + 1):
                current = QApplication.focusWidget() or widget
                QTest.keyClick(current, key, modifier)
                if not _inside(QApplication.focusWidget(), widget):
                    break
            else:
                traps.append(f"{name} stays in {type(widget).__name__} {widget.accessibleName()!r}")
    return traps


def access_problems(window: QWidget) -> list[str]:
    return (
        mnemonic_problems(window)
        + [f"unnamed: {u}" for u in unnamed_controls(window)]
        + tab_traps(window)
    )


__all__ = ["MENU_LETTERS", "access_problems", "mnemonic_problems", "tab_traps", "unnamed_controls"]
