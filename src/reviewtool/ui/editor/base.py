"""What every editor tab does: show a record, write its part back, say when it changed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from reviewtool.bundle.schema import ReviewRecord


class EditorTab(QWidget):
    changed = Signal()

    def load(self, record: ReviewRecord) -> None:
        raise NotImplementedError

    def apply(self, record: ReviewRecord) -> None:
        """Write this tab's fields into ``record`` (a copy owned by the editor)."""
        raise NotImplementedError


def optional_text(text: str) -> str | None:
    return text if text.strip() else None
