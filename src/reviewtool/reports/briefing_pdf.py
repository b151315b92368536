"""The 7-minute briefing as an A4 PDF worth pinning on a staff-room wall.

Seven numbered sections read 1 to 7 down two columns, then the optional parts of the
partnership's template. The type is the largest size at which everything fits on one page,
never below a readable minimum; only text too long for one page at that minimum continues on
a second. Only embedded fonts are used.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reviewtool.reports.briefing_model import BriefingModel
from reviewtool.reports.colours import safe_colour, text_on, tint
from reviewtool.reports.flowables import heading_with_first, whole_if_short
from reviewtool.reports.fonts import (
    BOLD,
    REGULAR,
    draw_text_runs,
    fit_line,
    pdf_markup,
    register_fonts,
)
from reviewtool.reports.styles import BRIEFING, paragraph_styles
from reviewtool.reports.text import clean, link_target, paragraphs, split_links

MM = 72 / 25.4
HEADER_HEIGHT_MM = 34
MARGIN = 14 * MM
GUTTER = 6 * MM
FOOTER = 14 * MM
SMALLEST_SCALE = 9 / 9.5
"""Body text never below 9 point (it is 9.5 point at scale 1)."""
LARGEST_SCALE = 1.45
SCALE_STEP = 0.025
FILL = 1.0
"""The share of the page's height the measured text may fill (the title plus half the
columns' text); if a briefing still runs over, the writer steps the size down."""


def write_briefing_pdf(model: BriefingModel, path: Path, action_plan: bool = False) -> Path:
    register_fonts()
    scale = _largest_scale_that_fits(model)
    partial = path.with_name(f".{path.name}.partial")
    try:
        pages = _build(model, str(partial), scale, action_plan)
        # The measure is an estimate: if the text still ran over, step down (rarely needed).
        while pages > 1 + int(action_plan) and scale > SMALLEST_SCALE:
            scale = max(SMALLEST_SCALE, scale - SCALE_STEP)
            pages = _build(model, str(partial), scale, action_plan)
        partial.replace(path)  # never a half-written PDF under the real name
    finally:
        partial.unlink(missing_ok=True)
    return path


def _page() -> tuple[float, float]:
    from reportlab.lib.pagesizes import A4

    return float(A4[0]), float(A4[1])


def _body_frame_height() -> float:
    _, height = _page()
    return height - HEADER_HEIGHT_MM * MM - 4 * MM - FOOTER - 3 * MM - 12


def _column_width() -> float:
    width, _ = _page()
    return (width - 2 * MARGIN - GUTTER) / 2


def _height_of(flowables: list[Any], width: float) -> float:
    total = 0.0
    for flowable in flowables:
        _, used = flowable.wrap(width, 10_000)
        total += used + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def _measured_height(model: BriefingModel, scale: float) -> float:
    """The height the title and the two balanced columns take at ``scale``."""
    width, _ = _page()
    styles = paragraph_styles(BRIEFING, model.brand_colour, scale)
    title = _height_of(_title(model, styles), width - 2 * MARGIN)
    return title + _height_of(_columns(model, styles), _column_width()) / 2


def _largest_scale_that_fits(model: BriefingModel) -> float:
    """The largest type scale at which the title and the columns fill one page (measured,
    which is cheaper than laying the page out at each size). Text height grows with the
    square of the scale (taller lines, and more of them), so one measure gives a close first
    guess; a second confirms it, stepping down only if the guess was too large."""
    from math import floor, sqrt

    room = _body_frame_height() * FILL
    guess = sqrt(room / max(_measured_height(model, 1.0), 1.0))
    steps = floor((min(guess, LARGEST_SCALE) - SMALLEST_SCALE) / SCALE_STEP + 1e-9)
    scale = SMALLEST_SCALE + max(steps, 0) * SCALE_STEP
    while scale > SMALLEST_SCALE and _measured_height(model, scale) > room:
        scale = max(SMALLEST_SCALE, scale - SCALE_STEP)
    return scale


