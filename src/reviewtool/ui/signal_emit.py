"""Signal emission that keeps Python's ``True`` alive.

PySide6 6.12's ``SignalInstance.emit`` returns ``True`` without taking the reference it
hands to the caller, so every emit from Python code gives away one reference to ``True``
that was never taken. ``True`` normally has tens of thousands of owners, so nothing shows
for a long time; but after a few thousand emits (a long session, a test run) the count
runs out while Python frees everything at exit, and the program aborts with "Fatal Python
error: bool_dealloc" after all its work is done.

:func:`repair_emit` checks once whether this PySide6 has the fault and, only then, wraps
``emit`` to take the missing reference. Taking one too many would be harmless (``True``
and ``False`` are never freed while Python runs); one too few is what aborts.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_PROBES = 16
_original_emit = SignalInstance.emit
_HELD: list[object] = []


def _hold(value: object) -> None:
    """Take a reference by keeping the object: the way round when the C API is out of reach
    (a frozen build whose Python library ctypes cannot see). Eight bytes per emit."""
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


def emit_loses_a_reference() -> bool:
    """Whether ``SignalInstance.emit`` gives away references to ``True`` (the probe's
    own losses are given back)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        _original_emit(probe.fired)
    lost = before - sys.getrefcount(True)
    for _ in range(max(0, lost)):
        _incref(True)
    # Another thread may take or drop references meanwhile: most probes must have lost one.
    return lost >= _PROBES // 2


def _emit(self: SignalInstance, *args: Any) -> Any:
    result = _original_emit(self, *args)
    if isinstance(result, bool):
        _incref(result)  # the reference ``emit`` handed over without taking it
    return result


def repair_emit() -> bool:
    """Wrap ``SignalInstance.emit`` if this PySide6 needs it; whether it is wrapped."""
    if SignalInstance.emit is _emit:
        return True
    if not emit_loses_a_reference():
        return False
    SignalInstance.emit = _emit  # type: ignore[method-assign]
    return True
