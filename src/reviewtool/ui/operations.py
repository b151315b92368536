"""Long work off the GUI thread, with a progress dialog that can cancel it.

A worker runs a function that takes a ``progress(done, total)`` callback; the callback raises
:class:`Cancelled` once the user has pressed Cancel, so the service's transaction rolls back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget
from shiboken6 import isValid

from reviewtool.domain.errors import ReviewtoolError
from reviewtool.errorlog import log_failure, unexpected_message

Progress = Callable[[int, int], None]


class Cancelled(Exception):
    pass


class _Signals(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class _Worker(QRunnable):
    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()
        self.cancelled = False

    def _progress(self, done: int, total: int) -> None:
        if self.cancelled:
            raise Cancelled()
        self.signals.progressed.emit(done, total)

    def run(self) -> None:
        try:
            result = self.work(self._progress)
        except BaseException as error:  # handed to the GUI thread, never lost
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)


def run_in_background(
    parent: QWidget,
    title: str,
    work: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
) -> _Worker:
    """Run ``work`` on a pool thread; report progress; call ``on_done`` on the GUI thread."""
    dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
    dialog.setWindowTitle("reviewtool")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    worker = _Worker(work)

    def alive() -> bool:
        # The window may have been closed while the work went on: then nobody is told.
        return isValid(dialog) and isValid(parent)

    def progressed(done: int, total: int) -> None:
        if alive():
            dialog.setMaximum(max(total, 1))
            dialog.setValue(done)

    def finished(result: Any) -> None:
        if not alive():
            return
        dialog.reset()
        on_done(result)

    def failed(error: BaseException) -> None:
        if not alive():
            return
        dialog.reset()
        if isinstance(error, Cancelled):
            QMessageBox.information(
                parent, "reviewtool", f"{title}: cancelled. Nothing was changed."
            )
        elif on_error is not None:
            on_error(error)
        else:
            show_error(parent, title, error)

    def cancel() -> None:
        worker.cancelled = True

    worker.signals.progressed.connect(progressed)
    worker.signals.finished.connect(finished)
    worker.signals.failed.connect(failed)
    dialog.canceled.connect(cancel)
    QThreadPool.globalInstance().start(worker)
    return worker


def run_quietly(
    parent: QWidget,
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> _Worker:
    """Run ``work`` on a pool thread with no dialog: for checks the person need not wait for.
    The callbacks run on the GUI thread, and only while ``parent`` is still open."""
    worker = _Worker(lambda _progress: work())
    worker.signals.finished.connect(lambda result: on_done(result) if isValid(parent) else None)
    worker.signals.failed.connect(lambda error: on_error(error) if isValid(parent) else None)
    QThreadPool.globalInstance().start(worker)
    return worker


def confirm_risky(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask before a step that replaces or removes data; Cancel is the default answer."""
    answer = QMessageBox.warning(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget | None, title: str, error: BaseException) -> None:
    if isinstance(error, ReviewtoolError):
        QMessageBox.warning(parent, title, str(error))
    else:
        # The exception's own text may hold a statement or a user's words: it goes to the
        # log only; the person is told what kind of failure it was and where the detail is.
        where = log_failure(title, error)
        QMessageBox.critical(
            parent,
            title,
            "Something went wrong that reviewtool did not expect: "
            + unexpected_message(error, where),
        )
