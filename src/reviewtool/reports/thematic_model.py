"""The plain data of a thematic review summary (shared by PDF, HTML, XLSX and DOCX writers)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

OVERDUE_SHOWN = 100
"""Overdue actions listed in the PDF and HTML (the spreadsheet lists them all)."""


@dataclass(frozen=True)
class Count:
    label: str
    count: int
    total: int

    @property
    def percent(self) -> str:
        return f"{round(100 * self.count / self.total)}%" if self.total else "-"


@dataclass(frozen=True)
class FactorRow:
    code: str
    label: str
    group: str
    reviews: int
    total: int
    present: int
    learning: int
    good_practice: int
    previous: int | None = None
    previous_total: int | None = None

    @property
    def percent(self) -> str:
        return f"{round(100 * self.reviews / self.total)}%" if self.total else "-"

    @property
    def change(self) -> str:
        """Change in share against the comparison period, in percentage points."""
        if self.previous is None or not self.previous_total or not self.total:
            return ""
        points = round(100 * self.reviews / self.total) - round(
            100 * self.previous / self.previous_total
        )
        return f"{points:+d} points"


@dataclass(frozen=True)
class PairRow:
    first: str
    second: str
    reviews: int


@dataclass(frozen=True)
class NationalRow:
    label: str
    local: Count
    national: str
    source: str
    year: str


@dataclass(frozen=True)
class OverdueAction:
    reference: str
    owner: str
    due: date | None
    text: str


@dataclass(frozen=True)
class AppendixRow:
    reference: str
    title: str
    kind: str
    notified: date | None
    decision: date | None
    published: date | None
    themes: list[str]
    actions: int = 0
    actions_complete: int = 0
    actions_overdue: int = 0
    kind_short: str = ""
    """The kind in a few words ("CSPR"), for one-line listings."""


@dataclass(frozen=True)
class ActionLine:
    reference: str
    recommendation: str
    text: str
    owner: str
    due: date | None
    status: str
    rag: str
    completed: date | None
    assurance: str
    impact: str


@dataclass(frozen=True)
class MatrixRow:
    """One review in the cases x themes matrix."""

    reference: str
    kind: str
    notified: date | None
    published: date | None
    children: int
    youngest_band: str
    sexes: str
    notification: str
    codes: frozenset[str]


@dataclass(frozen=True)
class Evidence:
    """A reviewer's note on a theme tagged on a review: the review's own words."""

    reference: str
    note: str


@dataclass(frozen=True)
class ThemeNarrative:
    """A recurring theme told in a few sentences, with the notes that support it."""

    code: str
    label: str
    text: str
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True)
class Trend:
    """Reviews, and the reviews featuring each main theme, year by year."""

    years: list[int]
    reviews: list[int]
    themes: list[tuple[str, list[int]]]
    """(theme label, reviews featuring it in each year), the most frequent themes first."""


@dataclass(frozen=True)
class BoardReport:
    """What turns the data into a thematic review a board can act on."""

    summary: list[str] = field(default_factory=list)
    trend: Trend | None = None
    narratives: list[ThemeNarrative] = field(default_factory=list)
    limitations: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)


@dataclass
class ThematicModel:
    partnership: str
    brand_colour: str
    title: str
    period: str
    basis: str
    generated: date
    marking: str
    method: list[str]
    findings: list[str]
    reviews: int
    children: int
    cohort: list[Count]
    characteristics: dict[str, list[Count]]
    factor_groups: dict[str, list[FactorRow]]
    recurring: list[FactorRow]
    repeat: list[FactorRow]
    comparison_period: str | None
    pairs: list[PairRow]
    trio: Count
    national: list[NationalRow]
    recommendations: int
    actions_by_rag: list[Count]
    overdue: list[OverdueAction]
    appendix: list[AppendixRow]
    matrix: list[MatrixRow] = field(default_factory=list)
    actions: list[ActionLine] = field(default_factory=list)
    codebook: list[tuple[str, str, str]] = field(default_factory=list)
    """(code, label, group label) of every code in the matrix, in codebook order."""
    board: BoardReport = field(default_factory=BoardReport)


FACTOR_COLUMNS = ("Reviews", "Share", "Present", "Learning", "Good practice", "Change")


def factor_columns(rows: list[FactorRow]) -> list[str]:
    """The columns a factor table shows: a role no review was tagged with (a column of zeros)
    and the change column without a comparison period are left out."""

    def shown(column: str) -> bool:
        if column == "Present":
            return any(r.present for r in rows)
        if column == "Learning":
            return any(r.learning for r in rows)
        if column == "Good practice":
            return any(r.good_practice for r in rows)
        if column == "Change":
            return any(r.previous is not None for r in rows)
        return True

    return [column for column in FACTOR_COLUMNS if shown(column)]


def factor_cell(row: FactorRow, column: str) -> str:
    values = {
        "Reviews": str(row.reviews),
        "Share": row.percent,
        "Present": str(row.present),
        "Learning": str(row.learning),
        "Good practice": str(row.good_practice),
        "Change": row.change,
    }
    return values[column]
