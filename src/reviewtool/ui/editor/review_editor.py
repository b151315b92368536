"""The editor of one review: tabs, save, autosaved drafts, conflicts that lose nothing."""

from __future__ import annotations

import contextlib
from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
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
from reviewtool.services.audit import review_audit_trail
from reviewtool.services.codebook import list_codes
from reviewtool.services.reviews.conflicts import list_review_conflicts
from reviewtool.services.reviews.drafts import discard_draft, load_draft, save_draft
from reviewtool.services.reviews.editing import LoadedReview, get_review, save_review
from reviewtool.services.reviews.suggestions import indicator_phrases, suggestions_for
from reviewtool.services.reviews.tags import known_tags
from reviewtool.services.settings import DEFAULT_REFLECTIVE_QUESTIONS, load_settings
from reviewtool.services.store import Store
from reviewtool.ui.conflict_view import ConflictNotice, resolve_conflicts
from reviewtool.ui.editor.actions_tab import ActionsTab
from reviewtool.ui.editor.base import EditorTab
from reviewtool.ui.editor.briefing_tab import BriefingTab
from reviewtool.ui.editor.children_tab import ChildrenTab
from reviewtool.ui.editor.details_tab import DetailsTab
from reviewtool.ui.editor.factors_tab import FactorsTab
from reviewtool.ui.editor.history_tab import HistoryTab
from reviewtool.ui.editor.learning_tab import LearningTab
from reviewtool.ui.operations import show_error

AUTOSAVE_MILLISECONDS = 15_000


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
        self.save_button = QPushButton("&Save")
        self.save_button.setToolTip("Save this review (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        self.convert_button = QPushButton("Convert to &CSPR")
        self.convert_button.setToolTip("Create the local review this rapid review led to")
        self.convert_button.clicked.connect(
            lambda: self.convertRequested.emit(self.review_id or "")
        )
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Parts of the review")
        self.build_tabs()
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
        self.factors = FactorsTab(list_codes(self.store, with_usage=False), known_tags(self.store))
        self.learning = LearningTab()
        self.actions_tab = ActionsTab(self.today)
        self.briefing = BriefingTab(settings.briefing_headings, list(DEFAULT_REFLECTIVE_QUESTIONS))
        self.history = HistoryTab()
        self.editing_tabs: list[EditorTab] = [
            self.details,
            self.children_tab,
            self.factors,
            self.learning,
            self.actions_tab,
            self.briefing,
        ]
        self.tabs.clear()
        names = [
            "&Details",
            "C&hildren",
            "&Factors",
            "&Learning",
            "Ac&tions",
            "&Briefing",
            "Histor&y",
        ]
        for tab, name in zip([*self.editing_tabs, self.history], names, strict=True):
            self.tabs.addTab(tab, name)
        for tab in self.editing_tabs:
            tab.changed.connect(self._changed)
        self.factors.suggest_button.clicked.connect(self.suggest_codes)
        if self.loaded is not None:
            self._show(self.loaded.record)

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
        self.conflict_notice.show_conflicts(list_review_conflicts(self.store, review_id))
        self._set_dirty(False)
        self._enable(True)
        self._offer_draft(loaded)

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
        draft = load_draft(loaded.record.id)
        if draft is None:
            return
        if draft == loaded.record:
            discard_draft(loaded.record.id)
            return
        answer = QMessageBox.question(
            self,
            "Unsaved changes found",
            f"There are unsaved changes to {loaded.record.reference} from an earlier session "
            f"(autosaved {draft.updated_at:%d/%m/%Y %H:%M} UTC).\n\nRestore them?",
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
        self.factors.show_suggestions(suggestions_for(record, indicator_phrases(self.store)))

    def clear(self) -> None:
        self.loaded = None
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
        # An encrypted database's text is never written to a plain draft file.
        if self.loaded is None or not self._dirty or self.store.database.encrypted:
            return
        # A half-typed date cannot be saved yet: the next tick will catch the text.
        with contextlib.suppress(ReviewtoolError, OSError):
            save_draft(self.collect())

    def save(self) -> bool:
        """Save; on a conflict or an error say so and keep everything on screen."""
        if self.loaded is None:
            return True
        try:
            record = self.collect()
            saved = save_review(self.store, record, self.loaded.version, today=self.today)
        except EditConflict as error:
            where = "\n\nYour text is kept on screen."
            if not self.store.database.encrypted:
                with contextlib.suppress(ReviewtoolError, OSError):
                    where = f"\n\nYour text is kept on screen and in {save_draft(self.collect())}."
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
