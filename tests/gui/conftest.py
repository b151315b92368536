"""pytest-qt fixtures: a main window on a fresh database with the demo reviews."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from reviewtool.services.exchange.demo import load_demo
from reviewtool.services.store import Store
from reviewtool.ui.main_window import MainWindow

TODAY = date(2026, 11, 21)


class Answers:
    """Stands in for the user at message boxes: answers in order, records every question."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.queue: list[QMessageBox.StandardButton] = []
        self.asked: list[str] = []
        for name in ("question", "warning", "information", "critical"):
            monkeypatch.setattr(QMessageBox, name, self._answer)

    def _answer(
        self, _parent: object, title: str, text: str, *args: object
    ) -> QMessageBox.StandardButton:
        self.asked.append(f"{title}: {text}")
        return self.queue.pop(0) if self.queue else QMessageBox.StandardButton.Ok


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    return Answers(monkeypatch)


@pytest.fixture(autouse=True)
def _closed_windows_are_deleted(qapp: object) -> Iterator[None]:
    """Windows a test closed are deleted before the next test, not whenever an event loop
    next runs: each test starts from no window (and Python collecting by itself again)."""
    yield
    QThreadPool.globalInstance().waitForDone(20000)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def window(qtbot: QtBot, sqlite_store: Store, answers: Answers) -> Iterator[MainWindow]:
    load_demo(sqlite_store)
    main = MainWindow(sqlite_store, today=TODAY)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.reviews.editor.discard_changes()
    # Let background work finish and its results arrive before the window goes.
    QThreadPool.globalInstance().waitForDone(20000)
    qtbot.wait(20)
