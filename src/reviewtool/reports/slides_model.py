"""Plain data for a deck of learning slides (shared by the PPTX and PDF writers)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Slide:
    title: str
    bullets: list[str] = field(default_factory=list)
    notes: str = ""
    quotes: list[str] = field(default_factory=list)
    chart_title: str | None = None
    chart_categories: list[str] = field(default_factory=list)
    chart_values: list[int] = field(default_factory=list)
    chart_colour: str | None = None
    """The theme's colour in the codebook (the deck's colour when none)."""

    @property
    def has_chart(self) -> bool:
        return bool(self.chart_categories)


@dataclass(frozen=True)
class Deck:
    title: str
    subtitle: str
    partnership: str
    brand_colour: str
    slides: list[Slide]
    """Content slides; the title slide is made from ``title`` and ``subtitle``."""
    notes: str = ""
