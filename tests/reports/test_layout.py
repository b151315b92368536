"""The layout check on every PDF writer with long, short and many-script content."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from reviewtool.reports.briefing_pdf import write_briefing_pdf
from reviewtool.reports.slides_pdf import write_slides_pdf
from reviewtool.reports.thematic_pdf import write_thematic_pdf
from reviewtool.reports.thematic_pdf_parts import CHART_ROWS
from tests.layout import layout_problems
from tests.reports import stress


def pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])


@pytest.mark.parametrize("kind", stress.KINDS)
def test_briefing_layout(kind: str, tmp_path: Path) -> None:
    model = stress.briefing(kind)
    path = write_briefing_pdf(model, tmp_path / "b.pdf", action_plan=kind == "scripts")
    expected = [s.heading for s in model.sections] if kind != "scripts" else []
    assert layout_problems(path, expected) == []


@pytest.mark.parametrize("kind", stress.KINDS)
def test_thematic_layout(kind: str, tmp_path: Path) -> None:
    model = stress.thematic(kind)
    path = write_thematic_pdf(model, tmp_path / "t.pdf")
    labels = [] if kind == "scripts" else [r.label for r in model.recurring[:CHART_ROWS]]
    assert layout_problems(path, labels) == []


@pytest.mark.parametrize("kind", stress.KINDS)
def test_slides_layout(kind: str, tmp_path: Path) -> None:
    path = write_slides_pdf(stress.deck(kind), tmp_path / "s.pdf")
    assert layout_problems(path) == []


def test_the_check_finds_overprinting_and_text_off_the_page(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "bad.pdf"
    canvas = Canvas(str(path), pagesize=(300, 300))
    canvas.drawString(20, 100, "2 of 9 reviews (22%)")
    canvas.drawString(40, 100, "42.6%")
    canvas.drawString(250, 200, "runs off the page")
    canvas.line(135, 40, 135, 80)
    canvas.drawString(120, 60, "Good practice")
    canvas.save()
    problems = layout_problems(path, ["Sudden unexpected death in infancy (SUDI)"])
    assert any("overlaps" in p for p in problems)
    assert any("off the page" in p for p in problems)
    assert any("crosses a table rule" in p for p in problems)
    assert any("label missing" in p for p in problems)


def test_a_short_briefing_fills_one_page_in_large_type(tmp_path: Path) -> None:
    import pdfplumber

    path = write_briefing_pdf(stress.briefing("short"), tmp_path / "b.pdf")
    assert pages(path) == 1
    with pdfplumber.open(path) as pdf:
        sizes = [c["size"] for c in pdf.pages[0].chars if c["text"] == "S"]
    assert max(sizes) >= 13  # body text at the largest size, not 9.5 point


def test_a_long_briefing_never_goes_below_the_readable_minimum(tmp_path: Path) -> None:
    import pdfplumber

    path = write_briefing_pdf(stress.briefing("long"), tmp_path / "b.pdf")
    assert pages(path) >= 2
    with pdfplumber.open(path) as pdf:
        # Below the banner (whose roundel has small capitals) and above the footer.
        sizes = {
            round(c["size"], 1)
            for page in pdf.pages
            for c in page.chars
            if 100 < c["top"] < page.height - 45
        }
    assert min(sizes) >= 9
