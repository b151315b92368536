"""The Qt user interface: widgets, item models and background operations."""

from reviewtool.ui.immortal import keep_singletons_alive
from reviewtool.ui.signal_emit import repair_signals

# Before any widget is made: see signal_emit and immortal for the PySide6 faults they cover.
repair_signals()
keep_singletons_alive()
