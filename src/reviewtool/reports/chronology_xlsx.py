"""The integrated chronology as a spreadsheet (one row an entry, filters on every column)."""

from __future__ import annotations

from pathlib import Path

from reviewtool.reports.agency_return_xlsx import put_text
from reviewtool.reports.chronology_model import HEADINGS, ChronologyModel, duplicate_text


def write_chronology_xlsx(model: ChronologyModel, path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "Chronology"
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    flagged = PatternFill("solid", fgColor="FFF2CC")
    for column, (heading, width) in enumerate(
        zip(HEADINGS, (12, 7, 24, 70, 24, 60, 24), strict=True), start=1
    ):
        sheet.cell(row=1, column=column, value=heading).font = bold
        sheet.column_dimensions[get_column_letter(column)].width = width
    for row, line in enumerate(model.lines, start=2):
        sheet.cell(row=row, column=1, value=line.happened_on).number_format = "DD/MM/YYYY"
        texts = (
            line.time,
            line.agency,
            line.what_happened,
            line.source,
            line.analysis,
            duplicate_text(line),
        )
        for column, text in enumerate(texts, start=2):
            cell = sheet.cell(row=row, column=column)
            put_text(cell, text)
            cell.alignment = wrap
            if line.duplicate_of:
                cell.fill = flagged
    sheet.freeze_panes = "A2"
    if model.lines:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(HEADINGS))}{len(model.lines) + 1}"
    about = book.create_sheet("About")
    about.column_dimensions["A"].width = 100
    for row, text in enumerate(
        (
            "OFFICIAL-SENSITIVE",
            model.title,
            model.partnership,
            model.scope,
            f"{model.duplicates} entries flagged as possible duplicates (same day, another "
            "agency, mostly the same words): check them before relying on the count.",
        ),
        start=1,
    ):
        put_text(about.cell(row=row, column=1), text)
    book.properties.title = model.title[:255]
    partial = path.with_name(f".{path.name}.partial")
    try:
        book.save(str(partial))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path
