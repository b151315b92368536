"""Starting the application: the whole-file check runs once the window is up."""

from __future__ import annotations

import pytest

from reviewtool.app import report_damaged
from reviewtool.domain.errors import DatabaseProblem
from reviewtool.ui.main_window import MainWindow
from tests.gui.conftest import Answers


def test_a_damaged_database_found_after_start_up_is_reported(
    window: MainWindow, answers: Answers, monkeypatch: pytest.MonkeyPatch
) -> None:
    choices = iter(["/elsewhere/broken.sqlite3", "/elsewhere/good.sqlite3"])
    monkeypatch.setattr("reviewtool.app._another_database", lambda: next(choices))
    opened: list[str | None] = []
    quits: list[bool] = []

    def open_database(path: str | None) -> bool:
        opened.append(path)
        return path == "/elsewhere/good.sqlite3"

    problem = DatabaseProblem("reviews.sqlite3 failed its integrity check (page 7)")
    report_damaged(window, problem, open_database, lambda: quits.append(True))
    assert not window.centralWidget().isEnabled()  # nothing more is written to it
    assert answers.asked == [
        "reviewtool - the database is damaged: reviews.sqlite3 failed its integrity check (page 7)"
    ]
    assert opened == ["/elsewhere/broken.sqlite3", "/elsewhere/good.sqlite3"]
    assert quits == []


def test_declining_another_database_quits(
    window: MainWindow, answers: Answers, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("reviewtool.app._another_database", lambda: None)
    quits: list[bool] = []
    report_damaged(window, DatabaseProblem("damaged"), lambda _: True, lambda: quits.append(True))
    assert quits == [True]
