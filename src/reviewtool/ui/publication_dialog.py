"""When the publication check blocks an export: show each hit, allow an override with a reason."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from reviewtool.services.outputs.publication import PublicationBlocked


def ask_override_reason(parent: QWidget, error: PublicationBlocked) -> str | None:
    """The reason to write it anyway, or None to go back and edit the text."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Publication check")
    box.setText(
        f"The publication check found {len(error.hits)} thing"
        f"{'s' if len(error.hits) != 1 else ''} that may identify someone. "
        "Nothing has been written."
    )
    box.setDetailedText("\n".join(f"{hit.where}: {hit.rule}: {hit.context}" for hit in error.hits))
    box.setInformativeText(
        "\n".join(f"- {hit.where}: {hit.rule} ({hit.found})" for hit in error.hits[:8])
    )
    edit = box.addButton("Go back and edit", QMessageBox.ButtonRole.RejectRole)
    override = box.addButton("Override with a reason…", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(edit)
    box.exec()
    if box.clickedButton() is not override:
        return None
    reason, ok = QInputDialog.getText(
        parent,
        "Override the publication check",
        "Why is it safe to write this? (recorded in the audit trail)",
    )
    return reason.strip() if ok and reason.strip() else None
