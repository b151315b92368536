"""The action tracker written as CSV and XLSX: every row and letter, no formula injection."""

from __future__ import annotations

import csv
import zipfile
from datetime import date
from pathlib import Path

from reviewtool.reports.action_tracker import (
    TRACKER_COLUMNS,
    TrackerRow,
    write_tracker_csv,
    write_tracker_xlsx,
)

ROWS = [
    TrackerRow(
        "NSP-RR-2026-01",
        "Child Ł – 🌼",
        "Share information",
        '=HYPERLINK("http://x")',
        "Police",
        date(2027, 3, 31),
        "In progress",
        "Amber - in progress and to time",
        None,
        "",
        "",
        "",
    ),
    TrackerRow(
        "NSP-RR-2026-02",
        "Child M",
        "Line one\nline two",
        "Audit referrals",
        "",
        None,
        "Dropped",
        "Grey - dropped",
        None,
        "",
        "",
        "Superseded by the county protocol",
    ),
]


def test_csv_has_every_row_and_no_formulas(tmp_path: Path) -> None:
    out = write_tracker_csv(ROWS, tmp_path / "tracker.csv")
    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert tuple(rows[0]) == TRACKER_COLUMNS
    assert rows[1][1] == "Child Ł – 🌼" and rows[1][3].startswith("'=HYPERLINK")
    assert rows[1][5] == "31/03/2027"
    assert rows[2][2] == "Line one\nline two" and rows[2][11] == "Superseded by the county protocol"
    assert not list(tmp_path.glob(".*partial"))


def test_xlsx_has_every_row(tmp_path: Path) -> None:
    out = write_tracker_xlsx(ROWS, tmp_path / "tracker.xlsx")
    with zipfile.ZipFile(out) as archive:
        strings = archive.read("xl/sharedStrings.xml").decode()
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "Child Ł – 🌼" in strings and "Superseded by the county protocol" in strings
    assert "'=HYPERLINK" in strings.replace("&apos;", "'") and "<f>" not in sheet
    assert sheet.count("<row ") == 3
