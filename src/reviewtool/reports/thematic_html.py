"""The accessible HTML twin of the thematic summary: real headings, header cells, text charts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape
from pathlib import Path

from reviewtool.bundle.write import write_text_atomically
from reviewtool.reports.colours import contrast_ratio, safe_colour
from reviewtool.reports.fonts import BOLD, REGULAR, register_fonts
from reviewtool.reports.text import clean
from reviewtool.reports.thematic_appendix import APPENDIX_THEMES_UP_TO
from reviewtool.reports.thematic_model import (
    OVERDUE_SHOWN,
    Count,
    FactorRow,
    ThematicModel,
    factor_cell,
    factor_columns,
)
from reviewtool.reports.thematic_outline import Section, thematic_outline

PRINTED_WIDTH = (210 - 2 * 18) * 72 / 25.4
"""Points between the side margins of an A4 page in print (PRINT_CSS's @page)."""
CELL_PADDING = 9.9
"""Points a printed cell adds to its text's width: padding and border, both sides."""

PRINT_SIZE = 8.5
"""Points: table cells' text size in print (PRINT_CSS)."""

SMALL_TABLE = 20
"""A table of up to this many rows is never split across printed pages."""


def _e(text: object) -> str:
    return escape(clean(str(text)))


def _table(
    caption: str,
    header: list[str],
    rows: list[list[object]],
    may_split: bool = False,
    fixed: bool = False,
) -> str:
    """A table with header cells; a short one (not ``may_split``) is printed whole.
    ``fixed`` gives its columns widths measured here (see ``_column_shares``): a table of
    thousands of rows is then laid out without measuring every cell first."""
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in header)
    body = "".join(
        "<tr>"
        + f'<th scope="row">{_e(row[0])}</th>'
        + "".join(f"<td>{_e(cell)}</td>" for cell in row[1:])
        + "</tr>"
        for row in rows
    )
    size = ' class="small"' if len(rows) <= SMALL_TABLE and not may_split else ""
    columns = ""
    if fixed:
        size = ' class="fixed"'
        columns = (
            "<colgroup>"
            + "".join(f'<col style="width:{w}%">' for w in _column_shares(header, rows))
            + "</colgroup>"
        )
    return (
        f"<table{size}><caption>{_e(caption)}</caption>{columns}"
        f"<thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def _column_shares(header: list[str], rows: list[list[object]]) -> list[float]:
    """Each column's share of the table's width (percent), as automatic table layout
    gives it, measured with the font's metrics (the first column's cells are bold row
    headers): in proportion to each column's widest text when every row fits on one line;
    otherwise each column gets its longest word and the rest of the width goes to the
    columns that can wrap, in proportion to how much more they would take."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_fonts()

    def width(text: str, font: str) -> float:
        return float(stringWidth(text, font, PRINT_SIZE))

    widest, narrowest = [], []
    for column, title in enumerate(header):
        font = BOLD if column == 0 else REGULAR
        texts = {clean(str(row[column])) for row in rows}
        words = {word for text in texts for word in text.split()}
        widest.append(
            max([width(title, BOLD)] + [width(text, font) for text in texts]) + CELL_PADDING
        )
        narrowest.append(
            max([width(word, BOLD) for word in title.split()] + [width(w, font) for w in words])
            + CELL_PADDING
        )
    widths = widest
    if sum(widest) > PRINTED_WIDTH:
        spare = max(0.0, PRINTED_WIDTH - sum(narrowest))
        give = sum(wide - narrow for wide, narrow in zip(widest, narrowest, strict=True))
        widths = [
            narrow + (wide - narrow) * spare / give if give else narrow
            for wide, narrow in zip(widest, narrowest, strict=True)
        ]
    total = sum(widths)
    return [round(100 * width / total, 2) for width in widths]


def _counts(caption: str, counts: list[Count]) -> str:
    return _table(
        caption, [caption, "Number", "Share"], [[c.label, c.number, c.percent] for c in counts]
    )


def _factor_table(caption: str, rows: list[FactorRow]) -> str:
    columns = factor_columns(rows)
    return _table(
        caption,
        ["Factor", *columns],
        [[r.display_label, *(factor_cell(r, c) for c in columns)] for r in rows],
    )


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{_e(item)}</li>" for item in items) + "</ul>"


def _bar_chart(title: str, rows: list[FactorRow], colour: str) -> str:
    """A bar chart drawn with HTML, with its text alternative (the same figures in words)."""
    # A bar would show a suppressed small number: those rows are in the table only.
    shown = [r for r in rows if "reviews" not in r.suppressed][:12]
    if not shown:
        return ""
    top = max(r.reviews for r in shown)
    description = "; ".join(f"{r.label}: {r.reviews} of {r.total} reviews" for r in shown)
    bars = "".join(
        f'<div class="bar-row"><span class="bar-label">{_e(r.display_label)}</span>'
        f'<span class="bar" style="width:{max(2, round(60 * r.reviews / top))}%;'
        f'background:{safe_colour(r.colour or colour)}"></span> {r.reviews}</div>'
        for r in shown
    )
    return (
        # The bars are one image to assistive technology (a figure may not take the role
        # itself); the caption says the same figures in words.
        f'<figure><div role="img" aria-label="{_e(title)}: {_e(description)}">{bars}</div>'
        f"<figcaption>{_e(title)}: reviews featuring each of the {len(shown)} most frequent "
        f"factors. In words: {_e(description)}.</figcaption></figure>"
    )


def _summary(model: ThematicModel, section: Section) -> str:
    lines = model.board.summary or model.findings[:3]
    return "".join(
        f'<p class="callout">{_e(line)}</p>' if i == 0 else f"<p>{_e(line)}</p>"
        for i, line in enumerate(lines)
    )


def _findings(model: ThematicModel, section: Section) -> str:
    return _list(model.findings)


YEARS_PER_TABLE = 8


def _trend(model: ThematicModel, section: Section) -> str:
    trend = model.board.trend
    if trend is None or not trend.years:
        return "<p>There are no dated reviews to show a trend.</p>"
    caption = "Reviews, and reviews featuring each main theme, by year"
    tables = []
    # Every year is shown, at most eight to a table, so that a printed page holds each one.
    for start in range(0, len(trend.years), YEARS_PER_TABLE):
        years = slice(start, start + YEARS_PER_TABLE)
        shown = trend.years[years]
        rows: list[list[object]] = [["All reviews", *map(trend.cell, trend.reviews[years])]]
        rows += [[label, *map(trend.cell, counts[years])] for label, counts in trend.themes]
        span = f", {shown[0]} to {shown[-1]}" if len(trend.years) > YEARS_PER_TABLE else ""
        tables.append(_table(caption + span, ["Theme", *map(str, shown)], rows))
    return "".join(tables)


def _recurring(model: ThematicModel, section: Section) -> str:
    parts = [f"<p>{_e(model.method[3])}</p>"]
    parts.append(
        _factor_table("Recurring themes", model.recurring)
        if model.recurring
        else "<p>No theme met the test for a recurring theme.</p>"
    )
    if model.comparison_period:
        parts.append(
            f"<h3>Repeat themes (also recurring in {_e(model.comparison_period)})</h3><p>"
            + _e(", ".join(r.label for r in model.repeat) or "None.")
            + "</p>"
        )
    for story in model.board.narratives:
        parts.append(f"<h3>{_e(story.label)}</h3><p>{_e(story.text)}</p>")
        if story.evidence:
            parts.append(
                "<ul class='voice'>"
                + "".join(
                    f"<li><q>{_e(e.note)}</q> ({_e(e.reference)})</li>" for e in story.evidence
                )
                + "</ul>"
            )
    return "".join(parts)


def _children(model: ThematicModel, section: Section) -> str:
    return (
        f"<p>{model.reviews} reviews about {model.children} children.</p>"
        + (_counts("Kind of review", model.cohort) if model.cohort else "")
        + "".join(
            _counts(title, counts) for title, counts in model.characteristics.items() if counts
        )
    )


def _factors(model: ThematicModel, section: Section) -> str:
    rows = model.factor_groups.get(section.group or "", [])
    if not rows:
        return "<p>None of the reviews was tagged with these factors.</p>"
    colour = safe_colour(model.brand_colour)
    return _bar_chart(section.title, rows, colour) + _factor_table(section.title, rows)


def _together(model: ThematicModel, section: Section) -> str:
    return (
        f"<p>Trio of vulnerabilities: {model.trio.number} of {model.trio.total} reviews "
        f"({model.trio.percent}).</p>"
    ) + (
        _table(
            "Factors found together",
            ["Factor", "Found with", "Reviews"],
            [[p.first, p.second, p.number] for p in model.pairs],
        )
        if model.pairs
        else ""
    )


def _national(model: ThematicModel, section: Section) -> str:
    return "<p>Each national figure is quoted with its source and year.</p>" + _table(
        "Local and national figures",
        ["Measure", "Here", "National", "Source and year"],
        [
            [
                n.label,
                f"{n.local.number} of {n.local.total} {n.local.label} ({n.local.percent})",
                n.national,
                f"{n.source}, {n.year}",
            ]
            for n in model.national
        ],
    )


def _actions(model: ThematicModel, section: Section) -> str:
    overdue = ""
    if model.overdue:
        caption = (
            f"Overdue actions (the {min(len(model.overdue), OVERDUE_SHOWN)} longest overdue "
            f"of {len(model.overdue)}; the spreadsheet lists them all)"
            if len(model.overdue) > OVERDUE_SHOWN
            else "Overdue actions"
        )
        overdue = _table(
            caption,
            ["Review", "Owner", "Due", "Action"],
            [
                [o.reference, o.owner, o.due.strftime("%d/%m/%Y") if o.due else "", o.text]
                for o in model.overdue[:OVERDUE_SHOWN]
            ],
            may_split=True,
        )
    return (
        f"<p>{model.recommendations} recommendations.</p>"
        + _counts("RAG status", model.actions_by_rag)
        + overdue
    )


def _limitations(model: ThematicModel, section: Section) -> str:
    return _list(model.board.limitations or [model.method[-1]])


def _board(model: ThematicModel, section: Section) -> str:
    board = model.board
    parts = []
    if board.questions:
        parts.append("<h3>Questions for the board</h3>" + _list(board.questions))
    if board.recommendations:
        parts.append("<h3>Recommendations</h3>" + _list(board.recommendations))
    return "".join(parts) or "<p>No questions or recommendations arise from this period.</p>"


def _method(model: ThematicModel, section: Section) -> str:
    return "".join(f"<p>{_e(m)}</p>" for m in model.method)


def _appendix(model: ThematicModel, section: Section) -> str:
    def day(value: date | None) -> str:
        return value.strftime("%d/%m/%Y") if value else ""

    if len(model.appendix) > APPENDIX_THEMES_UP_TO:
        # As in the PDF: one line per review; each review's themes are in the spreadsheet.
        return f"<p>All {len(model.appendix)} reviews, one line each.</p>" + _table(
            "Every review in the period",
            ["Reference", "Kind", "Notified", "Published", "Themes", "Actions done"],
            [
                [
                    a.reference,
                    a.kind_short or a.kind,
                    day(a.notified),
                    day(a.published),
                    len(a.themes),
                    f"{a.actions_complete} of {a.actions}",
                ]
                for a in model.appendix
            ],
            may_split=True,
            fixed=True,
        )
    return _table(
        "Every review in the period",
        ["Reference", "Title", "Kind", "Notified", "Published", "Themes"],
        [
            [a.reference, a.title, a.kind, day(a.notified), day(a.published), ", ".join(a.themes)]
            for a in model.appendix
        ],
        may_split=True,  # its rows are long: fifteen of them may not fit on one page
    )


BUILDERS: dict[str, Callable[[ThematicModel, Section], str]] = {
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


def thematic_html(model: ThematicModel) -> str:
    brand = safe_colour(model.brand_colour)
    heading = brand if contrast_ratio(brand, "#ffffff") >= 4.5 else "#1a1a1a"
    outline = thematic_outline(model)
    parts = [
        f'<p class="marking"><strong>{_e(model.marking)}</strong></p>',
        f'<h1 class="title">{_e(model.title)}</h1>',
        f'<p><span class="partnership">{_e(model.partnership)}</span>. Reviews from '
        f'<span class="period">{_e(model.period)}</span>; prepared '
        f"{model.generated:%d %B %Y}.</p>",
        '<nav aria-label="Contents"><h2>Contents</h2><ol>'
        + "".join(f'<li><a href="#s{i}">{_e(s.title)}</a></li>' for i, s in enumerate(outline))
        + "</ol></nav>",
    ]
    for number, section in enumerate(outline):
        parts.append(
            f'<section aria-labelledby="s{number}" class="{section.key}">'
            f'<h2 id="s{number}">{_e(section.title)}</h2>'
            + BUILDERS[section.key](model, section)
            + "</section>"
        )
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(model.title)} - {_e(model.period)}</title>
<style>
body {{ font-family: "DejaVu Sans", Arial, sans-serif; max-width: 60rem; margin: 0 auto;
       padding: 1rem; line-height: 1.5; color: #1a1a1a; background: #ffffff; }}
h1, h2, h3 {{ color: {heading}; }}
table {{ border-collapse: collapse; margin: 0.5rem 0 1.2rem; width: 100%; }}
caption {{ text-align: left; font-weight: bold; }}
table.fixed {{ table-layout: fixed; }}
th, td {{ border: 1px solid #999999; padding: 0.25rem 0.5rem; vertical-align: top; }}
thead th {{ background: #eeeeee; }}
.callout {{ border-left: 0.4rem solid {brand}; padding: 0.4rem 0.8rem; background: #f4f4f4; }}
.voice li {{ font-style: italic; }}
.bar-row {{ display: flex; align-items: center; gap: 0.4rem; }}
.bar-label {{ width: 16rem; }}
.bar {{ display: inline-block; height: 0.9rem; }}
{PRINT_CSS}
</style>
</head>
<body>
<main>
{"".join(parts)}
</main>
</body>
</html>
"""


PRINT_CSS = """
@media print {
  @page { size: A4; margin: 20mm 18mm 18mm 18mm;
    @top-left { content: string(marking); font: bold 8.5pt "DejaVu Sans", sans-serif; }
    @top-right { content: string(partnership) " - thematic review";
                 font: 8.5pt "DejaVu Sans", sans-serif; }
    @bottom-left { content: string(title) " - " string(period);
                   font: 8.5pt "DejaVu Sans", sans-serif; }
    @bottom-right { content: "Page " counter(page) " of " counter(pages);
                    font: 8.5pt "DejaVu Sans", sans-serif; } }
  body { max-width: none; padding: 0; font-size: 10pt; line-height: 1.4; }
  .marking { string-set: marking content(); }
  .title { string-set: title content(); font-size: 22pt; margin-top: 30mm; }
  .partnership { string-set: partnership content(); }
  .period { string-set: period content(); }
  nav { break-after: page; }
  nav a { color: #1a1a1a; text-decoration: none; }
  nav a::after { content: leader(".") target-counter(attr(href), page); }
  h2, h3 { break-after: avoid; }
  table.small, figure, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  th, td { padding: 0.15rem 0.35rem; font-size: 8.5pt; }
  section.appendix { break-before: page; }
  .bar-label { width: 40%; }
}
"""
"""Page furniture for printing and for the tagged PDF: running header and footer, page x of
y, contents page numbers, small tables never split."""


def write_thematic_html(model: ThematicModel, path: Path) -> Path:
    write_text_atomically(path, thematic_html(model))
    return path
