"""A :class:`DocumentModel` as a tagged-looking, plain A4 PDF: title, headings, lists, tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reviewtool.reports.colours import safe_colour
from reviewtool.reports.document_model import (
    Bullets,
    DocumentModel,
    Paragraph,
    Subheading,
    Table,
)
from reviewtool.reports.fonts import (
    BOLD,
    REGULAR,
    draw_right_text_runs,
    fit_line,
    pdf_markup,
    register_fonts,
)
from reviewtool.reports.styles import DOCUMENT, paragraph_styles


def _styles(brand: str) -> dict[str, Any]:
    return paragraph_styles(DOCUMENT, brand)


def _lead_paragraphs(block: Paragraph, style: Any) -> list[Any]:
    """The paragraph's blocks, the first led by its bold words (in the bold font itself)."""
    from reportlab.platypus import Paragraph as Para

    from reviewtool.reports.text import paragraphs

    blocks = paragraphs(block.text) or [""]
    lead = f"{pdf_markup(block.bold_lead, BOLD)} " if block.bold_lead else ""
    return [
        Para((lead if number == 0 else "") + pdf_markup(text).replace("\n", "<br/>"), style)
        for number, text in enumerate(blocks)
    ]


def _table(block: Table, styles: dict[str, Any], usable: float, brand: str) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph as Para
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    weights = block.widths or [1.0] * len(block.headings)
    widths = [usable * w / sum(weights) for w in weights]
    rows = [[Para(pdf_markup(h, BOLD), styles["head"]) for h in block.headings]]
    rows += [
        [Para(pdf_markup(c).replace("\n", "<br/>"), styles["cell"]) for c in row]
        for row in block.rows
    ]
    table = RLTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(brand)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#bbbbbb")),
            ]
        )
    )
    return table


def write_document_pdf(model: DocumentModel, path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph as Para
    from reportlab.platypus import SimpleDocTemplate, Spacer

    register_fonts()
    brand = safe_colour(model.brand_colour)
    styles = _styles(brand)
    width, height = A4
    margin = 18 * mm
    usable = width - 2 * margin
    story: list[Any] = [
        Para(pdf_markup(model.title, BOLD), styles["title"]),
        Para(pdf_markup(model.subtitle), styles["subtitle"]),
    ]
    for section in model.sections:
        story.append(Para(pdf_markup(section.heading, BOLD), styles["h1"]))
        for block in section.blocks:
            if isinstance(block, Paragraph):
                story.extend(_lead_paragraphs(block, styles["body"]))
            elif isinstance(block, Bullets):
                story.extend(
                    Para(pdf_markup(item).replace("\n", "<br/>"), styles["bullet"], bulletText="•")
                    for item in block.items
                )
            elif isinstance(block, Subheading):
                story.append(Para(pdf_markup(block.text, BOLD), styles["h2"]))
            elif isinstance(block, Table):
                story.extend([_table(block, styles, usable, brand), Spacer(1, 4 * mm)])

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(BOLD, 8.5)
        canvas.drawString(margin, height - 10 * mm, model.marking)
        canvas.setFont(REGULAR, 8.5)
        draw_right_text_runs(
            canvas,
            width - margin,
            height - 10 * mm,
            fit_line(model.partnership, REGULAR, 8.5, width * 0.6),
            8.5,
        )
        canvas.setFont(REGULAR, 8.5)
        canvas.drawRightString(width - margin, 10 * mm, f"Page {doc.page}")
        canvas.restoreState()

    partial = path.with_name(f".{path.name}.partial")
    try:
        SimpleDocTemplate(
            str(partial),
            pagesize=A4,
            leftMargin=margin,
            rightMargin=margin,
            topMargin=18 * mm,
            bottomMargin=18 * mm,
            title=model.title,
            author=model.partnership,
            subject=model.marking,
            creator="reviewtool",
            lang="en-GB",
            initialFontName=REGULAR,
        ).build(story, onFirstPage=decorate, onLaterPages=decorate)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path
