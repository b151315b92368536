"""The integrated chronology as plain data, for its spreadsheet and its Word document."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reviewtool.domain.chronology import ChronologyLine


@dataclass(frozen=True)
class ChronologyModel:
    partnership: str
    review_reference: str
    review_title: str
    lines: list[ChronologyLine]
    agencies: list[str] = field(default_factory=list)
    """The agencies shown (all that returned when not filtered)."""
    start: date | None = None
    end: date | None = None
    filtered: bool = False
    brand_colour: str = "#1f5f8b"
    logo: Path | None = None

    @property
    def title(self) -> str:
        return f"Integrated chronology: {self.review_title} ({self.review_reference})"

    @property
    def scope(self) -> str:
        parts = [f"{len(self.lines)} entr{'y' if len(self.lines) == 1 else 'ies'}"]
        if self.agencies:
            parts.append("from " + ", ".join(self.agencies))
        if self.start or self.end:
            first = f"{self.start:%d/%m/%Y}" if self.start else "the start"
            last = f"{self.end:%d/%m/%Y}" if self.end else "the end"
            parts.append(f"between {first} and {last}")
        return " ".join(parts)

    @property
    def duplicates(self) -> int:
        return sum(1 for line in self.lines if line.duplicate_of)


HEADINGS = (
    "Date",
    "Time",
    "Agency",
    "What happened",
    "Source record",
    "Agency analysis",
    "Possible duplicate of",
)


def duplicate_text(line: ChronologyLine) -> str:
    return "; ".join(line.duplicate_of)
