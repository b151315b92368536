"""The Learning into practice page: topic briefings, deliveries and RAG reviews."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reviewtool.domain.actions import Rag
from reviewtool.domain.enums import ActionStatus
from reviewtool.services.workflow.dissemination import list_disseminations, rag_history
from reviewtool.services.workflow.topic_briefings import get_topic_briefing
from reviewtool.ui.main_window import MainWindow
from tests.gui.conftest import Answers


def test_topic_briefing_made_in_the_app(window: MainWindow, tmp_path: Path) -> None:
    window.nav.setCurrentRow(5)
    page = window.learning_page
    tab = page.topics
    before = tab.list.count()
    assert tab.create_briefing("Neglect: seeing the child")
    assert tab.list.count() == before + 1
    assert tab.title.text() == "Neglect: seeing the child"
    tab.bodies[0].setPlainText("Neglect featured in half our reviews — ✓")
    tab.theme.setCurrentIndex(tab.theme.findData("child.harm.neglect"))
    assert tab.save()
    assert tab.opened is not None
    saved = get_topic_briefing(window.store, tab.opened.id)
    assert saved.sections[0].body == "Neglect featured in half our reviews — ✓"
    assert saved.theme == "child.harm.neglect"
    window.grab().save(str(tmp_path / "topic.png"))


def test_delivery_and_rag_review(window: MainWindow, answers: Answers, tmp_path: Path) -> None:
    window.nav.setCurrentRow(5)
    page = window.learning_page
    page.tabs.setCurrentWidget(page.deliveries)
    tab = page.deliveries
    assert tab.briefing.count() > 0
    tab.new_delivery()
    tab.delivered_on.setText("10/09/2026")
    tab.audience.setText("Health visiting team (North)")
    tab.delivered_by.setText("Safeguarding trainer")
    tab.attendees.setValue(14)
    tab.plan_returned.setText("03/10/2026")
    tab.plan.setPlainText("[x] Add to supervision\nAudit 10 records")
    assert tab.save_delivery()
    assert tab.table.rowCount() == 1
    assert tab.table.item(0, 4).text() == "returned 03/10/2026, 1 of 2 actions done"
    saved = list_disseminations(window.store, tab.briefing.currentData())[0]
    assert [a.status for a in saved.plan_actions] == [
        ActionStatus.COMPLETE,
        ActionStatus.NOT_STARTED,
    ]
    tab.new_delivery()
    tab.delivered_on.setText("11/09/2026")
    assert not tab.save_delivery()  # no team and no presenter named
    assert "audience" in answers.asked[-1] or "delivered_by" in answers.asked[-1]
    window.grab().save(str(tmp_path / "deliveries.png"))

    page.tabs.setCurrentWidget(page.rag)
    rag = page.rag
    assert rag.table.rowCount() > 0
    rag.table.setCurrentCell(0, 0)
    rag.reviewed_on.setText("01/01/2020")
    rag.note.setText("Discussed at panel")
    assert rag.record()
    history = rag_history(window.store, rag.action_rows[0].id)
    assert history[-1].date == date(2020, 1, 1) and history[-1].note == "Discussed at panel"
    assert history[-1].rag in set(Rag)
    assert rag.history.rowCount() == len(history)
    window.grab().save(str(tmp_path / "rag.png"))


def test_topic_briefing_edits_are_kept_when_moving_on(window: MainWindow) -> None:
    window.nav.setCurrentRow(5)
    tab = window.learning_page.topics
    assert tab.create_briefing("First")
    first = tab.opened
    assert first is not None
    tab.bodies[1].setPlainText("Typed but not saved")
    assert tab.create_briefing("Second")
    assert get_topic_briefing(window.store, first.id).sections[1].body == "Typed but not saved"


def test_delivery_typed_but_not_saved_is_kept(window: MainWindow) -> None:
    window.nav.setCurrentRow(5)
    page = window.learning_page
    page.tabs.setCurrentWidget(page.deliveries)
    tab = page.deliveries
    briefing = tab.briefing.currentData()
    tab.new_delivery()
    tab.audience.setText("School nurses")
    tab.delivered_by.setText("Named nurse")
    tab.attendees.setValue(9)
    tab.briefing.setCurrentIndex(1)  # moving to another briefing keeps what was typed
    assert [(d.audience, d.attendees) for d in list_disseminations(window.store, briefing)] == [
        ("School nurses", 9)
    ]
    tab.briefing.setCurrentIndex(0)
    assert tab.table.rowCount() == 1
    tab.attendees.setValue(10)
    tab.new_delivery()  # starting another keeps the correction
    assert list_disseminations(window.store, briefing)[0].attendees == 10
