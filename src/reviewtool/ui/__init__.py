"""The Qt user interface: widgets, item models and background operations."""
