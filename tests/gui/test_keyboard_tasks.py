"""Whole tasks done with the keyboard alone: no mouse, no setter, only key presses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from reviewtool.domain.enums import FactorRole
from reviewtool.services.reviews.editing import get_review
from reviewtool.ui.main_window import MainWindow

Key = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifier)


def type_text(text: str) -> None:
    QTest.keyClicks(focused(), text)


def when_dialog_opens(qtbot: QtBot, act: Callable[[QDialog], None]) -> list[str]:
    """Run ``act`` inside the next modal dialog once it has the focus; what went wrong
    inside (an assertion cannot escape the dialog's own event loop) is returned."""
    failures: list[str] = []

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or not dialog.isActiveWindow():
            QTimer.singleShot(20, attempt)
            return
        try:
            act(dialog)
        except AssertionError as error:  # pragma: no cover - reported by the caller
            failures.append(str(error))
            dialog.reject()

    QTimer.singleShot(0, attempt)
    return failures


def activate(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def new_review_by_keys(qtbot: QtBot, window: MainWindow, title: str) -> None:
    """Ctrl+N, try the kinds with the arrow keys, type the title and the date, Enter."""
    seen: dict[str, str] = {}

    def fill(dialog: QDialog) -> None:
        type_text(title)  # the title has the focus: the reference is already suggested
        press(Key.Key_K, ALT)
        press(Key.Key_Down)  # local review
        seen["cspr"] = dialog.reference.text()  # type: ignore[attr-defined]
        press(Key.Key_Up)  # back to a rapid review
        seen["rapid"] = dialog.reference.text()  # type: ignore[attr-defined]
        press(Key.Key_N, ALT)
        type_text("02/11/2026")
        press(Key.Key_Return)

    failures = when_dialog_opens(qtbot, fill)
    QTest.keyClick(window, Key.Key_N, CTRL)
    assert failures == []
    activate(qtbot, window)  # as the window manager does when a dialog closes
    assert seen == {"cspr": "NSP-CSPR-2026-01", "rapid": "NSP-RR-2026-05"}


def test_create_a_review_and_fill_its_details(qtbot: QtBot, window: MainWindow) -> None:
    activate(qtbot, window)
    QTest.keyClick(window, Key.Key_F, CTRL)
    type_text("malnutr")  # a search that would hide the new review
    qtbot.waitUntil(lambda: window.reviews.model.rowCount() == 1, timeout=3000)

    new_review_by_keys(qtbot, window, "Child Z")
    editor = window.reviews.editor
    assert editor.loaded is not None and editor.loaded.record.title == "Child Z"
    assert window.reviews.search.text() == ""  # the search was cleared: the review is seen
    assert window.reviews.table.currentIndex().data() == "NSP-RR-2026-05"
    assert focused() is editor.details.title

    press(Key.Key_W, ALT)
    type_text("Jo Bloggs")
    press(Key.Key_D, ALT)
    type_text("28/10/2026")
    press(Key.Key_U, ALT)  # status: arrow down from open to closed
    press(Key.Key_Down)
    press(Key.Key_Y, ALT)
    type_text("Concerns were raised by the school nurse.")
    press(Key.Key_Tab)  # Tab leaves the summary rather than typing a tab into it
    assert focused() is not editor.details.summary
    QTest.keyClick(window, Key.Key_S, CTRL)

    saved = get_review(window.store, "NSP-RR-2026-05").record
    assert saved.title == "Child Z" and saved.reviewer == "Jo Bloggs"
    assert str(saved.dates.notified) == "2026-11-02"
    assert str(saved.dates.incident) == "2026-10-28"
    assert saved.status.value == "closed"
    assert saved.summary == "Concerns were raised by the school nurse."


def test_tag_factors_with_roles_and_notes(qtbot: QtBot, window: MainWindow) -> None:
    activate(qtbot, window)
    new_review_by_keys(qtbot, window, "Child Y")
    factors = window.reviews.editor.factors
    press(Key.Key_4, ALT)  # the factors tab
    press(Key.Key_D, ALT)  # "Find a code"
    assert focused() is factors.filter
    type_text("mental health")
    press(Key.Key_Tab)
    assert focused() is factors.tree
    for _ in range(12):
        if (
            factors.tree.currentItem()
            and factors.tree.currentItem().data(0, Qt.ItemDataRole.UserRole)
            == "parent.mental_health"
        ):
            break
        press(Key.Key_Down)
    assert factors.tree.currentItem().data(0, Qt.ItemDataRole.UserRole) == "parent.mental_health"
    press(Key.Key_Right)  # Present
    press(Key.Key_Space)
    press(Key.Key_Right)  # Learning
    press(Key.Key_Space)
    press(Key.Key_Right)  # Good practice: ticked, then unticked again
    press(Key.Key_Space)
    press(Key.Key_Space)
    item = factors.tree.currentItem()
    assert item.data(1, Qt.ItemDataRole.AccessibleTextRole) == "Present: ticked"
    assert item.data(3, Qt.ItemDataRole.AccessibleTextRole) == "Good practice: not ticked"
    press(Key.Key_Tab)  # on to the evidence note for "present"
    type_text("Mother's low mood, not followed up")
    press(Key.Key_Tab)
    type_text("Adult services did not think family")
    press(Key.Key_T, ALT)
    type_text("perinatal")
    QTest.keyClick(window, Key.Key_S, CTRL)

    saved = get_review(window.store, "NSP-RR-2026-05").record
    found = {(f.code, f.role): f.note for f in saved.factors}
    assert found == {
        ("parent.mental_health", FactorRole.PRESENT): "Mother's low mood, not followed up",
        ("parent.mental_health", FactorRole.LEARNING): "Adult services did not think family",
    }
    assert saved.tags == ["perinatal"]


def test_learning_actions_briefing_and_export(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    activate(qtbot, window)
    new_review_by_keys(qtbot, window, "Child X")
    editor = window.reviews.editor
    learning = editor.learning
    press(Key.Key_5, ALT)  # learning
    # A button's Alt+letter clicks it as a mouse would, a moment later: wait for its effect.
    press(Key.Key_A, ALT)  # add learning: the new entry opens for typing
    qtbot.waitUntil(lambda: learning.learning.list.count() == 1)
    type_text("Share chronologies across agencies")
    press(Key.Key_Return)
    press(Key.Key_C, ALT)  # add good practice
    qtbot.waitUntil(lambda: learning.good_practice.list.count() == 1)
    type_text("Swift health visitor follow-up")
    press(Key.Key_Return)

    press(Key.Key_6, ALT)  # actions
    press(Key.Key_C, ALT)  # add recommendation: its text has the focus
    qtbot.waitUntil(lambda: focused() is editor.actions_tab.recommendation_text)
    type_text("Improve information sharing")
    press(Key.Key_A, ALT)  # add an action under it
    qtbot.waitUntil(lambda: focused() is editor.actions_tab.action_text)
    type_text("Audit referrals")
    press(Key.Key_O, ALT)
    type_text("Children's social care")
    press(Key.Key_D, ALT)
    type_text("31/03/2027")

    press(Key.Key_7, ALT)  # briefing: status, three buttons, then heading 1 and its text
    for _ in range(5):
        press(Key.Key_Tab)
    type_text("A baby was harmed; agencies knew parts of the picture.")
    QTest.keyClick(window, Key.Key_S, CTRL)

    saved = get_review(window.store, "NSP-RR-2026-05").record
    assert saved.learning == ["Share chronologies across agencies"]
    assert saved.good_practice == ["Swift health visitor follow-up"]
    [recommendation] = saved.recommendations
    assert recommendation.text == "Improve information sharing"
    [action] = recommendation.actions
    assert (action.text, action.owner, str(action.due)) == (
        "Audit referrals",
        "Children's social care",
        "2027-03-31",
    )
    assert saved.briefing is not None
    assert saved.briefing.sections[0].body.startswith("A baby was harmed")

    out = tmp_path / "briefing-child-x.html"

    def save_as(dialog: QDialog) -> None:
        type_text(str(out))  # the file name field has the focus
        press(Key.Key_Return)

    failures = when_dialog_opens(qtbot, save_as)
    press(Key.Key_X, ALT)  # Export…
    assert failures == []
    activate(qtbot, window)
    QThreadPool.globalInstance().waitForDone(20000)
    qtbot.waitUntil(out.exists, timeout=20000)
    written = out.read_text(encoding="utf-8")
    assert "A baby was harmed; agencies knew parts of the picture." in written
    assert "Child X" in written
