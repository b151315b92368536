"""The thematic review summary as a PDF board report: findings first, then the evidence."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from reviewtool.reports import thematic_appendix
from reviewtool.reports.charts import horizontal_bars
from reviewtool.reports.colours import safe_colour, text_on, tint
from reviewtool.reports.fonts import BOLD, REGULAR, pdf_markup, register_fonts
from reviewtool.reports.thematic_appendix import appendix_flowables, format_day
from reviewtool.reports.thematic_model import OVERDUE_SHOWN, Count, FactorRow, ThematicModel

APPENDIX_CHUNK = 12  # small tables never split across pages, which is costly in ReportLab
CHART_ROWS = 12


def write_thematic_pdf(model: ThematicModel, path: Path) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        NextPageTemplate,
        PageBreak,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )
    from reportlab.platypus.tableofcontents import TableOfContents

    register_fonts()
    brand = safe_colour(model.brand_colour)
    width, height = A4
    margin = 18 * mm
    usable = width - 2 * margin
    style = {
        "cover": ParagraphStyle(
            "cover", fontName=BOLD, fontSize=26, leading=32, textColor=colors.HexColor(brand)
        ),
        "h1": ParagraphStyle(
            "h1",
            fontName=BOLD,
            fontSize=16,
            leading=20,
            spaceBefore=10,
            spaceAfter=6,
            textColor=colors.HexColor(brand),
            keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "h2",
            fontName=BOLD,
            fontSize=12,
            leading=15,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "body": ParagraphStyle("body", fontName=REGULAR, fontSize=10, leading=13.5, spaceAfter=5),
        "finding": ParagraphStyle(
            "finding",
            fontName=REGULAR,
            fontSize=10.5,
            leading=14,
            leftIndent=12,
            bulletIndent=0,
            bulletFontName=REGULAR,
            spaceAfter=5,
        ),
        "cell": ParagraphStyle("cell", fontName=REGULAR, fontSize=8.5, leading=10.5),
        "small": ParagraphStyle(
            "small",
            fontName=REGULAR,
            fontSize=8.5,
            leading=11,
            textColor=colors.HexColor("#444444"),
        ),
    }

    def h1(text: str) -> Any:
        paragraph = Paragraph(pdf_markup(text, BOLD), style["h1"])
        paragraph.toc_text = text  # type: ignore[attr-defined]
        return paragraph

    def table(rows: list[list[Any]], widths: list[float], numeric_from: int = 1) -> Any:
        result = Table(rows, colWidths=widths, repeatRows=1)
        result.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("FONTNAME", (0, 0), (-1, 0), BOLD),
                    ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(brand)),
                    ("TEXTCOLOR", (0, 0), (-1, 0), colors.HexColor(text_on(brand))),
                    (
                        "ROWBACKGROUNDS",
                        (0, 1),
                        (-1, -1),
                        [colors.white, colors.HexColor(tint(brand, 0.92))],
                    ),
                    ("ALIGN", (numeric_from, 1), (-1, -1), "RIGHT"),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#bbbbbb")),
                ]
            )
        )
        return result

    def counts_table(title: str, counts: list[Count]) -> list[Any]:
        rows: list[list[Any]] = [[title, "Number", "Share"]]
        rows += [
            [Paragraph(pdf_markup(c.label), style["cell"]), c.number, c.percent] for c in counts
        ]
        return [table(rows, [usable * 0.6, usable * 0.2, usable * 0.2]), Spacer(1, 4 * mm)]

    def chart(rows: list[FactorRow], title: str) -> list[Any]:
        # A bar would show a suppressed small number: those rows are in the table only.
        shown = [r for r in rows if "reviews" not in r.suppressed][:CHART_ROWS]
        if not shown:
            return []
        drawing = horizontal_bars(
            [r.display_label for r in shown],
            [r.reviews for r in shown],
            usable,
            brand,
            colours=[r.colour for r in shown],
        )
        caption = Paragraph(
            pdf_markup(
                f"Figure: {title}: reviews featuring each of the {len(shown)} most "
                "frequent factors (the table below gives every figure)."
            ),
            style["small"],
        )
        return [drawing, caption, Spacer(1, 3 * mm)]

    def factor_table(rows: list[FactorRow]) -> Any:
        header = ["Factor", "Reviews", "Share", "Present", "Learning", "Good practice"]
        with_change = any(r.previous is not None for r in rows)
        if with_change:
            header.append("Change")
        data: list[list[Any]] = [header]
        for r in rows:
            line: list[Any] = [
                Paragraph(pdf_markup(r.display_label), style["cell"]),
                r.show("reviews"),
                r.percent,
                r.show("present"),
                r.show("learning"),
                r.show("good_practice"),
            ]
            if with_change:
                line.append(r.change)
            data.append(line)
        widths = [usable * 0.34] + [usable * (0.66 / (len(header) - 1))] * (len(header) - 1)
        return table(data, widths)

    def build_story(with_appendix: bool = True) -> tuple[list[Any], Any, int, int]:
        """Fresh flowables for one build (ReportLab flowables keep layout state)."""
        story: list[Any] = [
            Spacer(1, 40 * mm),
            Paragraph(pdf_markup(model.title, BOLD), style["cover"]),
            Spacer(1, 8 * mm),
            Paragraph(pdf_markup(model.partnership, BOLD), style["h2"]),
            Paragraph(pdf_markup(f"Reviews from {model.period}"), style["body"]),
            Paragraph(pdf_markup(f"Prepared {model.generated:%d %B %Y}"), style["body"]),
            Spacer(1, 10 * mm),
            Paragraph(pdf_markup(model.marking, BOLD), style["h2"]),
            NextPageTemplate("body"),
            PageBreak(),
        ]
        toc = TableOfContents()
        toc.levelStyles = [ParagraphStyle("toc", fontName=REGULAR, fontSize=11, leading=16)]
        toc.tableStyle = TableStyle(
            [("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), REGULAR)]
        )
        contents_at = len(story) + 1
        story += [Paragraph("Contents", style["h1"]), toc, PageBreak()]

        story.append(h1("Key findings"))
        story += [
            Paragraph(pdf_markup(f), style["finding"], bulletText="•") for f in model.findings
        ]
        story.append(h1("How the reviews were analysed"))
        story += [Paragraph(pdf_markup(line), style["body"]) for line in model.method]

        story.append(h1("The reviews and the children"))
        story.append(
            Paragraph(
                pdf_markup(
                    f"{model.reviews} review{'s' if model.reviews != 1 else ''} about "
                    f"{model.children} child{'ren' if model.children != 1 else ''}."
                ),
                style["body"],
            )
        )
        if model.cohort:
            story += counts_table("Kind of review", model.cohort)
        for title, counts in model.characteristics.items():
            if counts:
                story += counts_table(title, counts)

        for group, group_rows in model.factor_groups.items():
            story.append(h1(group))
            if not group_rows:
                story.append(
                    Paragraph("None of the reviews was tagged with these factors.", style["body"])
                )
                continue
            story += chart(group_rows, group)
            story.append(factor_table(group_rows))

        story.append(h1("Recurring and repeat themes"))
        story.append(Paragraph(pdf_markup(model.method[3]), style["body"]))
        if model.recurring:
            story.append(factor_table(model.recurring))
        else:
            story.append(Paragraph("No theme met the test for a recurring theme.", style["body"]))
        if model.comparison_period:
            story.append(
                Paragraph(
                    pdf_markup(f"Repeat themes: also recurring in {model.comparison_period}."),
                    style["h2"],
                )
            )
            story.append(
                Paragraph(
                    pdf_markup(", ".join(r.label for r in model.repeat) or "None."), style["body"]
                )
            )

        story.append(h1("Themes found together"))
        story.append(
            Paragraph(
                pdf_markup(
                    "Trio of vulnerabilities (domestic abuse, parental mental ill-health and "
                    "alcohol or drug misuse on the same review): "
                    f"{model.trio.number} of {model.trio.total} "
                    f"reviews ({model.trio.percent})."
                ),
                style["body"],
            )
        )
        if model.pairs:
            rows = [["Factor", "Found with", "Reviews"]] + [
                [
                    Paragraph(pdf_markup(p.first), style["cell"]),
                    Paragraph(pdf_markup(p.second), style["cell"]),
                    p.number,
                ]
                for p in model.pairs
            ]
            story.append(table(rows, [usable * 0.42, usable * 0.42, usable * 0.16], numeric_from=2))

        story.append(h1("Comparison with national figures"))
        story.append(
            Paragraph(
                "Each national figure is quoted with its source and year. Panel and "
                "DfE series count differently and are never mixed.",
                style["body"],
            )
        )
        if model.national:
            rows = [["Measure", "Here", "National", "Source and year"]] + [
                [
                    Paragraph(pdf_markup(n.label), style["cell"]),
                    f"{n.local.number} of {n.local.total} {n.local.label} ({n.local.percent})",
                    n.national,
                    Paragraph(pdf_markup(f"{n.source}, {n.year}"), style["cell"]),
                ]
                for n in model.national
            ]
            story.append(
                table(
                    rows,
                    [usable * 0.28, usable * 0.24, usable * 0.14, usable * 0.34],
                    numeric_from=9,
                )
            )

        story.append(h1("Recommendations and actions"))
        story.append(
            Paragraph(
                pdf_markup(
                    f"{model.recommendations} recommendations with "
                    f"{sum(c.count for c in model.actions_by_rag)} actions."
                ),
                style["body"],
            )
        )
        story += counts_table("RAG status", model.actions_by_rag)
        if model.overdue:
            shown = model.overdue[:OVERDUE_SHOWN]
            story.append(Paragraph("Overdue actions", style["h2"]))
            if len(model.overdue) > len(shown):
                story.append(
                    Paragraph(
                        f"The {len(shown)} longest overdue of {len(model.overdue)}; the "
                        "spreadsheet's action tracker lists them all.",
                        style["body"],
                    )
                )
            rows = [
                [
                    Paragraph(pdf_markup(o.reference), style["cell"]),
                    Paragraph(pdf_markup(o.owner), style["cell"]),
                    format_day(o.due),
                    Paragraph(pdf_markup(o.text), style["cell"]),
                ]
                for o in shown
            ]
            widths = [usable * 0.2, usable * 0.22, usable * 0.13, usable * 0.45]
            for start in range(0, len(rows), APPENDIX_CHUNK):
                story.append(
                    table(
                        [
                            ["Review", "Owner", "Due", "Action"],
                            *rows[start : start + APPENDIX_CHUNK],
                        ],
                        widths,
                        numeric_from=9,
                    )
                )

        story.append(h1("Appendix: the reviews"))
        front_end = len(story)
        if not with_appendix:
            return story, toc, contents_at, front_end
        story += appendix_flowables(model.appendix, usable, brand, style["body"])
        if not model.appendix:
            story.append(Paragraph("No reviews in this period.", style["body"]))
        return story, toc, contents_at, front_end

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(colors.HexColor(brand))
        canvas.rect(0, height - 9 * mm, width, 9 * mm, stroke=0, fill=1)
        canvas.setFillColor(colors.HexColor(text_on(brand)))
        canvas.setFont(BOLD, 8.5)
        canvas.drawString(margin, height - 6 * mm, model.marking)
        canvas.setFont(REGULAR, 8.5)
        canvas.drawRightString(
            width - margin, height - 6 * mm, (model.partnership[:70] + " - thematic review")
        )
        canvas.setFillColor(colors.HexColor("#333333"))
        canvas.drawString(margin, 10 * mm, f"{model.title[:60]} - {model.period}")
        canvas.drawRightString(width - margin, 10 * mm, f"Page {doc.page}")
        canvas.restoreState()

    def cover(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(colors.HexColor(brand))
        canvas.rect(0, 0, 16 * mm, height, stroke=0, fill=1)
        canvas.restoreState()

    class Document(BaseDocTemplate):  # type: ignore[misc]
        def afterFlowable(self, flowable: Any) -> None:
            text = getattr(flowable, "toc_text", None)
            if text:
                self.notify("TOCEntry", (0, text, self.page))

    frame = Frame(margin, 16 * mm, usable, height - 30 * mm, id="body")

    def document(target: Any) -> Any:
        made = Document(
            target,
            pagesize=A4,
            title=f"{model.title}: {model.period}",
            author=model.partnership,
            subject="Thematic review",
            creator="reviewtool",
            lang="en-GB",
            initialFontName=REGULAR,
        )
        made.addPageTemplates(
            [
                PageTemplate("cover", [frame], onPage=cover),
                PageTemplate("body", [frame], onPage=decorate),
            ]
        )
        return made

    # The contents lists sections up to the appendix heading, so their page numbers come
    # from the front matter alone (cheap passes); the whole document, whose appendix may run
    # to hundreds of pages, is then laid out once with the contents as a fixed table.
    story, toc, contents_at, front_end = build_story(with_appendix=False)
    # The start of the appendix stands in for all of it, so the heading kept with what
    # follows it lands on the page it will have in the whole document.
    # (Up to the threshold the appendix is one table, which never splits; above it, the
    # first flowable is a one-line note.)
    lead = appendix_flowables(
        model.appendix[: thematic_appendix.APPENDIX_THEMES_UP_TO + 1],
        usable,
        brand,
        style["body"],
    )[:1]
    document(io.BytesIO()).multiBuild([*story[:front_end], *lead])
    entries = [(entry[1], entry[2]) for entry in (toc._entries or toc._lastEntries)]
    contents_style = ParagraphStyle("contents", fontName=REGULAR, fontSize=11, leading=16)
    contents = Table(
        [[Paragraph(pdf_markup(text), contents_style), str(page)] for text, page in entries],
        colWidths=[usable * 0.88, usable * 0.12],
    )
    contents.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("FONTSIZE", (0, 0), (-1, -1), 11),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story, _, _, _ = build_story()
    story[contents_at] = contents
    partial = path.with_name(f".{path.name}.partial")
    try:
        document(str(partial)).build(story)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path
