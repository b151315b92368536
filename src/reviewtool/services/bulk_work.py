"""Long bulk work (imports, exports, reports over thousands of reviews) without GC pauses.

Building hundreds of thousands of small objects makes Python's cyclic garbage collector run
again and again over everything already built, which can cost as much as the work itself.
Reference counting still frees memory as usual; the collector runs once the work is done.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def without_gc_pauses() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
