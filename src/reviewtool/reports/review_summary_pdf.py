"""A review's public one-page summary as a tagged-style PDF: seven headed sections."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reviewtool.reports.colours import safe_colour, text_on
from reviewtool.reports.fonts import (
    BOLD,
    REGULAR,
    draw_right_text_runs,
    fit_line,
    pdf_markup,
    register_fonts,
)
from reviewtool.reports.review_summary_model import ReviewSummaryModel
from reviewtool.reports.styles import REVIEW_SUMMARY, paragraph_styles


def write_review_summary_pdf(model: ReviewSummaryModel, path: Path) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate

    register_fonts()
    brand = safe_colour(model.brand_colour)
    width, height = A4
    margin = 16 * mm
    style = paragraph_styles(REVIEW_SUMMARY, brand)
    story: list[Any] = [
        Paragraph(pdf_markup(model.title, BOLD), style["title"]),
        Paragraph(
            pdf_markup(f"{model.kind} ({model.reference}). {model.when}. {model.partnership}."),
            style["sub"],
        ),
    ]
    for section in model.sections:
        heading = Paragraph(pdf_markup(section.heading, BOLD), style["h2"])
        if section.paragraphs:
            body = [Paragraph(pdf_markup(text), style["body"]) for text in section.paragraphs]
        elif section.items:
            body = [
                Paragraph(pdf_markup(item), style["item"], bulletText="\u2022")
                for item in section.items
            ]
        else:
            body = [Paragraph(pdf_markup(section.empty), style["body"])]
        story += [KeepTogether([heading, body[0]]), *body[1:]]

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(colors.HexColor(brand))
        canvas.rect(0, height - 8 * mm, width, 8 * mm, stroke=0, fill=1)
        canvas.setFillColor(colors.HexColor(text_on(brand)))
        canvas.setFont(BOLD, 8)
        canvas.drawString(margin, height - 5.5 * mm, "Review summary")
        canvas.setFont(REGULAR, 8)
        draw_right_text_runs(
            canvas,
            width - margin,
            height - 5.5 * mm,
            fit_line(model.partnership, REGULAR, 8, width * 0.6),
            8,
        )
        canvas.setFillColor(colors.HexColor("#333333"))
        canvas.setFont(REGULAR, 8)
        canvas.drawRightString(width - margin, 8 * mm, f"Page {doc.page}")
        canvas.restoreState()

    partial = path.with_name(f".{path.name}.partial")
    try:
        SimpleDocTemplate(
            str(partial),
            pagesize=A4,
            leftMargin=margin,
            rightMargin=margin,
            topMargin=14 * mm,
            bottomMargin=14 * mm,
            title=f"{model.title}: review summary",
            author=model.partnership,
            lang="en-GB",
            initialFontName=REGULAR,
        ).build(story, onFirstPage=decorate, onLaterPages=decorate)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path
