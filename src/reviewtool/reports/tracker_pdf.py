"""The action tracker as a landscape PDF for the panel: review, then owner, then actions."""

from __future__ import annotations

from datetime import date
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
from reviewtool.reports.row_table import row_table
from reviewtool.reports.styles import TRACKER, paragraph_styles
from reviewtool.reports.tracker_model import RAG_FILLS, TrackerModel

WIDTHS = (0.17, 0.2, 0.08, 0.08, 0.1, 0.08, 0.145, 0.145)
HEADER = ["Recommendation", "Action", "Due", "Status", "RAG", "Done", "Assurance", "Impact"]


def _day(value: date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def write_tracker_pdf(model: TrackerModel, path: Path) -> Path:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    register_fonts()
    brand = safe_colour(model.brand_colour)
    width, height = landscape(A4)
    margin = 12 * mm
    usable = width - 2 * margin
    style = paragraph_styles(TRACKER, brand)

    story: list[Any] = [
        Paragraph(pdf_markup(model.title, BOLD), style["h1"]),
        Paragraph(
            pdf_markup(f"{model.partnership}. As at {model.generated:%d %B %Y}. {model.selection}"),
            style["body"],
        ),
    ]
    table = _rag_table(model, usable)
    story += [table, Spacer(1, 2 * mm), Paragraph(pdf_markup(model.counting), style["body"])]
    if not model.reviews:
        story.append(Paragraph("No actions match.", style["body"]))
    widths = [usable * w for w in WIDTHS]
    for review in model.reviews:
        story.append(
            Paragraph(pdf_markup(f"{review.reference}: {review.title}", BOLD), style["h2"])
        )
        for owner in review.owners:
            story.append(
                Paragraph(pdf_markup(f"{owner.owner} ({len(owner.actions)})", BOLD), style["h3"])
            )
            # Drawn row by row: a tracker of tens of thousands of actions stays quick.
            story.append(
                row_table(
                    HEADER,
                    [
                        [
                            action.recommendation,
                            action.text
                            + (
                                f" (set in rapid review {action.from_review})"
                                if action.from_review
                                else ""
                            ),
                            _day(action.due),
                            action.status,
                            f"{action.rag_word}: {action.rag_meaning}",
                            _day(action.completed),
                            action.assurance,
                            action.impact,
                        ]
                        for action in owner.actions
                    ],
                    widths,
                    header_fill=brand,
                    header_text=text_on(brand),
                    stripe="#f4f4f4",
                    size=7.5,
                    cell_fills=[{4: RAG_FILLS.get(a.rag, "#ffffff")} for a in owner.actions],
                )
            )

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(BOLD, 8)
        canvas.drawString(margin, height - 8 * mm, model.marking)
        canvas.setFont(REGULAR, 8)
        draw_right_text_runs(
            canvas,
            width - margin,
            height - 8 * mm,
            fit_line(model.partnership, REGULAR, 8, width * 0.6),
            8,
        )
        canvas.setFont(REGULAR, 8)
        canvas.drawRightString(width - margin, 7 * mm, f"Page {doc.page}")
        canvas.restoreState()

    partial = path.with_name(f".{path.name}.partial")
    try:
        SimpleDocTemplate(
            str(partial),
            pagesize=landscape(A4),
            leftMargin=margin,
            rightMargin=margin,
            topMargin=14 * mm,
            bottomMargin=12 * mm,
            title=f"{model.title} - {model.generated:%d %B %Y}",
            author=model.partnership,
            lang="en-GB",
            initialFontName=REGULAR,
        ).build(story, onFirstPage=decorate, onLaterPages=decorate)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def _rag_table(model: TrackerModel, usable: float) -> Any:
    """How many actions are at each RAG status, each colour beside its words."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    summary = [["RAG status", "Actions"]] + [
        [label, str(count)] for _, label, count in model.rag_counts
    ]
    table = Table(summary, colWidths=[usable * 0.3, usable * 0.08], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("FONTNAME", (0, 0), (-1, 0), BOLD),
                ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
                *[
                    ("BACKGROUND", (0, row), (0, row), colors.HexColor(RAG_FILLS[key]))
                    for row, (key, _, _) in enumerate(model.rag_counts, start=1)
                    if key in RAG_FILLS
                ],
            ]
        )
    )
    return table
