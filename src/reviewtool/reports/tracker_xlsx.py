"""The action tracker as a spreadsheet: one row per action, RAG in colour and in words."""

from __future__ import annotations

from pathlib import Path

from reviewtool.reports.text import clean
from reviewtool.reports.tracker_model import RAG_FILLS, TrackerModel

COLUMNS = [
    "Review",
    "Review title",
    "Owner",
    "Recommendation",
    "Action",
    "Due",
    "Status",
    "RAG",
    "RAG meaning",
    "Completed",
    "Assurance",
    "Impact",
    "From rapid review",
]
HEADER_ROWS = 4


def _cell(text: str) -> str:
    """No control characters, and no formula injection from user text."""
    value = clean(text)
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def write_tracker_xlsx(model: TrackerModel, path: Path) -> Path:
    import xlsxwriter

    partial = path.with_name(f".{path.name}.partial")
    workbook = xlsxwriter.Workbook(
        str(partial), {"strings_to_formulas": False, "strings_to_urls": False}
    )
    try:
        bold = workbook.add_format({"bold": True})
        day = workbook.add_format({"num_format": "dd/mm/yyyy"})
        wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        rag_formats = {
            key: workbook.add_format({"bg_color": fill, "bold": True})
            for key, fill in RAG_FILLS.items()
        }
        sheet = workbook.add_worksheet("Action tracker")
        sheet.write_string(0, 0, _cell(f"{model.title} - {model.marking}"), bold)
        sheet.write_string(
            1, 0, _cell(f"{model.partnership}. As at {model.generated:%d/%m/%Y}. {model.selection}")
        )
        sheet.write_string(2, 0, _cell(model.counting))
        sheet.write_row(HEADER_ROWS - 1, 0, COLUMNS, bold)
        sheet.freeze_panes(HEADER_ROWS, 0)
        for column, width in enumerate((14, 24, 20, 40, 40, 11, 12, 8, 26, 11, 30, 30, 14)):
            sheet.set_column(column, column, width, wrap if width >= 24 else None)
        number = HEADER_ROWS
        for review in model.reviews:
            for owner in review.owners:
                for action in owner.actions:
                    for column, text in (
                        (0, review.reference),
                        (1, review.title),
                        (2, owner.owner),
                        (3, action.recommendation),
                        (4, action.text),
                        (6, action.status),
                        (8, action.rag_meaning),
                        (10, action.assurance),
                        (11, action.impact),
                        (12, action.from_review),
                    ):
                        if text:
                            sheet.write_string(number, column, _cell(text))
                    sheet.write_string(number, 7, action.rag_word, rag_formats.get(action.rag))
                    if action.due is not None:
                        sheet.write_datetime(number, 5, action.due, day)
                    if action.completed is not None:
                        sheet.write_datetime(number, 9, action.completed, day)
                    number += 1
        if number > HEADER_ROWS:
            sheet.autofilter(HEADER_ROWS - 1, 0, number - 1, len(COLUMNS) - 1)
        summary = workbook.add_worksheet("By RAG")
        summary.write_row(0, 0, ["RAG status", "Actions"], bold)
        for row, (key, label, count) in enumerate(model.rag_counts, start=1):
            summary.write_string(row, 0, label, rag_formats.get(key))
            summary.write_number(row, 1, count)
    finally:
        workbook.close()
    partial.replace(path)
    return path
