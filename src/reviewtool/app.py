"""Starting the desktop application."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any


def _another_database() -> str | None:
    """After a database failed to open: let the person choose another, or quit."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    from reviewtool.paths import default_database_path

    box = QMessageBox()
    box.setWindowTitle("reviewtool")
    box.setText("What would you like to do?")
    choose = box.addButton("Open another database file…", QMessageBox.ButtonRole.AcceptRole)
    server = box.addButton("Connect to a server…", QMessageBox.ButtonRole.AcceptRole)
    default = box.addButton("Use the default local database", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    if clicked is choose:
        path, _ = QFileDialog.getSaveFileName(
            None,
            "Open or create a database file",
            "",
            "reviewtool databases (*.sqlite3)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        return path or None
    if clicked is server:
        url, ok = QInputDialog.getText(
            None, "Connect to a server", "PostgreSQL address (postgresql://user@host/database):"
        )
        return url.strip() if ok and url.strip() else None
    if clicked is default:
        return str(default_database_path())
    return None


def _ask_passphrase(parent: Any, why: str) -> str | None:
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    text, ok = QInputDialog.getText(
        parent, "Encrypted database", f"{why}\n\nPassphrase:", QLineEdit.EchoMode.Password
    )
    return text if ok and text else None


def report_damaged(
    window: Any,
    error: BaseException,
    open_database: Callable[[str | None], bool],
    quit_app: Callable[[], None],
) -> None:
    """The background integrity check failed: nothing more may be written to this file.
    Say so, then open another database the person chooses, or quit."""
    from PySide6.QtWidgets import QMessageBox

    window.centralWidget().setEnabled(False)
    QMessageBox.critical(window, "reviewtool - the database is damaged", str(error))
    choice = _another_database()
    while choice is not None and not open_database(choice):
        choice = _another_database()
    if choice is None:
        quit_app()


def _report_unexpected_errors() -> None:
    """An error nobody expected, raised in a slot, is logged and told without its text
    (which may hold a statement or a person's words) instead of printed to the terminal."""
    from PySide6.QtWidgets import QApplication

    from reviewtool.errorlog import debugging
    from reviewtool.ui.operations import show_error

    def report(kind: type[BaseException], error: BaseException, trace: Any) -> None:
        if debugging():
            sys.__excepthook__(kind, error, trace)
        show_error(QApplication.activeWindow(), "reviewtool", error)

    sys.excepthook = report


def run_app(db: str | None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from reviewtool.db.cipher import PassphraseNeeded, WrongPassphrase
    from reviewtool.domain.errors import ReviewtoolError
    from reviewtool.services.store import open_store
    from reviewtool.ui.main_window import MainWindow
    from reviewtool.ui.operations import run_quietly

    app = QApplication.instance() or QApplication(sys.argv)
    _report_unexpected_errors()
    os.umask(0o077)  # every file the program writes is the user's only (see README)
    app.setApplicationName("reviewtool")
    app.setOrganizationName("reviewtool")
    state: dict[str, Any] = {}

    def open_database(url: str | None, passphrase: str | None = None) -> bool:
        """Open a database in a new window; on failure keep the current one and say why."""
        attempts = 0
        while True:
            try:
                # The whole-file check runs once the window is up (below), not before it.
                store = open_store(url, passphrase=passphrase, check_integrity_now=False)
                break
            except (PassphraseNeeded, WrongPassphrase) as error:
                attempts += 1
                if attempts > 3:
                    QMessageBox.critical(state.get("window"), "reviewtool", str(error))
                    return False
                passphrase = _ask_passphrase(state.get("window"), str(error))
                if passphrase is None:
                    return False
            except ReviewtoolError as error:
                QMessageBox.critical(
                    state.get("window"), "reviewtool - cannot open the database", str(error)
                )
                return False
        old_window, old_store = state.get("window"), state.get("store")
        window = MainWindow(store, open_database=open_database)
        state.update(window=window, store=store)
        window.show()
        state["check"] = run_quietly(
            window,
            store.check_integrity,
            lambda _: None,
            lambda error: report_damaged(window, error, open_database, app.quit),
        )
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_store is not None:
            old_store.close()
        return True

    while not open_database(db):
        db = _another_database()
        if db is None:
            return 1
    try:
        return app.exec()
    finally:
        store = state.get("store")
        if store is not None:
            store.close()
