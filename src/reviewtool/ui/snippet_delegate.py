"""Draws the list's search snippet with the words that matched marked, as a reader scans
for them: bold on the palette's highlight colour (the plain text stays the cell's text for
screen readers and the tooltip)."""

from __future__ import annotations

import re
from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reviewtool.ui.review_table import SNIPPET_ROLE


def snippet_html(parts: tuple[tuple[str, bool], ...], mark: str, mark_text: str) -> str:
    """One line of HTML: matched parts bold on ``mark``, the rest as plain text."""
    pieces = []
    for text, is_match in parts:
        words = escape(re.sub(r"\s+", " ", text))
        if is_match:
            pieces.append(f"<b style='background-color:{mark}; color:{mark_text}'>{words}</b>")
        else:
            pieces.append(words)
    return f"<span style='white-space:pre'>{''.join(pieces)}</span>"


class SnippetDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        parts = index.data(SNIPPET_ROLE)
        if not parts or not any(is_match for _, is_match in parts):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        palette = option.palette  # type: ignore[attr-defined]
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        option.text = ""  # type: ignore[attr-defined]
        style = option.widget.style() if option.widget else QApplication.style()  # type: ignore[attr-defined]
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)  # type: ignore[attr-defined]
        document = QTextDocument()
        document.setDefaultFont(option.font)  # type: ignore[attr-defined]
        document.setDocumentMargin(0)
        mark = palette.color(QPalette.ColorRole.Highlight).name()
        mark_text = palette.color(QPalette.ColorRole.HighlightedText).name()
        if selected:  # on a selected row the mark is shown by an underline-free inversion
            mark, mark_text = mark_text, mark
        document.setHtml(snippet_html(parts, mark, mark_text))
        rect = option.rect.adjusted(4, 0, -4, 0)  # type: ignore[attr-defined]
        painter.save()
        painter.setClipRect(rect)
        top = rect.top() + (rect.height() - document.size().height()) / 2
        painter.translate(rect.left(), top)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, palette.color(role))
        document.documentLayout().draw(painter, context)
        painter.restore()


__all__ = ["SnippetDelegate", "snippet_html"]
