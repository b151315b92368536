"""The main window: the review list over the open database."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QTableView

from reviewtool.services.reviews import list_reviews
from reviewtool.services.store import Store
from reviewtool.ui.review_table import ReviewTableModel


class MainWindow(QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.setWindowTitle("reviewtool")
        self.resize(1100, 700)
        self.model = ReviewTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Reviews")
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.setCentralWidget(self.table)
        self.status = QLabel()
        self.statusBar().addPermanentWidget(self.status, 1)
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.menuBar().addMenu("&File").addAction(quit_action)
        self.refresh()

    def refresh(self) -> None:
        rows = list_reviews(self.store)
        self.model.set_rows(rows)
        self.table.resizeColumnToContents(0)
        self.status.setText(f"{self.store.describe()} - {len(rows)} reviews")
