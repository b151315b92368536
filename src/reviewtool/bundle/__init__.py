"""The review bundle: the interchange format of BUNDLE.md (a fixed contract)."""

from reviewtool.bundle.errors import BundleError, Problem
from reviewtool.bundle.schema import (
    ActionRecord,
    Bundle,
    ChildRecord,
    CodeRecord,
    FactorRecord,
    RecommendationRecord,
    ReviewBriefing,
    ReviewDates,
    ReviewRecord,
    Section,
    TopicBriefing,
)

__all__ = [
    "ActionRecord",
    "Bundle",
    "BundleError",
    "ChildRecord",
    "CodeRecord",
    "FactorRecord",
    "Problem",
    "RecommendationRecord",
    "ReviewBriefing",
    "ReviewDates",
    "ReviewRecord",
    "Section",
    "TopicBriefing",
]
