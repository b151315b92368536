"""The window's error dialogs: an unexpected error is logged, and told without its text."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy.exc import IntegrityError

from reviewtool.errorlog import log_path
from reviewtool.ui.operations import show_error

NAME = "Zebedee Quartermaine"


def test_an_unexpected_error_dialog_shows_no_statement_values_or_names(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda _parent, _title, message: shown.append(message)
    )
    error = IntegrityError(
        "INSERT INTO identifiers (review_id, value) VALUES (?, ?)",
        ("r1", NAME),
        sqlite3.IntegrityError("UNIQUE constraint failed: identifiers.value"),
    )
    show_error(None, "Not saved", error)
    (message,) = shown
    assert "IntegrityError" in message and str(log_path()) in message
    assert NAME not in message and "INSERT" not in message
    logged = log_path().read_text(encoding="utf-8")
    assert "Not saved" in logged and NAME not in logged
