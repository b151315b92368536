"""Python's cycle collector, run on the GUI thread only.

The collector runs on whichever thread happens to allocate when a generation's threshold is
crossed. When that is a worker thread (an export, an import) and the garbage holds Qt
objects (a closed dialog, a page's widgets caught in a cycle with their slots), their C++
halves are destroyed off the GUI thread, which Qt does not allow: the program aborts at
random, in the middle of unrelated work. So while a main window is open, automatic
collection is off and this collects on the GUI thread, by the same thresholds, from a timer.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500
_windows = 0
_was_enabled = True
_enable_pending = False  # the last window has gone; collection returns at the next event


class GuiThreadGarbageCollector(QObject):
    """Collects cyclic garbage on the GUI thread for as long as ``parent`` lives."""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        global _windows, _was_enabled
        if _windows == 0 and not _enable_pending:
            _was_enabled = gc.isenabled()
        _windows += 1
        gc.disable()
        parent.destroyed.connect(_release)
        self._timer = QTimer(self)
        self._timer.timeout.connect(collect_if_due)
        self._timer.start(interval_ms)


def collect_if_due() -> int:
    """Collect the generations whose thresholds are crossed, as Python itself would; the
    number of objects found unreachable."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if counts[0] <= thresholds[0]:
        return 0
    generation = 0
    if counts[1] > thresholds[1]:
        generation = 2 if counts[2] > thresholds[2] else 1
    return gc.collect(generation)


def _release() -> None:
    """A window is being destroyed: with none left, Python collects by itself again, but
    only once the event loop runs again. Qt deletes the window's children after this
    signal, and a collection started in the middle of that (any allocation can start one)
    would free other Qt objects inside Qt's destructor, which deadlocks now and then on
    Qt's own locks."""
    global _windows, _enable_pending
    _windows = max(0, _windows - 1)
    if _windows == 0 and _was_enabled:
        _enable_pending = True
        QTimer.singleShot(0, _enable_if_no_window)


def _enable_if_no_window() -> None:
    global _enable_pending
    _enable_pending = False
    if _windows == 0:  # no window opened in the meantime
        gc.enable()
