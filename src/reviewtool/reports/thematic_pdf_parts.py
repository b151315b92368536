"""The building blocks of the thematic summary's PDF: the page furniture (cover, contents,
running header and footer) and the tables, lists and charts every section is made of.
The sections themselves are in ``thematic_pdf``."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reviewtool.reports.charts import horizontal_bars
from reviewtool.reports.colours import safe_colour, text_on, tint
from reviewtool.reports.fonts import (
    BOLD,
    REGULAR,
    draw_right_text_runs,
    draw_text_runs,
    fit_line,
    pdf_markup,
)
from reviewtool.reports.styles import THEMATIC, paragraph_styles
from reviewtool.reports.thematic_model import (
    Count,
    FactorRow,
    ThematicModel,
    factor_cell,
    factor_columns,
)

CONTENTS_SIZE = 11
KEEP_WHOLE = 20
"""A table of up to this many rows is kept on one page with its heading."""
CHART_ROWS = 12
MM = 72 / 25.4


class ThematicBlocks:
    """One model's page geometry and styles, and the flowables sections are built from."""

    def __init__(self, model: ThematicModel) -> None:
        from reportlab.lib.pagesizes import A4

        self.model = model
        self.brand = safe_colour(model.brand_colour)
        self.width, self.height = float(A4[0]), float(A4[1])
        self.margin = 18 * MM
        self.usable = self.width - 2 * self.margin
        self.style = paragraph_styles(THEMATIC, self.brand)

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
                    # The contents (page 2) drew this form before its section was laid out.
                    canvas = self.canv
                    # Its box reaches left of the origin: the number is right-aligned there.
                    canvas.beginForm(
                        contents_form(len(self.toc_entries) - 1),
                        lowerx=-120,
                        lowery=-CONTENTS_SIZE,
                        upperx=CONTENTS_SIZE,
                        uppery=2 * CONTENTS_SIZE,
                    )
                    canvas.setFont(REGULAR, CONTENTS_SIZE)
                    canvas.drawRightString(0, 0, str(self.page))
                    canvas.endForm()

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
        right = fit_line(f"{model.partnership} - thematic review", REGULAR, 8.5, width * 0.55)
        draw_right_text_runs(canvas, width - margin, height - 6 * MM, right, 8.5)
        canvas.setFillColor(colors.HexColor("#333333"))
        left = fit_line(f"{model.title} - {model.period}", REGULAR, 8.5, self.usable - 60)
        draw_text_runs(canvas, margin, 10 * MM, left, 8.5)
        canvas.setFont(REGULAR, 8.5)
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

    def contents(self, titles: list[str]) -> Any:
        """The contents: each section's title and its page number. The number is a form
        filled in when the section's heading is laid out (see ``document``): the whole
        document is laid out once, with no pass to find the pages first."""
        from reportlab.platypus import Paragraph, Table, TableStyle

        table = Table(
            [
                [
                    Paragraph(pdf_markup(text), self.style["contents"]),
                    _page_number_flowable()(number),
                ]
                for number, text in enumerate(titles)
            ],
            colWidths=[self.usable * 0.88, self.usable * 0.12],
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("FONTSIZE", (0, 0), (-1, -1), CONTENTS_SIZE),
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


def contents_form(number: int) -> str:
    """The name of the form holding the page number of the ``number``-th listed section."""
    return f"contents-page-{number}"


@lru_cache(maxsize=1)
def _page_number_flowable() -> type:
    from reportlab.platypus.flowables import Flowable

    class PageNumber(Flowable):  # type: ignore[misc]
        """A contents entry's page number, right-aligned on the cell's first baseline, as
        the table would draw a text cell; its digits are a form written later."""

        def __init__(self, number: int) -> None:
            super().__init__()
            self.number = number

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return 0.0, float(CONTENTS_SIZE)

        def draw(self) -> None:
            self.canv.doForm(contents_form(self.number))

    return PageNumber
