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
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    cases = workbook.create_sheet("Cases x themes")
    used = {code for row in model.matrix for code in row.codes}
    codes = [entry for entry in model.codebook if entry[0] in used]
    cases.append(["", *[""] * (len(CASE_COLUMNS) - 1), *[group for _, _, group in codes]])
    cases.append([*CASE_COLUMNS, *[label for _, label, _ in codes]])
    cases.append(["(code)", *[""] * (len(CASE_COLUMNS) - 1), *[code for code, _, _ in codes]])
    for row in model.matrix:
        cases.append(
            [
                _cell(row.reference),
                row.kind,
                row.notified,
                row.published,
                row.children,
                row.youngest_band,
                row.sexes,
                row.notification,
                *[1 if code in row.codes else 0 for code, _, _ in codes],
            ]
        )
    actions = workbook.create_sheet("Action tracker")
    actions.append(ACTION_COLUMNS)
    for line in model.actions:
        actions.append(
            [
                _cell(line.reference),
                _cell(line.recommendation),
                _cell(line.text),
                _cell(line.owner),
                line.due,
                line.status,
                line.rag,
                line.completed,
                _cell(line.assurance),
                _cell(line.impact),
            ]
        )
    partial = path.with_name(f".{path.name}.partial")
    try:
        workbook.save(str(partial))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path
