"""A long table drawn row by row: for appendices of thousands of rows.

ReportLab's Table re-measures itself whenever it splits across a page, which makes long
tables slow; this flowable measures each row once, splits by counting rows, and draws text
directly (with the same per-character font fallback as paragraphs).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reviewtool.reports.fonts import BOLD, REGULAR, text_runs
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
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus.flowables import Flowable

    leading = size * 1.25
    header_colour, header_ink = _colour(header_fill), _colour(header_text)
    stripe_colour, body_ink, rule_colour = _colour(stripe), _colour("#111111"), _colour("#bbbbbb")

    made: dict[str, Any] = {"document": None, "operators": {}}
    # A column's kinds, dates and counts recur from row to row: each distinct cell is
    # measured (and wrapped) once.
    measured: dict[tuple[str, str, float], list[str]] = {}

    def lines_of(row: Sequence[str], font: str) -> list[list[str]]:
        out = []
        for cell, width in zip(row, widths, strict=True):
            key = (cell, font, width)
            lines = measured.get(key)
            if lines is None:
                lines = measured[key] = _wrapped(clean(cell), font, width - 2 * PADDING)
            out.append(lines)
        return out

    def _wrapped(text: str, font: str, width: float) -> list[str]:
        # Most cells are one short line: one measurement instead of one per word.
        if "\n" not in text and stringWidth(text, font, size) <= width:
            return [text]
        return simpleSplit(text, font, size, width) or [""]

    def _text_putter(text: Any) -> Callable[[str, str], None]:
        """How to write one piece of text at the text object's origin. ReportLab turns
        a piece into operators character by character (font subsets); a long table
        repeats the same kinds, dates and counts thousands of times, so each distinct
        piece's operators are made once per document and reused. Each starts by
        setting its font, so they stand anywhere. ReportLab's own way if its text
        object ever changes shape."""
        document = getattr(getattr(text, "_canvas", None), "_doc", None)
        if (
            document is None
            or not hasattr(text, "_formatText")
            or not isinstance(getattr(text, "_code", None), list)
        ):

            def plain(run_font: str, piece: str) -> None:
                text.setFont(run_font, size)
                text.textOut(piece)

            return plain
        if made["document"] is not document:  # subsets are numbered per document
            made["document"], made["operators"] = document, {}
        operators: dict[tuple[str, str], str] = made["operators"]

        def cached(run_font: str, piece: str) -> None:
            key = (run_font, piece)
            code = operators.get(key)
            if code is None:
                text.setFont(run_font, size)  # the piece's operators then name its font
                code = operators[key] = text._formatText(piece)
            text._code.append(code)

        return cached

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

        def draw(self) -> None:
            # Backgrounds and rules first, then the text of the header and of the body each
            # in one text object: a text object per cell (drawString) costs more than the
            # text itself in a table of tens of thousands of cells.
            canvas = self.canv
            rows = [(self.head, self.head_height)]
            rows += zip(self.wrapped, self.heights, strict=True)
            canvas.setStrokeColor(rule_colour)  # the rules' colour and width, set once
            canvas.setLineWidth(0.25)
            top = self.height
            for index, (_, height) in enumerate(rows):
                self._backdrop(index, top, height)
                top -= height
            self._text(rows[:1], self.height, BOLD, header_ink)
            self._text(rows[1:], self.height - self.head_height, REGULAR, body_ink)
            canvas.setFillColor(body_ink)

        def _backdrop(self, index: int, top: float, height: float) -> None:
            """Row ``index`` (0 the header)'s background, cells' fills and bottom rule."""
            canvas = self.canv
            fill = header_colour if index == 0 else (stripe_colour if index % 2 == 0 else None)
            if fill is not None:
                canvas.setFillColor(fill)
                canvas.rect(0, top - height, self.width, height, stroke=0, fill=1)
            body = index - 1
            for column, colour in (self.fills[body] if 0 <= body < len(self.fills) else {}).items():
                canvas.setFillColor(_colour(colour))
                left = sum(widths[:column])
                canvas.rect(left, top - height, widths[column], height, stroke=0, fill=1)
            canvas.line(0, top - height, self.width, top - height)

        def _text(
            self, rows: Sequence[tuple[list[list[str]], float]], top: float, font: str, ink: Any
        ) -> None:
            canvas = self.canv
            canvas.setFillColor(ink)
            canvas.setFont(font, size)
            text = canvas.beginText()
            put = _text_putter(text)
            for cells, height in rows:
                x = 0.0
                for lines, width in zip(cells, widths, strict=True):
                    y = top - PADDING - size
                    for line in lines:
                        for offset, run_font, piece in text_runs(line, font, size):
                            text.setTextOrigin(x + PADDING + offset, y)
                            put(run_font, piece)
                        y -= leading
                    x += width
                top -= height
            canvas.drawText(text)

    wrapped = [lines_of(row, REGULAR) for row in rows]
    heights = [max(len(cell) for cell in cells) * leading + 2 * PADDING for cells in wrapped]
    return RowTable(wrapped, heights, list(cell_fills or []))


def _colour(hex_colour: str) -> Any:
    from reportlab.lib import colors

    return colors.HexColor(hex_colour)
