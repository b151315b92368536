"""``None``, ``True`` and ``False`` outlive everything, as they do from Python 3.12 on.

PySide6 6.12 gives away references to ``None`` that it never took: every call of a Qt
method that returns ``None`` (every setter, ``update()``, a getter that finds nothing)
gives one away. The release behaves as if these objects were immortal, which they are
from Python 3.12 on (PEP 683), where the lost references cost nothing. On Python 3.11 the
count of ``None`` runs down by one per call. ``None`` has many owners, so nothing shows
while the program runs; but after a session of a few thousand calls the count runs out
while Python frees everything at exit, and the program aborts with "Fatal Python error:
none_dealloc" after all its work is done. pyproject.toml keeps Python 3.11 below PySide6
6.12; this covers an installation that has it all the same.

There are thousands of such methods, so they are not wrapped one by one (as the two signal
methods that give away ``True`` are, in :mod:`reviewtool.ui.signal_emit`).
:func:`keep_singletons_alive` checks once whether this PySide6 gives references to ``None``
away and, only then, adds to the counts of ``None``, ``True`` and ``False`` a reserve that
no run can use up: the immortality Python 3.12 gives them. The three are never freed
while Python runs, so a count too high costs nothing; one too low is what aborts. A
PySide6 without the fault, or Python 3.12 and later, is left alone.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject

RESERVE = 1 << 40 if sys.maxsize > 2**32 else 1 << 28
"""References added to each of the three: a million calls a second would take 12 days
(on 64 bits) to use them up."""

_PROBES = 16
_SINGLETONS: tuple[object, ...] = (None, True, False)
_decided: dict[str, bool] = {}


def setters_lose_none() -> bool:
    """Whether a Qt method that returns ``None`` gives away a reference to it (the probe's
    own losses are made good by the reserve, or are too few to matter when there is none)."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(_PROBES):
        probe.setObjectName("probe")
    # Another thread may take or drop references meanwhile: most probes must have lost one.
    return before - sys.getrefcount(None) >= _PROBES // 2


def _add_reserve(singleton: object) -> bool:
    """Add :data:`RESERVE` to the reference count of ``singleton``, if the count is where
    CPython keeps it (the first field of the object); whether it was added."""
    if sys.implementation.name != "cpython" or hasattr(sys, "getobjects"):
        return False  # another interpreter, or a build whose objects start with list links
    count = ctypes.c_ssize_t.from_address(id(singleton))
    before = sys.getrefcount(singleton)
    # Another thread changing the count between this read and write would leave it a few
    # references off, which the reserve itself covers.
    count.value += RESERVE
    if abs(sys.getrefcount(singleton) - before - RESERVE) > _PROBES:
        count.value -= RESERVE  # that field was not the count: put it back as it was
        return False
    return True


def keep_singletons_alive() -> bool:
    """Give ``None``, ``True`` and ``False`` their reserve if this PySide6 needs it (decided
    once); whether they have it."""
    if "reserved" not in _decided:
        needed = setters_lose_none()
        _decided["reserved"] = needed and all([_add_reserve(one) for one in _SINGLETONS])
    return _decided["reserved"]
