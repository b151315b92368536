"""The desktop application driven as a user would, headless."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from reviewtool.domain.enums import FactorRole, ReviewKind
from reviewtool.services.codebook import list_codes
from reviewtool.services.reviews.editing import get_review, save_review
from reviewtool.services.reviews.listing import list_reviews
from reviewtool.services.store import Store, open_store
from reviewtool.ui.main_window import MainWindow
from reviewtool.ui.review_table import MATCH_COLUMN, SNIPPET_ROLE, ReviewTableModel
from tests.gui.conftest import Answers

Yes = QMessageBox.StandardButton.Yes


def open_in_editor(window: MainWindow, reference: str) -> None:
    review_id = next(r.id for r in list_reviews(window.store) if r.reference == reference)
    window.reviews.select_review(review_id)
    assert window.reviews.editor.review_id == review_id


def titles(window: MainWindow) -> set[str]:
    model = window.reviews.model
    return {model.index(row, 1).data() for row in range(model.rowCount())}


def test_window_lists_the_demo_reviews(window: MainWindow) -> None:
    assert window.reviews.model.rowCount() == 18
    assert {"Child J", "Baby T", "Amira"} <= titles(window)
    assert window.count_label.text() == "18 reviews"
    assert "Local database" in window.database_label.text()


def test_review_table_model_is_a_correct_qt_model(
    qtmodeltester: ModelTester, sqlite_store: Store
) -> None:
    from reviewtool.services.exchange.demo import load_demo

    load_demo(sqlite_store)
    model = ReviewTableModel()
    model.set_rows(list_reviews(sqlite_store))
    qtmodeltester.check(model)


def test_filters(window: MainWindow) -> None:
    page = window.reviews
    page.kind.setCurrentIndex(page.kind.findData(ReviewKind.CSPR))
    assert titles(window) == {"Child J", "Child L", "Child M", "Children P and Q"}
    page.kind.setCurrentIndex(0)
    page.year_from.setValue(2025)
    assert all(r.notified is None or r.notified.year >= 2025 for r in page.model._rows)
    page.year_from.setValue(1999)
    page.theme.setCurrentIndex(page.theme.findData("parent.unsafe_sleep"))
    assert titles(window) == {"Child J", "Baby T"}
    page.theme.setCurrentIndex(0)
    page.overdue.setChecked(True)
    references = {page.model.index(r, 0).data() for r in range(page.model.rowCount())}
    assert {"NSP-RR-2026-04", "NSP-RR-2024-05", "NSP-CSPR-2025-01"} <= references
    assert "NSP-RR-2021-03" not in references
    assert window.count_label.text().endswith("of 18 reviews")


def test_search_as_you_type_shows_the_snippet(qtbot: QtBot, window: MainWindow) -> None:
    page = window.reviews
    qtbot.keyClicks(page.search, "malnutr")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    assert page.model.index(0, 1).data() == "Child K"
    assert "malnutrition" in page.model.index(0, 7).data()
    # The snippet is fetched as the row is painted, with the matched word marked.
    parts = page.model.index(0, MATCH_COLUMN).data(SNIPPET_ROLE)
    assert [text for text, is_match in parts if is_match] == ["malnutrition"]
    # Opened from the search, the review's text has the matched words marked.
    page.table.selectRow(0)
    summary = page.editor.details.summary
    marked = [s.cursor.selectedText() for s in summary.extraSelections()]
    assert marked and all(word.lower().startswith("malnutr") for word in marked)
    page.search.clear()
    page.editor.highlight_search(page.search.text())
    assert summary.extraSelections() == []


def test_a_search_that_lists_only_its_best_matches_says_so(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewtool.services.reviews import listing

    # As a search matching more reviews than the list holds: three stand for the 200.
    monkeypatch.setattr(listing, "SEARCH_LIMIT", 3)
    page = window.reviews
    qtbot.keyClicks(page.search, "child")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=3000)
    assert window.count_label.text() == "Best 3 matches of 18 reviews"
    assert "narrow" in window.count_label.toolTip()
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 18, timeout=3000)
    assert window.count_label.text() == "18 reviews"
    assert window.count_label.toolTip() == ""


def test_ctrl_f_focuses_search(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.focus_search()
    assert window.reviews.search.hasFocus() or window.focusWidget() is window.reviews.search


def test_edit_tag_and_save(window: MainWindow, answers: Answers) -> None:
    open_in_editor(window, "NSP-RR-2022-01")
    editor = window.reviews.editor
    editor.details.summary.setPlainText("Child K – zmieniono 🌼")
    editor.factors.tag("parent.mental_health", FactorRole.PRESENT)
    editor.factors.tree.setCurrentItem(editor.factors.items["parent.mental_health"])
    editor.factors.note_edits[FactorRole.PRESENT].setText("Mother's low mood")
    editor.factors.note_edits[FactorRole.PRESENT].textEdited.emit("Mother's low mood")
    editor.learning.learning.set_texts(["New learning point"])
    editor.learning.learning.changed.emit()
    assert editor.dirty and window.save_label.text() == "Unsaved changes"
    window.save_action.trigger()
    assert not editor.dirty and answers.asked == []
    saved = get_review(window.store, "NSP-RR-2022-01").record
    assert saved.summary == "Child K – zmieniono 🌼"
    factor = next(f for f in saved.factors if f.code == "parent.mental_health")
    assert factor.role is FactorRole.PRESENT and factor.note == "Mother's low mood"
    assert saved.learning == ["New learning point"]
    history = editor.history.table
    fields = {history.item(row, 3).text() for row in range(history.rowCount())}
    assert {"summary", "factors", "learning"} <= fields


def test_bad_date_is_refused_with_the_field_named(window: MainWindow, answers: Answers) -> None:
    open_in_editor(window, "NSP-RR-2022-01")
    editor = window.reviews.editor
    editor.details.dates["incident"].setText("31/02/2022")
    assert not editor.save()
    assert "Incident" in answers.asked[-1] and "dd/mm/yyyy" in answers.asked[-1]
    assert get_review(window.store, "NSP-RR-2022-01").record.dates.incident is not None


def test_deadlines_show_live_in_words(window: MainWindow) -> None:
    open_in_editor(window, "NSP-RR-2026-04")
    details = window.reviews.editor.details
    assert "Rapid review due: 19/11/2026" in details.deadlines.text()
    assert "1 working day late" in details.deadlines.text()
    details.dates["rapid_review_submitted"].setText("18/11/2026")
    assert "met on time" in details.deadlines.text()


def test_unsaved_changes_guard_when_switching(
    qtbot: QtBot, window: MainWindow, answers: Answers
) -> None:
    open_in_editor(window, "NSP-RR-2022-01")
    editor = window.reviews.editor
    first = editor.review_id
    editor.details.title.setText("Child K (edited)")
    # Cancel: stay on the review, keep the text.
    answers.queue = [QMessageBox.StandardButton.Cancel]
    other = next(r.id for r in list_reviews(window.store) if r.reference == "NSP-RR-2023-02")
    window.reviews.select_review(other)
    assert editor.review_id == first and editor.details.title.text() == "Child K (edited)"
    qtbot.waitUntil(
        lambda: window.reviews.table.currentIndex().data(Qt.ItemDataRole.UserRole) == first
    )
    # Save: the change is kept and the other review opens.
    answers.queue = [QMessageBox.StandardButton.Save]
    window.reviews.select_review(other)
    assert editor.review_id == other
    assert get_review(window.store, first).record.title == "Child K (edited)"


def test_unsaved_changes_guard_when_closing(window: MainWindow, answers: Answers) -> None:
    open_in_editor(window, "NSP-RR-2022-01")
    window.reviews.editor.details.title.setText("Changed")
    answers.queue = [QMessageBox.StandardButton.Cancel]
    assert not window.close()
    answers.queue = [QMessageBox.StandardButton.Discard]
    assert window.close()
    assert get_review(window.store, "NSP-RR-2022-01").record.title == "Child K"


def test_create_a_review(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from reviewtool.ui.new_review_dialog import NewReviewDialog

    def fill(dialog: NewReviewDialog) -> int:
        assert dialog.reference.text() == "NSP-RR-2026-05"  # suggested
        dialog.title.setText("Child Ö")
        dialog.notified.setText("01/11/2026")
        return QDialog.DialogCode.Accepted.value

    window.reviews.search.setText("no such review anywhere")
    window.reviews.refresh()
    monkeypatch.setattr(NewReviewDialog, "exec", fill)
    window.new_action.trigger()
    assert window.reviews.editor.loaded is not None
    record = window.reviews.editor.loaded.record
    assert record.title == "Child Ö" and str(record.dates.notified) == "2026-11-01"
    assert window.reviews.search.text() == ""
    assert "Child Ö" in titles(window)


def test_new_review_dialog_says_what_is_missing(window: MainWindow) -> None:
    from reviewtool.ui.new_review_dialog import NewReviewDialog

    dialog = NewReviewDialog(window, window.store, window.today)
    dialog.reference.clear()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted.value
    assert "Reference" in dialog.problem.text()
    dialog.kind.setCurrentIndex(1)  # the suggestion returns for the new kind
    assert dialog.reference.text() == "NSP-CSPR-2026-01"
    dialog.title.setText("   ")
    dialog.accept()
    assert "Title" in dialog.problem.text()


def test_convert_to_cspr(window: MainWindow, answers: Answers) -> None:
    open_in_editor(window, "NSP-RR-2024-01")
    assert window.reviews.editor.convert_button.isVisibleTo(window)
    answers.queue = [Yes]
    window.convert_action.trigger()
    record = window.reviews.editor.loaded.record  # type: ignore[union-attr]
    assert record.kind is ReviewKind.CSPR and record.reference == "NSP-CSPR-2024-01"
    assert {c.pseudonym for c in record.children} == {"Baby N"}
    assert window.reviews.editor.details.kind.currentData() == ReviewKind.CSPR


def test_deleting_a_review_asks_first_and_cancel_keeps_it(
    window: MainWindow, answers: Answers
) -> None:
    open_in_editor(window, "NSP-RR-2024-01")
    references = {r.reference for r in list_reviews(window.store)}
    answers.queue = [QMessageBox.StandardButton.Cancel]
    window.delete_current()
    assert "Delete review: Delete NSP-RR-2024-01" in answers.asked[0]
    assert {r.reference for r in list_reviews(window.store)} == references
    answers.queue = [Yes]
    window.delete_current()
    assert {r.reference for r in list_reviews(window.store)} == references - {"NSP-RR-2024-01"}
    assert window.reviews.model.rowCount() == 17


def test_merge_codes(window: MainWindow, answers: Answers, monkeypatch: object) -> None:
    window.nav.setCurrentRow(3)
    page = window.codebook
    page.tree.setCurrentItem(
        page.tree.findItems("Parental alcohol misuse", Qt.MatchFlag.MatchRecursive)[0]
    )
    monkeypatch.setattr(
        QInputDialog,
        "getItem",  # type: ignore[attr-defined]
        lambda *a, **k: ("Parental drug misuse (parent.drug_misuse)", True),
    )
    answers.queue = [Yes]
    page._merge()
    assert "Re-tag 3 reviews" in answers.asked[0]  # SCR 2014, Child J RR and CSPR
    usage = {c.code: c.reviews for c in list_codes(window.store)}
    assert usage["parent.alcohol_misuse"] == 0


def test_conflict_keeps_the_users_text(
    window: MainWindow, answers: Answers, tmp_path: object
) -> None:
    open_in_editor(window, "NSP-RR-2023-02")
    editor = window.reviews.editor
    editor.details.summary.setPlainText("My careful notes from the panel meeting")
    # Someone else saves the same review from another computer meanwhile.
    other = open_store(window.store.database.url.render_as_string(hide_password=False))
    try:
        theirs = get_review(other, "NSP-RR-2023-02")
        save_review(
            other, theirs.record.model_copy(update={"title": "Amira (theirs)"}), theirs.version
        )
    finally:
        other.close()
    assert not editor.save()
    assert "someone else" in answers.asked[-1] and "kept" in answers.asked[-1]
    assert editor.details.summary.toPlainText() == "My careful notes from the panel meeting"
    assert editor.dirty
    assert get_review(window.store, "NSP-RR-2023-02").record.title == "Amira (theirs)"


def test_pages_render(window: MainWindow) -> None:
    window.nav.setCurrentRow(0)
    table = window.dashboard.rapid_reviews
    cells = {table.item(r, 0).text() for r in range(table.rowCount())}
    assert "NSP-RR-2026-04" in cells
    window.nav.setCurrentRow(2)
    assert window.actions_page.tree.topLevelItemCount() > 0
    window.nav.setCurrentRow(4)
    assert window.settings_page.headings[0].text() == "Background"


def test_import_runs_in_the_background_with_progress(
    qtbot: QtBot, window: MainWindow, answers: Answers, monkeypatch: object, tmp_path: object
) -> None:
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog

    from tests.bundle_samples import dumps, valid_bundle

    bundle = Path(str(tmp_path)) / "one.rtbundle.json"
    bundle.write_bytes(dumps(valid_bundle()))
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",  # type: ignore[attr-defined]
        lambda *a, **k: ([str(bundle)], ""),
    )
    window.import_action.trigger()
    qtbot.waitUntil(lambda: any("Import finished" in text for text in answers.asked), timeout=10000)
    assert "1 review added" in answers.asked[-1]
    qtbot.waitUntil(lambda: window.reviews.model.rowCount() == 19)


def test_bad_bundle_import_shows_the_field(
    qtbot: QtBot, window: MainWindow, answers: Answers, monkeypatch: object, tmp_path: object
) -> None:
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog

    from tests.bundle_samples import dumps, mutated

    bundle = Path(str(tmp_path)) / "bad.rtbundle.json"
    bundle.write_bytes(dumps(mutated(lambda b: b["reviews"][0].update(kind="unknown"))))
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",  # type: ignore[attr-defined]
        lambda *a, **k: ([str(bundle)], ""),
    )
    window.import_action.trigger()
    qtbot.waitUntil(lambda: any("reviews[0].kind" in text for text in answers.asked), timeout=10000)
    assert window.reviews.model.rowCount() == 18


def test_encrypt_from_the_menu(window: MainWindow, answers: Answers, monkeypatch: object) -> None:
    from reviewtool.db.cipher import is_encrypted_file

    reopened: list[tuple[str, str]] = []
    window.open_database = lambda url, passphrase=None: reopened.append((url, passphrase))
    replies = iter([("long enough passphrase", True), ("long enough passphrase", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(replies))  # type: ignore[attr-defined]
    path = window.store.database.path
    window.encrypt_action.trigger()
    assert path is not None and is_encrypted_file(path)
    assert reopened == [(str(path), "long enough passphrase")]
    assert "now encrypted" in answers.asked[-1]


def test_suggested_codes_are_accepted_with_their_sentence(window: MainWindow) -> None:
    open_in_editor(window, "NSP-RR-2024-05")  # Sam: not tagged with mental health pathways
    editor = window.reviews.editor
    editor.details.summary.setPlainText(
        editor.details.summary.toPlainText() + " Father had been drinking heavily."
    )
    editor.factors.suggest_button.click()
    listed = [editor.factors.suggestions.item(i) for i in range(editor.factors.suggestions.count())]
    codes = {item.data(Qt.ItemDataRole.UserRole) for item in listed}
    assert "parent.alcohol_misuse" in codes
    assert "child.death.suicide" not in codes  # already tagged
    row = next(
        i
        for i, item in enumerate(listed)
        if item.data(Qt.ItemDataRole.UserRole) == "parent.alcohol_misuse"
    )
    editor.factors.suggestions.setCurrentRow(row)
    editor.factors.accept_suggestion()
    assert editor.save()
    from reviewtool.services.reviews.editing import get_review

    factor = next(
        f
        for f in get_review(window.store, "NSP-RR-2024-05").record.factors
        if f.code == "parent.alcohol_misuse"
    )
    assert factor.note == "Father had been drinking heavily."


def test_rejected_suggestions_are_remembered_and_phrases_added_from_a_sentence(
    window: MainWindow, answers: Answers, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import select

    from reviewtool.db.models import Code, SuggestionFeedback

    open_in_editor(window, "NSP-RR-2024-05")
    editor = window.reviews.editor
    factors = editor.factors
    editor.details.summary.setPlainText(
        editor.details.summary.toPlainText()
        + " Father had been drinking heavily. They lived in temporary accommodation."
    )
    factors.suggest_button.click()

    def listed() -> list[str]:
        return [
            factors.suggestions.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(factors.suggestions.count())
        ]

    factors.suggestions.setCurrentRow(listed().index("parent.alcohol_misuse"))
    factors.reject_suggestion()
    with window.store.transaction() as session:
        row = session.scalars(select(SuggestionFeedback)).one()
        assert (row.code, row.accepted) == ("parent.alcohol_misuse", False)
        assert row.sentence == "Father had been drinking heavily."
    factors.rejected.clear()  # as if the review were opened again later
    factors.suggest_button.click()
    assert "parent.alcohol_misuse" not in listed()

    # Teach a code a phrase from a suggestion's sentence, trimmed by the user.
    first = listed()[0]
    assert first == "parent.housing"
    factors.suggestions.setCurrentRow(0)
    asked: list[str] = []

    def answer(*args: object, **kwargs: object) -> tuple[str, bool]:
        asked.append(str(kwargs.get("text")))
        return ("  lived in   temporary accommodation ", True)

    monkeypatch.setattr(QInputDialog, "getText", answer)
    factors.teach_button.click()
    assert asked and asked[0] == factors.suggestions.item(0).data(Qt.ItemDataRole.UserRole + 1)
    with window.store.transaction() as session:
        indicators = session.get(Code, first).indicators  # type: ignore[union-attr]
    assert (
        indicators is not None and indicators.splitlines()[-1] == "lived in temporary accommodation"
    )
    assert "now suggests" in answers.asked[-1]


def test_quiet_background_work_reports_its_failure(qtbot: QtBot, window: MainWindow) -> None:
    from reviewtool.domain.errors import DatabaseProblem
    from reviewtool.ui.operations import run_quietly

    failures: list[BaseException] = []

    def damaged() -> None:
        raise DatabaseProblem("the file is damaged")

    worker = run_quietly(window, damaged, lambda _: None, failures.append)
    qtbot.waitUntil(lambda: bool(failures))
    assert [str(failure) for failure in failures] == ["the file is damaged"]
    assert not worker.cancelled


def test_list_fetches_themes_in_batches_as_rows_are_shown(sqlite_store: Store) -> None:
    from reviewtool.services.exchange.demo import load_demo
    from reviewtool.services.reviews.listing import review_themes
    from reviewtool.ui.review_table import THEMES_COLUMN

    load_demo(sqlite_store)
    calls: list[list[str]] = []

    def loader(ids: list[str]) -> dict[str, tuple[str, ...]]:
        calls.append(ids)
        return review_themes(sqlite_store, ids)

    model = ReviewTableModel(loader)
    model.set_rows(list_reviews(sqlite_store, with_themes=False))
    assert all(model.row_at(i).themes is None for i in range(model.rowCount()))
    assert not calls
    expected = {r.id: ", ".join(r.themes or ()) for r in list_reviews(sqlite_store)}
    shown = [model.data(model.index(i, THEMES_COLUMN)) for i in range(model.rowCount())]
    assert shown == [expected[model.row_at(i).id] for i in range(model.rowCount())]
    assert any(shown)
    assert len(calls) == 1  # one batch covered all 18 demo reviews


def test_list_fetches_search_snippets_as_rows_are_shown(sqlite_store: Store) -> None:
    from reviewtool.services.exchange.demo import load_demo
    from reviewtool.services.reviews.listing import ReviewFilter
    from reviewtool.services.reviews.search import search_snippets

    load_demo(sqlite_store)
    calls: list[list[str]] = []

    def loader(ids: list[str]) -> dict[str, tuple[tuple[str, bool], ...]]:
        calls.append(ids)
        return search_snippets(sqlite_store, "sleep", ids)

    model = ReviewTableModel(snippets_loader=loader)
    model.set_rows(list_reviews(sqlite_store, ReviewFilter(text="sleep"), with_snippets=False))
    assert model.rowCount() > 1 and not calls
    match_column = model.columnCount() - 1
    first = model.data(model.index(0, match_column))
    assert "sleep" in first.lower()
    assert len(calls) == 1 and len(calls[0]) == model.rowCount()
