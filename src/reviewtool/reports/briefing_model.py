"""The plain data a 7-minute briefing is written from (no database, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path


@dataclass(frozen=True)
class BriefingSectionModel:
    number: int
    heading: str
    body: str
    is_questions: bool = False


@dataclass(frozen=True)
class BriefingExtra:
    """An optional part of the partnership's briefing template, after the seven sections:
    what the research tells us, the full report, local procedures and training, contact."""

    key: str
    heading: str
    lines: list[str]
    """Each line its own paragraph; a line may be or contain a web address."""


EXTRA_HEADINGS = {
    "research": "What the research tells us",
    "report": "Read the full report",
    "procedures": "Local procedures and training",
    "contact": "Contact and feedback",
}
"""The optional parts in the order they follow the seven sections."""


@dataclass(frozen=True)
class BriefingModel:
    partnership: str
    brand_colour: str
    logo: Path | None
    title: str
    """e.g. "Child J - learning from a local child safeguarding practice review"."""
    subtitle: str
    sections: list[BriefingSectionModel]
    status: str
    """draft, approved or published."""
    version: int
    dated: date
    approved_by: str | None = None
    approved_at: datetime | None = None
    reference: str | None = None
    language: str = "en-GB"
    extra_sections: list[BriefingSectionModel] = field(default_factory=list)
    further: list[BriefingExtra] = field(default_factory=list)
    """Optional parts from the partnership's template (see EXTRA_HEADINGS), in that order."""

    @property
    def numbered(self) -> list[BriefingSectionModel]:
        """The numbered sections in reading order: every writer lays them out from here."""
        return [*self.sections, *self.extra_sections]

    @property
    def is_draft(self) -> bool:
        return self.status not in ("approved", "published")

    @property
    def status_text(self) -> str:
        if self.status == "published":
            return "Published"
        if self.status == "approved":
            who = f" by {self.approved_by}" if self.approved_by else ""
            when = f" on {self.approved_at:%d/%m/%Y}" if self.approved_at else ""
            return f"Approved{who}{when}"
        return "DRAFT - not approved for circulation"
