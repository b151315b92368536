"""Review bundles between laptops and servers: import, export and the demo data.

The public functions are loaded on first use (PEP 562), so importing the package costs
nothing at start-up.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reviewtool.services.exchange.bundle_export import export_bundle as export_bundle
    from reviewtool.services.exchange.bundle_import import ImportReport as ImportReport
    from reviewtool.services.exchange.bundle_import import (
        import_bundle_files as import_bundle_files,
    )
    from reviewtool.services.exchange.demo import load_demo as load_demo

_HOME = {
    "ImportReport": "bundle_import",
    "import_bundle_files": "bundle_import",
    "export_bundle": "bundle_export",
    "load_demo": "demo",
}
__all__ = sorted(_HOME)


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOME[name]}"), name)
