"""Starting the desktop application."""

from __future__ import annotations

import sys


def run_app(db: str | None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from reviewtool.domain.errors import ReviewtoolError
    from reviewtool.services.store import open_store

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("reviewtool")
    try:
        store = open_store(db)
    except ReviewtoolError as error:
        QMessageBox.critical(None, "reviewtool - cannot open the database", str(error))
        return 1
    from reviewtool.ui.main_window import MainWindow

    window = MainWindow(store)
    window.show()
    try:
        return app.exec()
    finally:
        store.close()
