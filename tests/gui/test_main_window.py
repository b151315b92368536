"""The main window shows the reviews of the open database."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from reviewtool.services.demo import load_demo
from reviewtool.services.store import Store
from reviewtool.ui.main_window import MainWindow
from reviewtool.ui.review_table import ReviewTableModel


def test_window_lists_the_demo_reviews(qtbot: QtBot, sqlite_store: Store) -> None:
    load_demo(sqlite_store)
    window = MainWindow(sqlite_store)
    qtbot.addWidget(window)
    window.show()
    assert window.model.rowCount() == 18
    titles = {window.model.index(r, 1).data() for r in range(window.model.rowCount())}
    assert {"Child J", "Baby T", "Amira"} <= titles
    assert "18 reviews" in window.status.text()


def test_review_table_model_is_a_correct_qt_model(
    qtmodeltester: ModelTester, sqlite_store: Store
) -> None:
    from reviewtool.services.reviews import list_reviews

    load_demo(sqlite_store)
    model = ReviewTableModel()
    model.set_rows(list_reviews(sqlite_store))
    qtmodeltester.check(model)
