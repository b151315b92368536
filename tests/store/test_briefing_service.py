"""Briefings built from the database: a review's, a topic's, a starting draft; the command."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewtool.domain.enums import BriefingStatus
from reviewtool.domain.errors import InvalidInput, NotFound
from reviewtool.services.exchange.demo import load_demo
from reviewtool.services.outputs.briefings import briefing_model, export_briefing
from reviewtool.services.reviews.editing import get_review, save_review
from reviewtool.services.settings import load_settings, save_settings
from reviewtool.services.store import Store
from tests.cli_runner import run_cli
from tests.documents import document_text


@pytest.fixture
def demo(sqlite_store: Store) -> Store:
    load_demo(sqlite_store)
    return sqlite_store


def test_review_briefing_uses_its_sections(demo: Store) -> None:
    model = briefing_model(demo, "NSP-CSPR-2021-01")
    assert model.title == "Child J - learning from a local child safeguarding practice review"
    assert [s.number for s in model.sections] == [1, 2, 3, 4, 5, 6, 7]
    assert model.sections[5].is_questions
    assert model.status == "published" and not model.is_draft
    assert model.partnership == "Northshire Safeguarding Children Partnership"


def test_review_without_briefing_gets_a_starting_draft_with_partnership_headings(
    demo: Store,
) -> None:
    settings = load_settings(demo)
    settings.briefing_headings[0] = "Cefndir"
    save_settings(demo, settings)
    model = briefing_model(demo, "NSP-RR-2022-01")
    assert model.is_draft
    assert model.sections[0].heading == "Cefndir"
    background, why, happened = (s.body for s in model.sections[:3])
    assert background.startswith("Northshire Safeguarding Children Partnership carried out a rapid")
    assert "malnutrition" in happened and "malnutrition" not in background
    assert why.startswith("The review found these factors:") and "Neglect" in why
    assert "What are your key thoughts" in model.sections[5].body
    assert "Use a professional interpreter" in model.sections[3].body


def test_topic_briefing_by_title(demo: Store) -> None:
    model = briefing_model(demo, "neglect: learning from our reviews")
    assert model.title == "Neglect: learning from our reviews"
    assert model.subtitle.endswith("Neglect")


def test_approval_records_who_and_when(demo: Store) -> None:
    loaded = get_review(demo, "NSP-CSPR-2025-01")
    record = loaded.record.model_copy(deep=True)
    assert record.briefing is not None
    record.briefing.status = BriefingStatus.APPROVED
    save_review(demo, record, loaded.version)
    model = briefing_model(demo, "NSP-CSPR-2025-01")
    assert model.approved_by == "test.user" and model.approved_at is not None
    assert model.status_text.startswith("Approved by test.user on ")


def test_bad_targets_and_formats(demo: Store, tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        briefing_model(demo, "Nothing like this")
    with pytest.raises(InvalidInput, match="must end in"):
        export_briefing(demo, "NSP-CSPR-2021-01", tmp_path / "x.txt")


def test_briefing_command(demo: Store, tmp_path: Path) -> None:
    db = str(demo.database.path)
    title = briefing_model(demo, "NSP-CSPR-2021-01").title
    demo.close()
    for suffix in ("pdf", "html", "docx"):
        out = tmp_path / f"b.{suffix}"
        result = run_cli("briefing", "NSP-CSPR-2021-01", "--out", str(out), db=db)
        assert result.returncode == 0, result.stderr
        text = " ".join(document_text(out).split())
        assert " ".join(title.split()) in text, suffix
    bad = run_cli("briefing", "NOPE", "--out", str(tmp_path / "x.pdf"), db=db)
    assert bad.returncode == 2 and "no review or topic briefing" in bad.stderr


def test_optional_parts_come_from_the_settings_in_template_order(demo: Store) -> None:
    assert briefing_model(demo, "NSP-CSPR-2021-01").further == []
    settings = load_settings(demo)
    settings.briefing_contact = "business.unit@example.org"
    settings.briefing_research = "Most sudden infant deaths happen when routines change.\n\nSecond."
    settings.briefing_report_link = "https://example.org/reviews"
    save_settings(demo, settings)
    further = briefing_model(demo, "NSP-CSPR-2021-01").further
    assert [part.heading for part in further] == [
        "What the research tells us",
        "Read the full report",
        "Contact and feedback",
    ]
    assert (
        "NSP-CSPR-2021-01" in further[1].lines[0]
        and "https://example.org/reviews" in further[1].lines[0]
    )
    assert further[0].lines == ["Most sudden infant deaths happen when routines change.", "Second."]
    settings.briefing_report_link = "example.org/reviews"
    with pytest.raises(InvalidInput, match="must start with https://"):
        save_settings(demo, settings)
