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
