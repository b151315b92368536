"""Preview and export a 7-minute briefing from the app."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reviewtool.domain.errors import ReviewtoolError
from reviewtool.reports.briefing_html import briefing_html
from reviewtool.services.outputs.briefings import briefing_model, export_briefing
from reviewtool.services.outputs.publication import PublicationBlocked
from reviewtool.services.store import Store
from reviewtool.ui.operations import run_in_background, show_error
from reviewtool.ui.publication_dialog import ask_override_reason

FILTERS = "PDF (*.pdf);;Accessible web page (*.html);;Word document (*.docx)"


def preview_briefing(parent: QWidget, store: Store, target: str) -> None:
    """Show the briefing as it will read (its accessible HTML twin) in a window."""
    try:
        model = briefing_model(store, target)
    except ReviewtoolError as error:
        show_error(parent, "No preview", error)
        return
    dialog = QDialog(parent)
    dialog.setWindowTitle(f"Preview: {model.title}")
    dialog.resize(760, 820)
    view = QTextBrowser()
    view.setAccessibleName("Briefing preview")
    view.setHtml(briefing_html(model))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    export = buttons.addButton("&Export…", QDialogButtonBox.ButtonRole.ActionRole)
    export.clicked.connect(lambda: export_briefing_dialog(dialog, store, target))
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(view)
    layout.addWidget(buttons)
    dialog.exec()


def export_briefing_dialog(parent: QWidget, store: Store, target: str) -> None:
    dialog = QFileDialog(parent, "Export the 7-minute briefing")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilters(FILTERS.split(";;"))
    dialog.setDefaultSuffix("pdf")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    plan = QCheckBox("Add the team action plan page (PDF)")
    layout = dialog.layout()
    if layout is not None:
        layout.addWidget(plan)
    if not dialog.exec() or not dialog.selectedFiles():
        return
    out = Path(dialog.selectedFiles()[0])
    if out.suffix.lower() not in (".pdf", ".html", ".docx"):
        out = out.with_suffix(".pdf")
    _write_checked(parent, store, target, out, plan.isChecked(), None)


def _write_checked(
    parent: QWidget, store: Store, target: str, out: Path, with_plan: bool, reason: str | None
) -> None:
    """Write in the background; if the publication check blocks it, offer the override."""

    def blocked(error: BaseException) -> None:
        if not isinstance(error, PublicationBlocked):
            show_error(parent, "Briefing not written", error)
            return
        given = ask_override_reason(parent, error)
        if given:
            _write_checked(parent, store, target, out, with_plan, given)

    def done(path: object) -> None:
        window = parent.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(f"Wrote {path}", 8000)

    run_in_background(
        parent,
        "Writing the briefing…",
        lambda _progress: export_briefing(store, target, out, with_plan, override_reason=reason),
        done,
        blocked,
    )
