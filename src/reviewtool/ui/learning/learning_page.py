"""Learning into practice: topic briefings, their deliveries and action plans, RAG reviews."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from reviewtool.services.store import Store
from reviewtool.ui.learning.deliveries_tab import DeliveriesTab
from reviewtool.ui.learning.rag_tab import RagTab
from reviewtool.ui.learning.topic_briefings_tab import TopicBriefingsTab


class LearningPage(QWidget):
    def __init__(self, store: Store, today: date) -> None:
        super().__init__()
        self.topics = TopicBriefingsTab(store)
        self.deliveries = DeliveriesTab(store, today)
        self.rag = RagTab(store, today)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Learning into practice")
        self.tabs.addTab(self.topics, "Topic briefings")
        self.tabs.addTab(self.deliveries, "Deliveries and action plans")
        self.tabs.addTab(self.rag, "Action RAG reviews")
        self.tabs.currentChanged.connect(lambda _index: self.refresh())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def refresh(self) -> None:
        page = self.tabs.currentWidget()
        if isinstance(page, TopicBriefingsTab | DeliveriesTab | RagTab):
            page.refresh()
