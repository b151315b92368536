"""Word and PowerPoint files: A4, British English, the partnership's brand, real header rows,
a slide template whose layouts have room for their titles, and the thematic twin."""

from __future__ import annotations

import subprocess
from pathlib import Path

from reviewtool.paths import resource
from reviewtool.reports.briefing_docx import write_briefing_docx
from reviewtool.reports.briefing_html import briefing_html
from reviewtool.reports.briefing_pdf import write_briefing_pdf
from reviewtool.reports.slides_pptx import DEFAULT_TEMPLATE, write_slides_pptx
from reviewtool.reports.thematic_docx import write_thematic_docx
from reviewtool.reports.thematic_html import thematic_html
from reviewtool.reports.thematic_outline import thematic_outline
from reviewtool.reports.thematic_pdf import write_thematic_pdf
from tests.reports import stress

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_every_layout_of_the_slide_template_gives_its_title_room() -> None:
    from pptx import Presentation

    presentation = Presentation(str(resource(DEFAULT_TEMPLATE)))
    for layout in presentation.slide_layouts:
        for placeholder in layout.placeholders:
            assert placeholder.height > 0 and placeholder.width > 0, (layout.name, placeholder.name)


def test_decks_are_branded_with_colour_footer_and_timeline(tmp_path: Path) -> None:
    from dataclasses import replace

    from pptx import Presentation

    from reviewtool.reports.slides_model import Slide

    deck = stress.deck("short")
    deck = replace(
        deck,
        brand_colour="#7a1f5c",
        footer="Northshire SCP - learning from reviews",
        slides=[
            *deck.slides,
            Slide(
                "Timeline", timeline=[("Apr 2021", "Serious incident"), ("Feb 2022", "Published")]
            ),
        ],
    )
    presentation = Presentation(str(write_slides_pptx(deck, tmp_path / "d.pptx")))
    slides = list(presentation.slides)
    fills = [
        str(shape.fill.fore_color.rgb)
        for shape in slides[1].shapes
        if shape.shape_type == 1 and shape.fill.type == 1  # an autoshape, solid fill
    ]
    assert "7A1F5C" in fills
    texts = [
        shape.text_frame.text for slide in slides for shape in slide.shapes if shape.has_text_frame
    ]
    assert any("Northshire SCP - learning from reviews" in text for text in texts)
    assert any("Serious incident" in text for text in texts)
    for slide in slides:
        assert slide.shapes.title.height > 0
    assert presentation.core_properties.language == "en-GB"


def test_word_files_are_a4_british_and_have_header_rows(tmp_path: Path) -> None:
    from docx import Document

    model = stress.thematic("scripts")
    path = write_thematic_docx(model, tmp_path / "t.docx")
    document = Document(str(path))
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    languages = document.styles.element.findall(f".//{W}lang")
    assert languages and all(lang.get(f"{W}val") == "en-GB" for lang in languages)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [section.title for section in thematic_outline(model)]
    first_rows = [table.rows[0]._tr for table in document.tables]
    assert first_rows and all(row.find(f".//{W}tblHeader") is not None for row in first_rows)
    assert str(document.styles["Heading 1"].font.color.rgb) != "None"
    briefing = Document(str(write_briefing_docx(stress.briefing("long"), tmp_path / "b.docx")))
    assert round(briefing.sections[0].page_width.cm, 1) == 21.0


def test_one_section_order_drives_pdf_html_and_word(tmp_path: Path) -> None:
    model = stress.thematic("short")
    titles = [section.title for section in thematic_outline(model)]
    html = thematic_html(model)
    positions = [html.index(f">{title}</h2>") for title in titles]
    assert positions == sorted(positions)
    pdf = write_thematic_pdf(model, tmp_path / "t.pdf")
    text = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    body = text[text.index(titles[-1]) + 1 :]  # after the contents page's list
    at = [body.find(f"\n{title}\n") for title in titles[:-1]]
    assert -1 not in at and at == sorted(at)


def test_briefing_carries_the_optional_parts_with_live_links(tmp_path: Path) -> None:
    model = stress.briefing("scripts")
    path = write_briefing_pdf(model, tmp_path / "b.pdf")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    for heading in ("What the research tells us", "Read the full report", "Contact and feedback"):
        assert heading in text
    raw = path.read_bytes()
    assert b"https://example.org/reviews/child-j-learning-review" in raw  # a link annotation
    html = briefing_html(model)
    assert '<a href="https://example.org/reviews/child-j-learning-review">' in html


def _is_branded_a4_british(document: object, width_cm: float, height_cm: float) -> bool:
    section = document.sections[0]  # type: ignore[attr-defined]
    languages = document.styles.element.findall(f".//{W}lang")  # type: ignore[attr-defined]
    first_rows = [table.rows[0]._tr for table in document.tables]  # type: ignore[attr-defined]
    return (
        round(section.page_width.cm, 1) == width_cm
        and round(section.page_height.cm, 1) == height_cm
        and bool(languages)
        and all(lang.get(f"{W}val") == "en-GB" for lang in languages)
        and bool(first_rows)
        and all(row.find(f".//{W}tblHeader") is not None for row in first_rows)
        and "Northshire" in section.header.paragraphs[0].text
    )


def test_workflow_word_files_are_branded_like_the_others(tmp_path: Path) -> None:
    """The rapid review report and the integrated chronology: A4 (the chronology landscape),
    British English, the partnership in the header, tables with real header rows."""
    from datetime import date

    from docx import Document

    from reviewtool.domain.chronology import ChronologyLine
    from reviewtool.reports.chronology_docx import write_chronology_docx
    from reviewtool.reports.chronology_model import ChronologyModel
    from reviewtool.reports.document_docx import write_document_docx
    from reviewtool.reports.document_model import DocumentModel, Section, Table

    report = DocumentModel(
        title="Rapid review: Child Ł",
        subtitle="Northshire Safeguarding Children Partnership. Reference RR-1.",
        partnership="Northshire Safeguarding Children Partnership",
        marking="OFFICIAL-SENSITIVE",
        sections=[Section("Agencies", [Table(["Agency", "Returned"], [["Police", "Yes"]])])],
        brand_colour="#7a1f5c",
    )
    document = Document(str(write_document_docx(report, tmp_path / "report.docx")))
    assert _is_branded_a4_british(document, 21.0, 29.7)
    assert [c.text for c in document.tables[0].rows[1].cells] == ["Police", "Yes"]
    line = ChronologyLine("e1", "Health", date(2026, 3, 2), None, "Home visit: ząb", None, None)
    chronology = ChronologyModel(
        "Northshire Safeguarding Children Partnership", "RR-1", "Child Ł", [line]
    )
    document = Document(str(write_chronology_docx(chronology, tmp_path / "chronology.docx")))
    assert _is_branded_a4_british(document, 29.7, 21.0)
    assert document.tables[0].rows[1].cells[2].text == "Home visit: ząb"
