"""The editor of one review: tabs, save, autosaved drafts, conflicts that lose nothing."""

from __future__ import annotations

import contextlib
from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reviewtool.bundle.schema import ReviewRecord
from reviewtool.domain.enums import ReviewKind
from reviewtool.domain.errors import EditConflict, ReviewtoolError
from reviewtool.domain.suggestions import Suggestion
from reviewtool.services.audit import review_audit_trail
from reviewtool.services.codebook import list_codes
from reviewtool.services.reviews.conflicts import list_review_conflicts
from reviewtool.services.reviews.drafts import discard_draft, load_draft, save_draft
from reviewtool.services.reviews.editing import LoadedReview, get_review, save_review
from reviewtool.services.reviews.history import remove_from_history
from reviewtool.services.reviews.search import match_pattern
from reviewtool.services.reviews.suggestions import (
    add_indicator,
    record_decision,
    suggestions_for_review,
)
from reviewtool.services.reviews.tags import known_tags
from reviewtool.services.settings import DEFAULT_REFLECTIVE_QUESTIONS, load_settings
from reviewtool.services.store import Store
from reviewtool.ui.accessibility import show_tick_boxes
from reviewtool.ui.conflict_view import ConflictNotice, resolve_conflicts
from reviewtool.ui.editor.actions_tab import ActionsTab
from reviewtool.ui.editor.base import EditorTab
from reviewtool.ui.editor.briefing_tab import BriefingTab
from reviewtool.ui.editor.children_tab import ChildrenTab
from reviewtool.ui.editor.details_tab import DetailsTab
from reviewtool.ui.editor.factors_tab import FactorsTab
from reviewtool.ui.editor.history_tab import HistoryTab, local_time
from reviewtool.ui.editor.identifiers_tab import IdentifiersTab
from reviewtool.ui.editor.learning_tab import LearningTab
from reviewtool.ui.editor.search_marks import mark_matches
from reviewtool.ui.editor.workflow_tabs import WorkflowTabs
from reviewtool.ui.keyboard import focus_first_field, release_tab
from reviewtool.ui.operations import show_error
from reviewtool.ui.responsive import scrolling

AUTOSAVE_MILLISECONDS = 15_000
TAB_NAMES = (
    "Details",
    "Children",
    "Identifiers",
    "Factors",
    "Learning",
    "Actions",
    "Briefing",
    "History",
)


