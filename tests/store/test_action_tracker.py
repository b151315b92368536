"""The live action tracker report, on the hand-worked fixture of test_counting_agreement."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from reviewtool.domain.errors import InvalidInput
from reviewtool.services.outputs.action_tracker import (
    TrackerFilters,
    export_action_tracker,
    tracker_model,
)
from reviewtool.services.outputs.publication import PublicationBlocked
from reviewtool.services.store import Store
from tests.store.test_counting_agreement import TODAY, counted  # noqa: F401 (fixture)


def test_grouped_by_review_then_owner_with_the_rapid_reviews_under_their_cspr(
    counted: Store,  # noqa: F811
) -> None:
    model = tracker_model(counted, TrackerFilters(), TODAY)
    assert model.action_count == 6  # the same 6 as the summary and the dashboard
    assert [review.reference for review in model.reviews] == ["A1", "B2", "C1"]
    b2 = model.reviews[1]
    assert [owner.owner for owner in b2.owners] == ["Health", "Police"]
    health = b2.owners[0].actions
    assert [(a.text, a.from_review, a.rag_word) for a in health] == [
        ("Action 1 of B2", "", "Green"),
        ("Action 1 of B1", "B1", "Amber"),
    ]
    assert {key: n for key, _, n in model.rag_counts} == {
        "red": 2,
        "amber": 1,
        "green": 3,
        "grey": 0,
    }
    assert "kept under the CSPR" in model.counting


def test_filters(counted: Store) -> None:  # noqa: F811
    def texts(filters: TrackerFilters) -> list[str]:
        model = tracker_model(counted, filters, TODAY)
        return sorted(a.text for r in model.reviews for o in r.owners for a in o.actions)

    assert texts(TrackerFilters(overdue=True)) == ["Action 2 of A1", "Action 2 of B2"]
    assert texts(TrackerFilters(agency="POL")) == ["Action 2 of A1", "Action 2 of B2"]
    assert texts(TrackerFilters(status="complete")) == [
        "Action 1 of A1",
        "Action 1 of B2",
        "Action 1 of C1",
    ]
    assert texts(TrackerFilters(status="amber")) == ["Action 1 of B1"]
    assert texts(TrackerFilters(agency="health", overdue=True)) == []
    with pytest.raises(InvalidInput, match="'purple' is not a status"):
        tracker_model(counted, TrackerFilters(status="purple"), TODAY)


def test_the_three_formats_carry_the_rag_in_words_and_colour(
    counted: Store,  # noqa: F811
    tmp_path: Path,
) -> None:
    from openpyxl import load_workbook

    for name in ("t.xlsx", "t.pdf", "t.html"):
        export_action_tracker(counted, TrackerFilters(), tmp_path / name, today=TODAY)
    sheet = load_workbook(tmp_path / "t.xlsx")["Action tracker"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[3]
    actions = rows[4:]
    assert len(actions) == 6
    column = header.index("RAG")
    kept = next(r for r in actions if r[header.index("From rapid review")] == "B1")
    assert kept[0] == "B2" and kept[column] == "Amber"
    assert kept[header.index("Assurance")] is None
    red_cell = next(row[column] for row in sheet.iter_rows(min_row=5) if row[column].value == "Red")
    assert red_cell.fill.fgColor.rgb.endswith("F4C7C3")
    pdf = subprocess.run(
        ["pdftotext", "-raw", str(tmp_path / "t.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    flat = " ".join(pdf.split())
    assert "Live action tracker" in flat and "B2: Review B2" in flat
    assert "set in rapid review B1" in flat
    assert "Red: not completed to timescale" in flat and "Amber: in progress and to time" in flat
    html = (tmp_path / "t.html").read_text(encoding="utf-8")
    assert html.count("<h2>") == 3 and "<strong>Red</strong>" in html
    assert 'style="background:#f4c7c3"' in html


def test_identifying_text_stops_the_tracker(counted: Store, tmp_path: Path) -> None:  # noqa: F811
    from reviewtool.services.reviews.editing import get_review, save_review

    loaded = get_review(counted, "A1")
    record = loaded.record
    action = (
        record.recommendations[0]
        .actions[0]
        .model_copy(update={"assurance": "Confirmed by phone on 07700 900123"})
    )
    recommendation = record.recommendations[0].model_copy(
        update={"actions": [action, *record.recommendations[0].actions[1:]]}
    )
    save_review(
        counted, record.model_copy(update={"recommendations": [recommendation]}), loaded.version
    )
    with pytest.raises(PublicationBlocked):
        export_action_tracker(counted, TrackerFilters(), tmp_path / "t.pdf", today=TODAY)
    assert not (tmp_path / "t.pdf").exists()
    export_action_tracker(
        counted, TrackerFilters(), tmp_path / "t.pdf", today=TODAY, override_reason="panel pack"
    )
    assert (tmp_path / "t.pdf").exists()
