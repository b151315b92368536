"""A review's public one-page summary and its repository entry, read back from each file."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from reviewtool.domain.errors import InvalidInput
from reviewtool.reports.review_summary_model import SUMMARY_HEADINGS
from reviewtool.services.exchange.demo import load_demo
from reviewtool.services.outputs.publication import PublicationBlocked
from reviewtool.services.outputs.review_summary import (
    checked_repository_entry,
    export_review_summary,
    review_summary_model,
)
from reviewtool.services.reviews.editing import get_review, save_review
from reviewtool.services.store import Store
from tests.store.test_counting_agreement import TODAY, counted  # noqa: F401 (fixture)


@pytest.fixture
def demo(sqlite_store: Store) -> Store:
    load_demo(sqlite_store)
    return sqlite_store


def _pdf(path: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return out


def test_the_pdf_has_the_seven_sections_in_order_on_one_page(demo: Store, tmp_path: Path) -> None:
    out = export_review_summary(demo, "NSP-CSPR-2021-01", tmp_path / "j.pdf", today=TODAY)
    text = _pdf(out)
    lines = text.splitlines()
    assert [line for line in lines if line in SUMMARY_HEADINGS] == list(SUMMARY_HEADINGS)
    flat = " ".join(text.split())
    assert flat.startswith("Review summary") and "Child J" in flat
    assert "Local child safeguarding practice review (NSP-CSPR-2021-01)" in flat
    assert "• Seek assurance that safer sleep messaging includes fathers" in flat
    assert "1,140 officers completed e-learning" in flat  # assurance
    assert "found safe sleep discussed with both parents" in flat  # impact
    assert "not completed by the date set (December 2022)" in flat
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "Pages:           1" in info


def test_docx_and_html_carry_the_same_sections(demo: Store, tmp_path: Path) -> None:
    from docx import Document

    docx = export_review_summary(demo, "NSP-CSPR-2021-01", tmp_path / "j.docx", today=TODAY)
    document = Document(str(docx))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings == list(SUMMARY_HEADINGS)
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert "Audit of 20 assessments: question answered in 19" in bullets
    html = export_review_summary(demo, "NSP-CSPR-2021-01", tmp_path / "j.html", today=TODAY)
    page = html.read_text(encoding="utf-8")
    assert '<html lang="en-GB">' in page and page.count("<h2>") == 7
    assert "<h2>Good practice</h2><ul><li>Midwife identified" in page


def test_a_cspr_summary_keeps_the_rapid_review_actions(
    counted: Store,  # noqa: F811
) -> None:
    model = review_summary_model(counted, "B2", TODAY)
    action = next(s for s in model.sections if s.heading == "Action")
    assert [item.split(" (")[0] for item in action.items] == [
        "Action 1 of B1",
        "Action 1 of B2",
        "Action 2 of B2",
    ]


def test_the_repository_entry(demo: Store, tmp_path: Path) -> None:
    text = checked_repository_entry(demo, "NSP-CSPR-2021-01")
    lines = text.splitlines()
    assert lines[0] == "2022 - Northshire Safeguarding Children Partnership - Child J"
    assert lines[2].startswith("Child J was less than one month old")
    assert (
        "Recommendations include: Seek assurance that safer sleep messaging includes fathers; "
        "Share police domestic abuse notifications with midwifery for pregnant women." in lines
    )
    assert any(line.startswith("Learning themes include: Engaging fathers") for line in lines)
    assert (
        "Good practice identified includes: Midwife identified mother's low mood early and "
        "referred to perinatal mental health." in lines
    )
    keywords = next(line for line in lines if line.startswith("Keywords: "))
    # Codebook labels, parents included: SUDI is under "Category of death".
    assert "Category of death; Sudden unexpected death in infancy (SUDI)" in keywords
    out = export_review_summary(demo, "NSP-CSPR-2021-01", tmp_path / "entry.txt")
    assert out.read_text(encoding="utf-8") == text
    with pytest.raises(InvalidInput, match=r"must end in \.txt"):
        export_review_summary(demo, "NSP-CSPR-2021-01", tmp_path / "e.pdf", repository=True)


def test_identifiers_stop_the_summary_and_the_entry(demo: Store, tmp_path: Path) -> None:
    loaded = get_review(demo, "NSP-CSPR-2021-01")
    save_review(
        demo,
        loaded.record.model_copy(update={"summary": "Jayden was less than one month old."}),
        loaded.version,
    )
    with pytest.raises(PublicationBlocked, match="What happened"):
        export_review_summary(demo, "NSP-CSPR-2021-01", tmp_path / "j.pdf", today=TODAY)
    assert not (tmp_path / "j.pdf").exists()
    with pytest.raises(PublicationBlocked):
        checked_repository_entry(demo, "NSP-CSPR-2021-01")


def test_any_unicode_and_any_length(demo: Store, tmp_path: Path) -> None:
    from reviewtool.services.outputs.action_tracker import TrackerFilters, export_action_tracker

    loaded = get_review(demo, "NSP-CSPR-2021-01")
    long_learning = "Zoë’s school — «информация» Ελλάδα " * 60
    record = loaded.record.model_copy(
        update={
            "title": "Child Ł (Zoë) 🙂",
            "learning": [long_learning, "Note <b>&amp; tags", "أمل"],
        }
    )
    save_review(demo, record, loaded.version)
    pdf = export_review_summary(demo, "NSP-CSPR-2021-01", tmp_path / "u.pdf", today=TODAY)
    flat = " ".join(_pdf(pdf).split())
    assert "Child Ł (Zoë)" in flat and "«информация» Ελλάδα" in flat and "<b>&amp;" in flat
    html = export_review_summary(demo, "NSP-CSPR-2021-01", tmp_path / "u.html", today=TODAY)
    assert "&lt;b&gt;&amp;amp;" in html.read_text(encoding="utf-8")
    tracker = export_action_tracker(demo, TrackerFilters(), tmp_path / "t.pdf", today=TODAY)
    assert tracker.action_count > 0 and (tmp_path / "t.pdf").stat().st_size > 1000
