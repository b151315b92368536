"""Tagging a review with the codebook: a tree by group, a click per role, evidence notes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from reviewtool.bundle.schema import FactorRecord, ReviewRecord
from reviewtool.domain.enums import CodeGroup, FactorRole
from reviewtool.domain.suggestions import Suggestion
from reviewtool.services.codebook import CodeEntry
from reviewtool.ui.accessibility import show_tick_boxes
from reviewtool.ui.editor.base import EditorTab, optional_text
from reviewtool.ui.keyboard import tick_with_keys
from reviewtool.ui.responsive import WrappingRow

ROLE_COLUMNS = {FactorRole.PRESENT: 1, FactorRole.LEARNING: 2, FactorRole.GOOD_PRACTICE: 3}
CODE = Qt.ItemDataRole.UserRole
SENTENCE = Qt.ItemDataRole.UserRole + 1
SUGGESTION = Qt.ItemDataRole.UserRole + 2


def _describe_tick(item: QTreeWidgetItem, role: FactorRole) -> None:
    """What a screen reader says for a tick cell, which shows no text of its own."""
    column = ROLE_COLUMNS[role]
    ticked = item.checkState(column) == Qt.CheckState.Checked
    item.setData(
        column,
        Qt.ItemDataRole.AccessibleTextRole,
        f"{role.label}: {'ticked' if ticked else 'not ticked'}",
    )


class FactorsTab(EditorTab):
    decided = Signal(object, bool)
    """A suggestion accepted (True) or rejected (False): the partnership's suggestions learn."""
    phrase_wanted = Signal(str, str)
    """(code, sentence): the user wants words of this sentence to suggest this code."""

    def __init__(self, codes: list[CodeEntry], known_tags: list[str]) -> None:
        super().__init__()
        self.codes = {code.code: code for code in codes}
        self.notes: dict[tuple[str, FactorRole], str] = {}
        self.order: list[tuple[str, FactorRole]] = []
        self._loading = False

        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Type to find a code…")
        self.filter.setAccessibleName("Find a code")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["Code", *(role.label for role in ROLE_COLUMNS)])
        self.tree.setAccessibleName(
            "Codebook: arrow keys move, Space ticks a role to tag the review"
        )
        # The current cell is what Space ticks, so it is highlighted on its own.
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.tree.setToolTip(
            "Up and Down choose a code, Left and Right a role, Space ticks or unticks it"
        )
        tick_with_keys(self.tree, tuple(ROLE_COLUMNS.values()))
        show_tick_boxes(self.tree)
        self.tree.header().setStretchLastSection(True)
        metrics = self.tree.fontMetrics()
        longest = max((metrics.horizontalAdvance(c.label) for c in codes), default=200)
        self.tree.setColumnWidth(0, min(longest, metrics.averageCharWidth() * 48) + 72)
        for column in ROLE_COLUMNS.values():
            self.tree.setColumnWidth(column, metrics.horizontalAdvance("Good practice") + 20)
        self.items: dict[str, QTreeWidgetItem] = {}
        self._build_tree(codes)

        self.note_title = QLabel("Select a code to record the evidence for it.")
        self.note_title.setWordWrap(True)
        self.note_edits = {role: QLineEdit() for role in FactorRole}
        notes_form = QFormLayout()
        notes_form.addRow(self.note_title)
        for role, edit in self.note_edits.items():
            edit.setAccessibleName(f"Evidence note ({role.label})")
            edit.setPlaceholderText("Evidence: a note or short quote")
            edit.textEdited.connect(lambda text, r=role: self._note_edited(r, text))
            notes_form.addRow(role.label, edit)
        notes_box = QGroupBox("Evidence notes")
        notes_box.setLayout(notes_form)

        self.tags = QLineEdit()
        self.tags.setAccessibleName("Free tags, separated by commas")
        self.tags.setPlaceholderText("Free tags, separated by commas")
        self.tags.textChanged.connect(self.changed)
        completer = QCompleter(sorted(set(known_tags), key=str.lower))
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setWidget(self.tags)
        completer.activated.connect(self._complete_tag)
        self.tags.textEdited.connect(lambda text: self._suggest_tag(completer, text))
        self.completer = completer

        self.tree.itemChanged.connect(self._item_changed)
        self.tree.currentItemChanged.connect(self._show_notes)

        self.suggest_button = QPushButton("&Suggest codes from the text")
        self.suggest_button.setToolTip("Propose codes from the review's own words")
        self.suggestions = QListWidget()
        self.suggestions.setAccessibleName("Suggested codes, each with the sentence behind it")
        self.suggestions.setWordWrap(True)
        accept = QPushButton("&Accept")
        accept.setToolTip("Tag the review with this code, keeping the sentence as evidence")
        accept.clicked.connect(self.accept_suggestion)
        reject = QPushButton("Re&ject")
        reject.clicked.connect(self.reject_suggestion)
        self.teach_button = QPushButton("Add a phrase to the c&ode…")
        self.teach_button.setToolTip(
            "Choose words of this sentence that should suggest the code in other reviews"
        )
        self.teach_button.clicked.connect(self.want_phrase)
        suggestion_buttons = QHBoxLayout()
        suggestion_buttons.addWidget(accept)
        suggestion_buttons.addWidget(reject)
        suggestion_buttons.addWidget(self.teach_button)
        suggestion_buttons.addStretch()
        suggestions_box = QGroupBox("Suggested codes")
        suggestions_layout = QVBoxLayout(suggestions_box)
        suggestions_layout.addWidget(self.suggest_button)
        suggestions_layout.addWidget(self.suggestions)
        suggestions_layout.addLayout(suggestion_buttons)
        self.rejected: set[str] = set()

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(notes_box)
        tags_label = QLabel("&Tags")
        tags_label.setBuddy(self.tags)
        side_layout.addWidget(tags_label)
        side_layout.addWidget(self.tags)
        side_layout.addWidget(suggestions_box, 1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        filter_label = QLabel("Fin&d a code")
        filter_label.setBuddy(self.filter)
        filter_row = QHBoxLayout()
        filter_row.addWidget(filter_label)
        filter_row.addWidget(self.filter, 1)
        left_layout.addLayout(filter_row)
        left_layout.addWidget(self.tree)
        # Side by side while the whole tree fits beside the notes; otherwise one above the
        # other (at 200% or in a narrow window), so the codes are never cut.
        tree_width = sum(self.tree.columnWidth(c) for c in range(4)) + 40
        row = WrappingRow([(left, 3), (side, 2)], wrap_below=tree_width + 360)
        layout = QVBoxLayout(self)
        layout.addWidget(row)

    def _build_tree(self, codes: list[CodeEntry]) -> None:
        groups = {}
        for group in CodeGroup:
            item = QTreeWidgetItem(self.tree, [group.label])
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            groups[group.value] = item
        pending = list(codes)
        # Parents before children, whatever order the codebook is in.
        while pending:
            rest = []
            for code in pending:
                parent = self.items.get(code.parent) if code.parent else groups[code.group.value]
                if parent is None and code.parent in self.codes:
                    rest.append(code)
                    continue
                parent = parent or groups[code.group.value]
                item = QTreeWidgetItem(parent, [code.label])
                item.setData(0, CODE, code.code)
                item.setToolTip(0, f"{code.code}\n{code.definition or ''}")
                for role, column in ROLE_COLUMNS.items():
                    item.setCheckState(column, Qt.CheckState.Unchecked)
                    _describe_tick(item, role)
                if not code.active:
                    item.setHidden(True)
                self.items[code.code] = item
            if len(rest) == len(pending):
                break
            pending = rest
        self.tree.expandAll()

    def _apply_filter(self, text: str) -> None:
        wanted = text.strip().lower()
        iterator = QTreeWidgetItemIterator(self.tree)
        while item := iterator.value():
            code = item.data(0, CODE)
            if code:
                entry = self.codes[code]
                tagged = any(
                    item.checkState(c) == Qt.CheckState.Checked for c in ROLE_COLUMNS.values()
                )
                visible = (entry.active or tagged) and (
                    not wanted or wanted in entry.label.lower() or wanted in code.lower()
                )
                item.setHidden(not visible)
                if visible:
                    parent = item.parent()
                    while parent is not None:
                        parent.setHidden(False)
                        parent = parent.parent()
            iterator += 1

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._loading or column not in ROLE_COLUMNS.values():
            return
        code = item.data(0, CODE)
        role = next(r for r, c in ROLE_COLUMNS.items() if c == column)
        self._loading = True  # the spoken text below is data too: no second round
        _describe_tick(item, role)
        self._loading = False
        key = (code, role)
        if item.checkState(column) == Qt.CheckState.Checked:
            if key not in self.order:
                self.order.append(key)
        elif key in self.order:
            self.order.remove(key)
        self._show_notes(item)
        self.changed.emit()

    def _show_notes(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        code: str | None = item.data(0, CODE) if item is not None else None
        for role, edit in self.note_edits.items():
            edit.setEnabled(code is not None and (code, role) in self.order)
            edit.setText(self.notes.get((code, role), "") if code is not None else "")
        if code:
            self.note_title.setText(f"<b>{self.codes[code].label}</b> ({code})")

    def _note_edited(self, role: FactorRole, text: str) -> None:
        item = self.tree.currentItem()
        if item is None or not item.data(0, CODE):
            return
        self.notes[(item.data(0, CODE), role)] = text
        self.changed.emit()

    def _suggest_tag(self, completer: QCompleter, text: str) -> None:
        prefix = text.split(",")[-1].strip()
        if not prefix:
            popup = completer.popup()
            if popup is not None:
                popup.hide()
            return
        completer.setCompletionPrefix(prefix)
        completer.complete()

    def _complete_tag(self, tag: str) -> None:
        parts = [part.strip() for part in self.tags.text().split(",")]
        parts[-1] = tag
        self.tags.setText(", ".join(parts) + ", ")

    def load(self, record: ReviewRecord) -> None:
        self._loading = True
        if record.id != getattr(self, "_record_id", None):
            self._record_id = record.id
            self.rejected = set()
            self.suggestions.clear()
        self.notes = {(f.code, f.role): f.note or "" for f in record.factors}
        self.order = [(f.code, f.role) for f in record.factors]
        for code, item in self.items.items():
            for role, column in ROLE_COLUMNS.items():
                checked = (code, role) in self.notes
                item.setCheckState(
                    column, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                )
                _describe_tick(item, role)
        self.tags.setText(", ".join(record.tags))
        self._loading = False
        self._apply_filter(self.filter.text())
        self._show_notes(self.tree.currentItem())

    def apply(self, record: ReviewRecord) -> None:
        record.factors = [
            FactorRecord(code=code, role=role, note=optional_text(self.notes.get((code, role), "")))
            for code, role in self.order
        ]
        record.tags = list(
            dict.fromkeys(tag.strip() for tag in self.tags.text().split(",") if tag.strip())
        )

    def show_suggestions(self, suggestions: list[Suggestion]) -> None:
        self.suggestions.clear()
        for suggestion in suggestions:
            if suggestion.code in self.rejected or suggestion.code not in self.items:
                continue
            label = self.codes[suggestion.code].label
            item = QListWidgetItem(f"{label}\n“{suggestion.sentence}” ({suggestion.where})")
            item.setData(CODE, suggestion.code)
            item.setData(SENTENCE, suggestion.sentence)
            item.setData(SUGGESTION, suggestion)
            self.suggestions.addItem(item)
        if not self.suggestions.count():
            placeholder = QListWidgetItem("No further codes suggested by the text.")
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.suggestions.addItem(placeholder)

    def accept_suggestion(self) -> None:
        item = self.suggestions.currentItem()
        if item is None or not item.data(CODE):
            return
        code = item.data(CODE)
        self.tag(code, FactorRole.PRESENT)
        if not self.notes.get((code, FactorRole.PRESENT)):
            self.notes[(code, FactorRole.PRESENT)] = item.data(SENTENCE)
        self.suggestions.takeItem(self.suggestions.row(item))
        self.tree.setCurrentItem(self.items[code])
        self.changed.emit()
        self.decided.emit(item.data(SUGGESTION), True)

    def reject_suggestion(self) -> None:
        item = self.suggestions.currentItem()
        if item is None or not item.data(CODE):
            return
        self.rejected.add(item.data(CODE))
        self.suggestions.takeItem(self.suggestions.row(item))
        self.decided.emit(item.data(SUGGESTION), False)

    def want_phrase(self) -> None:
        """Words of the selected suggestion's sentence (or of the selected code's note) to
        suggest that code from now on."""
        item = self.suggestions.currentItem()
        if item is not None and item.data(CODE):
            self.phrase_wanted.emit(item.data(CODE), item.data(SENTENCE))
            return
        current = self.tree.currentItem()
        code = current.data(0, CODE) if current is not None else None
        if code:
            note = self.notes.get((code, FactorRole.PRESENT), "")
            self.phrase_wanted.emit(code, note)

    def tag(self, code: str, role: FactorRole) -> None:
        """Tick a code's role, as a click on it would."""
        self.items[code].setCheckState(ROLE_COLUMNS[role], Qt.CheckState.Checked)
