"""The Thematic review dialog runs in the background and writes every output chosen."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from reviewtool.ui.main_window import MainWindow
from reviewtool.ui.thematic_dialog import ThematicDialog
from tests.documents import document_text
from tests.gui.conftest import Answers


def test_thematic_dialog_writes_the_outputs(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "summary.pdf"), "")
    )
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    dialog = ThematicDialog(window, window.store, date(2026, 11, 21))
    qtbot.addWidget(dialog)
    dialog.date_from.setText("01/01/2021")
    dialog.compare.setChecked(True)
    dialog.compare_from.setText("01/01/2014")
    dialog.compare_to.setText("31/12/2020")
    dialog.run()
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    assert opened == [str(tmp_path / "summary.pdf")]
    expected = {
        "summary.pdf": "Key findings",
        "summary.html": "Key findings",
        "summary.xlsx": "Cases x themes",
        "summary-annual-report.docx": "Learning from practice reviews",
        "summary.docx": "Key findings",
    }
    for name, words in expected.items():
        assert words in document_text(tmp_path / name), name


def test_bad_period_is_explained(window: MainWindow, answers: Answers, qtbot: QtBot) -> None:
    dialog = ThematicDialog(window, window.store, date(2026, 11, 21))
    qtbot.addWidget(dialog)
    dialog.date_from.setText("01/01/2027")
    dialog.date_to.setText("01/01/2026")
    dialog.run()
    assert "before" in answers.asked[-1]
