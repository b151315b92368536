"""Points of learning and of good practice."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout

from reviewtool.bundle.schema import ReviewRecord
from reviewtool.ui.editor.base import EditorTab
from reviewtool.ui.editor.text_list import TextList


class LearningTab(EditorTab):
    def __init__(self) -> None:
        super().__init__()
        self.learning = TextList("&Learning", "learning", "&Add learning")
        self.good_practice = TextList("&Good practice", "good practice", "Add good practi&ce")
        self.learning.changed.connect(self.changed)
        self.good_practice.changed.connect(self.changed)
        layout = QHBoxLayout(self)
        layout.addWidget(self.learning)
        layout.addWidget(self.good_practice)

    def load(self, record: ReviewRecord) -> None:
        self.learning.set_texts(record.learning)
        self.good_practice.set_texts(record.good_practice)

    def apply(self, record: ReviewRecord) -> None:
        record.learning = self.learning.texts()
        record.good_practice = self.good_practice.texts()
