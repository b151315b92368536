"""Learning slides: the PPTX reopens with its slides, chart and notes; the PDF twin; LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from reviewtool.reports.slides_model import Deck, Slide
from reviewtool.reports.slides_pdf import write_slides_pdf
from reviewtool.reports.slides_pptx import write_slides_pptx

NAMES = "Zofia Wiśniewska, Gethin ap Llŷr, عائشہ خان, Lily 🌻"


def deck() -> Deck:
    return Deck(
        title=f"Learning from our reviews: {NAMES}",
        subtitle="Learning slides for practitioners",
        partnership="Northshire Safeguarding Children Partnership",
        brand_colour="#1f5f8b",
        slides=[
            Slide(
                title="Child J: what happened",
                bullets=["Child J died aged under one month.", f"Named: {NAMES} <b>&amp;</b>"],
                notes="Details were changed to protect the family.",
            ),
            Slide(
                title="How often unsafe sleep featured",
                bullets=["3 of 18 reviews (17%)"],
                chart_title="Reviews by year",
                chart_categories=["2021", "2026"],
                chart_values=[2, 1],
                notes="Child J twice (rapid review and CSPR), Baby T.",
            ),
            Slide(
                title="In the reviews' own words",
                quotes=["Father not included in safe sleep advice"],
                notes="Quotes are evidence notes.",
            ),
            Slide(
                title="A long list",
                bullets=[f"Point {n}" for n in range(20)],
                notes="All points: " + ", ".join(str(n) for n in range(20)),
            ),
        ],
        notes="Pseudonyms are used throughout.",
    )


def test_pptx_reopens_with_slides_chart_and_notes(tmp_path: Path) -> None:
    from pptx import Presentation

    path = write_slides_pptx(deck(), tmp_path / "d.pptx")
    presentation = Presentation(str(path))
    assert presentation.slide_width * 9 == presentation.slide_height * 16  # 16:9
    slides = list(presentation.slides)
    assert len(slides) == 5
    titles = [s.shapes.title.text for s in slides]
    assert titles[0] == f"Learning from our reviews: {NAMES}"
    assert titles[1:] == [
        "Child J: what happened",
        "How often unsafe sleep featured",
        "In the reviews' own words",
        "A long list",
    ]
    texts = " ".join(
        shape.text_frame.text for s in slides for shape in s.shapes if shape.has_text_frame
    )
    assert NAMES in texts and "<b>&amp;</b>" in texts
    charts = [shape for shape in slides[2].shapes if shape.has_chart]
    assert len(charts) == 1
    chart = charts[0].chart
    assert list(chart.plots[0].categories) == ["2021", "2026"]
    assert list(chart.plots[0].series[0].values) == [2, 1]
    assert (
        slides[1].notes_slide.notes_text_frame.text == "Details were changed to protect the family."
    )
    assert slides[4].notes_slide.notes_text_frame.text.endswith("18, 19")
    assert "and 12 more" in texts


def test_a_trainers_own_template_is_used(tmp_path: Path) -> None:
    from pptx import Presentation

    template = tmp_path / "ours.pptx"
    own = Presentation()
    own.core_properties.subject = "Our house style"
    own.save(str(template))
    path = write_slides_pptx(deck(), tmp_path / "d.pptx", template=template)
    assert Presentation(str(path)).core_properties.subject == "Our house style"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils from scripts/test.sh")
def test_pdf_deck_has_every_slide_and_embedded_fonts(tmp_path: Path) -> None:
    import unicodedata

    path = write_slides_pdf(deck(), tmp_path / "d.pdf")
    text = unicodedata.normalize(
        "NFKC",
        subprocess.run(
            ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout,
    )
    for title in ("Child J: what happened", "How often unsafe sleep featured", "A long list"):
        assert title in text
    for name in ("Wiśniewska", "Llŷr", "🌻", "خان"):
        assert name in text
    fonts = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts and all(" yes yes yes " in line for line in fonts)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice from scripts/test.sh")
def test_libreoffice_converts_the_pptx_headless(tmp_path: Path) -> None:
    path = write_slides_pptx(deck(), tmp_path / "d.pptx")
    result = subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "out"),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    converted = tmp_path / "out" / "d.pdf"
    assert result.returncode == 0 and converted.exists(), result.stderr
    text = subprocess.run(["pdftotext", str(converted), "-"], capture_output=True, text=True).stdout
    assert "How often unsafe sleep featured" in text


HOSTILE = "<p:sp>&amp; ]]> \x00\x01\x0b\x1b\ufffe " + "Z" * 4000 + " \u202e tail"


def test_hostile_text_into_every_slide_format(tmp_path: Path) -> None:
    from pptx import Presentation

    hostile = Deck(
        title=HOSTILE[:200],
        subtitle=HOSTILE,
        partnership=HOSTILE[:80],
        brand_colour="not a colour",
        slides=[Slide(title=HOSTILE[:120], bullets=[HOSTILE] * 3, notes=HOSTILE, quotes=[HOSTILE])],
    )
    pptx = write_slides_pptx(hostile, tmp_path / "h.pptx")
    texts = [
        shape.text_frame.text
        for slide in Presentation(str(pptx)).slides
        for shape in slide.shapes
        if shape.has_text_frame
    ]
    assert any("<p:sp>&amp; ]]>" in text for text in texts)
    pdf = write_slides_pdf(hostile, tmp_path / "h.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")


def test_hostile_text_into_docx_and_html(tmp_path: Path) -> None:
    from datetime import date

    from docx import Document

    from reviewtool.reports.briefing_docx import write_briefing_docx
    from reviewtool.reports.briefing_html import briefing_html
    from reviewtool.reports.briefing_model import BriefingModel, BriefingSectionModel

    model = BriefingModel(
        HOSTILE[:60],
        "#zzzzzz",
        None,
        HOSTILE[:300],
        HOSTILE,
        [BriefingSectionModel(n, HOSTILE[:50], HOSTILE, n == 6) for n in range(1, 8)],
        "draft",
        1,
        date(2026, 11, 21),
    )
    document = Document(str(write_briefing_docx(model, tmp_path / "h.docx")))
    assert any("<p:sp>&amp; ]]>" in p.text for p in document.paragraphs)
    html = briefing_html(model)
    assert "<p:sp>" not in html and "&lt;p:sp&gt;" in html and "\x00" not in html
