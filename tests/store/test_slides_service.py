"""Slides built from the database: chosen reviews or a theme across a period."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from reviewtool.domain.errors import InvalidInput, NotFound
from reviewtool.services.exchange.demo import load_demo
from reviewtool.services.outputs.slides import export_slides, review_deck, theme_deck
from reviewtool.services.store import Store
from tests.cli_runner import CliResult, run_cli


@pytest.fixture
def demo(sqlite_store: Store) -> Store:
    load_demo(sqlite_store)
    return sqlite_store


def test_review_deck(demo: Store) -> None:
    deck = review_deck(demo, ["NSP-CSPR-2021-01"])
    titles = [slide.title for slide in deck.slides]
    assert titles == [
        "Child J: what happened",
        "Child J: the review's timeline",
        "Child J: what the review found",
        "Child J: key learning",
        "Child J: good practice",
        "Child J: reflective questions",
        "Questions and resources",
    ]
    timeline = deck.slides[1].timeline
    assert [what for _, what in timeline][:2] == ["Serious incident", "Notified to the Panel"]
    assert timeline[-1][1].startswith("Last of 3 actions due")
    found = dict(deck.slides[2].columns)
    assert list(found) == ["The child", "Parents and carers", "Professional practice"]
    assert "Unsafe sleep" in found["Parents and carers"]
    assert all(points for points in found.values())
    assert "Safer sleep messages must include fathers" in deck.slides[3].bullets[0]
    assert "Evidence: Father not included in safe sleep advice" in deck.slides[3].notes
    assert "Jayden" not in str(deck)  # identifiers never reach a deck


def test_theme_deck_counts_reviews_in_the_period(demo: Store) -> None:
    deck = theme_deck(demo, "parent.unsafe_sleep", date(2021, 1, 1), date(2026, 11, 21))
    first = deck.slides[0]
    # Child J's rapid review and its CSPR are one case (domain.counting).
    assert first.bullets[0].startswith("2 of 11 reviews")
    assert first.chart_categories == ["2021", "2026"] and first.chart_values == [1, 1]
    assert first.chart_colour == "#8a5a00"  # the theme's colour in the codebook
    assert "Co-sleeping on a sofa after alcohol" in deck.slides[1].quotes
    assert any("Provide cots" in line for line in deck.slides[2].bullets)
    only_2026 = theme_deck(demo, "parent.unsafe_sleep", date(2026, 1, 1), None)
    assert only_2026.slides[0].chart_values == [1]


def test_slides_need_reviews_or_a_theme(demo: Store, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="either"):
        export_slides(demo, tmp_path / "x.pptx")
    with pytest.raises(NotFound, match="no code"):
        export_slides(demo, tmp_path / "x.pptx", theme="parent.nothing")
    with pytest.raises(InvalidInput, match=r"\.pptx or \.pdf"):
        export_slides(demo, tmp_path / "x.ppt", refs=["NSP-CSPR-2021-01"])


def test_slides_command(demo: Store, tmp_path: Path) -> None:

    db = str(demo.database.path)
    demo.close()

    def run(*args: str) -> CliResult:
        return run_cli("slides", *args, db=db)

    result = run("NSP-CSPR-2021-01", "NSP-RR-2026-01", "--out", str(tmp_path / "r.pptx"))
    assert result.returncode == 0, result.stderr
    result = run(
        "--theme",
        "parent.unsafe_sleep",
        "--from",
        "2020-01-01",
        "--to",
        "2026-11-21",
        "--out",
        str(tmp_path / "t.pdf"),
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "t.pdf").read_bytes().startswith(b"%PDF")
    bad = run(
        "--theme", "parent.unsafe_sleep", "--from", "21/11/2026", "--out", str(tmp_path / "x.pdf")
    )
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr
    both = run(
        "NSP-CSPR-2021-01", "--theme", "parent.unsafe_sleep", "--out", str(tmp_path / "x.pdf")
    )
    assert both.returncode == 2 and "not both" in both.stderr


def test_closing_slide_carries_the_partnership_resources(demo: Store) -> None:
    from reviewtool.services.settings import load_settings, save_settings

    assert review_deck(demo, ["NSP-CSPR-2021-01"]).slides[-1].bullets[-1].startswith("Partnership")
    settings = load_settings(demo)
    settings.briefing_procedures = "Safer sleep procedure: https://example.org/sleep"
    settings.briefing_contact = "Feedback: unit@example.org"
    save_settings(demo, settings)
    closing = review_deck(demo, ["NSP-CSPR-2021-01"]).slides[-1]
    assert closing.title == "Questions and resources"
    assert closing.bullets[-2:] == [
        "Safer sleep procedure: https://example.org/sleep",
        "Feedback: unit@example.org",
    ]


def test_the_partnership_contact_address_does_not_block_the_deck(
    demo: Store, tmp_path: Path
) -> None:
    from reviewtool.services.settings import load_settings, save_settings

    settings = load_settings(demo)
    settings.briefing_contact = "Feedback: business.unit@northshire.example.org"
    save_settings(demo, settings)
    path = export_slides(demo, tmp_path / "d.pptx", ["NSP-CSPR-2021-01"])
    assert path.stat().st_size > 10_000
