"""Signal methods that keep Python's ``True`` alive.

PySide6 6.12's ``SignalInstance.emit`` and ``SignalInstance.disconnect`` return ``True``
without taking the reference they hand to the caller, so every emit (and every successful
disconnect) from Python code gives away one reference to ``True`` that was never taken.
``True`` normally has tens of thousands of owners, so nothing shows for a long time; but
after a few thousand emits (a long session, a test run) the count runs out while Python
frees everything at exit, and the program aborts with "Fatal Python error: bool_dealloc"
after all its work is done.

:func:`repair_signals` checks once, for each method, whether this PySide6 has the fault and,
only then, wraps that method to take the missing reference. Taking one too many would be
harmless (``True`` and ``False`` are never freed while Python runs); one too few is what
aborts. The same release gives away references to ``None`` on every call that returns it:
see :mod:`reviewtool.ui.immortal`.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_PROBES = 16
_original_emit = SignalInstance.emit
_original_disconnect = SignalInstance.disconnect
_HELD: list[object] = []


def _hold(value: object) -> None:
    """Take a reference by keeping the object: the way round when the C API is out of reach
    (a frozen build whose Python library ctypes cannot see). Eight bytes per call."""
    _HELD.append(value)


def _c_incref() -> Callable[[object], None]:
    try:
        incref = ctypes.pythonapi.Py_IncRef
    except (AttributeError, OSError):
        return _hold
    incref.argtypes = [ctypes.py_object]
    incref.restype = None
    return incref  # type: ignore[no-any-return]


_incref = _c_incref()


class _Probe(QObject):
    fired = Signal()


def _nothing() -> None:
    """The probe's slot."""


def _loses_true(call: Callable[[], object]) -> bool:
    """Whether ``call`` gives away a reference to ``True`` (the probe's own losses are
    given back)."""
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        call()
    lost = before - sys.getrefcount(True)
    for _ in range(max(0, lost)):
        _incref(True)
    # Another thread may take or drop references meanwhile: most probes must have lost one.
    return lost >= _PROBES // 2


def emit_loses_a_reference() -> bool:
    """Whether ``SignalInstance.emit`` gives away references to ``True``."""
    probe = _Probe()
    return _loses_true(lambda: _original_emit(probe.fired))


def disconnect_loses_a_reference() -> bool:
    """Whether ``SignalInstance.disconnect`` gives away references to ``True``."""
    probe = _Probe()

    def connect_and_disconnect() -> None:
        probe.fired.connect(_nothing)
        _original_disconnect(probe.fired, _nothing)

    return _loses_true(connect_and_disconnect)


def _take_reference(result: Any) -> Any:
    if isinstance(result, bool):
        _incref(result)  # the reference the method handed over without taking it
    return result


def _emit(self: SignalInstance, *args: Any) -> Any:
    return _take_reference(_original_emit(self, *args))


def _disconnect(self: SignalInstance, *args: Any) -> Any:
    return _take_reference(_original_disconnect(self, *args))


def repair_signals() -> tuple[str, ...]:
    """Wrap the ``SignalInstance`` methods this PySide6 needs wrapped; the names of those
    that are wrapped (none on a PySide6 without the fault)."""
    if SignalInstance.emit is not _emit and emit_loses_a_reference():
        SignalInstance.emit = _emit  # type: ignore[method-assign]
    if SignalInstance.disconnect is not _disconnect and disconnect_loses_a_reference():
        SignalInstance.disconnect = _disconnect  # type: ignore[method-assign, assignment]
    repaired = (("emit", _emit), ("disconnect", _disconnect))
    return tuple(name for name, wrapper in repaired if getattr(SignalInstance, name) is wrapper)
