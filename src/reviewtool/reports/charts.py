"""Vector bar charts for PDFs, in the embedded fonts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reviewtool.reports.colours import safe_colour
from reviewtool.reports.fonts import REGULAR, register_fonts, text_runs, text_width
from reviewtool.reports.text import clean

LABEL_SIZE = 8.0
LABEL_LINES = 3


def _label_lines(label: str, width: float) -> list[str]:
    """A category label on up to three lines; only a label longer still is shortened. Text
    without spaces (Chinese, Japanese) breaks between characters."""
    lines: list[str] = []
    for word in clean(label).split() or [""]:
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(candidate, REGULAR, LABEL_SIZE) <= width:
            lines[-1] = candidate
            continue
        lines.append("")
        for char in word:
            if lines[-1] and text_width(lines[-1] + char, REGULAR, LABEL_SIZE) > width:
                lines.append("")
            lines[-1] += char
    if len(lines) <= LABEL_LINES:
        return lines
    last = " ".join(lines[LABEL_LINES - 1 :])
    while last and text_width(last + "…", REGULAR, LABEL_SIZE) > width:
        last = last[:-1]
    return [*lines[: LABEL_LINES - 1], last.rstrip() + "…"]


def _right_aligned_label(lines: list[str], right: float, centre: float) -> list[Any]:
    """A category label as drawing strings ending at ``right``, centred on ``centre``, each
    run in a font that has its characters (ReportLab's axis labels use one font only)."""
    from reportlab.graphics.shapes import String

    leading = LABEL_SIZE * 1.15
    top = centre + (len(lines) - 1) * leading / 2 - LABEL_SIZE * 0.35
    shapes: list[Any] = []
    for number, line in enumerate(lines):
        x = right - text_width(line, REGULAR, LABEL_SIZE)
        for offset, font, piece in text_runs(line, REGULAR, LABEL_SIZE):
            shapes.append(
                String(
                    x + offset, top - number * leading, piece, fontName=font, fontSize=LABEL_SIZE
                )
            )
    return shapes


def horizontal_bars(
    labels: Sequence[str],
    values: Sequence[int],
    width: float,
    colour: str,
    colours: Sequence[str | None] = (),
) -> Any:
    """Bars read top to bottom in the order given, each labelled with its value; labels
    wrap on to more lines rather than being cut. ``colours`` gives a bar its own colour (a
    theme's in the codebook), ``colour`` the rest."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_fonts()
    label_room = width * 0.42
    wrapped = [_label_lines(label, label_room - 8) for label in labels]
    widest = max(
        (text_width(line, REGULAR, LABEL_SIZE) for lines in wrapped for line in lines),
        default=0,
    )
    label_width = min(label_room, widest + 10)
    lines = max((len(lines) for lines in wrapped), default=1)
    bar_height = 14 if lines == 1 else 8 + 9.5 * lines
    value_room = 8 + stringWidth(str(max(values, default=0)), REGULAR, 7.5)
    drawing = Drawing(width, bar_height * len(values) + 30)
    bars = HorizontalBarChart()
    bars.x, bars.y = label_width, 15
    bars.width, bars.height = width - label_width - value_room, bar_height * len(values)
    # ReportLab draws the first category at the bottom: reverse so the list reads downwards.
    bars.data = [list(values)[::-1]]
    bars.categoryAxis.labels.visible = False  # drawn below, with the fallback fonts
    bars.valueAxis.labels.fontName = REGULAR
    bars.valueAxis.labels.fontSize = 7.5
    bars.valueAxis.valueMin = 0
    bars.valueAxis.valueStep = max(1, max(values, default=1) // 5)
    bars.bars[0].fillColor = colors.HexColor(colour)
    for index, own in enumerate(list(colours)[::-1]):
        if own:
            bars.bars[(0, index)].fillColor = colors.HexColor(safe_colour(own))
    bars.barLabelFormat = "%d"
    bars.barLabels.fontName = REGULAR
    bars.barLabels.fontSize = 7.5
    bars.barLabels.boxAnchor = "w"
    bars.barLabels.dx = 3
    drawing.add(bars)
    for index, label_lines in enumerate(wrapped):
        centre = bars.y + bars.height - bar_height * (index + 0.5)
        for shape in _right_aligned_label(label_lines, label_width - 5, centre):
            drawing.add(shape)
    return drawing


def column_chart(
    categories: Sequence[str], values: Sequence[int], width: float, height: float, colour: str
) -> Any:
    """Vertical bars, one per category (years), each labelled with its value."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    register_fonts()
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 30, 20, width - 40, height - 35
    chart.data = [list(values)]
    chart.categoryAxis.categoryNames = list(categories)
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7.5 if len(categories) <= 16 else 6
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = max(1, max(values, default=1) // 5)
    chart.bars[0].fillColor = colors.HexColor(colour)
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    drawing.add(chart)
    return drawing
