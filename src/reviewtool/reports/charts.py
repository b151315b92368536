"""Vector bar charts for PDFs, in the embedded fonts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reviewtool.reports.colours import safe_colour
from reviewtool.reports.fonts import REGULAR, register_fonts


def horizontal_bars(
    labels: Sequence[str],
    values: Sequence[int],
    width: float,
    colour: str,
    label_width: float = 190,
    colours: Sequence[str | None] = (),
) -> Any:
    """Bars read top to bottom in the order given, each labelled with its value; ``colours``
    gives a bar its own colour (a theme's in the codebook), ``colour`` the rest."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    register_fonts()
    bar_height = 14
    drawing = Drawing(width, bar_height * len(values) + 30)
    bars = HorizontalBarChart()
    bars.x, bars.y = label_width, 15
    bars.width, bars.height = width - label_width - 30, bar_height * len(values)
    # ReportLab draws the first category at the bottom: reverse so the list reads downwards.
    bars.data = [list(values)[::-1]]
    bars.categoryAxis.categoryNames = [label[:38] for label in labels][::-1]
    bars.categoryAxis.labels.fontName = REGULAR
    bars.categoryAxis.labels.fontSize = 8
    bars.categoryAxis.labels.boxAnchor = "e"
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
