"""Tagged PDF/UA-1 documents for publication: structure, language, title, bookmarks, table
header scope, the same content as the designed PDF, and the layout check."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from reviewtool.reports.briefing_html import briefing_html
from reviewtool.reports.slides_html import slides_html
from reviewtool.reports.tagged_pdf import write_tagged_pdf
from reviewtool.reports.thematic_appendix import APPENDIX_THEMES_UP_TO
from reviewtool.reports.thematic_html import thematic_html
from reviewtool.reports.thematic_outline import thematic_outline
from tests.layout import layout_problems
from tests.reports import stress


def structure(path: Path) -> tuple[dict[str, object], list[tuple[str | None, str | None]]]:
    import pikepdf

    with pikepdf.open(path) as pdf:
        root = pdf.Root
        facts: dict[str, object] = {
            "lang": str(root.get("/Lang")),
            "display_title": bool(root.ViewerPreferences.get("/DisplayDocTitle")),
            "ua": pdf.open_metadata().get("pdfuaid:part"),
            "marked": bool(root.MarkInfo.get("/Marked")),
        }
        with pdf.open_outline() as outline:
            facts["bookmarks"] = [
                child.title for item in outline.root for child in [item, *item.children]
            ]
        headers: list[tuple[str | None, str | None]] = []

        def walk(element: object, section: str | None) -> None:
            if isinstance(element, pikepdf.Dictionary):
                kind = str(element.get("/S", ""))
                section = kind if kind in ("/THead", "/TBody") else section
                if kind == "/TH":
                    scope = element.A.get("/Scope") if "/A" in element else None
                    headers.append((section, str(scope) if scope else None))
                children = element.get("/K")
                if children is not None:
                    items = children if isinstance(children, pikepdf.Array) else [children]
                    for child in items:
                        walk(child, section)

        walk(root.StructTreeRoot, None)
    return facts, headers


def text_of(path: Path) -> str:
    raw = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    return " ".join(raw.split())


@pytest.mark.parametrize("kind", ["short", "scripts"])
def test_tagged_thematic_summary(kind: str, tmp_path: Path) -> None:
    model = stress.thematic(kind)
    path = write_tagged_pdf(thematic_html(model), tmp_path / "t.pdf")
    facts, headers = structure(path)
    assert facts["lang"] == "en-GB" and facts["display_title"] and facts["ua"] == "1"
    assert facts["marked"]
    titles = [section.title for section in thematic_outline(model)]
    assert all(title in facts["bookmarks"] for title in titles)  # type: ignore[operator]
    assert headers and all(scope for _, scope in headers)
    assert ("/THead", "/Column") in headers and ("/TBody", "/Row") in headers
    text = text_of(path)
    for line in [*model.board.questions, model.findings[0]]:
        assert " ".join(line.split())[:60] in text
    assert layout_problems(path) == []


def test_tagged_briefing_and_slides(tmp_path: Path) -> None:
    model = stress.briefing("scripts")
    path = write_tagged_pdf(briefing_html(model), tmp_path / "b.pdf")
    facts, _ = structure(path)
    assert facts["lang"] == "en-GB" and facts["display_title"] and facts["ua"] == "1"
    text = text_of(path)
    for section in model.sections:
        assert section.heading in text
    assert "Read the full report" in text
    assert layout_problems(path) == []
    deck = stress.deck("long")
    slides = write_tagged_pdf(slides_html(deck), tmp_path / "s.pdf")
    facts, _ = structure(slides)
    assert facts["ua"] == "1"
    assert all(slide.title in facts["bookmarks"] for slide in deck.slides)  # type: ignore[operator]
    assert layout_problems(slides) == []


def test_a_long_appendix_is_tagged_and_lists_every_review(tmp_path: Path) -> None:
    # Beyond APPENDIX_THEMES_UP_TO reviews the appendix is one line per review, in columns
    # of fixed widths: every row is there, with its row header scoped.
    model = replace(stress.thematic("short"), appendix=stress.thematic("long").appendix)
    assert len(model.appendix) > APPENDIX_THEMES_UP_TO
    path = write_tagged_pdf(thematic_html(model), tmp_path / "t.pdf")
    _, headers = structure(path)
    assert all(scope for _, scope in headers)
    assert headers.count(("/TBody", "/Row")) >= len(model.appendix)
    text = text_of(path)
    assert all(row.reference in text for row in model.appendix)
    assert layout_problems(path) == []


def test_a_long_trend_is_split_into_tables_that_fit_the_page(tmp_path: Path) -> None:
    """Fifteen years of trend: every year is printed, at most eight to a table."""
    model = replace(stress.thematic("long"), appendix=stress.thematic("short").appendix)
    trend = model.board.trend
    assert trend is not None and len(trend.years) > 8
    path = write_tagged_pdf(thematic_html(model), tmp_path / "t.pdf")
    assert layout_problems(path) == []
    text = text_of(path)
    assert all(str(year) in text for year in trend.years)
    first, last = trend.years[0], trend.years[-1]
    assert f"by year, {first} to {trend.years[7]}" in text and f"to {last}" in text
