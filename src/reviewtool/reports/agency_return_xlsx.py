"""The return template an agency fills in offline for a rapid review (Excel workbook).

Sheets: Instructions (what to do, and which review and request this is), Summary (the
agency's summary of its involvement), Chronology (one contact or event a row) and Key
practice episodes. The reader (``services/workflow/return_import``) finds columns by their
headings, so an agency that reorders or adds columns loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

SHEET_INSTRUCTIONS = "Instructions"
SHEET_SUMMARY = "Summary"
SHEET_CHRONOLOGY = "Chronology"
SHEET_EPISODES = "Key practice episodes"

CHRONOLOGY_HEADINGS = ("Date", "Time", "What happened", "Source record", "Agency analysis")
EPISODE_HEADINGS = ("Key practice episode", "What happened", "Agency analysis")
SUMMARY_HEADING = "Summary of the agency's involvement"
ABOUT_LABELS = ("Review", "Agency", "Request id", "Return by")
TEMPLATE_ROWS = 500
"""Rows prepared with validation (more can be added: the reader reads every row)."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class TemplateEntry:
    happened_on: date
    time: str | None
    what_happened: str
    source: str | None
    analysis: str | None


@dataclass(frozen=True)
class TemplateEpisode:
    title: str
    description: str | None
    analysis: str | None


@dataclass(frozen=True)
class ReturnTemplate:
    partnership: str
    review_reference: str
    review_title: str
    agency: str
    request_id: str
    due: date | None
    summary: str | None = None
    entries: list[TemplateEntry] = field(default_factory=list)
    episodes: list[TemplateEpisode] = field(default_factory=list)


def put_text(cell: Any, text: str | None) -> None:
    """Write user text as text: a value that looks like a formula is never run by Excel."""
    from reviewtool.reports.text import clean

    value = clean(text)
    cell.value = value or None
    if value and value.startswith(_FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True


def _instructions(sheet: Any, model: ReturnTemplate, bold: Any, wrap: Any) -> None:
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 90
    put_text(
        sheet["A1"], f"Rapid review of {model.review_title}: agency return ({model.partnership})"
    )
    sheet["A1"].font = bold
    values = (
        model.review_reference,
        model.agency,
        model.request_id,
        f"{model.due:%d/%m/%Y}" if model.due else "as agreed",
    )
    for row, (label, value) in enumerate(zip(ABOUT_LABELS, values, strict=True), start=3):
        sheet.cell(row=row, column=1, value=label).font = bold
        put_text(sheet.cell(row=row, column=2), value)
    lines = [
        "OFFICIAL-SENSITIVE: this return holds personal information about a child and family.",
        f"Please return this workbook by {values[3]}. Do not change the rows above.",
        f"'{SHEET_SUMMARY}': summarise your agency's involvement with the child and family.",
        f"'{SHEET_CHRONOLOGY}': one contact or event a row. Date is required (DD/MM/YYYY); "
        "Time is optional (HH:MM, 24-hour); say what happened, the record it comes from "
        "(e.g. GP record, police log number) and your agency's analysis of it.",
        f"'{SHEET_EPISODES}': the moments that mattered most, with your analysis of the "
        "practice (what went well, what could have been better, and why).",
        "Use plain text. Do not add formulas. You may add rows; please keep the headings.",
    ]
    for offset, line in enumerate(lines):
        cell = sheet.cell(row=8 + offset, column=1)
        put_text(cell, line)
        sheet.merge_cells(start_row=8 + offset, end_row=8 + offset, start_column=1, end_column=2)
        cell.alignment = wrap
        sheet.row_dimensions[8 + offset].height = 32


def _table(sheet: Any, headings: tuple[str, ...], widths: tuple[int, ...], bold: Any) -> None:
    from openpyxl.utils import get_column_letter

    for column, (heading, width) in enumerate(zip(headings, widths, strict=True), start=1):
        sheet.cell(row=1, column=column, value=heading).font = bold
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"


def _validation(sheet: Any) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    last = TEMPLATE_ROWS + 1
    dates = DataValidation(
        type="date",
        operator="between",
        formula1="DATE(1900,1,1)",
        formula2="DATE(2100,12,31)",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Date",
        error="Enter a date (DD/MM/YYYY).",
        promptTitle="Date",
        prompt="The date of the contact or event (required).",
        showInputMessage=True,
    )
    times = DataValidation(
        type="time",
        operator="between",
        formula1="0",
        formula2="0.999988",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Time",
        error="Enter a time (HH:MM, 24-hour) or leave it blank.",
    )
    text = DataValidation(
        type="textLength",
        operator="lessThanOrEqual",
        formula1="32000",
        allow_blank=True,
        showInputMessage=True,
        promptTitle="What happened",
        prompt="Required on every row that has a date.",
    )
    for validation, column in ((dates, "A"), (times, "B"), (text, "C")):
        sheet.add_data_validation(validation)
        validation.add(f"{column}2:{column}{last}")
    for row in range(2, last + 1):
        sheet.cell(row=row, column=1).number_format = "DD/MM/YYYY"
        sheet.cell(row=row, column=2).number_format = "HH:MM"


def write_return_template(model: ReturnTemplate, path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    book = Workbook()
    instructions = book.active
    instructions.title = SHEET_INSTRUCTIONS
    _instructions(instructions, model, bold, wrap)

    summary = book.create_sheet(SHEET_SUMMARY)
    summary.column_dimensions["A"].width = 120
    summary["A1"] = SUMMARY_HEADING
    summary["A1"].font = bold
    put_text(summary["A2"], model.summary)
    summary["A2"].alignment = wrap
    summary.row_dimensions[2].height = 300

    chronology = book.create_sheet(SHEET_CHRONOLOGY)
    _table(chronology, CHRONOLOGY_HEADINGS, (13, 8, 70, 25, 60), bold)
    _validation(chronology)
    for row, entry in enumerate(model.entries, start=2):
        chronology.cell(row=row, column=1, value=entry.happened_on)
        put_text(chronology.cell(row=row, column=2), entry.time)
        for column, text in enumerate((entry.what_happened, entry.source, entry.analysis), 3):
            put_text(chronology.cell(row=row, column=column), text)
            chronology.cell(row=row, column=column).alignment = wrap

    episodes = book.create_sheet(SHEET_EPISODES)
    _table(episodes, EPISODE_HEADINGS, (40, 70, 70), bold)
    for row, episode in enumerate(model.episodes, start=2):
        for column, text in enumerate((episode.title, episode.description, episode.analysis), 1):
            put_text(episodes.cell(row=row, column=column), text)
            episodes.cell(row=row, column=column).alignment = wrap

    book.properties.title = f"Agency return: {model.agency}"[:255]
    book.properties.subject = "OFFICIAL-SENSITIVE"
    partial = path.with_name(f".{path.name}.partial")
    try:
        book.save(str(partial))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path
