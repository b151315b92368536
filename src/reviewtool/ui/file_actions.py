"""The main window's File menu: bundles, backups, other databases, encryption."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMainWindow, QMessageBox

from reviewtool.domain.changes import EVERYTHING, Changes
from reviewtool.domain.errors import OtherDatabaseBackup, ReviewtoolError
from reviewtool.services.store import Store
from reviewtool.ui.operations import confirm_risky, run_in_background, show_error

if TYPE_CHECKING:
    from reviewtool.ui.reviews_page import ReviewsPage

    _Window = QMainWindow
else:
    _Window = object

from reviewtool.services.exchange.bundle_export import export_bundle
from reviewtool.services.exchange.bundle_import import import_bundle_files
from reviewtool.services.safety.backups import make_backup, restore_backup


class FileActions(_Window):
    """Mixed into the main window, which provides these attributes."""

    store: Store
    reviews: ReviewsPage
    open_database: Any
    _store_replaced: bool
    apply_changes: Callable[[Changes], None]

    def import_bundles(self) -> None:
        if not self.reviews.editor.maybe_save():
            return
        files, _ = QFileDialog.getOpenFileNames(
            self, "Import review bundles", "", "Review bundles (*.rtbundle.json *.json)"
        )
        if not files:
            return
        paths = [Path(f) for f in files]

        self._import_paths(paths, None)

    def _import_paths(self, paths: list[Path], passphrase: str | None) -> None:
        def work(progress: object) -> object:
            return import_bundle_files(
                self.store,
                paths,
                progress=progress,  # type: ignore[arg-type]
                backup_first=True,
                identifiers_passphrase=passphrase,
            )

        def done(report: Any) -> None:
            self.apply_changes(report.changes)
            QMessageBox.information(self, "Import finished", report.describe())
            if report.sealed_not_opened and passphrase is None:
                # The reviews are in; importing again with the passphrase adds the
                # identifiers (the reviews themselves are then unchanged).
                typed = _ask_text(
                    self,
                    "Sealed identifiers",
                    "The bundle's identifiers are sealed with a passphrase.\n"
                    "Type it to open them (Cancel leaves them behind):",
                )
                if typed:
                    self._import_paths(paths, typed)

        run_in_background(self, "Importing bundles…", work, done)

    def export_bundle(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export reviews", "reviews.rtbundle.json", "Review bundles (*.rtbundle.json)"
        )
        if not path:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Export reviews",
            "Include the protected identifiers (real names, addresses, schools)?\n\n"
            "Sealed: encrypted with a passphrase that the receiving laptop knows.\n"
            "Plain: only if the file stays within your organisation's secure systems.",
            parent=self,
        )
        leave = box.addButton("Leave them out", QMessageBox.ButtonRole.RejectRole)
        sealed = box.addButton("Sealed with a passphrase…", QMessageBox.ButtonRole.AcceptRole)
        plain = box.addButton("Plain", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(leave)
        box.exec()
        include = box.clickedButton() is plain
        passphrase = None
        if box.clickedButton() is sealed:
            passphrase = _ask_text(
                self, "Seal the identifiers", "Passphrase (8 characters or more):"
            )
            if not passphrase:
                return
            if _ask_text(self, "Seal the identifiers", "Type the passphrase again:") != passphrase:
                QMessageBox.warning(self, "Not exported", "The two passphrases are not the same.")
                return
            if len(passphrase) < 8:
                QMessageBox.warning(self, "Not exported", "The passphrase is too short.")
                return
        run_in_background(
            self,
            "Exporting…",
            lambda progress: export_bundle(
                self.store,
                Path(path),
                include_identifiers=include,
                progress=progress,
                identifiers_passphrase=passphrase,
            ),
            lambda result: self.statusBar().showMessage(
                f"Exported {result.reviews} reviews to {result.path}", 8000
            ),
        )

    def backup_now(self) -> None:
        try:
            path = make_backup(self.store)
        except ReviewtoolError as error:
            show_error(self, "Backup failed", error)
            return
        QMessageBox.information(self, "Backup", f"Backed up to\n{path}")

    def restore(self) -> None:
        if not self.reviews.editor.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Restore from a backup",
            str(self.store.backup_dir),
            "reviewtool backups (*.sqlite3)",
        )
        if not path:
            return
        if not confirm_risky(
            self,
            "Restore from backup",
            f"Replace everything in the database with the backup\n{path}?\n\n"
            "The current state is backed up first.",
        ):
            return
        try:
            result = restore_backup(self.store, Path(path))
        except OtherDatabaseBackup as error:
            if not confirm_risky(
                self,
                "A backup of another database",
                # The command-line hint at the end is replaced by this question.
                f"{str(error).split(' If ')[0]}\n\nReplace everything in this database "
                "with it anyway?",
            ):
                return
            try:
                result = restore_backup(self.store, Path(path), from_other_database=True)
            except ReviewtoolError as again:
                show_error(self, "Not restored", again)
                return
        except ReviewtoolError as error:
            show_error(self, "Not restored", error)
            return
        self.apply_changes(EVERYTHING)
        QMessageBox.information(
            self, "Restored", f"Restored. The previous state is kept in\n{result.safety_backup}"
        )

    def choose_database_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Open or create a database file",
            "",
            "reviewtool databases (*.sqlite3)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self._switch_database(path)

    def connect_server(self) -> None:
        url, ok = QInputDialog.getText(
            self,
            "Connect to a server",
            "PostgreSQL address (postgresql://user:password@host/database):",
        )
        if ok and url.strip():
            self._switch_database(url.strip())

    def _new_passphrase(self) -> str | None:
        first, ok = QInputDialog.getText(
            self,
            "Passphrase",
            "New passphrase (at least 8 characters). Without it the data "
            "cannot be recovered: keep it safe.",
            QLineEdit.EchoMode.Password,
        )
        if not ok or not first:
            return None
        second, ok = QInputDialog.getText(
            self, "Passphrase", "Type it again:", QLineEdit.EchoMode.Password
        )
        if not ok:
            return None
        if second != first:
            QMessageBox.warning(self, "Passphrase", "The two passphrases are not the same.")
            return None
        return first

    def encrypt_database(self) -> None:
        if self.store.database.path is None or self.store.database.encrypted:
            QMessageBox.information(
                self, "Encrypt", "Only an unencrypted local database file can be encrypted."
            )
            return
        from reviewtool.services.safety.encryption import encrypt_database

        self._with_new_passphrase(
            lambda passphrase: encrypt_database(self.store, passphrase),
            "Not encrypted",
            "The database and its backups are now encrypted.",
        )

    def change_passphrase(self) -> None:
        if not self.store.database.encrypted:
            QMessageBox.information(self, "Passphrase", "This database is not encrypted.")
            return
        from reviewtool.services.safety.encryption import change_passphrase

        self._with_new_passphrase(
            lambda passphrase: change_passphrase(self.store, passphrase),
            "Passphrase not changed",
            "The passphrase has been changed.",
        )

    def _with_new_passphrase(self, change: Any, failed: str, done: str) -> None:
        """Ask for a new passphrase, apply ``change`` to the closed file, reopen with it."""
        if not self.reviews.editor.maybe_save():
            return
        passphrase = self._new_passphrase()
        if passphrase is None:
            return
        from reviewtool.services.safety.encryption import check_new_passphrase

        url = str(self.store.database.path)
        try:
            check_new_passphrase(passphrase)
            change(passphrase)
        except ReviewtoolError as error:
            show_error(self, failed, error)
            return
        QMessageBox.information(self, "Passphrase", done)
        self._store_replaced = True  # the file changed under this window's connection
        if self.open_database is not None:
            self.open_database(url, passphrase)

    def _switch_database(self, url: str) -> None:
        if self.open_database is None or not self.reviews.editor.maybe_save():
            return
        self.open_database(url)  # type: ignore[operator]


def _ask_text(parent: QMainWindow, title: str, label: str) -> str | None:
    """A passphrase typed in a box that hides it; None on Cancel."""
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return text if ok and text else None
