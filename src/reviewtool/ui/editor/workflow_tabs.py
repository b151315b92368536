"""The statutory workflow's tabs in the review editor, shown for the kinds they belong to."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QTabWidget

from reviewtool.domain.enums import ReviewKind
from reviewtool.services.store import Store
from reviewtool.ui.editor.agency_returns_tab import AgencyReturnsTab
from reviewtool.ui.editor.milestones_tab import MilestonesTab
from reviewtool.ui.editor.panel_tab import PanelTab
from reviewtool.ui.editor.workflow_base import WorkflowTab
from reviewtool.ui.keyboard import release_tab
from reviewtool.ui.responsive import scrolling


class WorkflowTabs:
    """Adds the workflow tabs to the editor's tab widget and opens them with each review."""

    def __init__(
        self, tabs: QTabWidget, store: Store, today: date, on_saved: Callable[[], None]
    ) -> None:
        self.tabs = tabs
        self.agency_returns = AgencyReturnsTab(store, today)
        self.panel = PanelTab(store, today)
        self.milestones = MilestonesTab(store, today)
        # (tab, its title, the kinds of review it is shown for)
        self.members: list[tuple[WorkflowTab, str, tuple[ReviewKind, ...]]] = [
            (self.agency_returns, "Agency returns", (ReviewKind.RAPID_REVIEW,)),
            (self.panel, "Panel and report", (ReviewKind.RAPID_REVIEW,)),
            (self.milestones, "Milestones", (ReviewKind.CSPR,)),
        ]
        # Each scrolls rather than squeezing (or pushing the window off a small screen); the
        # editor's own tabs have Alt+1 to Alt+8, these are reached with Ctrl+Tab.
        self.pages = {tab: scrolling(tab) for tab, _title, _kinds in self.members}
        for tab, title, _kinds in self.members:
            tabs.addTab(self.pages[tab], title)
            release_tab(tab)
            tab.workflowSaved.connect(on_saved)

    def open_review(self, review_id: str | None, kind: ReviewKind | None) -> None:
        for tab, _title, kinds in self.members:
            shown = review_id is not None and kind in kinds
            self.tabs.setTabVisible(self.tabs.indexOf(self.pages[tab]), shown)
            tab.open_review(review_id if shown else None)

    def maybe_save(self) -> bool:
        """Before moving to another review: save what a workflow tab holds unsaved.

        False (and the person stays) when it cannot be saved; the error says why.
        """
        for tab, _title, _kinds in self.members:
            if tab.has_unsaved() and not tab.save_form():
                self.tabs.setCurrentWidget(self.pages[tab])
                return False
        return True
