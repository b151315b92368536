"""The PDF/UA-1 check (tests/pdfua.py) on every tagged document the program writes, with long,
short and many-script (Chinese, Japanese, Korean) content, and a self-test showing the check
fails documents that break the rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewtool.reports.briefing_html import briefing_html
from reviewtool.reports.briefing_pdf import write_briefing_pdf
from reviewtool.reports.slides_html import slides_html
from reviewtool.reports.tagged_pdf import write_tagged_pdf
from reviewtool.reports.thematic_html import thematic_html
from tests.pdfua import pdfua_problems
from tests.reports import stress


@pytest.mark.parametrize("kind", stress.KINDS)
def test_tagged_briefing_passes_the_pdfua_check(kind: str, tmp_path: Path) -> None:
    path = write_tagged_pdf(briefing_html(stress.briefing(kind)), tmp_path / "b.pdf")
    assert pdfua_problems(path) == []


@pytest.mark.parametrize("kind", ["short", "scripts"])
def test_tagged_thematic_summary_passes_the_pdfua_check(kind: str, tmp_path: Path) -> None:
    path = write_tagged_pdf(thematic_html(stress.thematic(kind)), tmp_path / "t.pdf")
    assert pdfua_problems(path) == []


@pytest.mark.parametrize("kind", stress.KINDS)
def test_tagged_slides_pass_the_pdfua_check(kind: str, tmp_path: Path) -> None:
    path = write_tagged_pdf(slides_html(stress.deck(kind)), tmp_path / "s.pdf")
    assert pdfua_problems(path) == []


def test_the_check_fails_an_untagged_pdf(tmp_path: Path) -> None:
    path = write_briefing_pdf(stress.briefing("short"), tmp_path / "b.pdf")
    problems = pdfua_problems(path)
    assert "catalog: no StructTreeRoot (the document is not tagged)" in problems
    assert "catalog: MarkInfo Marked is not true" in problems
    assert "XMP: no PDF/UA identifier (pdfuaid:part 1)" in problems or (
        "catalog: no XMP metadata" in problems
    )


def test_the_check_fails_a_header_cell_without_scope(tmp_path: Path) -> None:
    import pikepdf

    path = write_tagged_pdf(thematic_html(stress.thematic("short")), tmp_path / "t.pdf")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        header = next(e for e in _elements(pdf.Root.StructTreeRoot) if e.S == "/TH")
        attributes = header.A
        for owned in attributes if isinstance(attributes, pikepdf.Array) else [attributes]:
            if isinstance(owned, pikepdf.Dictionary) and "/Scope" in owned:
                del owned["/Scope"]
        pdf.save(path)
    assert any(problem.startswith("TH without Scope") for problem in pdfua_problems(path))


def test_the_check_fails_page_furniture_left_untagged(tmp_path: Path) -> None:
    """WeasyPrint's own output, before the program's pass: the running footer is marked
    content of an element outside the structure tree."""
    from weasyprint import HTML

    path = tmp_path / "raw.pdf"
    HTML(string=briefing_html(stress.briefing("short"))).write_pdf(
        str(path), pdf_variant="pdf/ua-1"
    )
    problems = pdfua_problems(path)
    assert any("belongs to no structure element" in problem for problem in problems)
    assert any("neither tagged nor an Artifact" in problem for problem in problems)


def test_the_check_fails_text_outside_marked_content(tmp_path: Path) -> None:
    import pikepdf

    path = write_tagged_pdf(briefing_html(stress.briefing("short")), tmp_path / "b.pdf")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        page = pdf.pages[0]
        font = next(iter(page.Resources.Font.keys()))
        extra = f"BT {font} 9 Tf 20 20 Td (stray) Tj ET".encode()
        page.contents_add(pdf.make_stream(extra), prepend=False)
        pdf.save(path)
    assert "page 1: text neither tagged nor an Artifact" in pdfua_problems(path)


def _elements(parent: object) -> list[object]:
    from tests.pdfua import _walk

    return list(_walk(parent))


def _break_id_tree(pdf: object) -> None:
    del pdf.Root.StructTreeRoot["/IDTree"]  # type: ignore[attr-defined]


def _break_link(pdf: object) -> None:
    for page in pdf.pages:  # type: ignore[attr-defined]
        for annotation in page.obj.get("/Annots") or []:
            del annotation["/Contents"]
        if "/Annots" in page.obj:
            del page.obj["/Tabs"]


def _skip_a_heading(pdf: object) -> None:
    import pikepdf

    heading = next(e for e in _elements(pdf.Root.StructTreeRoot) if e.S == "/H2")  # type: ignore[attr-defined]
    heading.S = pikepdf.Name("/H4")


def _figure_without_alt(pdf: object) -> None:
    import pikepdf

    paragraph = next(e for e in _elements(pdf.Root.StructTreeRoot) if e.S == "/P")  # type: ignore[attr-defined]
    paragraph.S = pikepdf.Name("/Figure")


def _row_outside_a_table(pdf: object) -> None:
    import pikepdf

    row = next(e for e in _elements(pdf.Root.StructTreeRoot) if e.S == "/TR")  # type: ignore[attr-defined]
    row.S = pikepdf.Name("/P")


@pytest.mark.parametrize(
    ("document", "damage", "expected"),
    [
        ("slides", _break_id_tree, "structure elements have IDs but StructTreeRoot has no IDTree"),
        ("briefing", _break_link, "page 2: has annotations but Tabs is not /S"),
        ("briefing", _break_link, "page 2: a link annotation without Contents"),
        ("briefing", _skip_a_heading, "heading level skipped: H1 then H4"),
        ("briefing", _figure_without_alt, "Figure without Alt text"),
        ("slides", _row_outside_a_table, "THead holds P, not TR"),
    ],
)
def test_the_check_fails_damaged_structure(
    document: str, damage: object, expected: str, tmp_path: Path
) -> None:
    import pikepdf

    html = (
        briefing_html(stress.briefing("scripts"))
        if document == "briefing"
        else slides_html(stress.deck("short"))
    )
    path = write_tagged_pdf(html, tmp_path / "d.pdf")
    assert pdfua_problems(path) == []
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        damage(pdf)  # type: ignore[operator]
        pdf.save(path)
    assert expected in pdfua_problems(path)
