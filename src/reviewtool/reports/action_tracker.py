"""The action tracker as a spreadsheet (XLSX) or comma-separated file (CSV)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reviewtool.reports.text import clean

TRACKER_COLUMNS = (
    "Review",
    "Title",
    "Recommendation",
    "Action",
    "Owner",
    "Due",
    "Status",
    "RAG",
    "Completed",
    "Assurance",
    "Impact",
    "Dropped because",
)


@dataclass(frozen=True)
class TrackerRow:
    review: str
    title: str
    recommendation: str
    action: str
    owner: str
    due: date | None
    status: str
    rag: str
    completed: date | None
    assurance: str
    impact: str
    dropped_because: str

    def cells(self) -> tuple[str | date | None, ...]:
        return (
            self.review,
            self.title,
            self.recommendation,
            self.action,
            self.owner,
            self.due,
            self.status,
            self.rag,
            self.completed,
            self.assurance,
            self.impact,
            self.dropped_because,
        )


def _text(value: str) -> str:
    """No control characters, and no formula injection from user text."""
    text = clean(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def write_tracker_csv(rows: list[TrackerRow], path: Path) -> Path:
    partial = path.with_name(f".{path.name}.partial")
    # UTF-8 with a byte order mark: spreadsheet programs then read every letter right.
    with partial.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(TRACKER_COLUMNS)
        for row in rows:
            writer.writerow(
                [
                    value.strftime("%d/%m/%Y") if isinstance(value, date) else _text(value or "")
                    for value in row.cells()
                ]
            )
    partial.replace(path)
    return path


def write_tracker_xlsx(rows: list[TrackerRow], path: Path) -> Path:
    import xlsxwriter

    partial = path.with_name(f".{path.name}.partial")
    workbook = xlsxwriter.Workbook(
        str(partial), {"strings_to_formulas": False, "strings_to_urls": False}
    )
    try:
        bold = workbook.add_format({"bold": True})
        day = workbook.add_format({"num_format": "dd/mm/yyyy"})
        sheet = workbook.add_worksheet("Action tracker")
        sheet.write_row(0, 0, TRACKER_COLUMNS, bold)
        sheet.freeze_panes(1, 0)
        for number, row in enumerate(rows, start=1):
            for column, value in enumerate(row.cells()):
                if isinstance(value, date):
                    sheet.write_datetime(number, column, value, day)
                elif value:
                    sheet.write_string(number, column, _text(value))
        sheet.autofilter(0, 0, max(len(rows), 1), len(TRACKER_COLUMNS) - 1)
    finally:
        workbook.close()
    partial.replace(path)
    return path
