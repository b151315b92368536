"""Spreadsheets of a thematic review: the cases x themes matrix and the action tracker."""

from __future__ import annotations

from pathlib import Path

from reviewtool.reports.text import clean
from reviewtool.reports.thematic_model import ThematicModel

CASE_COLUMNS = [
    "Reference",
    "Kind",
    "Notified",
    "Published",
    "Children",
    "Youngest age band",
    "Sex of children",
    "Notification",
]
ACTION_COLUMNS = [
    "Review",
    "Recommendation",
    "Action",
    "Owner",
    "Due",
    "Status",
    "RAG",
    "Completed",
    "Assurance",
    "Impact",
]


def _cell(text: str) -> str:
    """Spreadsheet cells: no control characters, and no formula injection from user text."""
    value = clean(text)
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def write_thematic_xlsx(model: ThematicModel, path: Path) -> Path:
    import xlsxwriter

    partial = path.with_name(f".{path.name}.partial")
    # constant_memory writes each row as it goes: large reviews sets stay small in memory.
    workbook = xlsxwriter.Workbook(
        str(partial),
        {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False},
    )
    try:
        bold = workbook.add_format({"bold": True})
        day = workbook.add_format({"num_format": "dd/mm/yyyy"})
        cases = workbook.add_worksheet("Cases x themes")
        used = {code for row in model.matrix for code in row.codes}
        codes = [entry for entry in model.codebook if entry[0] in used]
        width = len(CASE_COLUMNS)
        cases.write_row(0, width, [group for _, _, group in codes], bold)
        cases.write_row(1, 0, [*CASE_COLUMNS, *[label for _, label, _ in codes]], bold)
        cases.write_row(2, 0, ["(code)"], bold)
        cases.write_row(2, width, [code for code, _, _ in codes])
        for number, row in enumerate(model.matrix, start=3):
            cases.write_string(number, 0, _cell(row.reference))
            cases.write_string(number, 1, row.kind)
            for column, value in ((2, row.notified), (3, row.published)):
                if value is not None:
                    cases.write_datetime(number, column, value, day)
            cases.write_number(number, 4, row.children)
            cases.write_string(number, 5, row.youngest_band)
            cases.write_string(number, 6, row.sexes)
            cases.write_string(number, 7, row.notification)
            cases.write_row(number, width, [1 if code in row.codes else 0 for code, _, _ in codes])
        actions = workbook.add_worksheet("Action tracker")
        actions.write_row(0, 0, ACTION_COLUMNS, bold)
        for number, line in enumerate(model.actions, start=1):
            actions.write_row(
                number,
                0,
                [
                    _cell(line.reference),
                    _cell(line.recommendation),
                    _cell(line.text),
                    _cell(line.owner),
                ],
            )
            if line.due is not None:
                actions.write_datetime(number, 4, line.due, day)
            actions.write_row(number, 5, [line.status, line.rag])
            if line.completed is not None:
                actions.write_datetime(number, 7, line.completed, day)
            actions.write_row(number, 8, [_cell(line.assurance), _cell(line.impact)])
    finally:
        workbook.close()
    partial.replace(path)
    return path
