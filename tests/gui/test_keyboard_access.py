"""Every page, tab and dialog walked as a keyboard and screen-reader user meets it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from reviewtool.services.reviews.listing import list_reviews
from reviewtool.ui.main_window import PAGES, MainWindow
from tests.gui.access_checks import access_problems, mnemonic_problems


def _open(window: MainWindow, reference: str) -> None:
    review_id = next(r.id for r in list_reviews(window.store) if r.reference == reference)
    window.reviews.select_review(review_id)


def _activate(qtbot: QtBot, window: QDialog | MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def test_every_page_and_tab_of_the_main_window(qtbot: QtBot, window: MainWindow) -> None:
    _activate(qtbot, window)
    problems: dict[str, list[str]] = {}
    for row, name in enumerate(PAGES):
        window.nav.setCurrentRow(row)
        if name != "Reviews":
            problems[name] = access_problems(window)
    window.nav.setCurrentRow(1)
    _open(window, "NSP-CSPR-2021-01")  # has children, factors, actions and a briefing
    editor = window.reviews.editor
    for number in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(number)
        if editor.tabs.currentWidget().isAncestorOf(editor.actions_tab):
            tree = editor.actions_tab.tree
            top = tree.topLevelItem(0)
            assert top is not None and top.childCount()
            for item in (top, top.child(0)):  # the recommendation's form, then the action's
                tree.setCurrentItem(item)
                problems[f"Actions tab ({item.text(0)[:20]})"] = access_problems(window)
        else:
            problems[editor.tabs.tabText(number)] = access_problems(window)
    assert {where: found for where, found in problems.items() if found} == {}


def test_dialogs(qtbot: QtBot, window: MainWindow) -> None:
    from reviewtool.ui.new_review_dialog import NewReviewDialog
    from reviewtool.ui.slides_dialog import SlidesDialog
    from reviewtool.ui.thematic_dialog import ThematicDialog

    problems = {}
    for dialog in (
        NewReviewDialog(window, window.store, window.today),
        SlidesDialog(window, window.store),
        ThematicDialog(window, window.store, window.today),
    ):
        dialog.show()
        _activate(qtbot, dialog)
        problems[dialog.windowTitle()] = access_problems(dialog)
        dialog.reject()
    assert {where: found for where, found in problems.items() if found} == {}


def test_menus_keep_their_letters(window: MainWindow) -> None:
    _open(window, "NSP-RR-2022-01")
    window.reviews.editor.tabs.setCurrentIndex(0)
    assert mnemonic_problems(window) == []


def test_tab_leaves_the_review_list_without_opening_reviews(
    qtbot: QtBot, window: MainWindow
) -> None:
    _activate(qtbot, window)
    page = window.reviews
    _open(window, "NSP-RR-2022-01")
    opened = page.editor.review_id
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not page.table
    assert page.editor.review_id == opened
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is not page.table
    assert page.editor.review_id == opened


def test_the_focus_ring_follows_the_focus(qtbot: QtBot, window: MainWindow) -> None:
    from reviewtool.ui.accessibility import RING_WIDTH, FocusRing

    _activate(qtbot, window)
    _open(window, "NSP-RR-2022-01")
    title = window.reviews.editor.details.title
    title.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is title)
    rings = [r for r in window.findChildren(FocusRing) if r.widget() is title]
    assert len(rings) == 1 and rings[0].isVisible()
    assert rings[0].geometry().contains(title.geometry())  # drawn around, not over, it
    assert RING_WIDTH == 2


def test_the_window_fits_a_1920_by_1080_screen_at_200_percent(window: MainWindow) -> None:
    """At 200% a 1920 x 1080 screen is 960 x 540 in Qt's units: every page and tab must
    fit in it (less the task bar) by scrolling or wrapping, never by pushing the window off."""
    _open(window, "NSP-CSPR-2021-01")
    editor = window.reviews.editor
    sizes = {}
    for row in range(len(PAGES)):
        window.nav.setCurrentRow(row)
        sizes[PAGES[row]] = window.minimumSizeHint()
    window.nav.setCurrentRow(1)
    for number in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(number)
        sizes[editor.tabs.tabText(number)] = window.minimumSizeHint()
    too_big = {
        where: size.toTuple()
        for where, size in sizes.items()
        if size.width() > 960 or size.height() > 500
    }
    assert too_big == {}


def test_briefing_preview_dialog(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewtool.ui.briefing_export import preview_briefing

    found: dict[str, list[str]] = {}

    def check(dialog: QDialog) -> int:
        dialog.show()
        _activate(qtbot, dialog)
        found[dialog.windowTitle()] = access_problems(dialog)
        dialog.close()
        return 0

    monkeypatch.setattr(QDialog, "exec", check)
    review_id = next(r.id for r in list_reviews(window.store) if r.reference == "NSP-CSPR-2021-01")
    preview_briefing(window, window.store, review_id)
    assert list(found.values()) == [[]]
