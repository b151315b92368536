"""A long table drawn row by row: for appendices of thousands of rows.

ReportLab's Table re-measures itself whenever it splits across a page, which makes long
tables slow; this flowable measures each row once, splits by counting rows, and draws text
directly (with the same per-character font fallback as paragraphs).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reviewtool.reports.fonts import BOLD, REGULAR, draw_text_runs
from reviewtool.reports.text import clean

PADDING = 3.0


def row_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    header_fill: str,
    header_text: str,
    stripe: str,
    size: float = 8.0,
    cell_fills: Sequence[dict[int, str]] | None = None,
) -> Any:
    """``cell_fills`` gives, row by row, a background for some cells ({column: colour})."""
    from reportlab.lib import colors
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus.flowables import Flowable

    leading = size * 1.25

    def lines_of(row: Sequence[str], font: str) -> list[list[str]]:
        return [
            _wrapped(clean(cell), font, width - 2 * PADDING)
            for cell, width in zip(row, widths, strict=True)
        ]

    def _wrapped(text: str, font: str, width: float) -> list[str]:
        # Most cells are one short line: one measurement instead of one per word.
        if "\n" not in text and stringWidth(text, font, size) <= width:
            return [text]
        return simpleSplit(text, font, size, width) or [""]

    class RowTable(Flowable):  # type: ignore[misc]
        def __init__(
            self,
            wrapped: list[list[list[str]]],
            heights: list[float],
            fills: Sequence[dict[int, str]],
        ) -> None:
            super().__init__()
            self.wrapped, self.heights, self.fills = wrapped, heights, fills
            self.head = lines_of(header, BOLD)
            self.head_height = max(len(c) for c in self.head) * leading + 2 * PADDING

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.width = sum(widths)
            self.height = self.head_height + sum(self.heights)
            return self.width, self.height

        def split(self, available_width: float, available_height: float) -> list[Any]:
            room = available_height - self.head_height
            count, used = 0, 0.0
            for height in self.heights:
                if used + height > room:
                    break
                used += height
                count += 1
            if count == 0:
                return []
            return [
                RowTable(self.wrapped[:count], self.heights[:count], self.fills[:count]),
                RowTable(self.wrapped[count:], self.heights[count:], self.fills[count:]),
            ]

        def _draw_row(
            self,
            cells: list[list[str]],
            top: float,
            height: float,
            font: str,
            fill: str | None,
            ink: str,
            cell_fill: dict[int, str] | None = None,
        ) -> None:
            canvas = self.canv
            if fill:
                canvas.setFillColor(colors.HexColor(fill))
                canvas.rect(0, top - height, self.width, height, stroke=0, fill=1)
            for column, colour in (cell_fill or {}).items():
                canvas.setFillColor(colors.HexColor(colour))
                left = sum(widths[:column])
                canvas.rect(left, top - height, widths[column], height, stroke=0, fill=1)
            canvas.setFillColor(colors.HexColor(ink))
            x = 0.0
            for lines, width in zip(cells, widths, strict=True):
                y = top - PADDING - size
                for line in lines:
                    draw_text_runs(canvas, x + PADDING, y, line, size, font)
                    y -= leading
                x += width
            canvas.setStrokeColor(colors.HexColor("#bbbbbb"))
            canvas.setLineWidth(0.25)
            canvas.line(0, top - height, self.width, top - height)

        def draw(self) -> None:
            top = self.height
            self._draw_row(self.head, top, self.head_height, BOLD, header_fill, header_text)
            top -= self.head_height
            for index, (cells, height) in enumerate(zip(self.wrapped, self.heights, strict=True)):
                self._draw_row(
                    cells,
                    top,
                    height,
                    REGULAR,
                    stripe if index % 2 else None,
                    "#111111",
                    self.fills[index] if index < len(self.fills) else None,
                )
                top -= height

    wrapped = [lines_of(row, REGULAR) for row in rows]
    heights = [max(len(cell) for cell in cells) * leading + 2 * PADDING for cells in wrapped]
    return RowTable(wrapped, heights, list(cell_fills or []))
