"""Briefing preview and export, and the slides dialog, driven from the app."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QTextBrowser
from pytestqt.qtbot import QtBot

from reviewtool.services.reviews.listing import list_reviews
from reviewtool.ui.main_window import MainWindow
from reviewtool.ui.slides_dialog import SlidesDialog
from tests.gui.conftest import Answers
from tests.gui.test_main_window import open_in_editor


def test_preview_shows_the_briefing(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []

    def fake_exec(dialog: QDialog) -> int:
        shown.append(dialog.findChild(QTextBrowser).toPlainText())
        return 0

    monkeypatch.setattr(QDialog, "exec", fake_exec)
    open_in_editor(window, "NSP-CSPR-2021-01")
    window.reviews.editor.briefing.preview_button.click()
    assert (
        shown and "Child J - learning from a local child safeguarding practice review" in shown[0]
    )
    assert "Reflective questions" in shown[0]


def test_export_briefing_writes_the_pdf(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "briefing.pdf"
    monkeypatch.setattr(QFileDialog, "exec", lambda self: 1)
    monkeypatch.setattr(QFileDialog, "selectedFiles", lambda self: [str(out)])
    open_in_editor(window, "NSP-CSPR-2021-01")
    window.reviews.editor.briefing.export_button.click()
    qtbot.waitUntil(out.exists, timeout=10000)
    assert out.read_bytes().startswith(b"%PDF")


def test_unsaved_edits_are_saved_before_a_report(
    window: MainWindow, answers: Answers, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QDialog, "exec", lambda dialog: 0)
    open_in_editor(window, "NSP-CSPR-2021-01")
    window.reviews.editor.briefing.bodies[0].setPlainText("Rewritten background")
    answers.queue = [QMessageBox.StandardButton.Save]
    window.preview_action.trigger()
    from reviewtool.services.reviews.editing import get_review

    record = get_review(window.store, "NSP-CSPR-2021-01").record
    assert (
        record.briefing is not None and record.briefing.sections[0].body == "Rewritten background"
    )


def test_slides_dialog_writes_a_deck(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "deck.pptx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    child_j = next(r.id for r in list_reviews(window.store) if r.reference == "NSP-CSPR-2021-01")
    dialog = SlidesDialog(window, window.store, selected=child_j)
    qtbot.addWidget(dialog)
    assert dialog.chosen_reviews() == [child_j]
    dialog.write()
    qtbot.waitUntil(out.exists, timeout=10000)
    from pptx import Presentation

    titles = [s.shapes.title.text for s in Presentation(str(out)).slides]
    assert "Child J: key learning" in titles


def test_slides_dialog_by_theme(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "theme.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog = SlidesDialog(window, window.store)
    qtbot.addWidget(dialog)
    dialog.by_theme.setChecked(True)
    dialog.theme.setCurrentIndex(dialog.theme.findData("parent.unsafe_sleep"))
    dialog.date_from.setText("01/01/2020")
    dialog.format.setCurrentIndex(1)
    dialog.write()
    qtbot.waitUntil(out.exists, timeout=10000)
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("reason", [None, "Panel copy only"])
def test_blocked_export_offers_an_override(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    reason: str | None,
) -> None:
    from reviewtool.services.reviews.editing import get_review, save_review

    loaded = get_review(window.store, "NSP-CSPR-2021-01")
    record = loaded.record.model_copy(deep=True)
    assert record.briefing is not None
    record.briefing.sections[0].body = "Jayden Smith was born on 01/03/2021."
    save_review(window.store, record, loaded.version)
    asked: list[int] = []

    def answer(parent: object, error: object) -> str | None:
        asked.append(len(error.hits))  # type: ignore[attr-defined]
        return reason

    monkeypatch.setattr("reviewtool.ui.briefing_export.ask_override_reason", answer)
    out = tmp_path / "leak.pdf"
    monkeypatch.setattr(QFileDialog, "exec", lambda self: 1)
    monkeypatch.setattr(QFileDialog, "selectedFiles", lambda self: [str(out)])
    open_in_editor(window, "NSP-CSPR-2021-01")
    window.reviews.editor.briefing.export_button.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)
    assert asked[0] >= 2
    if reason is None:
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone(10000)
        assert not out.exists()
    else:
        qtbot.waitUntil(out.exists, timeout=10000)
