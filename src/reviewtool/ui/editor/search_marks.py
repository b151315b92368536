"""The words a search matched, marked in the editor's text boxes (not part of the text)."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

MARK_COLOUR = "#ffe98a"
"""A pale yellow behind the words: the text stays readable in light and dark themes."""


def mark_matches(root: QWidget, pattern: re.Pattern[str] | None) -> int:
    """Mark every match of ``pattern`` in the text boxes under ``root`` (clear the marks when
    None); how many words were marked."""
    marked = 0
    mark = QTextCharFormat()
    mark.setBackground(QColor(MARK_COLOUR))
    mark.setForeground(QColor("#000000"))
    boxes: list[QPlainTextEdit | QTextEdit] = [
        *root.findChildren(QPlainTextEdit),
        *root.findChildren(QTextEdit),
    ]
    for box in boxes:
        selections = []
        if pattern is not None:
            document = box.document()
            for match in pattern.finditer(document.toPlainText()):
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(document)
                cursor.setPosition(match.start())
                cursor.setPosition(match.end(), QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor  # type: ignore[attr-defined]
                selection.format = mark  # type: ignore[attr-defined]
                selections.append(selection)
        box.setExtraSelections(selections)
        marked += len(selections)
    return marked
