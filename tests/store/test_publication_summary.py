"""A thematic summary for publication shows no count below the threshold anywhere: PDF,
HTML, spreadsheet and Word, on the demo data (an ethnicity row "Roma 1" and many more)."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from reviewtool.services.exchange.demo import load_demo
from reviewtool.services.outputs.thematic import ThematicRequest, thematic_model
from reviewtool.services.outputs.thematic_export import ThematicOutputs, export_thematic
from reviewtool.services.settings import load_settings, save_settings
from reviewtool.services.store import Store

TODAY = date(2026, 11, 21)
REQUEST = ThematicRequest(date(2010, 1, 1), TODAY, for_publication=True)
HIDDEN = ("fewer than 5", "not shown")
# A whole number that is not part of a date, a year range, a percentage or "under 1".
_NUMBER = re.compile(r"(?<![\w.,/:-])(?<!under )(\d+)(?![\w%/:-]|[.,]\d)")


def _small(text: str) -> list[int]:
    return [int(n) for n in _NUMBER.findall(text) if 0 < int(n) < 5]


@pytest.fixture
def written(sqlite_store: Store, tmp_path: Path) -> ThematicOutputs:
    load_demo(sqlite_store)
    files = ThematicOutputs(
        tmp_path / "s.pdf", tmp_path / "s.html", tmp_path / "s.xlsx", tmp_path / "s.docx"
    )
    export_thematic(sqlite_store, REQUEST, files, today=TODAY)
    return files


def test_the_demo_data_has_small_counts(sqlite_store: Store) -> None:
    load_demo(sqlite_store)
    model = thematic_model(sqlite_store, REQUEST, TODAY)
    ethnicity = {
        c.label: c.count
        for c in model.characteristics["Ethnicity (children, 2021 census categories)"]
    }
    assert ethnicity["Roma"] == 1


def test_pdf(written: ThematicOutputs, sqlite_store: Store) -> None:
    assert written.pdf is not None
    text = subprocess.run(
        ["pdftotext", "-raw", str(written.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Roma fewer than 5 -" in text
    # Every table row of a count (label, number, share) and of a factor (label, reviews,
    # share, present, learning, good practice) shows no number from 1 to 4.
    count_rows = re.findall(r"^.+? (\d+|fewer than 5|not shown) (\d+%|-)$", text, re.M)
    assert len(count_rows) > 30
    assert not [row for row in count_rows if row[0].isdigit() and 0 < int(row[0]) < 5]
    # A factor row: reviews and share, then the roles any review was tagged with (a column
    # no review has is left out of its table).
    cell = r"(?:\d+|fewer than 5|not shown)"
    factor_rows = re.findall(rf"^.+? {cell} (?:\d+%|-)((?: {cell})+)$", text, re.M)
    assert len(factor_rows) > 40
    role_cells = [c for row in factor_rows for c in re.findall(r"\d+", row)]
    assert not [c for c in role_cells if 0 < int(c) < 5]
    pairs = re.findall(r"^(.+?) (\d+|fewer than 5)$", text.split("Themes found together")[2])
    # The findings and the national comparisons: no small count either.
    findings = text.split("Key findings")[2].split("Trend over time")[0]
    assert "Fewer than 5 of the reviews" in findings and not _small(findings)
    national = text.split("Comparison with national figures")[2].split("Recommendations")[0]
    assert not re.findall(r"(?<!\d)[1-4] of \d+", national)
    assert not [p for p in pairs if p[1].isdigit() and 0 < int(p[1]) < 5]
    # The appendix for publication: no reference, title or exact date.
    assert "NSP-" not in text and "Child J" not in text
    assert "Review 1" in text and not re.search(r"\d\d/\d\d/\d{4}", text.split("Appendix")[-1])
    assert 'shown as "fewer than 5"' in text and "Suppressed in this summary" in text


def test_html(written: ThematicOutputs) -> None:
    assert written.html is not None
    html = written.html.read_text(encoding="utf-8")
    assert re.search(r'<th scope="row">Roma</th><td>fewer than 5</td><td>-</td>', html)
    cells = re.findall(r"<td>([^<]*)</td>", html)
    assert len(cells) > 200
    assert not [c for c in cells if c.isdigit() and 0 < int(c) < 5]
    assert not [c for c in cells if re.match(r"^[1-4] of ", c)]
    findings = html.split(">Key findings</h2>")[1].split("</ul>")[0]
    assert not _small(re.sub(r"<[^>]+>", " ", findings))
    assert "NSP-" not in html and "Child J" not in html


def test_xlsx(written: ThematicOutputs) -> None:
    import openpyxl

    assert written.xlsx is not None
    book = openpyxl.load_workbook(written.xlsx, read_only=True)
    values = [
        cell
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if cell is not None
    ]
    assert not [v for v in values if isinstance(v, int | float) and 0 < v < 5]
    assert not [v for v in values if isinstance(v, str) and "NSP-" in v]
    themes = list(book["Themes"].iter_rows(values_only=True))
    assert ("Child factors", "Physical abuse", 5, "33%", 5, 0, 0) in themes
    assert any(row[2] == "fewer than 5" for row in themes[1:])


def test_docx(written: ThematicOutputs) -> None:
    from docx import Document

    assert written.docx is not None
    document = Document(str(written.docx))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert not [c for c in cells if c.isdigit() and 0 < int(c) < 5]
    assert not re.findall(r"(?<!\d)[1-4] of \d+ reviews", text)
    assert "NSP-" not in text and "notified" not in text.lower().split("the reviews")[-1]


def test_the_threshold_is_a_partnership_setting(sqlite_store: Store, tmp_path: Path) -> None:
    load_demo(sqlite_store)
    settings = load_settings(sqlite_store)
    settings.small_number_threshold = 3
    save_settings(sqlite_store, settings)
    html = tmp_path / "s.html"
    export_thematic(sqlite_store, REQUEST, ThematicOutputs(html=html), today=TODAY)
    text = html.read_text(encoding="utf-8")
    assert "fewer than 3" in text and "fewer than 5" not in text
    cells = re.findall(r"<td>([^<]*)</td>", text)
    assert not [c for c in cells if c.isdigit() and 0 < int(c) < 3]


def test_an_internal_summary_keeps_the_exact_counts(sqlite_store: Store, tmp_path: Path) -> None:
    load_demo(sqlite_store)
    html = tmp_path / "s.html"
    request = ThematicRequest(date(2010, 1, 1), TODAY)
    export_thematic(sqlite_store, request, ThematicOutputs(html=html), today=TODAY)
    text = html.read_text(encoding="utf-8")
    assert re.search(r'<th scope="row">Roma</th><td>1</td>', text)
    assert "fewer than" not in text and "NSP-" in text


@pytest.mark.parametrize("suffix", ["pdf", "html", "xlsx", "docx"])
def test_every_output_is_checked_before_it_is_written(
    sqlite_store: Store, tmp_path: Path, suffix: str
) -> None:
    """A name typed into text that only a table shows (a theme's label) still blocks it.

    (Recorded ethnicities no longer reach a summary as typed: they are counted by census
    category, so a name typed there is never published.)"""
    from reviewtool.db.models import Code
    from reviewtool.services.outputs.publication import PublicationBlocked
    from reviewtool.services.reviews.editing import get_review

    load_demo(sqlite_store)
    code = get_review(sqlite_store, "NSP-CSPR-2021-01").record.factors[0].code
    with sqlite_store.transaction() as session:
        row = session.get(Code, code)
        assert row is not None
        row.label = f"{row.label} (Jayden's family)"
    target = tmp_path / f"s.{suffix}"
    with pytest.raises(PublicationBlocked) as blocked:
        export_thematic(sqlite_store, REQUEST, ThematicOutputs(**{suffix: target}), today=TODAY)
    assert blocked.value.hits
    assert not target.exists()
