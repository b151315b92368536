"""Keyboard habits shared by every view: Tab leaves tables and trees, ticks take Space,
Delete removes, and mnemonics (Alt+letter) can be listed and checked."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QWidget

MENU_LETTERS = frozenset("FEVRPH")
"""Alt+F/E/V/R/P/H open the main window's menus: no control may claim them there."""

_MNEMONIC = re.compile(r"&(?!&)(.)")


def mnemonic_of(text: str) -> str | None:
    """The letter Alt opens ``text`` with (``&Save`` -> ``S``), or None."""
    match = _MNEMONIC.search(text.replace("&&", ""))
    return match.group(1).upper() if match else None


def release_tab(root: QWidget) -> None:
    """Tab and Shift+Tab move on from every table, tree and list under ``root`` (arrow
    keys move inside them), instead of walking every cell."""
    views = root.findChildren(QAbstractItemView)
    if isinstance(root, QAbstractItemView):
        views.append(root)
    for view in views:
        view.setTabKeyNavigation(False)


class _KeyFilter(QObject):
    def __init__(self, parent: QObject, handle: Callable[[QKeyEvent], bool]) -> None:
        super().__init__(parent)
        self._handle = handle

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._handle(event)
        return False


def tick_with_keys(view: QAbstractItemView, tick_columns: tuple[int, ...]) -> None:
    """Left and Right move between the tick columns of a row, Space ticks or unticks the
    tick under the cursor (in the first column: the first tick). Left in the first
    column and Right on a group still fold and unfold the tree."""

    def handle(event: QKeyEvent) -> bool:
        index = view.currentIndex()
        if not index.isValid() or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        checkable = bool(
            index.siblingAtColumn(tick_columns[0]).flags() & Qt.ItemFlag.ItemIsUserCheckable
        )
        key = event.key()
        column = index.column()
        if key == Qt.Key.Key_Right and checkable and column < tick_columns[-1]:
            _move(view, index.siblingAtColumn(column + 1))
            return True
        if key == Qt.Key.Key_Left and column > 0:
            _move(view, index.siblingAtColumn(column - 1))
            return True
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Select) and checkable:
            target = index if column in tick_columns else index.siblingAtColumn(tick_columns[0])
            ticked = target.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked.value
            model = view.model()
            new = Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked
            model.setData(target, new.value, Qt.ItemDataRole.CheckStateRole)
            return True
        return False

    view.installEventFilter(_KeyFilter(view, handle))


def _move(view: QAbstractItemView, index: QModelIndex) -> None:
    view.setCurrentIndex(index)
    view.scrollTo(index)


def focus_first_field(container: QWidget) -> None:
    """Put the focus on the first control of ``container`` that Tab would reach."""
    widget = container.nextInFocusChain()
    while widget is not None and widget is not container:
        inside = container.isAncestorOf(widget)
        if (
            inside
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return
        widget = widget.nextInFocusChain()


def on_keys(widget: QWidget, keys: tuple[Qt.Key, ...], action: Callable[[], object]) -> None:
    """Run ``action`` when one of ``keys`` is pressed (without modifiers) in ``widget``,
    e.g. Delete in a list removes the current entry."""

    def handle(event: QKeyEvent) -> bool:
        if event.key() in keys and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if (
                isinstance(widget, QAbstractItemView)
                and widget.state() == QAbstractItemView.State.EditingState
            ):
                return False
            action()
            return True
        return False

    widget.installEventFilter(_KeyFilter(widget, handle))
