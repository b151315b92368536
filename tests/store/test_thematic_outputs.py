"""The thematic summary's outputs: PDF, HTML, XLSX and DOCX, from a hand-worked fixture."""

from __future__ import annotations

import io
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from reviewtool.services.outputs.publication import PublicationBlocked
from reviewtool.services.outputs.thematic import ThematicRequest
from reviewtool.services.outputs.thematic_export import ThematicOutputs, export_thematic
from reviewtool.services.store import Store
from tests.cli_runner import CliResult, run_cli
from tests.documents import document_text
from tests.store.test_thematic_analysis import TODAY

SECTIONS = [
    "Key findings",
    "How the reviews were analysed",
    "The reviews and the children",
    "Child factors",
    "Parent / carer factors",
    "Professional / practice factors",
    "Good practice",
    "Recurring and repeat themes",
    "Themes found together",
    "Comparison with national figures",
    "Recommendations and actions",
    "Appendix: the reviews",
]
REQUEST = ThematicRequest(
    date(2023, 1, 1),
    date(2023, 12, 31),
    compare_from=date(2021, 1, 1),
    compare_to=date(2021, 12, 31),
)


def outputs(tmp_path: Path, name: str = "t") -> ThematicOutputs:
    return ThematicOutputs(
        tmp_path / f"{name}.pdf",
        tmp_path / f"{name}.html",
        tmp_path / f"{name}.xlsx",
        tmp_path / f"{name}.docx",
    )


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_pdf_holds_findings_sections_and_every_review(fixture_store: Store, tmp_path: Path) -> None:
    files = outputs(tmp_path)
    model = export_thematic(fixture_store, REQUEST, files, today=TODAY)
    text = pdf_text(files.pdf)  # type: ignore[arg-type]
    flat = " ".join(text.split())
    for finding in model.findings:
        assert " ".join(finding.split()) in flat, finding
    for section in SECTIONS:
        assert section in text, section
    for reference in ("R1", "R2", "R3", "R4", "C5", "R6"):
        assert re.search(rf"^{reference} ", text, re.MULTILINE), reference
    assert not re.search(r"^R5 ", text, re.MULTILINE)  # folded into C5
    assert "OFFICIAL-SENSITIVE" in text
    fonts = subprocess.run(
        ["pdffonts", str(files.pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts and all(re.search(r"yes\s+yes\s+yes", line) for line in fonts)


def test_html_twin_structure(fixture_store: Store, tmp_path: Path) -> None:
    files = outputs(tmp_path)
    export_thematic(fixture_store, REQUEST, files, today=TODAY)
    html = files.html.read_text(encoding="utf-8")  # type: ignore[union-attr]
    assert '<html lang="en-GB">' in html and html.count("<h1") == 1
    for section in SECTIONS:
        assert f">{section.replace('/', '/')}</h2>" in html.replace("&#x27;", "'"), section
    assert '<th scope="col">' in html and '<th scope="row">' in html
    assert 'role="img" aria-label="Parent / carer factors: Domestic abuse: 4 of 6 reviews' in html


def test_xlsx_matches_the_database(fixture_store: Store, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    files = outputs(tmp_path)
    export_thematic(fixture_store, REQUEST, files, today=TODAY)
    workbook = load_workbook(files.xlsx, read_only=True)  # type: ignore[arg-type]
    rows = list(workbook["Cases x themes"].iter_rows(values_only=True))
    groups, labels, codes, cases = rows[0], rows[1], rows[2], rows[3:]
    assert labels[:2] == ("Reference", "Kind")
    column = codes.index("parent.domestic_abuse")
    assert groups[column] == "Parent / carer factors" and labels[column] == "Domestic abuse"
    by_reference = {case[0]: case for case in cases}
    assert set(by_reference) == {"R1", "R2", "R3", "R4", "C5", "R6"}
    assert [by_reference[r][column] for r in ("R1", "R2", "R3", "R4", "C5", "R6")] == [
        1,
        1,
        1,
        0,
        1,
        0,
    ]
    assert groups[0] == "1 = the theme was found in the review; 0 = not found"
    assert by_reference["R3"][labels.index("Children")] == 2
    assert by_reference["R3"][labels.index("Youngest age band")] == "under 1"
    actions = list(workbook["Action tracker"].iter_rows(values_only=True))
    assert actions[0][0] == "Review" and len(actions) == 1  # the fixture has no actions
    full = load_workbook(files.xlsx)  # type: ignore[arg-type]
    sheet = full["Cases x themes"]
    assert sheet.freeze_panes == "B4" and sheet.auto_filter.ref.startswith("A2:")
    assert sheet.column_dimensions["A"].width > 15
    assert full["Action tracker"].freeze_panes == "A2"


def test_docx_chapter_for_the_annual_report(fixture_store: Store, tmp_path: Path) -> None:
    from docx import Document

    files = outputs(tmp_path)
    export_thematic(fixture_store, REQUEST, files, today=TODAY)
    document = Document(str(files.docx))
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    assert headings[0] == ("Heading 1", "Learning from practice reviews")
    assert ("Heading 3", "C5: C5") in headings and ("Heading 2", "Recurring themes") in headings


@pytest.mark.parametrize(
    "period", [(date(2010, 1, 1), date(2010, 12, 31)), (date(2023, 6, 1), date(2023, 6, 30))]
)
def test_empty_and_one_review_periods_give_a_document(
    fixture_store: Store,
    tmp_path: Path,
    period: tuple[date, date],
) -> None:
    files = outputs(tmp_path)
    export_thematic(fixture_store, ThematicRequest(*period), files, today=TODAY)
    expected = {
        ".pdf": "Key findings",
        ".html": "Key findings",
        ".xlsx": "Cases x themes",
        ".docx": "Learning from practice reviews",
    }
    for path in files.paths():
        assert expected[path.suffix] in document_text(path), path.name


def test_identifying_text_blocks_the_summary(fixture_store: Store, tmp_path: Path) -> None:
    from reviewtool.services.reviews.editing import get_review, save_review

    loaded = get_review(fixture_store, "R1")
    record = loaded.record.model_copy(update={"title": "Child R, born on 01/02/2023"})
    save_review(fixture_store, record, loaded.version)
    with pytest.raises(PublicationBlocked):
        export_thematic(fixture_store, REQUEST, outputs(tmp_path), today=TODAY)
    assert not (tmp_path / "t.pdf").exists()


def test_thematic_command(fixture_store: Store, tmp_path: Path) -> None:
    db = str(fixture_store.database.path)
    fixture_store.close()

    def run(*args: str) -> CliResult:
        return run_cli("thematic", *args, db=db)

    ok = run(
        "--from",
        "2023-01-01",
        "--to",
        "2023-12-31",
        "--compare-from",
        "2021-01-01",
        "--compare-to",
        "2021-12-31",
        "--out",
        str(tmp_path / "x.pdf"),
        "--xlsx",
        str(tmp_path / "x.xlsx"),
    )
    assert ok.returncode == 0, ok.stderr
    assert "6 reviews analysed" in ok.stdout and (tmp_path / "x.xlsx").exists()
    nothing = run("--from", "2023-01-01", "--to", "2023-12-31")
    assert nothing.returncode == 2 and "where to write" in nothing.stderr
    backwards = run("--from", "2023-12-31", "--to", "2023-01-01", "--out", str(tmp_path / "y.pdf"))
    assert backwards.returncode == 2 and "before" in backwards.stderr
    wrong = run("--from", "2023-01-01", "--to", "2023-12-31", "--out", str(tmp_path / "y.docx"))
    assert wrong.returncode == 2 and "should end in .pdf" in wrong.stderr


def test_contents_page_numbers_are_where_the_sections_start(
    fixture_store: Store, tmp_path: Path
) -> None:
    files = ThematicOutputs(pdf=tmp_path / "c.pdf")
    export_thematic(fixture_store, REQUEST, files, today=TODAY)

    def page(number: int) -> str:
        return subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), "-raw", str(files.pdf), "-"],
            capture_output=True,
            text=True,
        ).stdout

    contents = page(2)
    for section in SECTIONS:
        match = re.search(rf"^{re.escape(section)} (\d+)$", contents, re.MULTILINE)
        assert match, section
        assert re.search(rf"^{re.escape(section)}$", page(int(match.group(1))), re.MULTILINE), (
            section
        )
    # The numbers are drawn, not only in the text layer: ink in their column of page 2.
    from PIL import Image

    png = subprocess.run(
        ["pdftoppm", "-f", "2", "-l", "2", "-r", "40", "-gray", "-png", str(files.pdf)],
        capture_output=True,
        check=True,
    ).stdout
    image = Image.open(io.BytesIO(png)).convert("L")
    width, height = image.size
    numbers = image.crop((int(width * 0.84), int(height * 0.08), int(width * 0.92), height // 2))
    assert numbers.getextrema()[0] < 128


def test_a_large_appendix_lists_each_review_on_one_line(
    fixture_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("reviewtool.reports.thematic_appendix.APPENDIX_THEMES_UP_TO", 2)
    files = ThematicOutputs(pdf=tmp_path / "large.pdf")
    model = export_thematic(fixture_store, REQUEST, files, today=TODAY)
    flat = " ".join(pdf_text(tmp_path / "large.pdf").split())
    appendix = flat[flat.rindex("Appendix: the reviews") :]
    assert f"All {len(model.appendix)} reviews, one line each" in appendix
    assert "cases x themes sheet" in appendix and "Actions done" in appendix
    for row in model.appendix:
        assert f"{row.reference} {row.kind_short}" in appendix
        assert all(theme not in appendix for theme in row.themes)


def test_bulk_work_restores_the_garbage_collector() -> None:
    import gc

    from reviewtool.services.bulk_work import without_gc_pauses

    assert gc.isenabled()
    with pytest.raises(RuntimeError), without_gc_pauses():
        assert not gc.isenabled()
        raise RuntimeError("work failed")
    assert gc.isenabled()


def test_the_check_covers_what_each_output_publishes(fixture_store: Store, tmp_path: Path) -> None:
    """The PDF shows overdue actions, the spreadsheet every action: each is checked for what
    it carries."""
    import uuid

    from reviewtool.bundle.schema import ActionRecord, RecommendationRecord
    from reviewtool.domain.enums import ActionStatus
    from reviewtool.services.reviews.editing import get_review, save_review

    def give_actions(overdue_text: str) -> None:
        loaded = get_review(fixture_store, "R1")
        recommendation = RecommendationRecord(
            id=str(uuid.uuid4()),
            text="Improve information sharing",
            actions=[
                ActionRecord(id=str(uuid.uuid4()), text=overdue_text, due=date(2024, 1, 31)),
                ActionRecord(
                    id=str(uuid.uuid4()),
                    text="Audit of referrals",
                    status=ActionStatus.COMPLETE,
                    completed=date(2024, 3, 1),
                    assurance="Confirmed by phone on 07700 900123",
                ),
            ],
        )
        save_review(
            fixture_store,
            loaded.record.model_copy(update={"recommendations": [recommendation]}),
            loaded.version,
        )

    give_actions("Write to jo.bloggs@example.org about the plan")
    pdf_only = ThematicOutputs(pdf=tmp_path / "summary.pdf")
    with pytest.raises(PublicationBlocked) as blocked:
        export_thematic(fixture_store, REQUEST, pdf_only, today=TODAY)
    assert {hit.where for hit in blocked.value.hits} == {"overdue action of R1"}

    give_actions("Write to the family about the plan")
    export_thematic(fixture_store, REQUEST, pdf_only, today=TODAY)  # the phone is not in it
    assert (tmp_path / "summary.pdf").exists()
    with pytest.raises(PublicationBlocked) as blocked:
        export_thematic(
            fixture_store, REQUEST, ThematicOutputs(xlsx=tmp_path / "s.xlsx"), today=TODAY
        )
    assert {hit.rule for hit in blocked.value.hits} == {"phone number"}


def test_progress_is_told_and_a_stop_after_the_check_writes_nothing(
    fixture_store: Store, tmp_path: Path
) -> None:
    told: list[tuple[int, int]] = []

    class Stop(Exception):
        pass

    def progress(done: int, total: int) -> None:
        told.append((done, total))
        if done == 2:
            raise Stop

    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(Stop):
        export_thematic(fixture_store, REQUEST, outputs(folder), today=TODAY, progress=progress)
    assert told == [(0, 3), (1, 3), (2, 3)]
    assert list(folder.iterdir()) == []
