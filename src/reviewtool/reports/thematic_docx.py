"""The thematic summary as an editable Word document: the same sections, in the same order,
as the PDF and HTML (from `thematic_outline`), for a business unit to edit before a board."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reviewtool.reports.docx_style import add_table, branded_document, save
from reviewtool.reports.text import clean
from reviewtool.reports.thematic_appendix import format_day
from reviewtool.reports.thematic_model import (
    OVERDUE_SHOWN,
    Count,
    FactorRow,
    ThematicModel,
    factor_cell,
    factor_columns,
)
from reviewtool.reports.thematic_outline import Section, thematic_outline

Builder = Callable[[Any, ThematicModel, Section], None]


def _para(document: Any, text: str, style: str | None = None) -> None:
    document.add_paragraph(clean(text), style=style)


def _bullets(document: Any, lines: list[str]) -> None:
    for line in lines:
        _para(document, line, "List Bullet")


def _counts(document: Any, model: ThematicModel, title: str, counts: list[Count]) -> None:
    rows = [[c.label, c.number, c.percent] for c in counts]
    add_table(document, [title, "Number", "Share"], rows, model.brand_colour)
    document.add_paragraph()


def _factor_table(document: Any, model: ThematicModel, rows: list[FactorRow]) -> None:
    columns = factor_columns(rows)
    each = min(0.14, 0.6 / len(columns))
    add_table(
        document,
        ["Factor", *columns],
        [[r.display_label, *(factor_cell(r, c) for c in columns)] for r in rows],
        model.brand_colour,
        [1 - each * len(columns), *([each] * len(columns))],
    )
    document.add_paragraph()


def _summary(document: Any, model: ThematicModel, section: Section) -> None:
    for line in model.board.summary or model.findings[:3]:
        _para(document, line)


def _findings(document: Any, model: ThematicModel, section: Section) -> None:
    _bullets(document, model.findings)


def _trend(document: Any, model: ThematicModel, section: Section) -> None:
    trend = model.board.trend
    if trend is None or not trend.years:
        _para(document, "There are no dated reviews to show a trend.")
        return
    years = trend.years[-8:]
    offset = len(trend.years) - len(years)
    rows = [["All reviews", *[trend.cell(v) for v in trend.reviews[offset:]]]]
    rows += [[label, *[trend.cell(v) for v in counts[offset:]]] for label, counts in trend.themes]
    add_table(document, ["Theme", *[str(y) for y in years]], rows, model.brand_colour)
    if offset:
        _para(document, f"The table shows the latest {len(years)} years.")


def _recurring(document: Any, model: ThematicModel, section: Section) -> None:
    _para(document, model.method[3])
    if model.recurring:
        _factor_table(document, model, model.recurring)
    else:
        _para(document, "No theme met the test for a recurring theme.")
    if model.comparison_period:
        document.add_heading(
            clean(f"Repeat themes: also recurring in {model.comparison_period}"), 3
        )
        _para(document, ", ".join(r.label for r in model.repeat) or "None.")
    for story in model.board.narratives:
        document.add_heading(clean(story.label), level=3)
        _para(document, story.text)
        for evidence in story.evidence:
            _para(document, f"“{evidence.note}” ({evidence.reference})", "Quote")


def _children(document: Any, model: ThematicModel, section: Section) -> None:
    _para(document, f"{model.reviews} reviews about {model.children} children.")
    if model.cohort:
        _counts(document, model, "Kind of review", model.cohort)
    for title, counts in model.characteristics.items():
        if counts:
            _counts(document, model, title, counts)


def _factors(document: Any, model: ThematicModel, section: Section) -> None:
    rows = model.factor_groups.get(section.group or "", [])
    if rows:
        _factor_table(document, model, rows)
    else:
        _para(document, "None of the reviews was tagged with these factors.")


def _together(document: Any, model: ThematicModel, section: Section) -> None:
    trio = model.trio
    _para(
        document,
        f"Trio of vulnerabilities: {trio.number} of {trio.total} reviews ({trio.percent}).",
    )
    if model.pairs:
        rows = [[p.first, p.second, p.number] for p in model.pairs]
        add_table(
            document,
            ["Factor", "Found with", "Reviews"],
            rows,
            model.brand_colour,
            [0.42, 0.42, 0.16],
        )


def _national(document: Any, model: ThematicModel, section: Section) -> None:
    _para(document, "Each national figure is quoted with its source and year.")
    rows = [
        [
            n.label,
            f"{n.local.number} of {n.local.total} {n.local.label} ({n.local.percent})",
            n.national,
            f"{n.source}, {n.year}",
        ]
        for n in model.national
    ]
    if rows:
        add_table(
            document,
            ["Measure", "Here", "National", "Source and year"],
            rows,
            model.brand_colour,
            [0.27, 0.25, 0.14, 0.34],
        )


def _actions(document: Any, model: ThematicModel, section: Section) -> None:
    total = sum(c.count for c in model.actions_by_rag)
    _para(document, f"{model.recommendations} recommendations with {total} actions.")
    _counts(document, model, "RAG status", model.actions_by_rag)
    if model.overdue:
        document.add_heading("Overdue actions", level=3)
        rows = [
            [o.reference, o.owner, format_day(o.due), o.text] for o in model.overdue[:OVERDUE_SHOWN]
        ]
        add_table(
            document,
            ["Review", "Owner", "Due", "Action"],
            rows,
            model.brand_colour,
            [0.19, 0.19, 0.15, 0.47],
        )


def _limitations(document: Any, model: ThematicModel, section: Section) -> None:
    _bullets(document, model.board.limitations or [model.method[-1]])


def _board(document: Any, model: ThematicModel, section: Section) -> None:
    if model.board.questions:
        document.add_heading("Questions for the board", level=3)
        _bullets(document, model.board.questions)
    if model.board.recommendations:
        document.add_heading("Recommendations", level=3)
        _bullets(document, model.board.recommendations)


def _method(document: Any, model: ThematicModel, section: Section) -> None:
    for line in model.method:
        _para(document, line)


def _appendix(document: Any, model: ThematicModel, section: Section) -> None:
    rows = [
        [a.reference, a.kind, format_day(a.notified), format_day(a.published), ", ".join(a.themes)]
        for a in model.appendix
    ]
    if rows:
        add_table(
            document,
            ["Reference", "Kind", "Notified", "Published", "Themes"],
            rows,
            model.brand_colour,
            [0.18, 0.16, 0.15, 0.15, 0.36],
        )
    else:
        _para(document, "No reviews in this period.")


BUILDERS: dict[str, Builder] = {
    "summary": _summary,
    "findings": _findings,
    "trend": _trend,
    "recurring": _recurring,
    "children": _children,
    "factors": _factors,
    "together": _together,
    "national": _national,
    "actions": _actions,
    "limitations": _limitations,
    "board": _board,
    "method": _method,
    "appendix": _appendix,
}


def write_thematic_docx(model: ThematicModel, path: Path) -> Path:
    document = branded_document(
        model.partnership,
        model.brand_colour,
        None,
        f"{model.title}: {model.period}",
        footer=f"{model.marking} - {model.title} - {model.period}",
    )
    document.core_properties.subject = "Thematic review"
    document.add_paragraph(clean(model.marking)).runs[0].bold = True
    document.add_heading(clean(model.title), level=0)
    _para(document, f"{model.partnership}. Reviews from {model.period}.")
    _para(document, f"Prepared {model.generated:%d %B %Y}.")
    for section in thematic_outline(model):
        document.add_heading(clean(section.title), level=1)
        BUILDERS[section.key](document, model, section)
    return save(document, path)
