"""Agency requests and returns: the template, reading it back, the integrated chronology."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from reviewtool.db.models import AgencyRequest, AuditEvent, ChronologyEntry, KeyPracticeEpisode
from reviewtool.domain.errors import InvalidInput
from reviewtool.services.exchange.bundle_export import export_bundle
from reviewtool.services.exchange.bundle_import import import_bundle_files
from reviewtool.services.store import Store, open_store
from reviewtool.services.workflow.agency_returns import import_return, write_agency_request
from reviewtool.services.workflow.chronology import export_chronology
from reviewtool.services.workflow.editing import load_workflow
from reviewtool.services.workflow.return_file import ReturnFileError
from tests.store.workflow_fixtures import TODAY, add_rapid_review


def _fill(path: Path, rows: list[tuple[object, ...]], summary: str = "", episodes=()) -> None:
    book = load_workbook(path)
    sheet = book["Chronology"]
    for number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            sheet.cell(row=number, column=column, value=value)
    book["Summary"]["A2"] = summary
    for number, row in enumerate(episodes, start=2):
        for column, value in enumerate(row, start=1):
            book["Key practice episodes"].cell(row=number, column=column, value=value)
    book.save(path)


def test_template_has_the_sheets_headings_validation_and_request(
    store: Store, tmp_path: Path
) -> None:
    add_rapid_review(store)
    path = write_agency_request(store, "RR-1", "Police", tmp_path / "police.xlsx", TODAY, "DS Grey")
    book = load_workbook(path)
    assert book.sheetnames == ["Instructions", "Summary", "Chronology", "Key practice episodes"]
    headings = [c.value for c in book["Chronology"][1]]
    assert {"Date", "What happened", "Time", "Source record", "Agency analysis"} <= set(headings)
    ranges = {str(v.sqref): v.type for v in book["Chronology"].data_validations.dataValidation}
    assert ranges["A2:A501"] == "date" and ranges["B2:B501"] == "time"
    about = {row[0]: row[1] for row in book["Instructions"].iter_rows(values_only=True) if row[0]}
    assert about["Review"] == "RR-1" and about["Agency"] == "Police"
    # Sent 21/11/2026 (a Saturday counts from there): Mon 23 .. Fri 27 is five working days.
    assert about["Return by"] == "27/11/2026"
    request = load_workflow(store, "RR-1").record.agency_requests[0]
    assert (request.agency, request.contact, request.sent, request.due_working_days) == (
        "Police",
        "DS Grey",
        TODAY,
        5,
    )
    assert about["Request id"] == request.id


def test_filled_return_is_imported_and_the_chronology_merges(store: Store, tmp_path: Path) -> None:
    add_rapid_review(store)
    police = write_agency_request(store, "RR-1", "Police", tmp_path / "p.xlsx", TODAY)
    health = write_agency_request(store, "RR-1", "Health visiting", tmp_path / "h.xlsx", TODAY)
    _fill(
        police,
        [
            (
                date(2026, 10, 1),
                time(14, 5),
                "Officers attended after a 999 call; spoke to mother",
                "Log 17",
                "No DASH",
            ),
            (date(2026, 10, 3), None, "=not a formula", None, None),
        ],
        summary="Known to police since 2024 — Ünïcödé ✓",
        episodes=[("The 999 call", "Attendance", "DASH not done")],
    )
    _fill(
        health,
        [
            ("20/09/2026", "09:30", "New birth visit", "HV record", None),
            (
                date(2026, 10, 1),
                None,
                "Officers attended after 999 call, spoke to mother",
                None,
                None,
            ),
        ],
    )
    # Text that looks like a formula was typed as text: write it so.
    book = load_workbook(police)
    book["Chronology"]["C3"].value = "=not a formula"
    book["Chronology"]["C3"].data_type = "s"
    book.save(police)

    first = import_return(store, "RR-1", police, TODAY)
    assert (first.agency, first.entries, first.episodes, first.replaced) == ("Police", 2, 1, False)
    import_return(store, "RR-1", health, TODAY)

    record = load_workflow(store, "RR-1").record
    police_request = record.agency_requests[0]
    assert police_request.returned == TODAY
    assert police_request.summary == "Known to police since 2024 — Ünïcödé ✓"
    assert [e.what_happened for e in police_request.chronology][1] == "=not a formula"
    assert police_request.chronology[0].time == "14:05"
    assert record.agency_requests[1].chronology[0].date == date(2026, 9, 20)

    with store.transaction() as session:
        assert session.scalar(select(func.count()).select_from(ChronologyEntry)) == 4
        assert session.scalar(select(func.count()).select_from(KeyPracticeEpisode)) == 1
        fields = set(
            session.scalars(select(AuditEvent.action).where(AuditEvent.entity == "workflow"))
        )
    assert {"agency-request", "import-return"} <= fields

    out = export_chronology(store, "RR-1", tmp_path / "chronology.xlsx")
    rows = list(
        load_workbook(tmp_path / "chronology.xlsx")["Chronology"].iter_rows(values_only=True)
    )
    assert [r[2] for r in rows[1:]] == ["Health visiting", "Health visiting", "Police", "Police"]
    assert rows[2][6] == "Police" and rows[3][6] == "Health visiting"
    assert rows[4][3] == "=not a formula"
    assert out.duplicates == 2

    export_chronology(store, "RR-1", tmp_path / "police.docx", ["police"], date(2026, 10, 2))
    from docx import Document

    text = "\n".join(
        c.text
        for t in Document(str(tmp_path / "police.docx")).tables
        for r in t.rows
        for c in r.cells
    )
    assert "=not a formula" in text and "New birth visit" not in text and "Officers" not in text


def test_every_bad_cell_is_reported_and_nothing_written(store: Store, tmp_path: Path) -> None:
    add_rapid_review(store)
    path = write_agency_request(store, "RR-1", "Police", tmp_path / "p.xlsx", TODAY)
    _fill(
        path,
        [
            (date(2026, 10, 1), None, "Fine row", None, None),
            ("31/02/2026", None, "Not a real date", None, None),
            (date(2026, 10, 2), "25:61", "Bad time", None, None),
            (date(2027, 1, 1), None, "In the future", None, None),
            (None, None, "No date", None, None),
            (date(2026, 10, 4), None, None, "Source only", None),
            (date(2026, 10, 5), None, "=1+1", None, None),
        ],
        episodes=[(None, "An episode with no title", None)],
    )
    with pytest.raises(ReturnFileError) as caught:
        import_return(store, "RR-1", path, TODAY)
    where = {(p.sheet, p.row, p.column) for p in caught.value.problems}
    assert where == {
        ("Chronology", 3, "A"),
        ("Chronology", 4, "B"),
        ("Chronology", 5, "A"),
        ("Chronology", 6, "A"),
        ("Chronology", 7, "C"),
        ("Chronology", 8, "C"),
        ("Key practice episodes", 2, "A"),
    }
    assert "sheet 'Chronology', row 4, column B" in str(caught.value)
    with store.transaction() as session:
        assert session.scalar(select(func.count()).select_from(ChronologyEntry)) == 0
        assert session.scalar(select(AgencyRequest.returned)) is None


def test_missing_headings_and_wrong_files_are_refused(store: Store, tmp_path: Path) -> None:
    add_rapid_review(store)
    path = write_agency_request(store, "RR-1", "Police", tmp_path / "p.xlsx", TODAY)
    book = load_workbook(path)
    book["Chronology"]["A1"] = "When"
    book.save(path)
    with pytest.raises(ReturnFileError, match="no column headed 'Date'"):
        import_return(store, "RR-1", path, TODAY)
    not_excel = tmp_path / "notes.xlsx"
    not_excel.write_text("hello", encoding="utf-8")
    with pytest.raises(InvalidInput, match="not an Excel workbook"):
        import_return(store, "RR-1", not_excel, TODAY)
    with pytest.raises(InvalidInput, match=r"must end in \.xlsx"):
        write_agency_request(store, "RR-1", "Police", tmp_path / "p.csv", TODAY)


def test_workflow_travels_in_bundles(store: Store, tmp_path: Path) -> None:
    add_rapid_review(store)
    path = write_agency_request(store, "RR-1", "Police", tmp_path / "p.xlsx", TODAY)
    _fill(path, [(date(2026, 10, 1), time(8, 0), "Visit", "Log", "Fine")], summary="Summary")
    import_return(store, "RR-1", path, TODAY)
    before = load_workflow(store, "RR-1").record
    bundle = tmp_path / "out.rtbundle.json"
    export_bundle(store, bundle)
    assert '"workflow"' in bundle.read_text(encoding="utf-8")

    other = open_store(str(tmp_path / "other.sqlite3"), backup_dir=tmp_path / "b2")
    try:
        report = import_bundle_files(other, [bundle], today=TODAY)
        assert report.workflows_imported == 1
        assert load_workflow(other, "RR-1").record == before
        again = import_bundle_files(other, [bundle], today=TODAY)
        assert again.workflows_imported == 0 and not again.conflicts
    finally:
        other.close()


def test_workflow_imports_from_a_streamed_bundle(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_rapid_review(store)
    path = write_agency_request(store, "RR-1", "Police", tmp_path / "p.xlsx", TODAY)
    _fill(path, [(date(2026, 10, 1), None, "Visit", None, None)])
    import_return(store, "RR-1", path, TODAY)
    bundle = tmp_path / "out.rtbundle.json"
    export_bundle(store, bundle)
    monkeypatch.setattr("reviewtool.bundle.stream.STREAM_FROM_BYTES", 0)
    import reviewtool.services.exchange.bundle_import as bundles
    from reviewtool.bundle.stream import Rest

    rests: list[Rest] = []
    original = bundles.stream_bundle

    def recording(*args: object) -> object:
        for part in original(*args):  # type: ignore[arg-type]
            if isinstance(part, Rest):
                rests.append(part)
            yield part

    monkeypatch.setattr(bundles, "stream_bundle", recording)
    other = open_store(str(tmp_path / "other.sqlite3"), backup_dir=tmp_path / "b2")
    try:
        report = import_bundle_files(other, [bundle], today=TODAY)
        assert report.created == 1 and report.workflows_imported == 1
        chronology = load_workflow(other, "RR-1").record.agency_requests[0].chronology
        assert [e.what_happened for e in chronology] == ["Visit"]
        assert rests and len(rests[0].header.workflow) == 1  # it was read as a stream
    finally:
        other.close()