class ReviewEditor(QWidget):
    saved = Signal(str)
    dirtyChanged = Signal(bool)
    convertRequested = Signal(str)

    def __init__(self, store: Store, today: date) -> None:
        super().__init__()
        self.store = store
        self.today = today
        self.loaded: LoadedReview | None = None
        self._dirty = False
        self._loading = False
        self.heading = QLabel("Select a review, or create one with File > New review (Ctrl+N).")
        self.heading.setAccessibleName("Review being edited")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        # Ctrl+S saves; no Alt letter, so the Details tab can have one per field.
        self.save_button = QPushButton("Save")
        self.save_button.setToolTip("Save this review (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        self.convert_button = QPushButton("Co&nvert to CSPR")
        self.convert_button.setToolTip("Create the local review this rapid review led to")
        self.convert_button.clicked.connect(
            lambda: self.convertRequested.emit(self.review_id or "")
        )
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Parts of the review")
        self.build_tabs()
        # Alt+1 … Alt+7 open the tabs: the letters are left to the fields on them.
        for number in range(1, len(TAB_NAMES) + 1):
            shortcut = QShortcut(QKeySequence(f"Alt+{number}"), self)
            shortcut.activated.connect(lambda n=number: self.show_tab(n - 1))
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.convert_button)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        self.conflict_notice = ConflictNotice()
        self.conflict_notice.resolveRequested.connect(self.resolve_conflicts)
        layout.addWidget(self.conflict_notice)
        layout.addWidget(self.tabs)
        self.autosave = QTimer(self)
        self.autosave.setInterval(AUTOSAVE_MILLISECONDS)
        self.autosave.timeout.connect(self.autosave_draft)
        self.autosave.start()
        self._enable(False)

    def build_tabs(self) -> None:
        """(Re)build the tabs, e.g. after the codebook or the settings changed."""
        settings = load_settings(self.store)
        self.details = DetailsTab(self.today)
        self.children_tab = ChildrenTab()
        self.identifiers = IdentifiersTab()
        self.factors = FactorsTab(list_codes(self.store, with_usage=False), known_tags(self.store))
        self.learning = LearningTab()
        self.actions_tab = ActionsTab(self.today)
        self.briefing = BriefingTab(settings.briefing_headings, list(DEFAULT_REFLECTIVE_QUESTIONS))
        self.history = HistoryTab()
        self.editing_tabs: list[EditorTab] = [
            self.details,
            self.children_tab,
            self.identifiers,
            self.factors,
            self.learning,
            self.actions_tab,
            self.briefing,
        ]
        self.tabs.clear()
        for number, (tab, name) in enumerate(
            zip([*self.editing_tabs, self.history], TAB_NAMES, strict=True), start=1
        ):
            self.tabs.addTab(scrolling(tab), name)
            self.tabs.setTabToolTip(number - 1, f"{name} (Alt+{number})")
        release_tab(self.tabs)
        show_tick_boxes(self.tabs)
        for tab in self.editing_tabs:
            tab.changed.connect(self._changed)
        self.factors.suggest_button.clicked.connect(self.suggest_codes)
        self.history.remove_button.clicked.connect(self.remove_identifying_text)
        self.workflow = WorkflowTabs(self.tabs, self.store, self.today, self._workflow_saved)
        self._open_workflow()
        self.factors.decided.connect(self._remember_decision)
        self.factors.phrase_wanted.connect(self.add_phrase)
        if self.loaded is not None:
            self._show(self.loaded.record)

    def _workflow_saved(self) -> None:
        if self.loaded is not None:
            self.history.show_entries(review_audit_trail(self.store, self.loaded.record.id))

    def _open_workflow(self) -> None:
        record = self.loaded.record if self.loaded else None
        self.workflow.open_review(record.id if record else None, record.kind if record else None)

    def show_tab(self, number: int) -> None:
        if self.tabs.isEnabled():
            self.tabs.setCurrentIndex(number)
            focus_first_field(self.tabs.currentWidget())

    @property
    def review_id(self) -> str | None:
        return self.loaded.record.id if self.loaded else None

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)
        self._update_heading()

    def _changed(self) -> None:
        if not self._loading and self.loaded is not None:
            self._set_dirty(True)

    def _enable(self, enabled: bool) -> None:
        self.tabs.setEnabled(enabled)
        self.save_button.setEnabled(enabled)
        self.convert_button.setVisible(
            enabled
            and self.loaded is not None
            and self.loaded.record.kind is ReviewKind.RAPID_REVIEW
        )

    def _update_heading(self) -> None:
        if self.loaded is None:
            return
        record = self.loaded.record
        mark = " *" if self._dirty else ""
        self.heading.setText(f"{record.title} - {record.kind.label} ({record.reference}){mark}")

    def _show(self, record: ReviewRecord) -> None:
        self._loading = True
        try:
            for tab in self.editing_tabs:
                tab.load(record)
        finally:
            self._loading = False

    def open_review(self, review_id: str) -> None:
        loaded = get_review(self.store, review_id)
        self.loaded = loaded
        self._show(loaded.record)
        self.history.show_entries(review_audit_trail(self.store, review_id))
        self._open_workflow()
        self.conflict_notice.show_conflicts(list_review_conflicts(self.store, review_id))
        self._set_dirty(False)
        self._enable(True)
        self._offer_draft(loaded)

    def highlight_search(self, text: str) -> int:
        """Mark the words a list search for ``text`` matched (none when it is empty)."""
        return mark_matches(self.tabs, match_pattern(text) if text.strip() else None)

    def resolve_conflicts(self) -> None:
        """Compare this review with another computer's copies and settle them (after saving
        what is on screen, so nothing typed is lost)."""
        if self.loaded is None or not self.maybe_save():
            return
        review_id = self.loaded.record.id
        current, resolved = resolve_conflicts(self.store, self.loaded, self.today, self)
        if not resolved:
            return
        if current is None:
            self.clear()
        else:
            self.open_review(review_id)
        self.saved.emit(review_id)

    def _offer_draft(self, loaded: LoadedReview) -> None:
        draft = load_draft(loaded.record.id, self.store.database.passphrase)
        if draft is None:
            return
        if draft == loaded.record:
            discard_draft(loaded.record.id)
            return
        answer = QMessageBox.question(
            self,
            "Unsaved changes found",
            f"There are unsaved changes to {loaded.record.reference} from an earlier session "
            f"(autosaved {local_time(draft.updated_at):%d/%m/%Y %H:%M}).\n\nRestore them?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._show(draft)
            self._set_dirty(True)
        else:
            discard_draft(loaded.record.id)

    def suggest_codes(self) -> None:
        """Propose codes from the text as it is now on screen (saved or not)."""
        if self.loaded is None:
            return
        try:
            record = self.collect()
        except ReviewtoolError as error:
            show_error(self, "Suggestions", error)
            return
        self.factors.show_suggestions(suggestions_for_review(self.store, record))

    def _remember_decision(self, suggestion: Suggestion | None, accepted: bool) -> None:
        if self.loaded is None or suggestion is None:
            return
        try:
            record_decision(self.store, self.loaded.record.id, suggestion, accepted)
        except ReviewtoolError as error:
            show_error(self, "Suggestions", error)

    def add_phrase(self, code: str, sentence: str) -> None:
        """Ask which words of the sentence should suggest the code, and add them to it."""
        label = self.factors.codes[code].label if code in self.factors.codes else code
        phrase, ok = QInputDialog.getText(
            self,
            "Add a phrase to the code",
            f"Words that should suggest “{label}” in other reviews\n"
            "(keep only the words that point to it; they may come in any order):",
            text=sentence,
        )
        if not ok:
            return
        try:
            added = add_indicator(self.store, code, phrase)
        except ReviewtoolError as error:
            show_error(self, "Add a phrase", error)
            return
        note = "now suggests" if added else "already suggests"
        QMessageBox.information(
            self, "Add a phrase", f"“{' '.join(phrase.split())}” {note} “{label}”."
        )

    def remove_identifying_text(self) -> None:
        """Scrub the review's identifiers, and a text the user names, from its history."""
        if self.loaded is None:
            return
        text, ok = QInputDialog.getText(
            self,
            "Remove identifying text from history",
            "Text typed by mistake to remove as well (leave empty to remove only the\n"
            "review's protected identifiers). It is not recorded anywhere:",
        )
        if not ok:
            return
        reason, ok = QInputDialog.getText(
            self, "Remove identifying text from history", "Why (recorded in the audit trail):"
        )
        if not ok:
            return
        try:
            changed = remove_from_history(self.store, self.loaded.record.id, reason, text)
        except ReviewtoolError as error:
            show_error(self, "History not changed", error)
            return
        self.history.show_entries(review_audit_trail(self.store, self.loaded.record.id))
        QMessageBox.information(
            self,
            "History",
            f"Identifying text removed from {changed} entr{'ies' if changed != 1 else 'y'}.",
        )

    def clear(self) -> None:
        self.loaded = None
        self._open_workflow()
        self.conflict_notice.setVisible(False)
        self._set_dirty(False)
        self._enable(False)
        self.heading.setText("Select a review, or create one with File > New review (Ctrl+N).")

    def collect(self) -> ReviewRecord:
        """The review as now on screen; :class:`InvalidInput` if a field cannot be read."""
        assert self.loaded is not None
        record = self.loaded.record.model_copy(deep=True)
        for tab in self.editing_tabs:
            tab.apply(record)
        return record

    def autosave_draft(self) -> None:
        if self.loaded is None or not self._dirty:
            return
        # A half-typed date cannot be saved yet: the next tick will catch the text. An
        # encrypted database's draft is encrypted with its passphrase, never plain.
        with contextlib.suppress(ReviewtoolError, OSError):
            save_draft(self.collect(), self.store.database.passphrase)

    def save(self) -> bool:
        """Save; on a conflict or an error say so and keep everything on screen."""
        if self.loaded is None:
            return True
        try:
            record = self.collect()
            saved = save_review(self.store, record, self.loaded.version, today=self.today)
        except EditConflict as error:
            where = "\n\nYour text is kept on screen."
            with contextlib.suppress(ReviewtoolError, OSError):
                kept = save_draft(self.collect(), self.store.database.passphrase)
                where = f"\n\nYour text is kept on screen and in {kept}."
            QMessageBox.warning(
                self, "Not saved: someone else changed this review", str(error) + where
            )
            return False
        except ReviewtoolError as error:
            show_error(self, "Not saved", error)
            return False
        discard_draft(saved.record.id)
        self.loaded = saved
        self._show(saved.record)
        self.history.show_entries(review_audit_trail(self.store, saved.record.id))
        self._set_dirty(False)
        self._enable(True)
        self.saved.emit(saved.record.id)
        return True

    def discard_changes(self) -> None:
        if self.loaded is not None:
            discard_draft(self.loaded.record.id)
            self._show(self.loaded.record)
            self._set_dirty(False)

    def maybe_save(self) -> bool:
        """Before switching away: save, discard or stay. True when it is safe to go on."""
        if not self.workflow.maybe_save():
            return False
        if not self._dirty or self.loaded is None:
            return True
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            f"Save the changes to {self.loaded.record.reference} before moving on?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.discard_changes()
            return True
        return False
