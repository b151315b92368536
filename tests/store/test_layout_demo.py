"""The layout check on every PDF written from the demo data: each review's briefing, each
topic briefing, the thematic summary and the slide decks."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from reviewtool.services.exchange.demo import load_demo
from reviewtool.services.outputs.briefings import (
    briefing_model,
    list_topic_briefings,
    write_briefing,
)
from reviewtool.services.outputs.slides import review_deck, write_deck
from reviewtool.services.outputs.thematic import ThematicRequest
from reviewtool.services.outputs.thematic_export import ThematicOutputs, export_thematic
from reviewtool.services.reviews.listing import list_reviews
from reviewtool.services.settings import load_settings, save_settings
from reviewtool.services.store import Store
from tests.conftest import TODAY
from tests.layout import layout_problems


def test_every_demo_pdf_passes_the_layout_check(sqlite_store: Store, tmp_path: Path) -> None:
    load_demo(sqlite_store)
    settings = load_settings(sqlite_store)
    settings.briefing_research = "Most infant deaths in unsafe sleep happen when plans change."
    settings.briefing_report_link = "https://example.org/published-reviews"
    settings.briefing_procedures = "Safer sleep procedure: https://example.org/procedures/sleep"
    settings.briefing_contact = "Tell us what you think: business.unit@example.org"
    save_settings(sqlite_store, settings)
    references = [row.reference for row in list_reviews(sqlite_store)]
    topics = [row.id for row in list_topic_briefings(sqlite_store)]
    problems: dict[str, list[str]] = {}
    for target in [*references, *topics]:
        model = briefing_model(sqlite_store, target)
        path = write_briefing(model, tmp_path / "b.pdf", action_plan=True)
        expected = [s.heading for s in model.sections] + [x.heading for x in model.further]
        problems[f"briefing {target}"] = layout_problems(path, expected)
    assert "Read the full report" in expected
    files = ThematicOutputs(pdf=tmp_path / "t.pdf")
    model = export_thematic(
        sqlite_store, ThematicRequest(date(2010, 1, 1), TODAY), files, today=TODAY
    )
    labels = [row.label for rows in model.factor_groups.values() for row in rows[:12]]
    problems["thematic"] = layout_problems(tmp_path / "t.pdf", labels)
    deck = review_deck(sqlite_store, references[:3])
    problems["slides"] = layout_problems(write_deck(deck, tmp_path / "s.pdf"))
    # The tagged documents for publication, too.
    tagged = write_briefing(
        briefing_model(sqlite_store, "NSP-CSPR-2021-01"), tmp_path / "tb.pdf", for_publication=True
    )
    problems["tagged briefing"] = layout_problems(tagged, ["Read the full report"])
    problems["tagged slides"] = layout_problems(
        write_deck(deck, tmp_path / "ts.pdf", for_publication=True)
    )
    files = ThematicOutputs(pdf=tmp_path / "tt.pdf")
    request = ThematicRequest(date(2010, 1, 1), TODAY, for_publication=True)
    export_thematic(sqlite_store, request, files, today=TODAY)
    problems["tagged thematic"] = layout_problems(tmp_path / "tt.pdf")
    assert (
        "Tagged:          yes"
        in subprocess.run(
            ["pdfinfo", str(tmp_path / "tt.pdf")], capture_output=True, text=True
        ).stdout
    )
    assert {name: found for name, found in problems.items() if found} == {}


def test_every_tagged_demo_pdf_passes_the_pdfua_check(sqlite_store: Store, tmp_path: Path) -> None:
    from tests.pdfua import pdfua_problems

    load_demo(sqlite_store)
    references = [row.reference for row in list_reviews(sqlite_store)]
    topics = [row.id for row in list_topic_briefings(sqlite_store)]
    problems: dict[str, list[str]] = {}
    for target in [*references, *topics]:
        model = briefing_model(sqlite_store, target)
        path = write_briefing(model, tmp_path / "b.pdf", for_publication=True)
        problems[f"briefing {target}"] = pdfua_problems(path)
    deck = review_deck(sqlite_store, references[:3])
    slides = write_deck(deck, tmp_path / "s.pdf", for_publication=True)
    problems["slides"] = pdfua_problems(slides)
    files = ThematicOutputs(pdf=tmp_path / "t.pdf")
    request = ThematicRequest(date(2010, 1, 1), TODAY, for_publication=True)
    export_thematic(sqlite_store, request, files, today=TODAY)
    problems["thematic"] = pdfua_problems(tmp_path / "t.pdf")
    assert len(problems) > 3
    assert {name: found for name, found in problems.items() if found} == {}
