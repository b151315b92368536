"""The learning slides as a 16:9 PDF, for trainers without PowerPoint."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reviewtool.reports.colours import safe_colour, text_on
from reviewtool.reports.fonts import BOLD, REGULAR, pdf_markup, register_fonts
from reviewtool.reports.slides_model import Deck, Slide

MAX_BULLETS = 8


def write_slides_pdf(deck: Deck, path: Path) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Frame, Paragraph

    register_fonts()
    width, height = 338.67 * mm, 190.5 * mm
    brand = safe_colour(deck.brand_colour)
    title_style = ParagraphStyle(
        "t", fontName=BOLD, fontSize=26, leading=31, textColor=colors.HexColor(text_on(brand))
    )
    big_title = ParagraphStyle(
        "T", parent=title_style, fontSize=34, leading=40, textColor=colors.HexColor(brand)
    )
    bullet = ParagraphStyle(
        "b",
        fontName=REGULAR,
        bulletFontName=REGULAR,
        fontSize=17,
        leading=22,
        leftIndent=14,
        bulletIndent=0,
        spaceAfter=7,
    )
    quote = ParagraphStyle(
        "q", parent=bullet, fontName=REGULAR, textColor=colors.HexColor("#333333")
    )
    partial = path.with_name(f".{path.name}.partial")
    canvas = Canvas(str(partial), pagesize=(width, height), initialFontName=REGULAR, lang="en-GB")
    canvas.setTitle(deck.title)
    canvas.setAuthor(deck.partnership)

    def footer(number: int) -> None:
        canvas.setFont(REGULAR, 9)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(12 * mm, 6 * mm, deck.partnership[:120])
        canvas.drawRightString(width - 12 * mm, 6 * mm, str(number))

    # Title slide.
    canvas.setFillColor(colors.HexColor(brand))
    canvas.rect(0, 0, 14 * mm, height, stroke=0, fill=1)
    frame = Frame(30 * mm, 40 * mm, width - 60 * mm, height - 80 * mm, showBoundary=0)
    frame.addFromList(
        [
            Paragraph(pdf_markup(deck.title, BOLD), big_title),
            Paragraph(pdf_markup(deck.subtitle), bullet),
            Paragraph(pdf_markup(deck.partnership), bullet),
        ],
        canvas,
    )
    footer(1)
    canvas.showPage()

    for number, content in enumerate(deck.slides, start=2):
        canvas.setFillColor(colors.HexColor(brand))
        canvas.rect(0, height - 30 * mm, width, 30 * mm, stroke=0, fill=1)
        title_frame = Frame(12 * mm, height - 29 * mm, width - 24 * mm, 28 * mm, showBoundary=0)
        title_frame.addFromList([Paragraph(pdf_markup(content.title, BOLD), title_style)], canvas)
        text_left = 14 * mm
        if content.has_chart:
            _draw_chart(canvas, content, 14 * mm, 18 * mm, width * 0.52, height - 60 * mm, brand)
            text_left = width * 0.6
        items: list[Any] = [
            Paragraph(pdf_markup(line), bullet, bulletText="•")
            for line in content.bullets[:MAX_BULLETS]
        ]
        items += [Paragraph(f"“{pdf_markup(q)}”", quote) for q in content.quotes[:4]]
        body = Frame(text_left, 14 * mm, width - text_left - 14 * mm, height - 50 * mm)
        body.addFromList(items, canvas)  # what does not fit stays in the speaker notes
        footer(number)
        canvas.showPage()
    try:
        canvas.save()
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def _draw_chart(
    canvas: Any, content: Slide, x: float, y: float, w: float, h: float, brand: str
) -> None:
    from reportlab.graphics import renderPDF
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    drawing = Drawing(w, h)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 40, w - 60, h - 80
    chart.data = [content.chart_values]
    chart.categoryAxis.categoryNames = content.chart_categories
    chart.categoryAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = max(1, max(content.chart_values or [1]) // 5)
    chart.bars[0].fillColor = colors.HexColor(safe_colour(content.chart_colour or brand))
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = REGULAR
    chart.barLabels.nudge = 8
    drawing.add(chart)
    drawing.add(String(40, h - 20, content.chart_title or "", fontName=BOLD, fontSize=13))
    renderPDF.draw(drawing, canvas, x, y)
