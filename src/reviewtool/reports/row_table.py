"""A long table drawn row by row: for appendices of thousands of rows.

ReportLab's Table re-measures itself whenever it splits across a page, which makes long
tables slow; this flowable measures each row once, splits by counting rows, and draws text
directly (with the same per-character font fallback as paragraphs).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reviewtool.reports.fonts import BOLD, REGULAR, text_runs
from reviewtool.reports.text import clean

PADDING = 3.0

Cells = list[list[str]]
"""One row: each cell's wrapped lines."""


@dataclass(frozen=True)
class _Look:
    widths: Sequence[float]
    size: float
    header_fill: Any
    header_ink: Any
    stripe: Any
    body_ink: Any
    rule: Any

    @property
    def leading(self) -> float:
        return self.size * 1.25

    def height_of(self, cells: Cells) -> float:
        return max(len(lines) for lines in cells) * self.leading + 2 * PADDING


class _Measurer:
    """Wraps cells to their columns. A column's kinds, dates and counts recur from row to
    row: each distinct cell is measured (and wrapped) once."""

    def __init__(self, look: _Look) -> None:
        self.look = look
        self.measured: dict[tuple[str, str, float], list[str]] = {}

    def cells(self, row: Sequence[str], font: str) -> Cells:
        out = []
        for cell, width in zip(row, self.look.widths, strict=True):
            key = (cell, font, width)
            lines = self.measured.get(key)
            if lines is None:
                lines = self.measured[key] = self._wrapped(clean(cell), font, width - 2 * PADDING)
            out.append(lines)
        return out

    def _wrapped(self, text: str, font: str, width: float) -> list[str]:
        from reportlab.lib.utils import simpleSplit
        from reportlab.pdfbase.pdfmetrics import stringWidth

        size = self.look.size
        # Most cells are one short line: one measurement instead of one per word.
        if "\n" not in text and stringWidth(text, font, size) <= width:
            return [text]
        return simpleSplit(text, font, size, width) or [""]


class _Operators:
    """How to write a piece of text at a text object's origin. ReportLab turns a piece into
    operators character by character (font subsets); a long table repeats the same kinds,
    dates and counts thousands of times, so each distinct piece's operators are made once
    per document and reused. Each starts by setting its font, so it stands anywhere."""

    def __init__(self, size: float) -> None:
        self.size = size
        self.document: object = None
        self.made: dict[tuple[str, str], str] = {}

    def putter(self, text: Any) -> Callable[[str, str], None]:
        document = getattr(getattr(text, "_canvas", None), "_doc", None)
        if (
            document is None
            or not hasattr(text, "_formatText")
            or not isinstance(getattr(text, "_code", None), list)
        ):
            return lambda font, piece: self._plain(text, font, piece)  # ReportLab's own way
        if self.document is not document:  # subsets are numbered per document
            self.document, self.made = document, {}

        def cached(font: str, piece: str) -> None:
            code = self.made.get((font, piece))
            if code is None:
                text.setFont(font, self.size)  # the piece's operators then name its font
                code = self.made[(font, piece)] = text._formatText(piece)
            text._code.append(code)

        return cached

    def _plain(self, text: Any, font: str, piece: str) -> None:
        text.setFont(font, self.size)
        text.textOut(piece)


class _Painter:
    """Draws rows of a table on a canvas: backgrounds and rules, then all the text of a run
    of rows in one text object (a text object per cell costs more than the text itself in
    a table of tens of thousands of cells)."""

    def __init__(self, look: _Look) -> None:
        self.look = look
        self.operators = _Operators(look.size)

    def backdrop(
        self, canvas: Any, index: int, top: float, height: float, fills: dict[int, str]
    ) -> None:
        """Row ``index`` (0 the header)'s background, cells' fills and bottom rule."""
        look, width = self.look, sum(self.look.widths)
        fill = look.header_fill if index == 0 else (look.stripe if index % 2 == 0 else None)
        if fill is not None:
            canvas.setFillColor(fill)
            canvas.rect(0, top - height, width, height, stroke=0, fill=1)
        for column, colour in fills.items():
            canvas.setFillColor(_colour(colour))
            left = sum(look.widths[:column])
            canvas.rect(left, top - height, look.widths[column], height, stroke=0, fill=1)
        canvas.line(0, top - height, width, top - height)

    def text(
        self, canvas: Any, rows: Sequence[tuple[Cells, float]], top: float, font: str, ink: Any
    ) -> None:
        look = self.look
        canvas.setFillColor(ink)
        canvas.setFont(font, look.size)
        text = canvas.beginText()
        put = self.operators.putter(text)
        for cells, height in rows:
            x = 0.0
            for lines, width in zip(cells, look.widths, strict=True):
                y = top - PADDING - look.size
                for line in lines:
                    for offset, run_font, piece in text_runs(line, font, look.size):
                        text.setTextOrigin(x + PADDING + offset, y)
                        put(run_font, piece)
                    y -= look.leading
                x += width
            top -= height
        canvas.drawText(text)


@lru_cache(maxsize=1)
def _flowable() -> type:
    """The flowable class, made when first needed: ReportLab loads only for a PDF."""
    from reportlab.platypus.flowables import Flowable

    class RowTable(Flowable):  # type: ignore[misc]
        def __init__(
            self,
            painter: _Painter,
            head: Cells,
            rows: list[Cells],
            heights: list[float],
            fills: Sequence[dict[int, str]],
        ) -> None:
            super().__init__()
            self.painter, self.head = painter, head
            self.rows, self.heights, self.fills = rows, heights, fills
            self.head_height = painter.look.height_of(head)

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.width = sum(self.painter.look.widths)
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
            return [self._part(slice(None, count)), self._part(slice(count, None))]

        def _part(self, rows: slice) -> Any:
            return RowTable(
                self.painter, self.head, self.rows[rows], self.heights[rows], self.fills[rows]
            )

        def draw(self) -> None:
            canvas, painter, look = self.canv, self.painter, self.painter.look
            rows = [(self.head, self.head_height), *zip(self.rows, self.heights, strict=True)]
            canvas.setStrokeColor(look.rule)  # the rules' colour and width, set once
            canvas.setLineWidth(0.25)
            top = self.height
            for index, (_, height) in enumerate(rows):
                fills = self.fills[index - 1] if 0 < index <= len(self.fills) else {}
                painter.backdrop(canvas, index, top, height, fills)
                top -= height
            painter.text(canvas, rows[:1], self.height, BOLD, look.header_ink)
            painter.text(canvas, rows[1:], self.height - self.head_height, REGULAR, look.body_ink)
            canvas.setFillColor(look.body_ink)

    return RowTable


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
    look = _Look(
        widths,
        size,
        _colour(header_fill),
        _colour(header_text),
        _colour(stripe),
        _colour("#111111"),
        _colour("#bbbbbb"),
    )
    measurer = _Measurer(look)
    wrapped = [measurer.cells(row, REGULAR) for row in rows]
    heights = [look.height_of(cells) for cells in wrapped]
    head = measurer.cells(header, BOLD)
    return _flowable()(_Painter(look), head, wrapped, heights, list(cell_fills or []))


def _colour(hex_colour: str) -> Any:
    from reportlab.lib import colors

    return colors.HexColor(hex_colour)
