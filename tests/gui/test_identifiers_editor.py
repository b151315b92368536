"""The identifiers tab: add, edit, remove; the warning when there are none; the list and
the dashboard flag a review the publication check cannot protect."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from reviewtool.domain.identifier_kinds import IdentifierKind
from reviewtool.services.reviews.editing import get_review
from reviewtool.services.reviews.listing import NO_IDENTIFIERS, list_reviews
from reviewtool.ui.main_window import MainWindow
from tests.gui.conftest import Answers
from tests.gui.test_main_window import open_in_editor


def _type(window: MainWindow, row: int, text: str) -> None:
    item = window.reviews.editor.identifiers.table.item(row, 1)
    assert item is not None
    item.setText(text)


def _kind(window: MainWindow, row: int) -> QComboBox:
    combo = window.reviews.editor.identifiers.table.cellWidget(row, 0)
    assert isinstance(combo, QComboBox)
    return combo


def test_add_edit_and_remove_identifiers(window: MainWindow, answers: Answers) -> None:
    open_in_editor(window, "NSP-RR-2024-05")  # Sam: none recorded
    editor = window.reviews.editor
    tab = editor.identifiers
    assert not tab.warning.isHidden() and tab.warning.text() == NO_IDENTIFIERS

    tab.add_buttons[IdentifierKind.CHILD].click()
    _type(window, 0, "Søren Đorđević")
    tab.add_buttons[IdentifierKind.CHILD].click()
    _type(window, 1, "Wei Li")
    _kind(window, 1).setCurrentIndex(_kind(window, 1).findData(IdentifierKind.PARENT.value))
    tab.add_buttons[IdentifierKind.ADDRESS].click()
    _type(window, 2, "14 Larch Close, CB24 9XY")
    tab.add_buttons[IdentifierKind.SCHOOL].click()
    _type(window, 3, "St Swithun's Primary School")
    tab.add_buttons[IdentifierKind.OTHER].click()  # left blank: not saved
    assert tab.warning.isHidden() and editor.dirty
    assert editor.save() and answers.asked == []

    record = get_review(window.store, "NSP-RR-2024-05").record
    assert record.identifiers == [
        "Søren Đorđević",
        "Wei Li",
        "14 Larch Close, CB24 9XY",
        "St Swithun's Primary School",
    ]
    assert record.identifier_kinds == [
        IdentifierKind.CHILD,
        IdentifierKind.PARENT,
        IdentifierKind.ADDRESS,
        IdentifierKind.SCHOOL,
    ]
    # The trail says that identifiers changed, never what they are.
    trail = editor.history.table
    shown = [
        trail.item(row, column).text()  # type: ignore[union-attr]
        for row in range(trail.rowCount())
        for column in range(trail.columnCount())
        if trail.item(row, column) is not None
    ]
    assert not any("Đorđević" in text or "Larch" in text for text in shown)

    # Edit one, remove another.
    _type(window, 1, "Wei Li-Chen")
    tab.table.setCurrentCell(3, 1)  # as a click would: the blank row's editor closes
    tab.table.selectRow(3)
    assert {index.row() for index in tab.table.selectedIndexes()} == {3}
    tab.remove_button.click()
    assert editor.save()
    record = get_review(window.store, "NSP-RR-2024-05").record
    assert record.identifiers == ["Søren Đorđević", "Wei Li-Chen", "14 Larch Close, CB24 9XY"]
    assert record.identifier_kinds == [
        IdentifierKind.CHILD,
        IdentifierKind.PARENT,
        IdentifierKind.ADDRESS,
    ]
    assert next(r for r in list_reviews(window.store) if r.reference == "NSP-RR-2024-05")
    assert next(
        r for r in list_reviews(window.store) if r.reference == "NSP-RR-2024-05"
    ).has_identifiers

    # Removing them all brings the warning back.
    tab.table.selectAll()
    tab.remove_button.click()
    assert not tab.warning.isHidden()
    assert editor.save()
    assert get_review(window.store, "NSP-RR-2024-05").record.identifiers == []


def test_a_review_without_identifiers_is_flagged_in_the_list_and_dashboard(
    window: MainWindow,
) -> None:
    model = window.reviews.model
    flagged = {
        model.index(row, 0).data()
        for row in range(model.rowCount())
        if model.index(row, 0).data(3) == NO_IDENTIFIERS  # the tooltip role
    }
    assert "NSP-RR-2024-05" in flagged and "NSP-RR-2021-03" not in flagged
    window.dashboard.refresh()
    text = window.dashboard.view.toPlainText()
    assert "no identifiers recorded: the publication check cannot protect them" in text
    assert "NSP-RR-2024-05" in text and "NSP-RR-2021-03" not in text


def test_the_small_number_threshold_is_set_on_the_settings_page(
    window: MainWindow, answers: Answers
) -> None:
    from reviewtool.services.settings import load_settings

    window.nav.setCurrentRow(4)
    page = window.settings_page
    assert page.threshold.value() == 5
    page.threshold.setValue(10)
    page.save()
    assert load_settings(window.store).small_number_threshold == 10
    assert answers.asked == ["Settings: Settings saved."]


def test_remove_identifying_text_from_history(
    window: MainWindow, answers: Answers, monkeypatch: object
) -> None:
    from PySide6.QtWidgets import QInputDialog

    open_in_editor(window, "NSP-RR-2024-05")
    editor = window.reviews.editor
    editor.details.summary.setPlainText("Seen with Kai Brennan at home.")
    assert editor.save()
    typed = iter([("Kai Brennan", True), ("Typed by mistake", True)])
    monkeypatch.setattr(  # type: ignore[attr-defined]
        QInputDialog, "getText", lambda *args, **kwargs: next(typed)
    )
    editor.history.remove_button.click()
    table = editor.history.table
    shown = [
        table.item(row, column).text()  # type: ignore[union-attr]
        for row in range(table.rowCount())
        for column in range(table.columnCount())
    ]
    assert not any("Kai" in text for text in shown)
    assert "history-redacted" in shown and "Typed by mistake" in shown
    assert answers.asked[-1] == "History: Identifying text removed from 1 entry."
