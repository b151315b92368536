"""The 7-minute briefing as an A4 PDF worth pinning on a staff-room wall.

Seven numbered sections read 1 to 7 down two columns; text that does not fit flows on to
the next column or page at the same size. Only embedded fonts are used.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reviewtool.reports.briefing_model import BriefingModel
from reviewtool.reports.colours import safe_colour, text_on, tint
from reviewtool.reports.flowables import heading_with_first
from reviewtool.reports.fonts import BOLD, REGULAR, pdf_markup, register_fonts
from reviewtool.reports.text import paragraphs

HEADER_HEIGHT_MM = 34


def write_briefing_pdf(model: BriefingModel, path: Path, action_plan: bool = False) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        BalancedColumns,
        BaseDocTemplate,
        Frame,
        FrameBreak,
        NextPageTemplate,
        PageBreak,
        PageTemplate,
        Paragraph,
        Spacer,
    )

    register_fonts()
    brand = safe_colour(model.brand_colour)
    on_brand = text_on(brand)
    width, height = A4
    margin = 14 * mm
    gutter = 6 * mm
    column = (width - 2 * margin - gutter) / 2
    footer = 14 * mm
    header = HEADER_HEIGHT_MM * mm
    title_height = 26 * mm

    styles = {
        "title": ParagraphStyle(
            "title", fontName=BOLD, fontSize=17, leading=21, textColor=colors.HexColor(brand)
        ),
        "subtitle": ParagraphStyle(
            "subtitle",
            fontName=REGULAR,
            fontSize=9.5,
            leading=12,
            textColor=colors.HexColor("#333333"),
        ),
        "heading": ParagraphStyle(
            "heading",
            fontName=BOLD,
            fontSize=11.5,
            leading=15,
            textColor=colors.HexColor(on_brand),
            backColor=colors.HexColor(brand),
            borderPadding=(3, 4, 3, 4),
            spaceBefore=9,
            spaceAfter=6,
            keepWithNext=1,
        ),
        "body": ParagraphStyle(
            "body",
            fontName=REGULAR,
            fontSize=9.5,
            leading=12.6,
            spaceAfter=4,
            textColor=colors.HexColor("#111111"),
        ),
        "question": ParagraphStyle(
            "question",
            fontName=BOLD,
            fontSize=9.5,
            leading=12.6,
            spaceAfter=5,
            textColor=colors.HexColor("#111111"),
            backColor=colors.HexColor(tint(brand, 0.85)),
            borderPadding=(3, 4, 3, 4),
        ),
        "plan": ParagraphStyle("plan", fontName=REGULAR, fontSize=10, leading=13),
    }

    def heading(number: int, text: str) -> Any:
        return Paragraph(
            f'<font size="14">{number}</font>&nbsp;&nbsp;{pdf_markup(text, BOLD)}',
            styles["heading"],
        )

    story: list[Any] = [
        Paragraph(pdf_markup(model.title, BOLD), styles["title"]),
        Spacer(1, 2 * mm),
        Paragraph(pdf_markup(model.subtitle), styles["subtitle"]),
        FrameBreak(),
        NextPageTemplate("later"),
    ]
    sections: list[Any] = []
    for section in [*model.sections, *model.extra_sections]:
        style = styles["question"] if section.is_questions else styles["body"]
        lines = paragraphs(section.body)
        if section.is_questions:
            lines = [line for block in lines for line in block.split("\n") if line.strip()]
        body = [Paragraph(pdf_markup(line), style) for line in lines or [" "]]
        # A heading never ends a column: it stays with the first paragraph under it.
        sections.append(heading_with_first(heading(section.number, section.heading), body[0]))
        sections.extend(body[1:])
    # Two balanced columns, read down the first then the second: 1 to 7 in order.
    story.append(
        BalancedColumns(
            sections,
            nCols=2,
            spaceBefore=0,
            spaceAfter=0,
            innerPadding=gutter,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
    )
    if action_plan:
        story.extend([NextPageTemplate("plan"), PageBreak()])
        story.extend(_action_plan(model, styles, column * 2 + gutter))

    def decorate(canvas: Any, doc: Any, first: bool) -> None:
        canvas.saveState()
        band = header if first else 12 * mm
        canvas.setFillColor(colors.HexColor(brand))
        canvas.rect(0, height - band, width, band, stroke=0, fill=1)
        canvas.setFillColor(colors.HexColor(on_brand))
        text_x = margin
        if first and model.logo is not None and model.logo.is_file():
            try:
                canvas.drawImage(
                    str(model.logo),
                    margin,
                    height - band + 5 * mm,
                    width=30 * mm,
                    height=band - 10 * mm,
                    preserveAspectRatio=True,
                    mask="auto",
                    anchor="w",
                )
                text_x = margin + 34 * mm
            except OSError:
                pass  # an unreadable logo is left out rather than failing the briefing
        canvas.setFont(BOLD, 14 if first else 10)
        canvas.drawString(
            text_x,
            height - (15 * mm if first else 8 * mm),
            _fit(canvas, model.partnership, BOLD, 14 if first else 10, width - text_x - 50 * mm),
        )
        if first:
            canvas.setFont(REGULAR, 9)
            marking = (
                "OFFICIAL-SENSITIVE" if model.status != "published" else "Learning from reviews"
            )
            canvas.drawString(text_x, height - 22 * mm, marking)
            # The "7 minute briefing" roundel.
            cx, cy, r = width - margin - 14 * mm, height - band / 2, 13 * mm
            canvas.setFillColor(colors.white)
            canvas.circle(cx, cy, r, stroke=0, fill=1)
            canvas.setFillColor(colors.HexColor(brand))
            canvas.setFont(BOLD, 26)
            canvas.drawCentredString(cx, cy - 1 * mm, "7")
            canvas.setFont(BOLD, 6.5)
            canvas.drawCentredString(cx, cy - 6.5 * mm, "MINUTE BRIEFING")
        if model.is_draft:
            canvas.setFillColor(colors.Color(0.8, 0.1, 0.1, alpha=0.12))
            canvas.setFont(BOLD, 110)
            canvas.translate(width / 2, height / 2)
            canvas.rotate(45)
            canvas.drawCentredString(0, -35, "DRAFT")
            canvas.rotate(-45)
            canvas.translate(-width / 2, -height / 2)
        canvas.setStrokeColor(colors.HexColor(brand))
        canvas.setLineWidth(0.8)
        canvas.line(margin, footer, width - margin, footer)
        canvas.setFillColor(colors.HexColor("#b00020" if model.is_draft else "#333333"))
        canvas.setFont(BOLD if model.is_draft else REGULAR, 8)
        left = f"7-minute briefing - {model.status_text}"
        canvas.drawString(margin, footer - 5 * mm, _fit(canvas, left, BOLD, 8, width * 0.55))
        canvas.setFillColor(colors.HexColor("#333333"))
        canvas.setFont(REGULAR, 8)
        canvas.drawRightString(
            width - margin,
            footer - 5 * mm,
            f"Version {model.version} - {model.dated:%d/%m/%Y} - Page {doc.page}",
        )
        canvas.restoreState()

    body_top = height - header - 4 * mm
    first_frames = [
        Frame(
            margin,
            body_top - title_height,
            width - 2 * margin,
            title_height,
            id="title",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        ),
        Frame(
            margin,
            footer + 3 * mm,
            width - 2 * margin,
            body_top - title_height - footer - 3 * mm,
            id="body1",
            leftPadding=0,
            rightPadding=0,
        ),
    ]
    later_top = height - 16 * mm
    later_frames = [
        Frame(
            margin,
            footer + 3 * mm,
            width - 2 * margin,
            later_top - footer - 3 * mm,
            id="body",
            leftPadding=0,
            rightPadding=0,
        ),
    ]
    plan_frame = [
        Frame(
            margin,
            footer + 3 * mm,
            width - 2 * margin,
            later_top - footer - 3 * mm,
            id="plan",
            leftPadding=0,
            rightPadding=0,
        )
    ]
    partial = path.with_name(f".{path.name}.partial")
    doc = BaseDocTemplate(
        str(partial),
        pagesize=A4,
        title=f"7-minute briefing: {model.title}",
        author=model.partnership,
        subject="7-minute briefing",
        creator="reviewtool",
        lang=model.language,
        initialFontName=REGULAR,
    )
    doc.addPageTemplates(
        [
            PageTemplate("first", first_frames, onPage=lambda c, d: decorate(c, d, True)),
            PageTemplate("later", later_frames, onPage=lambda c, d: decorate(c, d, False)),
            PageTemplate("plan", plan_frame, onPage=lambda c, d: decorate(c, d, False)),
        ]
    )
    try:
        doc.build(story)
        partial.replace(path)  # never a half-written PDF under the real name
    finally:
        partial.unlink(missing_ok=True)
    return path


def _fit(canvas: Any, text: str, font: str, size: float, limit: float) -> str:
    """Shorten a one-line header text with an ellipsis so it never runs off the page."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from reviewtool.reports.text import clean

    text = " ".join(clean(text).split())
    if stringWidth(text, font, size) <= limit:
        return text
    while text and stringWidth(text + "…", font, size) > limit:
        text = text[:-1]
    return text + "…"


def _action_plan(model: BriefingModel, styles: dict[str, Any], width: float) -> list[Any]:
    """A page teams fill in after delivering the briefing (the "7MB action plan")."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

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
        rowHeights=[h * mm for _, h in rows],
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, colors.HexColor("#555555")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                (
                    "BACKGROUND",
                    (0, 0),
                    (0, -1),
                    colors.HexColor(tint(safe_colour(model.brand_colour), 0.88)),
                ),
            ]
        )
    )
    return [
        Paragraph(pdf_markup(f"7-minute briefing action plan: {model.title}"), styles["title"]),
        Spacer(1, 3 * mm),
        Paragraph(
            "Please complete after delivering the briefing and return it to the "
            f"{pdf_markup(model.partnership)} business unit.",
            styles["body"],
        ),
        Spacer(1, 4 * mm),
        table,
    ]
