"""The thematic review summary as a PDF board report: findings first, then the evidence.

Sections come in the order `thematic_outline` gives (shared with the HTML and Word
versions); each has its own builder here.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reviewtool.reports.charts import column_chart, horizontal_bars
from reviewtool.reports.colours import safe_colour, text_on, tint
from reviewtool.reports.fonts import BOLD, REGULAR, fit_line, pdf_markup, register_fonts
from reviewtool.reports.styles import THEMATIC, paragraph_styles
from reviewtool.reports.thematic_appendix import appendix_flowables, format_day
from reviewtool.reports.thematic_model import (
    OVERDUE_SHOWN,
    Count,
    FactorRow,
    ThematicModel,
    factor_cell,
    factor_columns,
)
from reviewtool.reports.thematic_outline import Section, thematic_outline

KEEP_WHOLE = 20
"""A table of up to this many rows is kept on one page with its heading."""
CHART_ROWS = 12
MM = 72 / 25.4


def write_thematic_pdf(model: ThematicModel, path: Path) -> Path:
    register_fonts()
    writer = _Writer(model)
    # The contents lists sections up to the appendix, which starts on a page of its own: its
    # page numbers come from the front matter alone (cheap passes); the whole document,
    # whose appendix may run to hundreds of pages, is then laid out once with the contents
    # as a fixed table.
    titles = [section.title for section in thematic_outline(model)]
    front, contents_at = writer.story(with_appendix=False)
    front[contents_at] = writer.contents([(title, 999) for title in titles])  # same height
    probe = writer.document(io.BytesIO())
    probe.build(front)
    entries = [(entry[1], entry[2]) for entry in probe.toc_entries]
    story, _ = writer.story(with_appendix=True)
    story[contents_at] = writer.contents(entries)
    partial = path.with_name(f".{path.name}.partial")
    try:
        writer.document(str(partial)).build(story)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


class _Writer:
    """Flowables for each section of one model (ReportLab flowables keep layout state, so
    each build asks for fresh ones)."""

    def __init__(self, model: ThematicModel) -> None:
        from reportlab.lib.pagesizes import A4

        self.model = model
        self.brand = safe_colour(model.brand_colour)
        self.width, self.height = float(A4[0]), float(A4[1])
        self.margin = 18 * MM
        self.usable = self.width - 2 * self.margin
        self.style = paragraph_styles(THEMATIC, self.brand)
        self.builders: dict[str, Callable[[Section], list[Any]]] = {
            "summary": self.summary,
            "findings": self.findings,
            "trend": self.trend,
            "recurring": self.recurring,
            "children": self.children,
            "factors": self.factors,
            "together": self.together,
            "national": self.national,
            "actions": self.actions,
            "limitations": self.limitations,
            "board": self.board,
            "method": self.method,
            "appendix": self.appendix,
        }

    # -- the document ----------------------------------------------------------------------

    def story(self, with_appendix: bool) -> tuple[list[Any], int]:
        """The flowables, and where the contents go; without the appendix's body, for the
        passes that find the contents' page numbers."""
        from reportlab.platypus import PageBreak, Spacer

        story = self.cover()
        contents_at = len(story) + 1
        story += [self.h1("Contents", listed=False), Spacer(1, 1), PageBreak()]
        for section in thematic_outline(self.model):
            if section.key == "appendix":
                story += [PageBreak(), self.h1(section.title)]
                if with_appendix:
                    story += self.appendix(section)
                continue
            story += self.kept_with_start(
                [self.h1(section.title), *self.builders[section.key](section)]
            )
        return story, contents_at

    @staticmethod
    def kept_with_start(items: list[Any]) -> list[Any]:
        """A heading and what opens its section (its paragraphs up to and including the first
        table or chart) never part at a page's foot."""
        from reportlab.platypus import KeepTogether, Paragraph

        end = 1
        while end < len(items) and end < 4:
            end += 1
            if not isinstance(items[end - 1], Paragraph):
                break
        start: list[Any] = []
        for item in items[:end]:  # one level of keeping: ReportLab cannot nest it
            start += item._content if isinstance(item, KeepTogether) else [item]
        return [KeepTogether(start), *items[end:]]

    def document(self, target: Any) -> Any:
        from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

        class Document(BaseDocTemplate):  # type: ignore[misc]
            toc_entries: list[tuple[int, str, int]]

            def afterFlowable(self, flowable: Any) -> None:
                text = getattr(flowable, "toc_text", None)
                if text:
                    self.toc_entries.append((0, text, self.page))
                    key = f"s{len(self.toc_entries)}"
                    self.canv.bookmarkPage(key)
                    self.canv.addOutlineEntry(text, key, 0)

        model = self.model
        frame = Frame(self.margin, 16 * MM, self.usable, self.height - 30 * MM, id="body")
        made = Document(
            target,
            pagesize=(self.width, self.height),
            title=f"{model.title}: {model.period}",
            author=model.partnership,
            subject="Thematic review",
            creator="reviewtool",
            lang="en-GB",
            initialFontName=REGULAR,
            displayDocTitle=1,
        )
        made.toc_entries = []
        made.addPageTemplates(
            [
                PageTemplate("cover", [frame], onPage=self.decorate_cover),
                PageTemplate("body", [frame], onPage=self.decorate),
            ]
        )
        return made

    def decorate(self, canvas: Any, doc: Any) -> None:
        from reportlab.lib import colors

        model, width, height, margin = self.model, self.width, self.height, self.margin
        canvas.saveState()
        canvas.setFillColor(colors.HexColor(self.brand))
        canvas.rect(0, height - 9 * MM, width, 9 * MM, stroke=0, fill=1)
        canvas.setFillColor(colors.HexColor(text_on(self.brand)))
        canvas.setFont(BOLD, 8.5)
        canvas.drawString(margin, height - 6 * MM, model.marking)
        canvas.setFont(REGULAR, 8.5)
        right = fit_line(f"{model.partnership} - thematic review", REGULAR, 8.5, width * 0.55)
        canvas.drawRightString(width - margin, height - 6 * MM, right)
        canvas.setFillColor(colors.HexColor("#333333"))
        left = fit_line(f"{model.title} - {model.period}", REGULAR, 8.5, self.usable - 60)
        canvas.drawString(margin, 10 * MM, left)
        canvas.drawRightString(width - margin, 10 * MM, f"Page {doc.page}")
        canvas.restoreState()

    def decorate_cover(self, canvas: Any, doc: Any) -> None:
        from reportlab.lib import colors

        canvas.saveState()
        canvas.setFillColor(colors.HexColor(self.brand))
        canvas.rect(0, 0, 16 * MM, self.height, stroke=0, fill=1)
        canvas.restoreState()

    def cover(self) -> list[Any]:
        from reportlab.platypus import NextPageTemplate, PageBreak, Paragraph, Spacer

        model, style = self.model, self.style
        return [
            Spacer(1, 40 * MM),
            Paragraph(pdf_markup(model.title, BOLD), style["cover"]),
            Spacer(1, 8 * MM),
            Paragraph(pdf_markup(model.partnership, BOLD), style["h2"]),
            Paragraph(pdf_markup(f"Reviews from {model.period}"), style["body"]),
            Paragraph(pdf_markup(f"Prepared {model.generated:%d %B %Y}"), style["body"]),
            Spacer(1, 10 * MM),
            Paragraph(pdf_markup(model.marking, BOLD), style["h2"]),
            NextPageTemplate("body"),
            PageBreak(),
        ]

    def contents(self, entries: list[tuple[str, int]]) -> Any:
        from reportlab.platypus import Paragraph, Table, TableStyle

        table = Table(
            [
                [Paragraph(pdf_markup(text), self.style["contents"]), str(page)]
                for text, page in entries
            ],
            colWidths=[self.usable * 0.88, self.usable * 0.12],
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("FONTSIZE", (0, 0), (-1, -1), 11),
                    ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        return table

    # -- building blocks -------------------------------------------------------------------

    def h1(self, text: str, listed: bool = True) -> Any:
        from reportlab.platypus import Paragraph

        paragraph = Paragraph(pdf_markup(text, BOLD), self.style["h1"])
        if listed:
            paragraph.toc_text = text
        return paragraph

    def para(self, text: str, style: str = "body") -> Any:
        from reportlab.platypus import Paragraph

        return Paragraph(pdf_markup(text), self.style[style])

    def bullets(self, lines: list[str], style: str = "finding") -> list[Any]:
        from reportlab.platypus import Paragraph

        return [Paragraph(pdf_markup(line), self.style[style], bulletText="•") for line in lines]

    def table(
        self, header: list[str], rows: list[list[str]], shares: list[float], numeric_from: int = 1
    ) -> list[Any]:
        """A table whose every cell wraps inside its column (nothing overprints or is
        clipped); header cells repeat on each page; short tables are kept whole."""
        from reportlab.lib import colors
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.platypus import KeepTogether, Paragraph, Table, TableStyle

        cell, head = self.style["cell"], self.style["head_cell"]
        right = ParagraphStyle("right", parent=cell, alignment=2)
        right_head = ParagraphStyle("right_head", parent=head, alignment=2)
        widths = [self.usable * share for share in shares]

        def row_of(values: list[str], plain: Any, numeric: Any) -> list[Any]:
            return [
                Paragraph(pdf_markup(value, BOLD if plain is head else REGULAR), style)
                for value, style in (
                    (v, numeric if i >= numeric_from else plain) for i, v in enumerate(values)
                )
            ]

        head_row = row_of(header, head, right_head)
        body = [row_of(row, cell, right) for row in rows]
        commands = [
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # else Helvetica is set, unembedded
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(self.brand)),
            (
                "ROWBACKGROUNDS",
                (0, 1),
                (-1, -1),
                [colors.white, colors.HexColor(tint(self.brand, 0.92))],
            ),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#bbbbbb")),
        ]
        # One table, its header row repeated on each page it runs on to (these tables are
        # at most a few hundred rows: the long appendix has a table of its own).
        made = Table([head_row, *body], colWidths=widths, repeatRows=1)
        made.setStyle(TableStyle(commands))
        return [KeepTogether([made])] if len(body) <= KEEP_WHOLE else [made]

    def counts_table(self, title: str, counts: list[Count]) -> list[Any]:
        from reportlab.platypus import Spacer

        rows = [[c.label, c.number, c.percent] for c in counts]
        return [*self.table([title, "Number", "Share"], rows, [0.6, 0.2, 0.2]), Spacer(1, 4 * MM)]

    def factor_table(self, rows: list[FactorRow]) -> list[Any]:
        columns = factor_columns(rows)
        share = min(0.13, 0.58 / len(columns))
        return self.table(
            ["Factor", *columns],
            [[r.display_label, *(factor_cell(r, c) for c in columns)] for r in rows],
            [1 - share * len(columns), *([share] * len(columns))],
        )

    def chart(self, rows: list[FactorRow], title: str) -> list[Any]:
        from reportlab.platypus import KeepTogether, Spacer

        # A bar would show a suppressed small number: those rows are in the table only.
        shown = [r for r in rows if "reviews" not in r.suppressed][:CHART_ROWS]
        if not shown:
            return []
        drawing = horizontal_bars(
            [r.display_label for r in shown],
            [r.reviews for r in shown],
            self.usable,
            self.brand,
            colours=[r.colour for r in shown],
        )
        caption = self.para(
            f"Figure: {title}: reviews featuring each of the {len(shown)} most frequent "
            "factors (the table below gives every figure).",
            "small",
        )
        return [KeepTogether([drawing, caption]), Spacer(1, 3 * MM)]

    # -- one builder per section -----------------------------------------------------------

    def summary(self, section: Section) -> list[Any]:
        lines = self.model.board.summary or self.model.findings[:3]
        return [self.para(line, "callout" if i == 0 else "body") for i, line in enumerate(lines)]

    def findings(self, section: Section) -> list[Any]:
        return self.bullets(self.model.findings)

    def trend(self, section: Section) -> list[Any]:
        trend = self.model.board.trend
        if trend is None or not trend.years:
            return [self.para("There are no dated reviews to show a trend.")]
        out: list[Any] = [
            self.para(
                "The number of reviews in each year, and how many of them featured each "
                "of the most frequent themes."
            )
        ]
        if trend.suppress_below is None:  # a bar would show a small number a table hides
            out += [
                column_chart(
                    [str(y) for y in trend.years], trend.reviews, self.usable, 55 * MM, self.brand
                ),
                self.para("Figure: reviews by year (the table below gives every figure).", "small"),
            ]
        years = trend.years[-8:]  # the table shows the latest eight years: it must fit
        offset = len(trend.years) - len(years)
        header = ["Theme", *[str(y) for y in years]]
        rows = [["All reviews", *[trend.cell(v) for v in trend.reviews[offset:]]]]
        rows += [
            [label, *[trend.cell(v) for v in counts[offset:]]] for label, counts in trend.themes
        ]
        share = min(0.09, 0.6 / len(years))
        out += self.table(header, rows, [1 - share * len(years), *([share] * len(years))])
        if offset:
            out.append(self.para(f"The table shows the latest {len(years)} years.", "small"))
        return out

    def recurring(self, section: Section) -> list[Any]:
        from reportlab.platypus import KeepTogether, Paragraph

        model = self.model
        out: list[Any] = [self.para(model.method[3])]
        if model.recurring:
            out += self.factor_table(model.recurring)
        else:
            out.append(self.para("No theme met the test for a recurring theme."))
        if model.comparison_period:
            out.append(
                self.para(f"Repeat themes: also recurring in {model.comparison_period}.", "h2")
            )
            out.append(self.para(", ".join(r.label for r in model.repeat) or "None."))
        for story in model.board.narratives:
            head = Paragraph(pdf_markup(story.label, BOLD), self.style["h2"])
            out.append(KeepTogether([head, self.para(story.text)]))
            out += self.bullets([f"“{e.note}” ({e.reference})" for e in story.evidence], "quote")
        return out

    def children(self, section: Section) -> list[Any]:
        model = self.model
        out: list[Any] = [
            self.para(
                f"{model.reviews} review{'s' if model.reviews != 1 else ''} about "
                f"{model.children} child{'ren' if model.children != 1 else ''}."
            )
        ]
        if model.cohort:
            out += self.counts_table("Kind of review", model.cohort)
        for title, counts in model.characteristics.items():
            if counts:
                out += self.counts_table(title, counts)
        return out

    def factors(self, section: Section) -> list[Any]:
        rows = self.model.factor_groups.get(section.group or "", [])
        if not rows:
            return [self.para("None of the reviews was tagged with these factors.")]
        return [*self.chart(rows, section.title), *self.factor_table(rows)]

    def together(self, section: Section) -> list[Any]:
        model = self.model
        out: list[Any] = [
            self.para(
                "Trio of vulnerabilities (domestic abuse, parental mental ill-health and "
                "alcohol or drug misuse on the same review): "
                f"{model.trio.number} of {model.trio.total} reviews ({model.trio.percent})."
            )
        ]
        if model.pairs:
            rows = [[p.first, p.second, p.number] for p in model.pairs]
            out += self.table(["Factor", "Found with", "Reviews"], rows, [0.42, 0.42, 0.16], 2)
        return out

    def national(self, section: Section) -> list[Any]:
        out: list[Any] = [
            self.para(
                "Each national figure is quoted with its source and year. Panel and DfE series "
                "count differently and are never mixed."
            )
        ]
        if self.model.national:
            rows = [
                [
                    n.label,
                    f"{n.local.number} of {n.local.total} {n.local.label} ({n.local.percent})",
                    n.national,
                    f"{n.source}, {n.year}",
                ]
                for n in self.model.national
            ]
            out += self.table(
                ["Measure", "Here", "National", "Source and year"],
                rows,
                [0.27, 0.25, 0.14, 0.34],
                numeric_from=9,
            )
        return out

    def actions(self, section: Section) -> list[Any]:
        model = self.model
        total = sum(c.count for c in model.actions_by_rag)
        out: list[Any] = [
            self.para(f"{model.recommendations} recommendations with {total} actions."),
            *self.counts_table("RAG status", model.actions_by_rag),
        ]
        if model.overdue:
            shown = model.overdue[:OVERDUE_SHOWN]
            part: list[Any] = [self.para("Overdue actions", "h2")]
            if len(model.overdue) > len(shown):
                part.append(
                    self.para(
                        f"The {len(shown)} longest overdue of {len(model.overdue)}; the "
                        "spreadsheet's action tracker lists them all."
                    )
                )
            rows = [[o.reference, o.owner, format_day(o.due), o.text] for o in shown]
            part += self.table(
                ["Review", "Owner", "Due", "Action"], rows, [0.2, 0.22, 0.13, 0.45], 9
            )
            out += self.kept_with_start(part)
        return out

    def limitations(self, section: Section) -> list[Any]:
        return self.bullets(self.model.board.limitations or [self.model.method[-1]])

    def board(self, section: Section) -> list[Any]:
        board = self.model.board
        out: list[Any] = []
        if board.questions:
            out.append(self.para("Questions for the board", "h2"))
            out += self.bullets(board.questions)
        if board.recommendations:
            out.append(self.para("Recommendations", "h2"))
            out += self.bullets(board.recommendations)
        return out or [self.para("No questions or recommendations arise from this period.")]

    def method(self, section: Section) -> list[Any]:
        return [self.para(line) for line in self.model.method]

    def appendix(self, section: Section) -> list[Any]:
        out = appendix_flowables(self.model.appendix, self.usable, self.brand, self.style["body"])
        return out or [self.para("No reviews in this period.")]
