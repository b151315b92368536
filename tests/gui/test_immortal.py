"""Calling Qt methods that return ``None`` never uses up the references to ``None``:
PySide6 6.12 hands one out without taking it on every such call, and a program that had
called setters a few thousand times aborted at exit ("Fatal Python error: none_dealloc")."""

from __future__ import annotations

import sys
from pathlib import Path

from reviewtool.ui import immortal
from tests.gui.clean_exit import run_to_exit

CALLS = 30_000
"""More than the references to None, True or False a small program holds."""


def test_the_reserve_is_given_only_to_a_pyside6_that_needs_it() -> None:
    faulty = immortal.setters_lose_none()
    assert immortal.keep_singletons_alive() is faulty
    for singleton in (None, True, False):
        assert (sys.getrefcount(singleton) > immortal.RESERVE) is faulty


def test_a_program_that_calls_qt_setters_often_exits_cleanly(tmp_path: Path) -> None:
    printed = run_to_exit(
        f"""
        import reviewtool.ui
        from PySide6.QtWidgets import QApplication, QLabel

        app = QApplication([])
        label = QLabel()
        for number in range({CALLS}):
            label.setText(str(number))  # returns None
            label.setEnabled(number % 2 == 0)  # None, with True and False passed in
            QApplication.focusWidget()  # None: nothing has the focus
        print(label.text(), label.isEnabled())
        """,
        tmp_path,
    )
    assert printed.split() == [str(CALLS - 1), "False"]
