"""The Qt user interface: widgets, item models and background operations."""

from reviewtool.ui.signal_emit import repair_emit

repair_emit()  # before any widget emits: see signal_emit for the PySide6 fault it covers
