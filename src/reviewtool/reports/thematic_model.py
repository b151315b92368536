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
    shown: str | None = None
    """What a publication shows instead of the number ("fewer than 5"), when suppressed."""

    @property
    def number(self) -> str:
        """The count as written in every output."""
        return self.shown if self.shown is not None else str(self.count)

    @property
    def percent(self) -> str:
        if self.shown is not None:
            return "-"
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
    parent: str | None = None
    """The code of the parent row this one is shown under, if that row is in the table."""
    colour: str | None = None
    """The codebook's colour for the theme, used by charts."""
    is_parent: bool = False
    """A theme with themes under it: a review counts once for it when it has any of them."""
    suppressed: frozenset[str] = frozenset()
    """Names of the counts a publication does not show (small numbers)."""
    suppressed_as: str = ""
    """What it shows instead ("fewer than 5")."""

    def show(self, name: str) -> str:
        """A count of this row as written in every output: ``reviews``, ``present``,
        ``learning`` or ``good_practice``."""
        return self.suppressed_as if name in self.suppressed else str(getattr(self, name))

    @property
    def percent(self) -> str:
        if "reviews" in self.suppressed:
            return "-"
        return f"{round(100 * self.reviews / self.total)}%" if self.total else "-"

    @property
    def display_label(self) -> str:
        """The label as a table shows it: themes under a parent are marked as such."""
        return f"\u2013 {self.label}" if self.parent else self.label

    @property
    def change(self) -> str:
        """Change in share against the comparison period, in percentage points."""
        if self.previous is None or not self.previous_total or not self.total:
            return ""
        if "reviews" in self.suppressed or "previous" in self.suppressed:
            return "-"
        points = round(100 * self.reviews / self.total) - round(
            100 * self.previous / self.previous_total
        )
        return f"{points:+d} points"


@dataclass(frozen=True)
class PairRow:
    first: str
    second: str
    reviews: int
    shown: str | None = None
    """What a publication shows instead of the number, when suppressed."""

    @property
    def number(self) -> str:
        return self.shown if self.shown is not None else str(self.reviews)


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
    from_review: str = ""
    """The rapid review the action came from, when it is counted under the CSPR."""


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
    suppress_below: int | None = None
    """In a summary for publication, counts from 1 to this less one are not shown."""

    def cell(self, value: int) -> str:
        """A year's count as every output writes it."""
        if self.suppress_below is not None and 0 < value < self.suppress_below:
            return f"fewer than {self.suppress_below}"
        return str(value)


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
    counting: str = ""
    """The counting rule in one paragraph, as every output states it."""
    suppressed_below: int | None = None
    """Counts from 1 to this less one are not shown (a summary for publication)."""
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
        "Reviews": row.show("reviews"),
        "Share": row.percent,
        "Present": row.show("present"),
        "Learning": row.show("learning"),
        "Good practice": row.show("good_practice"),
        "Change": row.change,
    }
    return values[column]
