"""Reading a filled agency return workbook: every bad cell named by sheet, row and column.

Nothing here touches the database: the file is read whole and judged first, so a return
with any problem changes nothing.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from reviewtool.bundle.workflow_schema import ChronologyEntryRecord, KeyPracticeEpisodeRecord
from reviewtool.domain.errors import InvalidInput
from reviewtool.reports.agency_return_xlsx import (
    ABOUT_LABELS,
    CHRONOLOGY_HEADINGS,
    EPISODE_HEADINGS,
    SHEET_CHRONOLOGY,
    SHEET_EPISODES,
    SHEET_INSTRUCTIONS,
    SHEET_SUMMARY,
)

_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
MAX_SHOWN = 40


@dataclass(frozen=True)
class CellProblem:
    sheet: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"sheet '{self.sheet}'"
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column {self.column}"
        return f"{where}: {self.message}"


class ReturnFileError(InvalidInput):
    """A return that cannot be imported; nothing has been written."""

    def __init__(self, source: str, problems: list[CellProblem]) -> None:
        self.problems = problems
        lines = [str(p) for p in problems[:MAX_SHOWN]]
        if len(problems) > MAX_SHOWN:
            lines.append(f"... and {len(problems) - MAX_SHOWN} more")
        count = len(problems)
        super().__init__(
            f"{source}: the return was not imported ({count} problem{'s' if count != 1 else ''}; "
            "nothing was changed):\n  " + "\n  ".join(lines)
        )


@dataclass
class ParsedReturn:
    agency: str | None = None
    request_id: str | None = None
    review: str | None = None
    summary: str | None = None
    entries: list[ChronologyEntryRecord] = field(default_factory=list)
    episodes: list[KeyPracticeEpisodeRecord] = field(default_factory=list)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).replace("\r\n", "\n").strip()
    return text or None


def _heading_columns(sheet: Any, wanted: tuple[str, ...]) -> dict[str, int]:
    """Column number (1-based) of each wanted heading found in row 1, by name."""
    found: dict[str, int] = {}
    for column, cell in enumerate(next(sheet.iter_rows(min_row=1, max_row=1), ()), start=1):
        name = (_text(cell.value) or "").casefold()
        for heading in wanted:
            if name == heading.casefold() and heading not in found:
                found[heading] = column
    return found


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(column))


def _date(value: Any, today: date) -> tuple[date | None, str | None]:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        parsed = value
    else:
        text = _text(value) or ""
        match = _DAY_FIRST.match(text)
        try:
            if match:
                parsed = date(int(match[3]), int(match[2]), int(match[1]))
            else:
                parsed = date.fromisoformat(text)
        except ValueError:
            return None, f"{text[:40]!r} is not a date (write DD/MM/YYYY)"
    if parsed > today:
        return None, f"{parsed:%d/%m/%Y} is in the future"
    if parsed.year < 1900:
        return None, f"{parsed:%d/%m/%Y} is too early to be right"
    return parsed, None


def _time(value: Any) -> tuple[str | None, str | None]:
    if value is None:
        return None, None
    if isinstance(value, datetime):
        value = value.time()
    if isinstance(value, time):
        return f"{value.hour:02d}:{value.minute:02d}", None
    text = _text(value)
    if text is None:
        return None, None
    match = _TIME.match(text)
    if not match:
        return None, f"{text[:20]!r} is not a time (write HH:MM, 24-hour, or leave it blank)"
    return f"{int(match[1]):02d}:{match[2]}", None


def _about(book: Any, parsed: ParsedReturn, problems: list[CellProblem]) -> None:
    if SHEET_INSTRUCTIONS not in book.sheetnames:
        return  # optional: the review and agency given on the command line decide
    sheet = book[SHEET_INSTRUCTIONS]
    values: dict[str, str | None] = {}
    for row in sheet.iter_rows(min_row=1, max_row=12, max_col=2):
        label = _text(row[0].value)
        if label in ABOUT_LABELS and len(row) > 1:
            values[label] = _text(row[1].value)
    parsed.review, parsed.agency = values.get("Review"), values.get("Agency")
    request_id = values.get("Request id")
    if request_id:
        try:
            parsed.request_id = str(uuid.UUID(request_id))
        except ValueError:
            problems.append(
                CellProblem(SHEET_INSTRUCTIONS, None, None, "the request id has been changed")
            )


def _summary(book: Any, parsed: ParsedReturn) -> None:
    if SHEET_SUMMARY in book.sheetnames:
        cells = [
            _text(row[0].value)
            for row in book[SHEET_SUMMARY].iter_rows(min_row=2, max_col=1)
            if row and row[0].value is not None
        ]
        parsed.summary = "\n\n".join(c for c in cells if c) or None


def _row_values(
    sheet: str, number: int, row: Any, columns: dict[str, int], problems: list[CellProblem]
) -> dict[str, Any] | None:
    """The row's values by heading; None for a blank row. A formula is reported, not run."""
    cells = {h: (row[c - 1] if c - 1 < len(row) else None) for h, c in columns.items()}
    values: dict[str, Any] = {}
    for heading, cell in cells.items():
        if cell is not None and cell.data_type == "f":
            problems.append(
                CellProblem(
                    sheet,
                    number,
                    _letter(columns[heading]),
                    "holds a formula; type the text or date itself",
                )
            )
            values[heading] = None
        else:
            values[heading] = None if cell is None else cell.value
    formulas = any(c is not None and c.data_type == "f" for c in cells.values())
    if not formulas and all(_text(v) is None for v in values.values()):
        return None
    return values


