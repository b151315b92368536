"""Figures for the annual report on the statutory workflow and learning into practice."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ImpactItem:
    review: str
    action: str
    impact: str


@dataclass(frozen=True)
class PracticeFigures:
    period: str
    rapid_reviews_submitted: int = 0
    rapid_reviews_in_time: int = 0
    """Submitted within 15 working days of the notification."""
    rapid_reviews_pending: int = 0
    rapid_review_average_days_late: float | None = None
    """Average working days beyond the 15, over the late ones."""
    csprs_published: int = 0
    csprs_in_time: int = 0
    """Published within 6 months of the decision, paused time excluded."""
    csprs_paused: int = 0
    decisions: dict[str, int] = field(default_factory=dict)
    """Decision label -> rapid reviews decided in the period."""
    deliveries: int = 0
    people_reached: int = 0
    briefings_delivered: int = 0
    audiences: list[str] = field(default_factory=list)
    plans_requested: int = 0
    plans_returned: int = 0
    plan_actions: int = 0
    plan_actions_complete: int = 0
    rag_reviews: dict[str, int] = field(default_factory=dict)
    """RAG label -> action reviews recorded in the period."""
    impact: list[ImpactItem] = field(default_factory=list)

    def texts(self) -> Iterator[tuple[str, str]]:
        """Every piece of user text, for the publication check."""
        for item in self.impact:
            yield "impact", item.action
            yield "impact", item.impact
        for audience in self.audiences:
            yield "dissemination", audience
