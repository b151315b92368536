"""The order of the thematic summary's sections, defined once for its PDF, HTML and Word
versions, so that they cannot drift apart."""

from __future__ import annotations

from dataclasses import dataclass

from reviewtool.reports.thematic_model import ThematicModel


@dataclass(frozen=True)
class Section:
    key: str
    """Which builder writes it: every writer has one builder per key."""
    title: str
    group: str | None = None
    """For a factor group's section, the group's label."""


SECTION_KEYS = (
    "summary",
    "findings",
    "trend",
    "recurring",
    "children",
    "factors",
    "together",
    "national",
    "actions",
    "limitations",
    "board",
    "method",
    "appendix",
)

TITLES = {
    "summary": "Executive summary",
    "findings": "Key findings",
    "trend": "Trend over time",
    "recurring": "Recurring and repeat themes",
    "children": "The reviews and the children",
    "together": "Themes found together",
    "national": "Comparison with national figures",
    "actions": "Recommendations and actions",
    "limitations": "Limitations of the data",
    "board": "Questions and recommendations for the board",
    "method": "How the reviews were analysed",
    "appendix": "Appendix: the reviews",
}


def thematic_outline(model: ThematicModel) -> list[Section]:
    """Every section of the summary in reading order (one per factor group)."""
    sections: list[Section] = []
    for key in SECTION_KEYS:
        if key == "factors":
            sections += [Section("factors", group, group) for group in model.factor_groups]
        else:
            sections.append(Section(key, TITLES[key]))
    return sections
