"""The learning slides as a 16:9 PDF, for trainers without PowerPoint.

Each slide's text is set at the largest size that fills its space (never below a size
readable from the back of a training room); charts and timelines sit beside the points.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reviewtool.reports.colours import safe_colour
from reviewtool.reports.fonts import (
    BOLD,
    REGULAR,
    draw_centred_text_runs,
    draw_text_runs,
    fit_line,
    pdf_markup,
    register_fonts,
)
from reviewtool.reports.slides_model import Deck, Slide
from reviewtool.reports.styles import SLIDES, paragraph_styles

MM = 72 / 25.4
WIDTH, HEIGHT = 338.67 * MM, 190.5 * MM
BAND = 30 * MM
FOOT = 12 * MM
MAX_BULLETS = 8
SCALES = (1.8, 1.6, 1.4, 1.25, 1.1, 1.0, 0.9, 0.8)
"""Body text from 30 to 14 point (17 point at scale 1)."""


def write_slides_pdf(deck: Deck, path: Path) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    partial = path.with_name(f".{path.name}.partial")
    canvas = Canvas(str(partial), pagesize=(WIDTH, HEIGHT), initialFontName=REGULAR, lang="en-GB")
    canvas.setTitle(deck.title)
    canvas.setAuthor(deck.partnership)
    canvas.setViewerPreference("DisplayDocTitle", "true")
    _title_slide(canvas, deck)
    for number, content in enumerate(deck.slides, start=2):
        canvas.bookmarkPage(f"slide{number}")
        canvas.addOutlineEntry(content.title, f"slide{number}", 0)
        _content_slide(canvas, deck, content, number)
    try:
        canvas.save()
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def _footer(canvas: Any, deck: Deck, number: int, left: float) -> None:
    from reportlab.lib import colors

    canvas.setFont(REGULAR, 9)
    canvas.setFillColor(colors.HexColor("#555555"))
    text = fit_line(deck.footer or deck.partnership, REGULAR, 9, WIDTH - left - 40 * MM)
    draw_text_runs(canvas, left, 6 * MM, text, 9, REGULAR)
    canvas.drawRightString(WIDTH - 12 * MM, 6 * MM, str(number))


def _logo(canvas: Any, deck: Deck, x: float, y: float, width: float, height: float) -> bool:
    if deck.logo is None or not deck.logo.is_file():
        return False
    try:
        canvas.drawImage(
            str(deck.logo), x, y, width, height, preserveAspectRatio=True, mask="auto", anchor="e"
        )
    except OSError:
        return False  # an unreadable logo is left out rather than failing the deck
    return True


def _title_slide(canvas: Any, deck: Deck) -> None:
    from reportlab.lib import colors
    from reportlab.platypus import Frame, Paragraph

    brand = safe_colour(deck.brand_colour)
    canvas.setFillColor(colors.HexColor(brand))
    canvas.rect(0, 0, 14 * MM, HEIGHT, stroke=0, fill=1)
    _logo(canvas, deck, WIDTH - 72 * MM, HEIGHT - 34 * MM, 60 * MM, 24 * MM)
    for scale in (1.0, 0.85, 0.7, 0.55):
        styles = paragraph_styles(SLIDES, brand, scale)
        items = [
            Paragraph(pdf_markup(deck.title, BOLD), styles["big_title"]),
            Paragraph(pdf_markup(deck.subtitle), styles["subtitle"]),
            Paragraph(pdf_markup(deck.partnership), styles["subtitle"]),
        ]
        frame = Frame(30 * MM, 24 * MM, WIDTH - 60 * MM, HEIGHT - 64 * MM)
        if _fits(items, frame):
            break
    frame.addFromList(items, canvas)
    _footer(canvas, deck, 1, 20 * MM)
    canvas.showPage()


def _fits(items: list[Any], frame: Any) -> bool:
    width = frame._aW
    used = 0.0
    for item in items:
        _, height = item.wrap(width, 10_000)
        used += height + item.getSpaceBefore() + item.getSpaceAfter()
    return bool(used <= frame._aH)


def _points(content: Slide, styles: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Paragraph

    items: list[Any] = [
        Paragraph(pdf_markup(line), styles["bullet"], bulletText="•")
        for line in content.bullets[:MAX_BULLETS]
    ]
    items += [Paragraph(f"“{pdf_markup(q)}”", styles["quote"]) for q in content.quotes[:4]]
    return items


def _content_slide(canvas: Any, deck: Deck, content: Slide, number: int) -> None:
    from reportlab.lib import colors
    from reportlab.platypus import Frame, Paragraph

    brand = safe_colour(deck.brand_colour)
    canvas.setFillColor(colors.HexColor(brand))
    canvas.rect(0, HEIGHT - BAND, WIDTH, BAND, stroke=0, fill=1)
    title_right = 12 * MM
    if _logo(canvas, deck, WIDTH - 52 * MM, HEIGHT - BAND + 4 * MM, 40 * MM, BAND - 8 * MM):
        title_right = 56 * MM
    for scale in (1.0, 0.85, 0.7):
        styles = paragraph_styles(SLIDES, brand, scale)
        title = [Paragraph(pdf_markup(content.title, BOLD), styles["title"])]
        frame = Frame(12 * MM, HEIGHT - BAND + 1, WIDTH - 12 * MM - title_right, BAND - 2)
        if _fits(title, frame):
            break
    frame.addFromList(title, canvas)
    text_left = 14 * MM
    if content.has_chart:
        _draw_chart(
            canvas,
            content,
            14 * MM,
            FOOT + 6 * MM,
            WIDTH * 0.52,
            HEIGHT - BAND - FOOT - 14 * MM,
            brand,
        )
        text_left = WIDTH * 0.6
    elif content.has_timeline:
        _draw_timeline(canvas, content, 14 * MM, WIDTH - 28 * MM, brand)
    top = HEIGHT - BAND - 8 * MM
    if content.has_columns:
        _draw_columns(canvas, content, top, brand)
    bottom = FOOT + 4 * MM + (55 * MM if content.has_timeline else 0)
    body = Frame(text_left, bottom, WIDTH - text_left - 14 * MM, top - bottom)
    # The largest text that fits; what still does not fit stays in the speaker notes.
    for scale in SCALES:
        items = _points(content, paragraph_styles(SLIDES, brand, scale))
        if _fits(items, body):
            break
    body.addFromList(items, canvas)
    _footer(canvas, deck, number, 12 * MM)
    canvas.showPage()


def _draw_columns(canvas: Any, content: Slide, top: float, brand: str) -> None:
    """Side-by-side lists under their headings, all at the largest size where every one fits."""
    from reportlab.platypus import Frame, Paragraph

    count = len(content.columns)
    gap, left = 8 * MM, 14 * MM
    width = (WIDTH - 2 * left - gap * (count - 1)) / count
    bottom = FOOT + 4 * MM

    def column_items(scale: float) -> list[list[Any]]:
        styles = paragraph_styles(SLIDES, brand, scale)
        return [
            [Paragraph(pdf_markup(heading, BOLD), styles["column"])]
            + [
                Paragraph(pdf_markup(point), styles["bullet"], bulletText="•")
                for point in points[:MAX_BULLETS]
            ]
            for heading, points in content.columns
        ]

    frames = [
        Frame(left + index * (width + gap), bottom, width, top - bottom) for index in range(count)
    ]
    for scale in SCALES:
        columns = column_items(scale)
        if all(_fits(items, frame) for items, frame in zip(columns, frames, strict=True)):
            break
    for items, frame in zip(columns, frames, strict=True):
        frame.addFromList(items, canvas)


def _draw_timeline(canvas: Any, content: Slide, left: float, width: float, brand: str) -> None:
    """Events on a line across the foot of the slide, labels alternating above and below."""
    from reportlab.lib import colors
    from reportlab.lib.utils import simpleSplit

    events = content.timeline[:7]
    y = FOOT + 30 * MM
    canvas.setStrokeColor(colors.HexColor(brand))
    canvas.setLineWidth(3)
    canvas.line(left, y, left + width, y)
    step = width / max(len(events), 1)
    for index, (when, what) in enumerate(events):
        x = left + step * (index + 0.5)
        canvas.setFillColor(colors.HexColor(brand))
        canvas.circle(x, y, 2.6 * MM, stroke=0, fill=1)
        lines = simpleSplit(f"{what}", REGULAR, 14, step - 6 * MM)[:3]
        above = index % 2 == 0
        base = y + 6 * MM if above else y - 10 * MM
        canvas.setFillColor(colors.HexColor("#111111"))
        draw_centred_text_runs(canvas, x, base + (len(lines) * 17 if above else 0), when, 14, BOLD)
        for number, line in enumerate(lines):
            offset = (len(lines) - 1 - number) * 17 if above else -(number + 1) * 17
            draw_centred_text_runs(canvas, x, base + offset, line, 14, REGULAR)


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
    chart.categoryAxis.labels.fontSize = 11 if len(content.chart_categories) <= 10 else 8
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 11
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = max(1, max(content.chart_values or [1]) // 5)
    chart.bars[0].fillColor = colors.HexColor(safe_colour(content.chart_colour or brand))
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 11
    chart.barLabels.nudge = 8
    drawing.add(chart)
    title = fit_line(content.chart_title or "", BOLD, 14, w - 50)
    drawing.add(String(40, h - 20, title, fontName=BOLD, fontSize=14))
    renderPDF.draw(drawing, canvas, x, y)
