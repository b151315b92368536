"""Vector bar charts for PDFs, in the embedded fonts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reviewtool.reports.colours import safe_colour
from reviewtool.reports.fonts import REGULAR, register_fonts
from reviewtool.reports.text import clean

LABEL_SIZE = 8.0
LABEL_LINES = 3


def _label_lines(label: str, width: float) -> list[str]:
    """A category label on up to three lines; only a label longer still is shortened."""
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines = simpleSplit(" ".join(clean(label).split()), REGULAR, LABEL_SIZE, width) or [""]
    if len(lines) <= LABEL_LINES:
        return lines
    last = " ".join(lines[LABEL_LINES - 1 :])
    while last and stringWidth(last + "…", REGULAR, LABEL_SIZE) > width:
        last = last[:-1]
    return [*lines[: LABEL_LINES - 1], last.rstrip() + "…"]


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
        (stringWidth(line, REGULAR, LABEL_SIZE) for lines in wrapped for line in lines),
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
    bars.categoryAxis.categoryNames = ["\n".join(lines) for lines in wrapped][::-1]
    bars.categoryAxis.labels.fontName = REGULAR
    bars.categoryAxis.labels.fontSize = LABEL_SIZE
    bars.categoryAxis.labels.leading = LABEL_SIZE * 1.15
    bars.categoryAxis.labels.boxAnchor = "e"
    bars.categoryAxis.labels.textAnchor = "end"
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
