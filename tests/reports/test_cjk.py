"""Chinese, Japanese and Korean names in every PDF: the text reads back, and its glyphs come
from the shipped East Asian fonts (embedded), in the designed and the tagged documents."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reviewtool.reports.briefing_html import briefing_html
from reviewtool.reports.briefing_pdf import write_briefing_pdf
from reviewtool.reports.fonts import CJK, HANGUL, pdf_markup
from reviewtool.reports.slides_html import slides_html
from reviewtool.reports.slides_pdf import write_slides_pdf
from reviewtool.reports.tagged_pdf import write_tagged_pdf
from reviewtool.reports.thematic_html import thematic_html
from reviewtool.reports.thematic_pdf import write_thematic_pdf
from tests.reports import stress

NAMES = ["王小明", "山田太郎", "さくら・カタヤマ", "김민준", "東京「品川区」", "서울"]
# A character of each kind and the font (as embedded, after the subset prefix) it must use.
GLYPHS = {"王": "CJK", "さ": "CJK", "カ": "CJK", "「": "CJK", "１": "CJK", "김": "Hangul"}


def text_of(path: Path) -> str:
    raw = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    return "".join(raw.split())


def fonts_of(path: Path) -> dict[str, set[str]]:
    """For each character of GLYPHS, the fonts its drawn copies use."""
    import pdfplumber

    found: dict[str, set[str]] = {char: set() for char in GLYPHS}
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for char in page.chars:
                if char["text"] in found:
                    found[char["text"]].add(char["fontname"].split("+")[-1])
    return found


def assert_cjk(path: Path, designed: bool) -> None:
    text = text_of(path)
    for name in NAMES:
        assert name in text
    expected = (
        {"CJK": CJK, "Hangul": HANGUL}
        if designed
        else {
            "CJK": "Shipped-CJK",
            "Hangul": "Shipped-Hangul",
        }
    )
    for char, fonts in fonts_of(path).items():
        assert fonts, char
        assert all(font.startswith(expected[GLYPHS[char]]) for font in fonts), (char, fonts)
    fonts_listed = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True)
    for line in fonts_listed.stdout.splitlines()[2:]:
        assert " yes " in line  # every font embedded


def test_designed_briefing_thematic_and_slides(tmp_path: Path) -> None:
    assert_cjk(write_briefing_pdf(stress.briefing("scripts"), tmp_path / "b.pdf"), True)
    assert_cjk(write_thematic_pdf(stress.thematic("scripts"), tmp_path / "t.pdf"), True)
    assert_cjk(write_slides_pdf(stress.deck("scripts"), tmp_path / "s.pdf"), True)


@pytest.mark.parametrize("document", ["briefing", "thematic", "slides"])
def test_tagged_documents(document: str, tmp_path: Path) -> None:
    html = {
        "briefing": lambda: briefing_html(stress.briefing("scripts")),
        "thematic": lambda: thematic_html(stress.thematic("scripts")),
        "slides": lambda: slides_html(stress.deck("scripts")),
    }[document]()
    path = write_tagged_pdf(html, tmp_path / "t.pdf")
    assert_cjk(path, False)
    if document == "slides":  # the long title in wide characters still fits its slide
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
        assert f"Pages:           {1 + len(stress.deck('scripts').slides)}" in info


def test_the_chart_labels_and_footer_use_the_fallback_fonts(tmp_path: Path) -> None:
    import pdfplumber

    path = write_thematic_pdf(stress.thematic("scripts"), tmp_path / "t.pdf")
    with pdfplumber.open(path) as pdf:
        footer = [c for c in pdf.pages[2].chars if c["top"] > pdf.pages[2].height - 40]
    assert {c["fontname"].split("+")[-1] for c in footer if c["text"] == "王"} == {CJK}
    # The chart's category labels are drawn runs, not one-font axis labels.
    assert "김민준theme9" in text_of(path)


def test_markup_routes_each_script_to_its_font() -> None:
    markup = pdf_markup("Lev 王小明 김민준 さくら")
    assert f'<font name="{CJK}">王小明</font>' in markup
    assert f'<font name="{HANGUL}">김민준</font>' in markup
    assert f'<font name="{CJK}">さくら</font>' in markup
    assert markup.startswith("Lev ")


def test_the_east_asian_fonts_load_only_when_a_document_needs_them(tmp_path: Path) -> None:
    script = (
        "from pathlib import Path\n"
        "from reviewtool.reports import fonts\n"
        "from reviewtool.reports.briefing_pdf import write_briefing_pdf\n"
        "from tests.reports import stress\n"
        f"write_briefing_pdf(stress.briefing('long'), Path({str(tmp_path / 'b.pdf')!r}))\n"
        "print(sorted(fonts._on_demand))\n"
        "fonts.pdf_markup('王')\n"
        "print(sorted(fonts._on_demand))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    assert done.stdout.split("\n")[:2] == ["[]", f"['{CJK}']"]


def test_word_names_an_east_asian_font_and_office_files_keep_the_text(tmp_path: Path) -> None:
    from docx import Document
    from docx.oxml.ns import qn
    from pptx import Presentation

    from reviewtool.reports.briefing_docx import write_briefing_docx
    from reviewtool.reports.docx_style import EAST_ASIAN_FONT
    from reviewtool.reports.slides_pptx import write_slides_pptx

    document = Document(str(write_briefing_docx(stress.briefing("scripts"), tmp_path / "b.docx")))
    for name in ("Normal", "Heading 1", "Title"):
        fonts = document.styles[name].element.rPr.rFonts
        assert fonts.get(qn("w:eastAsia")) == EAST_ASIAN_FONT
        assert fonts.get(qn("w:eastAsiaTheme")) is None
    text = "".join("".join(p.text.split()) for p in document.paragraphs)
    assert all(name in text for name in NAMES)
    deck = Presentation(str(write_slides_pptx(stress.deck("scripts"), tmp_path / "s.pptx")))
    shown = "".join(
        "".join(shape.text_frame.text.split())
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame
    )
    assert all(name in shown for name in NAMES)