def _title(model: BriefingModel, styles: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer

    return [
        Paragraph(pdf_markup(model.title, BOLD), styles["title"]),
        Spacer(1, 1.5 * MM),
        Paragraph(pdf_markup(model.subtitle), styles["subtitle"]),
        Spacer(1, 3 * MM),
    ]


def _linked(text: str, brand: str) -> str:
    """Paragraph markup with each web address a live link, shown without its scheme and
    breaking only after a slash or a dot (zero-width spaces), never mid-word."""
    out: list[str] = []
    for piece, is_link in split_links(clean(text)):
        if is_link:
            shown = re.sub(r"^https?://", "", piece)
            shown = re.sub(r"([/.@])(?=.)", "\\1\u200b", shown)
            target = escape(link_target(piece), {chr(34): "&quot;"})
            if out and len(shown) > 24:
                out.append("<br/>")  # a long address starts its own line, not mid-line
            out.append(f'<a href="{target}" color="{brand}">')
            out.append(f"<u>{pdf_markup(shown)}</u></a>")
        else:
            out.append(pdf_markup(piece))
    return "".join(out)


def _columns(model: BriefingModel, styles: dict[str, Any]) -> list[Any]:
    """The numbered sections then the optional parts, each heading kept with its text."""
    from reportlab.platypus import Paragraph

    brand = safe_colour(model.brand_colour)
    size = styles["heading"].fontSize
    flowables: list[Any] = []
    for section in model.numbered:
        style = styles["question"] if section.is_questions else styles["body"]
        lines = paragraphs(section.body)
        if section.is_questions:
            lines = [line for block in lines for line in block.split("\n") if line.strip()]
        body = [whole_if_short(pdf_markup(line), style) for line in lines or [" "]]
        heading = Paragraph(
            f'<font size="{size * 1.25:.1f}">{section.number}</font>&nbsp;&nbsp;'
            f"{pdf_markup(section.heading, BOLD)}",
            styles["heading"],
        )
        # A heading never ends a column: it stays with the first paragraph under it.
        flowables.append(heading_with_first(heading, body[0]))
        flowables.extend(body[1:])
    for extra in model.further:
        heading = Paragraph(pdf_markup(extra.heading, BOLD), styles["heading"])
        body = [Paragraph(_linked(line, brand), styles["link"]) for line in extra.lines or [" "]]
        flowables.append(heading_with_first(heading, body[0]))
        flowables.extend(body[1:])
    return flowables


def _story(
    model: BriefingModel, styles: dict[str, Any], action_plan: bool, balanced: bool
) -> list[Any]:
    """Title, then the columns read down the first then the second: 1 to 7 in order. Text
    that fills the page flows from column to column (cheap to lay out); a short briefing,
    already at the largest size, is balanced so that both columns end level."""
    from reportlab.platypus import BalancedColumns, FrameBreak, NextPageTemplate, PageBreak

    story: list[Any] = [NextPageTemplate("later"), *_title(model, styles)]
    if balanced:
        story.append(
            BalancedColumns(
                _columns(model, styles),
                nCols=2,
                spaceBefore=0,
                spaceAfter=0,
                innerPadding=GUTTER,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
            )
        )
    else:
        story += [FrameBreak(), *_columns(model, styles)]
    if action_plan:
        width, _ = _page()
        story.extend([NextPageTemplate("plan"), PageBreak()])
        story.extend(_action_plan(model, paragraph_styles(BRIEFING, brand_of(model)), width))
    return story


def brand_of(model: BriefingModel) -> str:
    return safe_colour(model.brand_colour)


def _frames(title_height: float | None) -> tuple[list[Any], list[Any], list[Any]]:
    """Frames of the first page, of later pages and of the action plan page: with a title
    height, the title across the page and two columns under it; without, one frame."""
    from reportlab.platypus import Frame

    width, height = _page()
    body_top = height - HEADER_HEIGHT_MM * MM - 4 * MM
    later_top = height - 16 * MM
    bottom = FOOTER + 3 * MM
    full = width - 2 * MARGIN
    plan = [Frame(MARGIN, bottom, full, later_top - bottom, id="plan")]
    if title_height is None:
        first = [Frame(MARGIN, bottom, full, body_top - bottom, id="body1")]
        return first, [Frame(MARGIN, bottom, full, later_top - bottom, id="body")], plan

    def columns(top: float, name: str) -> list[Any]:
        column = _column_width()
        return [
            Frame(
                MARGIN,
                bottom,
                column,
                top - bottom,
                id=f"{name}-left",
                leftPadding=0,
                rightPadding=0,
            ),
            Frame(
                MARGIN + column + GUTTER,
                bottom,
                column,
                top - bottom,
                id=f"{name}-right",
                leftPadding=0,
                rightPadding=0,
            ),
        ]

    title_top = body_top - title_height - 12
    title = Frame(MARGIN, title_top, full, title_height + 12, id="title")
    return [title, *columns(title_top, "first")], columns(later_top, "later"), plan


def _build(model: BriefingModel, target: Any, scale: float, action_plan: bool) -> int:
    """Lay the briefing out at ``scale`` into ``target``; the number of pages."""
    from reportlab.platypus import BaseDocTemplate, PageTemplate

    width, height = _page()
    styles = paragraph_styles(BRIEFING, model.brand_colour, scale)
    balanced = scale >= LARGEST_SCALE - SCALE_STEP / 2
    title_height = None if balanced else _height_of(_title(model, styles), width - 2 * MARGIN - 12)
    first, later, plan = _frames(title_height)
    doc = BaseDocTemplate(
        target,
        pagesize=(width, height),
        title=f"7-minute briefing: {clean(model.title)}",
        author=clean(model.partnership),
        subject="7-minute briefing",
        creator="reviewtool",
        lang=model.language,
        initialFontName=REGULAR,
    )
    doc.addPageTemplates(
        [
            PageTemplate("first", first, onPage=lambda c, d: _decorate(model, c, d, True)),
            PageTemplate("later", later, onPage=lambda c, d: _decorate(model, c, d, False)),
            PageTemplate("plan", plan, onPage=lambda c, d: _decorate(model, c, d, False)),
        ]
    )
    doc.build(_story(model, styles, action_plan, balanced))
    return int(doc.page)


def _decorate(model: BriefingModel, canvas: Any, doc: Any, first: bool) -> None:
    """The banner (logo, partnership, marking, roundel), the draft mark and the footer."""
    from reportlab.lib import colors

    brand = brand_of(model)
    width, height = _page()
    canvas.saveState()
    band = HEADER_HEIGHT_MM * MM if first else 12 * MM
    canvas.setFillColor(colors.HexColor(brand))
    canvas.rect(0, height - band, width, band, stroke=0, fill=1)
    canvas.setFillColor(colors.HexColor(text_on(brand)))
    text_x = MARGIN
    if first and model.logo is not None and model.logo.is_file():
        try:
            canvas.drawImage(
                str(model.logo),
                MARGIN,
                height - band + 5 * MM,
                width=30 * MM,
                height=band - 10 * MM,
                preserveAspectRatio=True,
                mask="auto",
                anchor="w",
            )
            text_x = MARGIN + 34 * MM
        except OSError:
            pass  # an unreadable logo is left out rather than failing the briefing
    size = 14 if first else 10
    draw_text_runs(
        canvas,
        text_x,
        height - (15 * MM if first else 8 * MM),
        fit_line(model.partnership, BOLD, size, width - text_x - 50 * MM),
        size,
        BOLD,
    )
    if first:
        canvas.setFont(REGULAR, 9)
        marking = "OFFICIAL-SENSITIVE" if model.status != "published" else "Learning from reviews"
        canvas.drawString(text_x, height - 22 * MM, marking)
        _roundel(canvas, width - MARGIN - 14 * MM, height - band / 2, 13.5 * MM, brand)
    if model.is_draft:
        canvas.setFillColor(colors.Color(0.8, 0.1, 0.1, alpha=0.12))
        canvas.setFont(BOLD, 110)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(45)
        canvas.drawCentredString(0, -35, "DRAFT")
        canvas.rotate(-45)
        canvas.translate(-width / 2, -height / 2)
    _footer(model, canvas, doc.page, brand)
    canvas.restoreState()


def _roundel(canvas: Any, cx: float, cy: float, radius: float, brand: str) -> None:
    """The "7 minute briefing" roundel: each line of its words sized to sit inside the
    circle with a clear margin, where the circle is narrower below its centre."""
    from math import sqrt

    from reportlab.lib import colors
    from reportlab.pdfbase.pdfmetrics import stringWidth

    canvas.setFillColor(colors.white)
    canvas.circle(cx, cy, radius, stroke=0, fill=1)
    canvas.setFillColor(colors.HexColor(brand))
    canvas.setFont(BOLD, radius * 0.95)
    canvas.drawCentredString(cx, cy - radius * 0.05, "7")
    for word, baseline in (("MINUTE", cy - radius * 0.36), ("BRIEFING", cy - radius * 0.62)):
        size = 6.5
        # The chord at the bottom of the line (the narrowest part it must fit in).
        depth = cy - baseline + 1
        chord = 2 * sqrt(max(radius**2 - depth**2, 0))
        while size > 4 and stringWidth(word, BOLD, size) > chord * 0.78:
            size -= 0.25
        canvas.setFont(BOLD, size)
        canvas.drawCentredString(cx, baseline, word)


def _footer(model: BriefingModel, canvas: Any, page: int, brand: str) -> None:
    from reportlab.lib import colors

    width, _ = _page()
    canvas.setStrokeColor(colors.HexColor(brand))
    canvas.setLineWidth(0.8)
    canvas.line(MARGIN, FOOTER, width - MARGIN, FOOTER)
    canvas.setFillColor(colors.HexColor("#b00020" if model.is_draft else "#333333"))
    font = BOLD if model.is_draft else REGULAR
    canvas.setFont(font, 8)
    left = f"7-minute briefing - {model.status_text}"
    draw_text_runs(canvas, MARGIN, FOOTER - 5 * MM, fit_line(left, font, 8, width * 0.55), 8, font)
    canvas.setFillColor(colors.HexColor("#333333"))
    canvas.setFont(REGULAR, 8)
    canvas.drawRightString(
        width - MARGIN,
        FOOTER - 5 * MM,
        f"Version {model.version} - {model.dated:%d/%m/%Y} - Page {page}",
    )


def _action_plan(model: BriefingModel, styles: dict[str, Any], page_width: float) -> list[Any]:
    """A page teams fill in after delivering the briefing (the "7MB action plan")."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    width = page_width - 2 * MARGIN
    rows = [
        ("Team or service", 10),
        ("Date the briefing was delivered", 10),
        ("Delivered by", 10),
        ("Who attended", 28),
        ("What we discussed", 36),
        ("What we will do differently", 40),
        ("How we will know it has made a difference", 30),
        ("Date to review this plan", 10),
    ]
    table = Table(
        [[Paragraph(label, styles["plan"]), ""] for label, _ in rows],
        colWidths=[width * 0.32, width * 0.68],
        rowHeights=[h * MM for _, h in rows],
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, colors.HexColor("#555555")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor(tint(brand_of(model), 0.88))),
            ]
        )
    )
    return [
        Paragraph(pdf_markup(f"7-minute briefing action plan: {model.title}"), styles["title"]),
        Spacer(1, 3 * MM),
        Paragraph(
            "Please complete after delivering the briefing and return it to the "
            f"{pdf_markup(model.partnership)} business unit.",
            styles["body"],
        ),
        Spacer(1, 4 * MM),
        table,
    ]
