"""Flowables the standard ReportLab set lacks."""

from __future__ import annotations

from typing import Any


def heading_with_first(heading: Any, first: Any) -> Any:
    """A heading that never ends a column: it travels with (the start of) its first paragraph.

    Unlike KeepTogether this works inside BalancedColumns, and a first paragraph too long
    for the space left is split, so nothing is ever cut off.
    """
    from reportlab.platypus.flowables import Flowable

    class HeadingWithFirst(Flowable):  # type: ignore[misc]
        def __init__(self, heading: Any, first: Any) -> None:
            super().__init__()
            self.heading, self.first = heading, first
            self._sizes: tuple[float, float] = (0.0, 0.0)

        def _gap(self) -> float:
            return float(self.heading.getSpaceAfter() + self.first.getSpaceBefore())

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            _, heading_height = self.heading.wrap(available_width, available_height)
            _, first_height = self.first.wrap(available_width, available_height)
            self._sizes = (heading_height, first_height)
            self.width = available_width
            self.height = heading_height + self._gap() + first_height
            return self.width, self.height

        def getSpaceBefore(self) -> float:
            return float(self.heading.getSpaceBefore())

        def getSpaceAfter(self) -> float:
            return float(self.first.getSpaceAfter())

        def split(self, available_width: float, available_height: float) -> list[Any]:
            _, heading_height = self.heading.wrap(available_width, available_height)
            room = available_height - heading_height - self._gap()
            if room <= 0:
                return []
            parts = self.first.split(available_width, room)
            if len(parts) < 2:
                return []  # not even one line fits under the heading: move both on
            return [HeadingWithFirst(self.heading, parts[0]), *parts[1:]]

        def draw(self) -> None:
            first_height = self._sizes[1]
            self.heading.drawOn(self.canv, 0, first_height + self._gap())
            self.first.drawOn(self.canv, 0, 0)

    return HeadingWithFirst(heading, first)


def whole_if_short(markup: str, style: Any, lines: int = 6) -> Any:
    """A paragraph that, up to ``lines`` lines long, is never split between columns or pages
    (it moves on whole); a longer one breaks between lines, leaving two or more on each side."""
    from reportlab.platypus import Paragraph

    class WholeIfShort(Paragraph):  # type: ignore[misc]
        def split(self, available_width: float, available_height: float) -> list[Any]:
            self.wrap(available_width, 10_000)
            if len(self.blPara.lines) <= lines:
                return []
            return list(super().split(available_width, available_height))

    return WholeIfShort(markup, style)