def _chronology(book: Any, parsed: ParsedReturn, today: date, problems: list[CellProblem]) -> None:
    if SHEET_CHRONOLOGY not in book.sheetnames:
        problems.append(CellProblem(SHEET_CHRONOLOGY, None, None, "the sheet is missing"))
        return
    sheet = book[SHEET_CHRONOLOGY]
    columns = _heading_columns(sheet, CHRONOLOGY_HEADINGS)
    for required in ("Date", "What happened"):
        if required not in columns:
            problems.append(
                CellProblem(SHEET_CHRONOLOGY, 1, None, f"no column headed {required!r}")
            )
    if "Date" not in columns or "What happened" not in columns:
        return
    for number, row in enumerate(sheet.iter_rows(min_row=2), start=2):
        cells = _row_values(SHEET_CHRONOLOGY, number, row, columns, problems)
        if cells is None:
            continue
        where = {h: _letter(c) for h, c in columns.items()}
        happened_on, problem = _date(cells["Date"], today)
        if cells["Date"] is None or _text(cells["Date"]) is None:
            problem = "the date is missing"
        if problem:
            problems.append(CellProblem(SHEET_CHRONOLOGY, number, where["Date"], problem))
        at, problem = _time(cells.get("Time"))
        if problem:
            problems.append(CellProblem(SHEET_CHRONOLOGY, number, where["Time"], problem))
        what = _text(cells["What happened"])
        if what is None:
            problems.append(
                CellProblem(SHEET_CHRONOLOGY, number, where["What happened"], "say what happened")
            )
        if happened_on is not None and what is not None:
            parsed.entries.append(
                ChronologyEntryRecord(
                    id=str(uuid.uuid4()),
                    date=happened_on,
                    time=at,
                    what_happened=what,
                    source=_text(cells.get("Source record")),
                    analysis=_text(cells.get("Agency analysis")),
                )
            )


def _episodes(book: Any, parsed: ParsedReturn, problems: list[CellProblem]) -> None:
    if SHEET_EPISODES not in book.sheetnames:
        return
    sheet = book[SHEET_EPISODES]
    columns = _heading_columns(sheet, EPISODE_HEADINGS)
    title_heading = EPISODE_HEADINGS[0]
    if title_heading not in columns:
        problems.append(CellProblem(SHEET_EPISODES, 1, None, f"no column headed {title_heading!r}"))
        return
    for number, row in enumerate(sheet.iter_rows(min_row=2), start=2):
        cells = _row_values(SHEET_EPISODES, number, row, columns, problems)
        if cells is None:
            continue
        title = _text(cells[title_heading])
        if title is None:
            problems.append(
                CellProblem(
                    SHEET_EPISODES,
                    number,
                    _letter(columns[title_heading]),
                    "give the episode a title",
                )
            )
            continue
        parsed.episodes.append(
            KeyPracticeEpisodeRecord(
                id=str(uuid.uuid4()),
                title=title,
                description=_text(cells.get("What happened")),
                analysis=_text(cells.get("Agency analysis")),
            )
        )


def read_return_file(path: Path, today: date) -> ParsedReturn:
    """The return in ``path``; :class:`ReturnFileError` listing every problem if any."""
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=False)
    except FileNotFoundError:
        raise InvalidInput(f"{path}: no such file") from None
    except (BadZipFile, InvalidFileException, KeyError, ValueError, OSError):
        raise InvalidInput(f"{path}: not an Excel workbook (.xlsx) that can be read") from None
    try:
        problems: list[CellProblem] = []
        parsed = ParsedReturn()
        _about(book, parsed, problems)
        _summary(book, parsed)
        _chronology(book, parsed, today, problems)
        _episodes(book, parsed, problems)
    finally:
        book.close()
    if problems:
        # One problem a cell: a formula in "What happened" is not also "missing".
        first = {(p.sheet, p.row, p.column): p for p in reversed(problems)}
        raise ReturnFileError(
            str(path), [p for p in problems if first[(p.sheet, p.row, p.column)] is p]
        )
    return parsed
