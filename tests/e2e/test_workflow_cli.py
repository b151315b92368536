"""The workflow commands as a user runs them: agency request, return, chronology, report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from tests.e2e.test_cli import run


def test_agency_return_round_trip_on_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "cli.sqlite3"
    assert run("demo", db=db).returncode == 0
    template = tmp_path / "police.xlsx"
    result = run(
        "agency-request", "NSP-RR-2026-04", "--agency", "Police", "--out", str(template), db=db
    )
    assert result.returncode == 0, result.stderr
    book = load_workbook(template)
    rows = [
        (date(2026, 10, 1), "14:05", "Officers attended after a 999 call"),
        ("32/10/2026", "9 o'clock", ""),
    ]
    for number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            book["Chronology"].cell(row=number, column=column, value=value)
    book.save(template)

    refused = run("import-return", "NSP-RR-2026-04", str(template), db=db)
    assert refused.returncode == 2
    assert "sheet 'Chronology', row 3, column A" in refused.stderr
    assert "sheet 'Chronology', row 3, column B" in refused.stderr
    assert "sheet 'Chronology', row 3, column C" in refused.stderr
    assert "nothing was changed" in refused.stderr

    book = load_workbook(template)
    book["Chronology"].delete_rows(3)
    book.save(template)
    imported = run("import-return", "NSP-RR-2026-04", str(template), db=db)
    assert imported.returncode == 0, imported.stderr
    assert "Police: imported: 1 chronology entry, 0 key practice episodes" in imported.stdout

    out = tmp_path / "chronology.xlsx"
    assert run("chronology", "NSP-RR-2026-04", "--out", str(out), db=db).returncode == 0
    values = [r for r in load_workbook(out)["Chronology"].iter_rows(values_only=True)]
    assert values[1][2:4] == ("Police", "Officers attended after a 999 call")
    bad = run("chronology", "NSP-RR-2026-04", "--agency", "Fire", "--out", str(out), db=db)
    assert bad.returncode == 2 and "no chronology entries from 'Fire'" in bad.stderr

    report = tmp_path / "rr.pdf"
    made = run("rapid-review-report", "NSP-RR-2026-04", "--out", str(report), db=db)
    assert made.returncode == 0, made.stderr
    assert report.stat().st_size > 0
    wrong = run("rapid-review-report", "NSP-RR-2026-04", "--out", str(tmp_path / "rr.txt"), db=db)
    assert wrong.returncode == 2 and "must end in .docx or .pdf" in wrong.stderr
