"""Plain data for a deck of learning slides (shared by the PPTX and PDF writers)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


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
    timeline: list[tuple[str, str]] = field(default_factory=list)
    """(when, what) events in date order, drawn as a timeline."""
    columns: list[tuple[str, list[str]]] = field(default_factory=list)
    """(heading, points) side by side: a review's child, family and practice factors."""

    @property
    def has_columns(self) -> bool:
        return bool(self.columns) and not self.has_chart and not self.timeline

    @property
    def has_chart(self) -> bool:
        return bool(self.chart_categories)

    @property
    def has_timeline(self) -> bool:
        return bool(self.timeline) and not self.has_chart


@dataclass(frozen=True)
class Deck:
    title: str
    subtitle: str
    partnership: str
    brand_colour: str
    slides: list[Slide]
    """Content slides; the title slide is made from ``title`` and ``subtitle``."""
    notes: str = ""
    logo: Path | None = None
    footer: str = ""
    """Shown at the foot of every slide (default: the partnership's name)."""
