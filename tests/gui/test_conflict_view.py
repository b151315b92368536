"""Resolving a conflict between two computers' copies in the desktop application."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from reviewtool.services.reviews.conflicts import list_review_conflicts
from reviewtool.services.reviews.editing import get_review
from reviewtool.ui.conflict_view import THEIRS, ConflictDialog
from reviewtool.ui.main_window import MainWindow
from tests.gui.conftest import Answers
from tests.gui.test_main_window import open_in_editor
from tests.store.exchange_helpers import computers, edit, send

REFERENCE = "NSP-RR-2023-02"


def _conflict_from_another_computer(window: MainWindow, tmp_path: Path) -> str:
    """The same review changed here and on a laptop; the laptop's bundle is imported here."""
    store = window.store
    review_id = get_review(store, REFERENCE).record.id
    with computers(1, tmp_path) as (laptop,):
        send(store, laptop, tmp_path)
        edit(laptop, review_id, lambda r: setattr(r, "summary", "Summary written on the laptop"))
        edit(laptop, review_id, lambda r: r.learning.append("Learning added on the laptop"))
        edit(store, review_id, lambda r: setattr(r, "title", "Title changed here"))
        report = send(laptop, store, tmp_path)
    assert len(report.conflicts) == 1
    return review_id


def test_resolve_a_conflict_field_by_field(
    qtbot: QtBot, window: MainWindow, answers: Answers, tmp_path: Path, monkeypatch: object
) -> None:
    review_id = _conflict_from_another_computer(window, tmp_path)
    open_in_editor(window, REFERENCE)
    editor = window.reviews.editor
    notice = editor.conflict_notice
    assert notice.isVisible() and "changed on another computer" in notice.message.text()

    shown: list[ConflictDialog] = []

    def choose_and_merge(dialog: ConflictDialog) -> int:
        shown.append(dialog)
        dialog.grab().save(str(tmp_path / "conflict-dialog.png"))
        labels = [d.label for d in dialog.differences]
        assert labels[:1] == ["Title"] and "Summary" in labels and "Learning" in labels
        by_name = {d.name: d for d in dialog.differences}
        assert by_name["summary"].theirs == "Summary written on the laptop"
        assert by_name["title"].mine == "Title changed here"
        dialog.choose("summary", THEIRS)
        dialog.choose("learning", THEIRS)
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
        return int(dialog.result())

    monkeypatch.setattr(ConflictDialog, "exec", choose_and_merge)  # type: ignore[attr-defined]
    qtbot.mouseClick(notice.button, Qt.MouseButton.LeftButton)

    assert shown and shown[0].result() == QDialog.DialogCode.Accepted
    saved = get_review(window.store, review_id).record
    assert saved.title == "Title changed here"  # mine, kept
    assert saved.summary == "Summary written on the laptop"  # theirs, taken
    assert "Learning added on the laptop" in saved.learning
    assert list_review_conflicts(window.store, review_id) == []
    assert not notice.isVisible()
    assert editor.details.summary.toPlainText() == "Summary written on the laptop"
    assert not answers.asked


def test_unsaved_text_is_saved_before_resolving(
    qtbot: QtBot, window: MainWindow, answers: Answers, tmp_path: Path, monkeypatch: object
) -> None:
    from PySide6.QtWidgets import QMessageBox

    review_id = _conflict_from_another_computer(window, tmp_path)
    open_in_editor(window, REFERENCE)
    editor = window.reviews.editor
    editor.details.methodology.setText("Typed just now, not yet saved")
    answers.queue.append(QMessageBox.StandardButton.Save)

    def keep_mine(dialog: ConflictDialog) -> int:
        qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
        return int(dialog.result())

    monkeypatch.setattr(ConflictDialog, "exec", keep_mine)  # type: ignore[attr-defined]
    editor.resolve_conflicts()
    saved = get_review(window.store, review_id).record
    assert saved.methodology == "Typed just now, not yet saved"
    assert saved.summary != "Summary written on the laptop"
    assert list_review_conflicts(window.store, review_id) == []
    assert not editor.conflict_notice.isVisible() and not editor.dirty
