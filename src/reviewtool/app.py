"""Starting the desktop application."""

from __future__ import annotations

import sys
from typing import Any


def run_app(db: str | None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from reviewtool.domain.errors import ReviewtoolError
    from reviewtool.services.store import open_store
    from reviewtool.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("reviewtool")
    app.setOrganizationName("reviewtool")
    state: dict[str, Any] = {}

    def open_database(url: str | None) -> bool:
        """Open a database in a new window; on failure keep the current one and say why."""
        try:
            store = open_store(url)
        except ReviewtoolError as error:
            QMessageBox.critical(
                state.get("window"), "reviewtool - cannot open the database", str(error)
            )
            return False
        old_window, old_store = state.get("window"), state.get("store")
        window = MainWindow(store, open_database=open_database)
        state.update(window=window, store=store)
        window.show()
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_store is not None:
            old_store.close()
        return True

    if not open_database(db):
        return 1
    try:
        return app.exec()
    finally:
        store = state.get("store")
        if store is not None:
            store.close()
