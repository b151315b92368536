"""The thematic review summary as a PDF board report: findings first, then the evidence.

Sections come in the order `thematic_outline` gives (shared with the HTML and Word
versions); each has its own builder here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reviewtool.reports.charts import column_chart
from reviewtool.reports.fonts import BOLD, pdf_markup, register_fonts
from reviewtool.reports.thematic_appendix import appendix_flowables, format_day
from reviewtool.reports.thematic_model import (
    OVERDUE_SHOWN,
    ThematicModel,
)
from reviewtool.reports.thematic_outline import Section, thematic_outline
from reviewtool.reports.thematic_pdf_parts import MM, ThematicBlocks


def write_thematic_pdf(model: ThematicModel, path: Path) -> Path:
    register_fonts()
    writer = _Writer(model)
    story = writer.story()
    partial = path.with_name(f".{path.name}.partial")
    try:
        writer.document(str(partial)).build(story)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


class _Writer(ThematicBlocks):
    """Flowables for each section of one model (ReportLab flowables keep layout state, so
    each build asks for fresh ones)."""

    def __init__(self, model: ThematicModel) -> None:
        super().__init__(model)
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

    def story(self) -> list[Any]:
        """The whole document's flowables."""
        from reportlab.platypus import PageBreak

        story = self.cover()
        outline = thematic_outline(self.model)
        contents = self.contents([section.title for section in outline])
        story += [self.h1("Contents", listed=False), contents, PageBreak()]
        for section in outline:
            if section.key == "appendix":
                story += [PageBreak(), self.h1(section.title), *self.appendix(section)]
                continue
            story += self.kept_with_start(
                [self.h1(section.title), *self.builders[section.key](section)]
            )
        return story

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
