"""The main window: navigation, menus, toolbar and status bar around the pages."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reviewtool import __version__
from reviewtool.domain.changes import Changes
from reviewtool.domain.errors import ReviewtoolError
from reviewtool.services.reviews.listing import count_reviews
from reviewtool.services.safety.backups import backup_if_due
from reviewtool.services.store import Store
from reviewtool.ui.accessibility import install_focus_ring, show_tick_boxes
from reviewtool.ui.file_actions import FileActions
from reviewtool.ui.garbage import GuiThreadGarbageCollector
from reviewtool.ui.keyboard import release_tab
from reviewtool.ui.operations import show_error
from reviewtool.ui.report_actions import ReportActions
from reviewtool.ui.responsive import scrolling
from reviewtool.ui.review_actions import ReviewActions
from reviewtool.ui.reviews_page import ReviewsPage

if TYPE_CHECKING:
    from reviewtool.ui.actions_page import ActionsPage
    from reviewtool.ui.codebook_page import CodebookPage
    from reviewtool.ui.dashboard_page import DashboardPage
    from reviewtool.ui.learning.learning_page import LearningPage
    from reviewtool.ui.settings_page import SettingsPage

PAGES = ("Dashboard", "Reviews", "Actions", "Codebook", "Settings", "Learning")
SHORTCUTS = [
    ("Ctrl+N", "New review"),
    ("Ctrl+S", "Save the review"),
    ("Ctrl+F", "Search reviews"),
    ("Ctrl+I", "Import bundles"),
    ("Ctrl+E", "Export a bundle"),
    ("Ctrl+1 … Ctrl+5", "Go to a page"),
    ("Alt+1 … Alt+8", "Go to a tab of the review (Ctrl+Tab: the workflow tabs)"),
    ("Tab / Shift+Tab", "Next / previous control (leaves every list and table)"),
    ("Arrow keys", "Move inside a list, table or tree"),
    ("Space", "Tick or untick (in the factors: the role under the cursor)"),
    ("Delete", "Remove the selected learning point or action"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo in a text field"),
    ("Alt+letter", "Underlined controls; Alt+F/E/V/R/P/H open the menus"),
    ("Ctrl+Q", "Quit"),
]


class MainWindow(ReviewActions, FileActions, ReportActions, QMainWindow):
    def __init__(
        self, store: Store, today: date | None = None, open_database: object = None
    ) -> None:
        super().__init__()
        GuiThreadGarbageCollector(self)  # Qt objects must never be freed on a worker thread
        self.store = store
        self.today = today or date.today()
        self.open_database = open_database  # callable(url) supplied by the app, or None
        self.setWindowTitle("reviewtool")
        self.resize(1360, 860)

        # Only the review list is built at start; the other pages when first shown.
        self.reviews = ReviewsPage(store, self.today)
        self._pages: dict[int, QWidget] = {1: self.reviews}
        self._slots = [QWidget() for _ in PAGES]
        self.stack = QStackedWidget()
        for slot in self._slots:
            QVBoxLayout(slot).setContentsMargins(0, 0, 0, 0)
            self.stack.addWidget(slot)
        self._slots[1].layout().addWidget(self.reviews)  # type: ignore[union-attr]
        self.nav = QListWidget()
        self.nav.setAccessibleName("Sections")
        self.nav.addItems(PAGES)
        # As wide as its longest entry at any scale; it never scrolls sideways.
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setTextElideMode(Qt.TextElideMode.ElideRight)
        nav_width = max(self.nav.fontMetrics().horizontalAdvance(p) for p in PAGES) + 32
        self.nav.setFixedWidth(nav_width)
        self.nav.currentRowChanged.connect(self.show_page)
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        splitter.setSizes([nav_width, 10 * nav_width])
        self.setCentralWidget(splitter)

        self.database_label = QLabel()
        self.count_label = QLabel()
        self.save_label = QLabel("All changes saved")
        for label in (self.database_label, self.count_label, self.save_label):
            self.statusBar().addPermanentWidget(label)

        self._build_actions()
        release_tab(self)
        show_tick_boxes(self)
        install_focus_ring()
        self.reviews.countChanged.connect(self._show_count)
        self.reviews.editor.dirtyChanged.connect(self._show_dirty)
        self.reviews.editor.convertRequested.connect(self.convert_current)
        self._connect_briefing_buttons()
        self.reviews.editor.saved.connect(lambda _id: self.statusBar().showMessage("Saved", 3000))
        self.database_label.setText(store.describe())
        self.nav.setCurrentRow(1)
        self.reviews.refresh()
        geometry = QSettings("reviewtool", "reviewtool").value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)  # type: ignore[arg-type]

    # --- menus -----------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)  # type: ignore[arg-type]
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(
            "&New review…", self.new_review, QKeySequence.StandardKey.New
        )
        self.import_action = self._action("&Import bundles…", self.import_bundles, "Ctrl+I")
        self.export_action = self._action("&Export bundle…", self.export_bundle, "Ctrl+E")
        backup = self._action("&Back up now", self.backup_now)
        restore = self._action("&Restore from backup…", self.restore)
        open_db = self._action("&Open database file…", self.choose_database_file)
        self.encrypt_action = self._action("E&ncrypt this database…", self.encrypt_database)
        self.rekey_action = self._action("Change the &passphrase…", self.change_passphrase)
        connect = self._action("&Connect to server…", self.connect_server)
        quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        file_menu = self.menuBar().addMenu("&File")
        for item in (
            self.new_action,
            self.import_action,
            self.export_action,
            None,
            backup,
            restore,
            None,
            open_db,
            connect,
            self.encrypt_action,
            self.rekey_action,
            None,
            quit_action,
        ):
            file_menu.addSeparator() if item is None else file_menu.addAction(item)

        self.save_action = self._action(
            "&Save review", self.reviews.editor.save, QKeySequence.StandardKey.Save
        )
        find = self._action("&Find…", self.focus_search, QKeySequence.StandardKey.Find)
        undo = self._action(
            "&Undo", lambda: self._edit_focused("undo"), QKeySequence.StandardKey.Undo
        )
        redo = self._action(
            "&Redo", lambda: self._edit_focused("redo"), QKeySequence.StandardKey.Redo
        )
        edit_menu = self.menuBar().addMenu("&Edit")
        for item in (undo, redo, None, self.save_action, find):
            edit_menu.addSeparator() if item is None else edit_menu.addAction(item)

        view_menu = self.menuBar().addMenu("&View")
        for number, name in enumerate(PAGES):
            view_menu.addAction(
                self._action(
                    f"&{name}",
                    lambda _=False, n=number: self.nav.setCurrentRow(n),
                    f"Ctrl+{number + 1}",
                )
            )

        self.convert_action = self._action("&Convert to CSPR", self.convert_current)
        delete = self._action("&Delete review…", self.delete_current)
        reviews_menu = self.menuBar().addMenu("&Reviews")
        reviews_menu.addAction(self.new_action)
        reviews_menu.addAction(self.convert_action)
        reviews_menu.addAction(delete)
        reviews_menu.addSeparator()
        reviews_menu.addAction(self._action("Map recorded &ethnicity…", self.map_ethnicity))

        self.briefing_action = self._action(
            "7-minute &briefing for this review…", self.export_briefing
        )
        self.preview_action = self._action("&Preview this review's briefing", self.preview_briefing)
        topic = self._action("&Topic briefing…", self.topic_briefing)
        self.slides_action = self._action("Learning &slides…", self.learning_slides)
        self.thematic_action = self._action("T&hematic review…", self.thematic_review, "Ctrl+T")
        reports_menu = self.menuBar().addMenu("Re&ports")
        for item in (
            self.preview_action,
            self.briefing_action,
            topic,
            None,
            self.slides_action,
            self.thematic_action,
        ):
            reports_menu.addSeparator() if item is None else reports_menu.addAction(item)

        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self._action("&Keyboard shortcuts", self.show_shortcuts, "F1"))
        help_menu.addAction(self._action("&About reviewtool", self.show_about))

        toolbar = QToolBar("Main")
        toolbar.setObjectName("main-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for item in (self.new_action, self.import_action, self.export_action, self.save_action):
            toolbar.addAction(item)
        self.addToolBar(toolbar)

    def map_ethnicity(self) -> None:
        from reviewtool.ui.ethnicity_dialog import EthnicityDialog

        EthnicityDialog(self, self.store).exec()

    # --- pages -----------------------------------------------------------------------
    def _page(self, number: int) -> QWidget:
        """The page at ``number``, built the first time it is needed."""
        page = self._pages.get(number)
        if page is None:
            if number == 0:
                from reviewtool.ui.dashboard_page import DashboardPage

                page = DashboardPage(self.store, self.today)
                page.openReview.connect(self.open_review)
            elif number == 2:
                from reviewtool.ui.actions_page import ActionsPage

                page = ActionsPage(self.store, self.today)
                page.openReview.connect(self.open_review)
            elif number == 3:
                from reviewtool.ui.codebook_page import CodebookPage

                page = CodebookPage(self.store)
                page.codebookChanged.connect(self._codebook_changed)
            elif number == 5:
                from reviewtool.ui.learning.learning_page import LearningPage

                page = LearningPage(self.store, self.today)
            else:
                from reviewtool.ui.settings_page import SettingsPage

                page = SettingsPage(self.store)
                page.settingsChanged.connect(self._settings_changed)
            release_tab(page)
            show_tick_boxes(page)
            self._pages[number] = page
            # A tall page scrolls rather than pushing the window off a small (or 200%) screen.
            shown = scrolling(page) if number == 5 else page
            self._slots[number].layout().addWidget(shown)  # type: ignore[union-attr]
        return page

    @property
    def dashboard(self) -> DashboardPage:
        return self._page(0)  # type: ignore[return-value]

    @property
    def actions_page(self) -> ActionsPage:
        return self._page(2)  # type: ignore[return-value]

    @property
    def codebook(self) -> CodebookPage:
        return self._page(3)  # type: ignore[return-value]

    @property
    def learning_page(self) -> LearningPage:
        return self._page(5)  # type: ignore[return-value]

    @property
    def settings_page(self) -> SettingsPage:
        return self._page(4)  # type: ignore[return-value]

    def show_page(self, row: int) -> None:
        page = self._page(row)
        self.stack.setCurrentIndex(row)
        if page is not self.reviews:
            page.refresh()  # type: ignore[attr-defined]

    def _edit_focused(self, what: str) -> None:
        """Undo or redo in the text field that has the focus (each field keeps its history)."""
        widget = QApplication.focusWidget()
        if widget is not None and hasattr(widget, what):
            getattr(widget, what)()

    def focus_search(self) -> None:
        self.nav.setCurrentRow(1)
        self.reviews.search.setFocus()
        self.reviews.search.selectAll()

    def open_review(self, review_id: str) -> None:
        if not self.reviews.editor.maybe_save():
            return
        self.nav.setCurrentRow(1)
        self.reviews.open(review_id)

    def _show_count(self, shown: int, best_only: bool = False) -> None:
        total = count_reviews(self.store)
        if best_only:
            # A search lists only its best matches: say so, or a user reads the count as all.
            self.count_label.setText(f"Best {shown:,} matches of {total:,} reviews")
            self.count_label.setToolTip(
                "More reviews may match: add a word or a filter to narrow the search."
            )
            return
        self.count_label.setToolTip("")
        self.count_label.setText(
            f"{total:,} reviews" if shown == total else f"{shown:,} of {total:,} reviews"
        )

    def _show_dirty(self, dirty: bool) -> None:
        self.save_label.setText("Unsaved changes" if dirty else "All changes saved")

    def _connect_briefing_buttons(self) -> None:
        briefing = self.reviews.editor.briefing
        briefing.preview_button.clicked.connect(self.preview_briefing)
        briefing.export_button.clicked.connect(self.export_briefing)

    def _codebook_changed(self) -> None:
        self.apply_changes(Changes(codebook=True))

    def apply_changes(self, changes: Changes) -> None:
        """Every view brings itself up to date from what a user action changed."""
        if changes.codebook and self.reviews.editor.maybe_save():
            self.reviews.editor.build_tabs()
            self._connect_briefing_buttons()
        self.reviews.apply_changes(changes)
        shown = self._pages.get(self.stack.currentIndex())
        if (
            shown is not None
            and shown is not self.reviews
            and (changes.reviews or changes.codebook)
        ):
            shown.refresh()  # type: ignore[attr-defined]

    def _settings_changed(self) -> None:
        if self.reviews.editor.maybe_save():
            self.reviews.editor.build_tabs()
            self._connect_briefing_buttons()

    # --- reports -----------------------------------------------------------------------
    # --- files -------------------------------------------------------------------------
    # --- help and closing ---------------------------------------------------------------
    def show_shortcuts(self) -> None:
        rows = "".join(f"<tr><td><b>{key}</b></td><td>{what}</td></tr>" for key, what in SHORTCUTS)
        QMessageBox.information(
            self, "Keyboard shortcuts", f"<table cellpadding='3'>{rows}</table>"
        )

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About reviewtool",
            f"<h3>reviewtool {__version__}</h3><p>Learning from child safeguarding case reviews: "
            "rapid reviews, local reviews, factors and themes, briefings and action tracking.</p>"
            f"<p>{self.store.describe()}</p>",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.reviews.editor.maybe_save():
            event.ignore()
            return
        QSettings("reviewtool", "reviewtool").setValue("geometry", self.saveGeometry())
        if getattr(self, "_store_replaced", False):
            event.accept()
            return
        try:
            backup_if_due(self.store)
        except ReviewtoolError as error:
            show_error(self, "Automatic backup failed", error)
        event.accept()
