"""Cyclic garbage is collected on the GUI thread while a window is open: a worker thread
that allocates must never be the one that frees Qt objects."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from reviewtool.ui.garbage import GuiThreadGarbageCollector
from reviewtool.ui.main_window import MainWindow


class _Marker(QObject):
    def __init__(self, seen: list[bool]) -> None:
        super().__init__()
        self.seen = seen
        self.cycle = self  # only the cycle collector can free it

    def __del__(self) -> None:
        self.seen.append(threading.current_thread() is threading.main_thread())


def test_garbage_with_qt_objects_is_freed_on_the_gui_thread(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert not gc.isenabled()
    gc.collect()
    freed_on_gui_thread: list[bool] = []
    _Marker(freed_on_gui_thread)
    # A worker allocating thousands of objects would have run the collector itself.
    worker = threading.Thread(target=lambda: [[] for _ in range(50_000)])
    worker.start()
    worker.join()
    assert freed_on_gui_thread == []
    kept = [[] for _ in range(5_000)]  # past the first threshold, as busy work would go
    qtbot.waitUntil(lambda: freed_on_gui_thread == [True], timeout=5000)
    assert kept


def test_python_collects_by_itself_again_once_the_window_has_gone(qtbot: QtBot) -> None:
    assert gc.isenabled()  # no window is left from an earlier test
    parent = QWidget()
    GuiThreadGarbageCollector(parent)
    assert not gc.isenabled()
    parent.deleteLater()
    qtbot.waitUntil(gc.isenabled, timeout=5000)


def test_collection_stays_off_while_the_window_is_being_destroyed(qtbot: QtBot) -> None:
    """Qt deletes a window's children after its ``destroyed`` signal: a collection run
    while it does (any allocation in Python can start one) frees other Qt objects inside
    Qt's destructor, which deadlocked now and then on Qt's own locks."""
    assert gc.isenabled()
    parent = QWidget()
    child = QObject(parent)
    GuiThreadGarbageCollector(parent)
    during: list[bool] = []
    child.destroyed.connect(lambda: during.append(gc.isenabled()))
    parent.deleteLater()
    qtbot.waitUntil(gc.isenabled, timeout=5000)
    assert during == [False]


def test_a_window_opened_before_collection_returned_gives_it_back_when_it_goes(
    qtbot: QtBot,
) -> None:
    assert gc.isenabled()
    first = QWidget()
    GuiThreadGarbageCollector(first)
    first.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not gc.isenabled()  # the first window has gone; collection returns next event
    second = QWidget()
    GuiThreadGarbageCollector(second)
    QCoreApplication.processEvents()
    assert not gc.isenabled()  # the second window is open
    second.deleteLater()
    qtbot.waitUntil(gc.isenabled, timeout=5000)
