"""The editor's autosaved draft of an encrypted database: kept, but never in the plain."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reviewtool.paths import data_dir
from reviewtool.services.exchange.demo import load_demo
from reviewtool.services.reviews.listing import list_reviews
from reviewtool.services.store import open_store
from reviewtool.ui.main_window import MainWindow
from tests.gui.conftest import TODAY, Answers

SECRET = "Notes from the panel that must never be on disk unencrypted"


@pytest.fixture
def encrypted_window(qtbot: QtBot, tmp_path: Path, answers: Answers) -> Iterator[MainWindow]:
    store = open_store(str(tmp_path / "enc.sqlite3"), passphrase="a long enough passphrase")
    load_demo(store)
    main = MainWindow(store, today=TODAY)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.reviews.editor.discard_changes()
    QThreadPool.globalInstance().waitForDone(20000)
    store.close()


def test_an_encrypted_databases_draft_is_encrypted_and_offered_back(
    encrypted_window: MainWindow, answers: Answers
) -> None:
    review_id = next(
        r.id for r in list_reviews(encrypted_window.store) if r.reference == "NSP-RR-2022-01"
    )
    encrypted_window.reviews.select_review(review_id)
    editor = encrypted_window.reviews.editor
    editor.details.summary.setPlainText(SECRET)
    editor.autosave_draft()
    drafts = list((data_dir() / "drafts").iterdir())
    assert [p.name for p in drafts] == [f"{review_id}.draft"]
    assert SECRET.encode() not in drafts[0].read_bytes()

    answers.queue = [QMessageBox.StandardButton.Yes]  # "Unsaved changes found: restore them?"
    editor.open_review(review_id)
    assert any("Unsaved changes found" in question for question in answers.asked)
    assert editor.details.summary.toPlainText() == SECRET
