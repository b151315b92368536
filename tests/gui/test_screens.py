"""The screens' finer points: filters and export on the Actions page, the marked search
term, local times in the history, the settings' colour and logo, the dashboard's totals."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QColorDialog, QFileDialog
from pytestqt.qtbot import QtBot

from reviewtool.domain.actions import Rag
from reviewtool.ui.editor.history_tab import local_time
from reviewtool.ui.main_window import MainWindow
from reviewtool.ui.review_table import MATCH_COLUMN, SNIPPET_ROLE
from reviewtool.ui.snippet_delegate import snippet_html


def test_actions_page_filters_and_exports_what_is_shown(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.nav.setCurrentRow(2)
    page = window.actions_page
    everything = len(page.shown)
    assert everything == len(page.all_actions) > 3
    page.rag.setCurrentIndex(page.rag.findData(Rag.RED))
    assert page.shown and all(a.rag is Rag.RED for a in page.shown)
    page.owner.setCurrentIndex(page.owner.findData("Police"))
    assert page.shown and all(a.owner == "Police" for a in page.shown)
    assert page.count.text() == f"{len(page.shown)} of {everything} actions shown"
    page.owner.setCurrentIndex(0)
    page.rag.setCurrentIndex(0)
    page.words.setText("interpreter")
    assert [a.review_reference for a in page.shown] == ["NSP-RR-2022-01"]

    out = tmp_path / "tracker.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    page.export()
    QThreadPool.globalInstance().waitForDone(20000)
    qtbot.waitUntil(out.exists, timeout=10000)
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Review,Title,Recommendation,Action,Owner,Due")
    assert len(lines) == 2 and "interpreter" in lines[1] and "NSP-RR-2022-01" in lines[1]

    page.words.clear()
    xlsx = tmp_path / "tracker.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(xlsx), ""))
    page.export()
    QThreadPool.globalInstance().waitForDone(20000)
    qtbot.waitUntil(xlsx.exists, timeout=10000)
    with zipfile.ZipFile(xlsx) as archive:
        strings = archive.read("xl/sharedStrings.xml").decode()
    assert "Audit interpreter use in health visiting" in strings and "Action tracker" in (
        zipfile.ZipFile(xlsx).read("xl/workbook.xml").decode()
    )


def test_search_term_is_marked_in_the_match_column(qtbot: QtBot, window: MainWindow) -> None:
    page = window.reviews
    page.search.setText("malnutrition")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    parts = page.model.index(0, MATCH_COLUMN).data(SNIPPET_ROLE)
    assert any(is_match and "malnutrition" in text.lower() for text, is_match in parts)
    html = snippet_html(parts, "#3366cc", "#ffffff")
    assert "<b style='background-color:#3366cc; color:#ffffff'>" in html
    assert html.count("<b ") == sum(1 for _, is_match in parts if is_match)
    assert snippet_html((("a < b", False), ("x", True)), "#000", "#fff").startswith(
        "<span style='white-space:pre'>a &lt; b<b"
    )


def test_history_shows_local_times() -> None:
    moment = datetime(2026, 7, 1, 12, 0)
    shown = local_time(moment)
    assert shown == datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
    assert shown.utcoffset() == datetime(2026, 7, 1, 12, 0).astimezone().utcoffset()


def test_settings_colour_picker_and_logo_preview(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.nav.setCurrentRow(4)
    page = window.settings_page
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#123456"))
    page.pick_colour()
    assert page.colour.text() == "#123456" and "#123456" in page.swatch.styleSheet()
    page.colour.setText("not a colour")
    assert page.colour_words.text().startswith("Not a colour")
    logo = tmp_path / "logo.png"
    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    image.save(str(logo))
    page.logo.setText(str(logo))
    assert page.logo_preview.pixmap().height() == 64
    page.logo.setText(str(tmp_path / "missing.png"))
    assert page.logo_preview.text() == "This file cannot be read as an image"


def test_dashboard_totals_and_charts(window: MainWindow) -> None:
    window.nav.setCurrentRow(0)
    board = window.dashboard
    assert board.totals["reviews"].number.text() == "15"
    assert board.totals["reviews"].accessibleName() == "cases in all: 15"
    assert sum(value for _, value, _ in board.years_chart.bars) <= 15
    assert [label.split(" - ")[0] for label, _, _ in board.rag_chart.bars] == [
        "Red",
        "Amber",
        "Green",
        "Grey",
    ]
    assert "Red - not completed to timescale" in board.rag_chart.accessibleDescription()


def test_thematic_dialog_counts_the_reviews_included(qtbot: QtBot, window: MainWindow) -> None:
    from reviewtool.domain.enums import ReviewKind
    from reviewtool.ui.thematic_dialog import ThematicDialog

    dialog = ThematicDialog(window, window.store, window.today)
    qtbot.addWidget(dialog)
    dialog.date_from.setText("01/01/2021")
    dialog.date_to.setText("31/12/2021")
    # 2021: the rapid review for Child J and the CSPR it led to, counted once.
    assert dialog.included.text() == (
        "1 review will be included (1 rapid review counted with the local review it led to)."
    )
    dialog.count_both.setChecked(True)
    assert dialog.included.text() == "2 reviews will be included."
    dialog.kinds[ReviewKind.RAPID_REVIEW].setChecked(False)
    assert dialog.included.text() == "1 review will be included."
    dialog.date_to.setText("31/12/20")
    assert "Give the start and end" in dialog.included.text()


def test_slides_dialog_finds_and_chooses_several(qtbot: QtBot, window: MainWindow) -> None:
    from reviewtool.ui.slides_dialog import SlidesDialog

    dialog = SlidesDialog(window, window.store)
    qtbot.addWidget(dialog)
    dialog.find_review.setText("nsp-rr-2022")
    shown = [
        dialog.reviews.item(r).text()
        for r in range(dialog.reviews.count())
        if not dialog.reviews.item(r).isHidden()
    ]
    assert len(shown) == 2 and all(text.startswith("NSP-RR-2022-0") for text in shown)
    dialog._choose_shown(True)
    assert dialog.chosen_count.text() == "2 reviews chosen"
    assert len(dialog.chosen_reviews()) == 2
    dialog._choose_shown(False)
    assert dialog.chosen_count.text() == "0 reviews chosen"


def test_status_colours_read_on_a_dark_palette(qapp: QApplication) -> None:
    from reviewtool.ui.colours import RAG_COLOURS, rag_colour
    from reviewtool.ui.contrast import contrast_ratio

    light = qapp.palette()
    dark = QPalette(QColor("#353535"), QColor("#2b2b2b"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#1f1f1f"))
    try:
        for palette in (light, dark):
            qapp.setPalette(palette)
            for rag in RAG_COLOURS:
                for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Window):
                    background = palette.color(role).name()
                    assert contrast_ratio(rag_colour(rag), background) >= 4.5, (rag, background)
        assert rag_colour(next(iter(RAG_COLOURS))) != "#b00020"  # the dark palette's red
    finally:
        qapp.setPalette(light)


def test_tick_boxes_are_outlined_in_a_dark_palette(
    qapp: QApplication, qtbot: QtBot, window: MainWindow
) -> None:
    from reviewtool.ui.thematic_dialog import ThematicDialog

    light = qapp.palette()
    dark = QPalette(QColor("#353535"), QColor("#2b2b2b"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#1f1f1f"))
    try:
        qapp.setPalette(dark)
        dialog = ThematicDialog(window, window.store, window.today)
        qtbot.addWidget(dialog)
        window_colour = dialog.palette().color(QPalette.ColorRole.Window).name()
        outline = dialog.compare.palette().color(QPalette.ColorRole.Window).name()
        assert window_colour == "#2b2b2b" and outline == "#b0b0b0"
    finally:
        qapp.setPalette(light)
    dialog = ThematicDialog(window, window.store, window.today)
    qtbot.addWidget(dialog)
    assert dialog.compare.palette().color(QPalette.ColorRole.Window).name() != "#b0b0b0"


def test_match_column_shows_only_while_searching(qtbot: QtBot, window: MainWindow) -> None:
    page = window.reviews
    assert page.table.isColumnHidden(MATCH_COLUMN)
    page.search.setText("malnutrition")
    qtbot.waitUntil(lambda: not page.table.isColumnHidden(MATCH_COLUMN), timeout=3000)
    page.clear_filters()
    assert page.table.isColumnHidden(MATCH_COLUMN) and page.model.rowCount() == 18
