"""The plain data of the live action tracker (shared by its PDF, HTML and XLSX writers)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

RAG_WORDS = {"red": "Red", "amber": "Amber", "green": "Green", "grey": "Grey"}
RAG_FILLS = {"red": "#f4c7c3", "amber": "#fce8b2", "green": "#c8e6c9", "grey": "#e0e0e0"}
"""Light fills: black text on each passes WCAG AA, and the word is always written too."""


@dataclass(frozen=True)
class TrackerAction:
    recommendation: str
    text: str
    due: date | None
    status: str
    rag: str
    """"red", "amber", "green" or "grey"."""
    rag_meaning: str
    completed: date | None
    assurance: str
    impact: str
    from_review: str = ""
    """The rapid review the action was set in, when it is tracked under the CSPR."""

    @property
    def rag_word(self) -> str:
        return RAG_WORDS.get(self.rag, self.rag.capitalize())


@dataclass(frozen=True)
class TrackerOwner:
    owner: str
    actions: list[TrackerAction]


@dataclass(frozen=True)
class TrackerReview:
    reference: str
    title: str
    owners: list[TrackerOwner]

    @property
    def action_count(self) -> int:
        return sum(len(owner.actions) for owner in self.owners)


@dataclass
class TrackerModel:
    partnership: str
    brand_colour: str
    title: str
    generated: date
    marking: str
    selection: str
    """Which actions are shown, in words ("Open actions owned by Police")."""
    reviews: list[TrackerReview]
    rag_counts: list[tuple[str, str, int]] = field(default_factory=list)
    """(rag key, label, number) for every RAG status."""
    counting: str = ""

    @property
    def action_count(self) -> int:
        return sum(review.action_count for review in self.reviews)
