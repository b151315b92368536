"""Emitting signals from Python, or disconnecting them, never uses up the references to
``True``: PySide6 6.12's ``emit`` and ``disconnect`` hand one out without taking it, and a
program that had emitted a few thousand times aborted at exit ("Fatal Python error:
bool_dealloc")."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal

from reviewtool.ui.signal_emit import repair_signals
from tests.gui.clean_exit import run_to_exit

EMITS = 30_000
"""More than the references to True a small program holds: enough to abort unrepaired."""


class _Sender(QObject):
    nothing = Signal()
    text = Signal(str)
    flag = Signal(bool)


def test_emitting_does_not_use_up_true() -> None:
    sender = _Sender()
    received: list[object] = []
    sender.flag.connect(received.append)
    before = sys.getrefcount(True)
    for _ in range(1_000):
        sender.nothing.emit()
        sender.text.emit("x")
        sender.flag.emit(True)
    lost = before - sys.getrefcount(True)
    assert lost < 100, f"{lost} references to True given away by 3000 emits"
    assert received == [True] * 1_000
    assert repair_signals() == repair_signals()  # a second call changes nothing


def _slot() -> None:
    pass


def test_disconnecting_does_not_use_up_true() -> None:
    sender = _Sender()
    before = sys.getrefcount(True)
    for _ in range(1_000):
        sender.nothing.connect(_slot)
        assert sender.nothing.disconnect(_slot) is True
    lost = before - sys.getrefcount(True)
    assert lost < 100, f"{lost} references to True given away by 1000 disconnects"


def test_without_the_c_api_the_references_are_kept_instead(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reviewtool.ui import signal_emit

    if not signal_emit.emit_loses_a_reference():
        pytest.skip("this PySide6 does not give references away: nothing to repair")
    monkeypatch.setattr(signal_emit, "_incref", signal_emit._hold)
    sender = _Sender()
    held = len(signal_emit._HELD)
    before = sys.getrefcount(True)
    for _ in range(1_000):
        sender.nothing.emit()
    assert before - sys.getrefcount(True) < 100
    assert len(signal_emit._HELD) - held >= 1_000


def test_a_program_that_emits_and_disconnects_often_exits_cleanly(tmp_path: Path) -> None:
    printed = run_to_exit(
        f"""
        import reviewtool.ui
        from PySide6.QtCore import QObject, Signal

        class Sender(QObject):
            changed = Signal(bool)

        sender = Sender()
        seen = []
        sender.changed.connect(seen.append)
        for _ in range({EMITS}):
            sender.changed.emit(False)
            sender.changed.disconnect(seen.append)
            sender.changed.connect(seen.append)
        print(len(seen))
        """,
        tmp_path,
    )
    assert printed.strip() == str(EMITS)
