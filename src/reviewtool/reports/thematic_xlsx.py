"""Spreadsheets of a thematic review: the cases x themes matrix and the action tracker."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from reviewtool.domain.cells import neutralise_formula
from reviewtool.paths import private_temp_dir
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
MATRIX_KEY = "1 = the theme was found in the review; 0 = not found"
CASE_WIDTHS = [18, 30, 11, 11, 9, 16, 14, 16]
ACTION_WIDTHS = [18, 45, 45, 22, 11, 13, 8, 11, 30, 30]
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
    "From rapid review",
]


def _cell(text: str) -> str:
    """Spreadsheet cells: no control characters, and no formula injection from user text."""
    return neutralise_formula(clean(text))


def _cells(texts: list[str]) -> list[str]:
    return [_cell(text) for text in texts]


CASES_LEFT_OUT = (
    "Not included in a summary for publication: one row per review could identify a child."
)
THEME_COLUMNS = ["Group", "Theme", "Reviews", "Share", "Present", "Learning", "Good practice"]


def _themes_sheet(sheet: Any, model: ThematicModel, bold: Any) -> None:
    """Each theme's counts, as the PDF's tables give them (small numbers suppressed in a
    summary for publication: the text stands in the cell instead of the number)."""
    sheet.write_row(0, 0, THEME_COLUMNS, bold)
    number = 1
    for group, rows in model.factor_groups.items():
        for row in rows:
            sheet.write_string(number, 0, _cell(group))
            sheet.write_string(number, 1, _cell(row.label))
            for column, name in (
                (2, "reviews"),
                (4, "present"),
                (5, "learning"),
                (6, "good_practice"),
            ):
                if name in row.suppressed:
                    sheet.write_string(number, column, row.show(name))
                else:
                    sheet.write_number(number, column, getattr(row, name))
            sheet.write_string(number, 3, row.percent)
            number += 1


def write_thematic_xlsx(model: ThematicModel, path: Path) -> Path:
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    with private_temp_dir() as scratch:
        return _write(model, path, partial, scratch)


def _write(model: ThematicModel, path: Path, partial: Path, scratch: Path) -> Path:
    import xlsxwriter

    # Shared strings (XlsxWriter's default, not constant_memory): a recommendation repeated
    # beside each of its actions is stored once, which makes the file smaller and the writing
    # faster, for some more memory while it is written.
    workbook = xlsxwriter.Workbook(
        str(partial),
        # The parts of the file are assembled in a private folder (0700), not in the
        # shared temporary folder, and removed with it.
        {"strings_to_formulas": False, "strings_to_urls": False, "tmpdir": str(scratch)},
    )
    try:
        bold = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        day = workbook.add_format({"num_format": "dd/mm/yyyy"})
        wrapped = workbook.add_format({"text_wrap": True, "valign": "top"})
        cases = workbook.add_worksheet("Cases x themes")
        used = {code for row in model.matrix for code in row.codes}
        codes = [entry for entry in model.codebook if entry[0] in used]
        width = len(CASE_COLUMNS)
        column_of = {code: width + i for i, (code, _, _) in enumerate(codes)}
        cases.write_string(0, 0, MATRIX_KEY)
        cases.write_row(0, width, _cells([group for _, _, group in codes]), bold)
        cases.write_row(1, 0, [*CASE_COLUMNS, *_cells([label for _, label, _ in codes])], bold)
        cases.write_row(2, 0, ["(code)"], bold)
        cases.write_row(2, width, _cells([code for code, _, _ in codes]))
        for number, row in enumerate(model.matrix, start=3):
            cases.write_string(number, 0, _cell(row.reference))
            cases.write_string(number, 1, _cell(row.kind))
            for column, value in ((2, row.notified), (3, row.published)):
                if value is not None:
                    cases.write_datetime(number, column, value, day)
            cases.write_number(number, 4, row.children)
            cases.write_string(number, 5, _cell(row.youngest_band))
            cases.write_string(number, 6, _cell(row.sexes))
            cases.write_string(number, 7, _cell(row.notification))
            # 1 or 0 in every theme cell: analysts sum, average and pivot the columns.
            found = [0] * len(codes)
            for code in row.codes:
                found[column_of[code] - width] = 1
            cases.write_row(number, width, found)
        last_row = 2 + len(model.matrix)
        last_column = width + len(codes) - 1
        cases.freeze_panes(3, 1)  # the header rows and the reference stay in view
        cases.autofilter(1, 0, max(last_row, 1), last_column)
        for column, chars in enumerate(CASE_WIDTHS):
            cases.set_column(column, column, chars)
        if codes:
            cases.set_column(width, last_column, 14)
        cases.set_row(1, 45)
        if model.suppressed_below is not None:
            cases.write_string(3, 0, CASES_LEFT_OUT)
        _themes_sheet(workbook.add_worksheet("Themes"), model, bold)
        actions = workbook.add_worksheet("Action tracker")
        actions.write_row(0, 0, ACTION_COLUMNS, bold)
        write = actions.write_string  # straight to strings: no type sniffing per cell
        for number, line in enumerate(model.actions, start=1):
            for column, text in (
                (0, line.reference),
                (1, line.recommendation),
                (2, line.text),
                (3, line.owner),
                (5, line.status),
                (6, line.rag),
                (8, line.assurance),
                (9, line.impact),
                (10, line.from_review),
            ):
                if text:
                    write(number, column, _cell(text))
            if line.due is not None:
                actions.write_datetime(number, 4, line.due, day)
            if line.completed is not None:
                actions.write_datetime(number, 7, line.completed, day)
        actions.freeze_panes(1, 0)
        actions.autofilter(0, 0, max(len(model.actions), 1), len(ACTION_COLUMNS) - 1)
        for column, chars in enumerate(ACTION_WIDTHS):
            actions.set_column(column, column, chars, wrapped if chars >= 30 else None)
        method = workbook.add_worksheet("How we counted")
        for number, sentence in enumerate([model.counting, *model.method]):
            method.write_string(number, 0, _cell(sentence))
    except BaseException:
        workbook.close()
        partial.unlink(missing_ok=True)
        raise
    workbook.close()
    partial.replace(path)
    return path
