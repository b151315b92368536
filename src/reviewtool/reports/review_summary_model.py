"""A review's public one-page summary and its entry for a national case review repository."""

from __future__ import annotations

from dataclasses import dataclass, field

SUMMARY_HEADINGS = (
    "What happened",
    "Good practice",
    "Learning",
    "Recommendations",
    "Action",
    "Assurance",
    "Impact",
)
"""The shape partnerships publish each review in (for example Cheshire East's)."""


@dataclass(frozen=True)
class SummarySection:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    """Prose (What happened)."""
    items: list[str] = field(default_factory=list)
    """Bulleted points (every other section)."""
    empty: str = "None recorded yet."


@dataclass
class ReviewSummaryModel:
    partnership: str
    brand_colour: str
    title: str
    """The review's (anonymised) name, such as "Child J"."""
    reference: str
    kind: str
    when: str
    """"Published March 2024", or the date the review was decided or notified."""
    sections: list[SummarySection]
    marking: str = "For publication"


@dataclass
class RepositoryEntry:
    """One review as the NSPCC national case review repository lists it."""

    heading: str
    """"Year - Area - Name"."""
    summary: str
    learning_themes: list[str]
    recommendations: list[str]
    good_practice: list[str]
    review_model: str
    keywords: list[str]

    def as_text(self) -> str:
        """Plain text ready to paste into an e-mail or the repository's form."""

        def listed(lead: str, values: list[str]) -> list[str]:
            # Items are often whole sentences: their own full stops would double up.
            trimmed = [" ".join(v.split()).rstrip(" .;") for v in values]
            return [f"{lead}: " + "; ".join(t for t in trimmed if t) + "."] if values else []

        lines = [self.heading, "", self.summary or "(No summary recorded.)", ""]
        lines += listed("Learning themes include", self.learning_themes)
        lines += listed("Recommendations include", self.recommendations)
        lines += listed("Good practice identified includes", self.good_practice)
        if self.review_model:
            lines.append(f"Review model: {self.review_model.strip().rstrip('.')}.")
        lines += listed("Keywords", self.keywords)
        return "\n".join(lines).rstrip() + "\n"
